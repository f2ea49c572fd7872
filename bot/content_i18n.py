"""Knowledge content in other languages: one PO file per language, Spanish YAML as the source of truth.

locales/<code>/LC_MESSAGES/conocimiento.po holds, per entry, its title (`<id>:titulo`), its answer
(`<id>:respuesta`) and phrasings written in the language (`<id>:frases`, one per line). Each message's
translator comment says its status: `estado: borrador`, or `estado: revisado por NOMBRE, AAAA-MM-DD`.
When the Spanish changes, the export marks the translation fuzzy and the bot shows the Spanish for that
entry until a translator updates it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from bot.i18n import LOCALES_DIR
from bot.knowledge.model import KnowledgeBase

DOMAIN = "conocimiento"
FIELDS = ("titulo", "respuesta", "frases")
REVIEWED_RE = re.compile(r"^estado:\s*revisado por (?P<who>.+?),\s*(?P<when>\d{4}-\d{2}-\d{2})\s*$")
PLACEHOLDER_RE = re.compile(r"\{[^}]*\}")


def content_path(code: str, directory: Path = LOCALES_DIR) -> Path:
    return directory / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def phrasings_msgid(title: str) -> str:
    return f"Frases con que se pregunta por «{title}», una por línea"


@dataclass(frozen=True)
class Translated:
    title: str
    answer: str
    phrasings: tuple[str, ...]
    reviewed_by: str = ""
    reviewed_on: str = ""

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by)


def _status(message: Message) -> tuple[str, str]:
    for comment in message.user_comments:
        match = REVIEWED_RE.match(comment.strip())
        if match:
            return match["who"], match["when"]
    return "", ""


def _usable(message: Message | None, spanish: str) -> bool:
    # A fuzzy or outdated translation is not shown: the bot falls back to the Spanish.
    return bool(message and message.string and not message.fuzzy and message.id == spanish)


def read_catalog(path: Path) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle)


@dataclass
class ContentTranslations:
    """Usable translations per language and entry (only entries whose title and answer are current)."""

    entries: dict[str, dict[str, Translated]] = field(default_factory=dict)

    @classmethod
    def load(cls, kb: KnowledgeBase, directory: Path = LOCALES_DIR) -> ContentTranslations:
        result = cls()
        for path in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            code = path.parents[1].name
            catalog = read_catalog(path)
            if catalog is None:
                continue
            found: dict[str, Translated] = {}
            for entry in kb.entries.values():
                title = catalog.get(entry.title, context=f"{entry.id}:titulo")
                answer = catalog.get(entry.answer, context=f"{entry.id}:respuesta")
                if not (_usable(title, entry.title) and _usable(answer, entry.answer)):
                    continue
                assert title is not None and answer is not None
                phrases = catalog.get(phrasings_msgid(entry.title), context=f"{entry.id}:frases")
                lines = (
                    str(phrases.string).splitlines()
                    if phrases and phrases.string and not phrases.fuzzy
                    else []
                )
                who, when = _status(answer)
                found[entry.id] = Translated(
                    str(title.string),
                    str(answer.string),
                    tuple(x.strip() for x in lines if x.strip()),
                    who,
                    when,
                )
            result.entries[code] = found
        return result

    def get(self, lang: str, entry_id: str) -> Translated | None:
        return self.entries.get(lang, {}).get(entry_id)

    def phrasings(self, lang: str) -> list[tuple[str, str]]:
        return [(e, p) for e, t in self.entries.get(lang, {}).items() for p in (t.title, *t.phrasings)]


def priority(kb: KnowledgeBase, questions: list[str | None], count: int = 40) -> list[str]:
    """The entries people ask most: by how often the evaluation set asks for them, every area included."""
    asked = Counter(q for q in questions if q)
    ranked = sorted(kb.entries, key=lambda e: (-asked[e], e))
    chosen = ranked[:count]
    for area in kb.areas:  # every area keeps at least its most asked entry among the chosen
        if any(kb.entries[e].area == area.id for e in chosen):
            continue
        best = next((e for e in ranked if kb.entries[e].area == area.id), None)
        areas = Counter(kb.entries[e].area for e in chosen)
        spare = next((e for e in reversed(chosen) if areas[kb.entries[e].area] > 1), None)
        if best and spare:
            chosen[chosen.index(spare)] = best
    return sorted(chosen, key=ranked.index)


def export(
    kb: KnowledgeBase, code: str, order: list[str], directory: Path = LOCALES_DIR
) -> tuple[Path, int, int]:
    """Write or refresh the language's content catalog; returns (path, entries, messages made fuzzy)."""
    template = Catalog(project="Cerrando Brechas", domain=DOMAIN, fuzzy=False)
    ranked = order + [e for e in kb.entries if e not in order]
    for position, entry_id in enumerate(ranked, 1):
        entry = kb.entries[entry_id]
        note = f"prioridad {position}" + (" (de las primeras 40)" if position <= 40 else "")
        template.add(entry.title, context=f"{entry_id}:titulo", auto_comments=[note, "Título corto de botón"])
        template.add(
            entry.answer,
            context=f"{entry_id}:respuesta",
            auto_comments=[
                note,
                "Respuesta: deja igual {param:...} y {desde:...}, números, artículos y URLs",
            ],
        )
        template.add(
            phrasings_msgid(entry.title),
            context=f"{entry_id}:frases",
            auto_comments=[note, "Escribe en tu idioma cómo pregunta la gente esto, una frase por línea"],
        )
    path = content_path(code, directory)
    existing = read_catalog(path)
    catalog = existing or Catalog(locale=None, domain=DOMAIN, project="Cerrando Brechas", fuzzy=False)
    before = {(m.context, m.id): m.fuzzy for m in catalog if m.id}
    catalog.update(template, no_fuzzy_matching=False)
    newly_fuzzy = sum(1 for m in catalog if m.id and m.fuzzy and not before.get((m.context, m.id), False))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, no_location=True, ignore_obsolete=True)
    return path, len(ranked), newly_fuzzy


def problems(catalog: Catalog) -> list[str]:
    """What would make an imported catalog unsafe to show: changed placeholders, unknown statuses."""
    found = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        context = message.context or ""
        changed = sorted(PLACEHOLDER_RE.findall(str(message.id))) != sorted(
            PLACEHOLDER_RE.findall(str(message.string))
        )
        if context.endswith((":respuesta", ":titulo")) and changed:
            found.append(f"{context}: los marcadores {{...}} no coinciden con el español")
        statuses = [c for c in message.user_comments if c.strip().startswith("estado:")]
        for status in statuses:
            if status.strip() != "estado: borrador" and not REVIEWED_RE.match(status.strip()):
                found.append(
                    f"{context}: estado «{status.strip()}» no es «borrador» ni «revisado por NOMBRE, FECHA»"
                )
    return found


def import_file(source: Path, code: str, directory: Path = LOCALES_DIR) -> tuple[int, list[str]]:
    """Bring a translator's file back: validated, then merged over the language's catalog."""
    incoming = read_catalog(source)
    if incoming is None:
        return 0, [f"{source}: no existe"]
    found = problems(incoming)
    if found:
        return 0, found
    path = content_path(code, directory)
    target = read_catalog(path) or Catalog(
        locale=None, domain=DOMAIN, project="Cerrando Brechas", fuzzy=False
    )
    copied = 0
    for message in incoming:
        if not message.id or not message.string:
            continue
        current = target.get(message.id, context=message.context)
        if current is None:
            continue  # a message the Spanish no longer has
        current.string = message.string
        current.flags = set(message.flags)
        current.user_comments = list(message.user_comments) or ["estado: borrador"]
        copied += 1
    with path.open("wb") as handle:
        write_po(handle, target, width=0, no_location=True, ignore_obsolete=True)
    return copied, []


def coverage(kb: KnowledgeBase, code: str, directory: Path = LOCALES_DIR) -> tuple[int, int, int]:
    """(entries translated and current, of which reviewed, entries with a fuzzy translation)."""
    translated = ContentTranslations.load(kb, directory).entries.get(code, {})
    catalog = read_catalog(content_path(code, directory))
    fuzzy = 0
    if catalog is not None:
        fuzzy = len({(m.context or "").split(":")[0] for m in catalog if m.id and m.fuzzy and m.string})
    return len(translated), sum(t.reviewed for t in translated.values()), fuzzy

"""`python -m bot kb check`: everything that can be checked about the knowledge base without a person.

Structure and types come from the loader; this adds cross-references, dates, URLs, yearly parameters
missing their new value (warnings), colliding phrasings, answer length and, when ../shared/law exists,
that every cited article exists in the law's text.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bot.formatting import number
from bot.i18n import Translator
from bot.knowledge.loader import DEFAULT_DIR, Problem, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.render import placeholders, render
from bot.matching.normalize import Normalizer
from bot.matching.urgent import signal_problems

LAW_DIR = Path(__file__).resolve().parents[3] / "shared" / "law"
CHECKED_LAWS = ("LFT", "LSS", "LFPED", "LFPDPPP")
SUFFIXES = ("bis", "ter", "quater", "quintus", "sexies", "septies", "octies", "nonies")
CITATION_RE = re.compile(
    r"^(?P<law>LFT|LSS|LFPED|LFPDPPP) (?P<num>\d+)(?:o|º)?"
    r"(?P<letter>-[A-Z]| [A-Z](?=$| ))?"
    r"(?P<suffix> (?:Bis|Ter|Quáter|Quater|Quintus|Sexies))?"
    r"(?: fr\. [IVXL]+(?: Bis| Ter)?)?(?: párr\. \d+)?$"
)
MAX_ANSWER = 750  # the guideline is ~700 characters; the bot's footer adds the basis and the source
HARD_MAX_ANSWER = 1000
MAX_FIRST_SENTENCE = 200
REVIEW_MAX_DAYS = 365
PHONE_RE = re.compile(r"^[*#]?\d[\d ]*\d$|^\d{3}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def article_index(law_file: Path) -> set[str]:
    """Article ids present in a law's Markdown: '87', '331 bis', '239-c', '5 a'."""
    ids: set[str] = set()
    lines = law_file.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("### Artículo "):
            continue
        raw = _fold(line[len("### Artículo ") :].strip())
        raw = re.sub(r"(?<=\d)[oº]$", "", raw)
        following = next((_fold(n.strip()) for n in lines[i + 1 : i + 3] if n.strip()), "")
        suffix = next((s for s in SUFFIXES if following.startswith(s)), None)
        ids.add(f"{raw} {suffix}" if suffix else raw)
    return ids


def citation_key(match: re.Match[str]) -> str:
    key = match["num"] + (_fold(match["letter"]) if match["letter"] else "")
    if match["suffix"]:
        key += " " + _fold(match["suffix"].strip())
    return key


def check(kb: KnowledgeBase, today: dt.date, law_dir: Path | None = LAW_DIR) -> list[Problem]:
    problems: list[Problem] = []
    entries = list(kb.entries.values())
    laws = {}
    if law_dir is not None and law_dir.is_dir():
        laws = {
            law: article_index(law_dir / f"{law}.md")
            for law in CHECKED_LAWS
            if (law_dir / f"{law}.md").exists()
        }

    for entry in entries:
        where = entry.path, entry.line

        def add(message: str, warning: bool = False, where: tuple[Path, int] = where) -> None:
            problems.append(Problem(where[0], where[1], message, warning))

        for related in entry.related:
            if related not in kb.entries:
                add(f"'{entry.id}': relacionada '{related}' no existe")
            elif related == entry.id:
                add(f"'{entry.id}': se relaciona consigo misma")
        for source in entry.sources:
            parsed = urlparse(source.url)
            if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in source.url:
                add(f"'{entry.id}': URL mal formada: {source.url!r}")
            if source.consulted > today:
                add(f"'{entry.id}': fecha de consulta en el futuro ({source.consulted})")
        if entry.reviewed != dt.date.min and (today - entry.reviewed).days > REVIEW_MAX_DAYS:
            add(f"'{entry.id}': revisado el {entry.reviewed}, hace más de 12 meses: revísala de nuevo")
        if entry.reviewed > today:
            add(f"'{entry.id}': fecha de revisión en el futuro ({entry.reviewed})")
        if not entry.legal_basis:
            add(f"'{entry.id}': falta base_legal")
        for citation in entry.legal_basis:
            match = CITATION_RE.match(citation)
            if match is None:
                words = citation.split(" ")
                if words[0] in CHECKED_LAWS and len(words) > 1 and words[1][:1].isdigit():
                    add(f"'{entry.id}': cita '{citation}' mal escrita (forma: 'LFT 331 Ter', 'LSS 239-C')")
                continue
            index = laws.get(match["law"])
            if index is not None and citation_key(match) not in index:
                add(f"'{entry.id}': el artículo '{citation}' no existe en el texto de la {match['law']}")
        for name in placeholders(entry.answer):
            if name not in kb.parameters:
                add(f"'{entry.id}': parámetro '{name}' no existe en parametros.yaml")
            elif kb.parameters[name].at(today) is None:
                add(f"'{entry.id}': parámetro '{name}' no tiene valor vigente hoy")
        try:
            rendered = render(kb, entry.answer, today)
        except KeyError:
            rendered = entry.answer
        if len(rendered) > HARD_MAX_ANSWER:
            add(f"'{entry.id}': respuesta de {len(rendered)} caracteres (máximo {HARD_MAX_ANSWER})")
        elif len(rendered) > MAX_ANSWER:
            add(f"'{entry.id}': respuesta de {len(rendered)} caracteres (la guía es ~700)", warning=True)
        first = re.split(r"(?<=[.!?])\s|\n", rendered.strip(), maxsplit=1)[0]
        if len(first) > MAX_FIRST_SENTENCE:
            add(
                f"'{entry.id}': la primera oración tiene {len(first)} caracteres; debe ser corta",
                warning=True,
            )

    problems.extend(_parameter_problems(kb, today))
    problems.extend(_collisions(kb))
    problems.extend(_organization_problems(kb, today))
    return problems


def _organization_problems(kb: KnowledgeBase, today: dt.date) -> Iterable[Problem]:
    """Cross-references and contact formats of organizaciones.yaml (codes and labels: the loader)."""
    codes = {o.code for o in kb.organizations}
    for organization in kb.organizations:
        where, name = (organization.path, organization.line), organization.code
        if organization.entry and organization.entry not in kb.entries:
            yield Problem(*where, f"'{name}': entrada '{organization.entry}' no existe")
        for code in organization.replaces:
            if code not in codes:
                yield Problem(*where, f"'{name}': en_lugar_de '{code}' no es un código de organización")
        if organization.replaces and not organization.states:
            yield Problem(*where, f"'{name}': 'en_lugar_de' solo sirve con 'estados'")
        for contact in organization.contacts:
            value = contact.value
            if contact.kind == "web":
                parsed = urlparse(value)
                if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in value:
                    yield Problem(*where, f"'{name}': URL mal formada: {value!r}")
            elif contact.kind == "telefono" and not PHONE_RE.match(value):
                yield Problem(
                    *where, f"'{name}': teléfono mal escrito: {value!r} (solo dígitos, espacios, * y #)"
                )
            elif contact.kind == "correo" and not EMAIL_RE.match(value):
                yield Problem(*where, f"'{name}': correo mal escrito: {value!r}")
        if organization.reviewed > today:
            yield Problem(*where, f"'{name}': fecha de revisión en el futuro ({organization.reviewed})")
        elif organization.reviewed != dt.date.min and (today - organization.reviewed).days > REVIEW_MAX_DAYS:
            yield Problem(*where, f"'{name}': revisado el {organization.reviewed}, hace más de 12 meses")


@dataclass(frozen=True)
class YearlyGap:
    name: str
    year: int  # the year whose value is missing
    last_year: int  # the year of the last value there is
    needed_from: dt.date
    stale: bool  # already past: the bot is using last year's figure, marked as not confirmed


def yearly_gaps(kb: KnowledgeBase, today: dt.date) -> list[YearlyGap]:
    """Yearly parameters whose new value is missing: stale already, or due within the next new year
    (listed from 1 December on: minimum wages are published in December, Bienestar amounts in January,
    the UMA takes effect on 1 February)."""
    gaps = []
    for parameter in kb.parameters.values():
        expiry = parameter.expires()
        if expiry is None or today < dt.date(expiry.year - 1, 12, 1):
            continue
        stale = today >= expiry
        year = today.year if stale else expiry.year
        gaps.append(YearlyGap(parameter.name, year, parameter.values[-1].since.year, expiry, stale))
    return gaps


def _parameter_problems(kb: KnowledgeBase, today: dt.date) -> Iterable[Problem]:
    # Warnings, not errors: the running bot marks such figures as provisional, and the build must not
    # break because the calendar moved.
    path = DEFAULT_DIR / "parametros.yaml"
    for gap in yearly_gaps(kb, today):
        if gap.stale:
            message = (
                f"'{gap.name}': falta el valor de {gap.year} (parámetro anual); el bot da el de "
                f"{gap.last_year} diciendo que el nuevo aún no está confirmado"
            )
        else:
            message = (
                f"'{gap.name}': falta el valor de {gap.year}, que se necesita desde el "
                f"{gap.needed_from.isoformat()}; agrégalo en cuanto se publique"
            )
        yield Problem(path, 0, message, warning=True)


def _collisions(kb: KnowledgeBase) -> Iterable[Problem]:
    normalize = Normalizer.from_tables(kb.synonyms)
    seen: dict[str, str] = {}
    for entry in kb.entries.values():
        for phrasing in entry.phrasings:
            key = normalize(phrasing)
            owner = seen.setdefault(key, entry.id)
            if owner != entry.id:
                yield Problem(
                    entry.path,
                    entry.line,
                    f"la frase «{phrasing}» de '{entry.id}' es igual a una de '{owner}'",
                )


def summary(kb: KnowledgeBase) -> str:
    phrasings = sum(len(e.phrasings) for e in kb.entries.values())
    languages = len(Translator().languages)
    return (
        f"{number(len(kb.entries), 0)} entries, {number(phrasings, 0)} phrasings, "
        f"{languages} language{'s' if languages != 1 else ''}"
    )


def main(directory: Path = DEFAULT_DIR, today: dt.date | None = None, law_dir: Path | None = LAW_DIR) -> int:
    today = today or dt.date.today()
    kb, problems = load_knowledge(directory)
    problems += check(kb, today, law_dir)
    problems += signal_problems(kb)  # danger words in the other languages point to urgent entries
    errors = [p for p in problems if not p.warning]
    for problem in sorted(problems, key=lambda p: (str(p.path), p.line)):
        print(problem, file=sys.stderr if not problem.warning else sys.stdout)
    if law_dir is None or not law_dir.is_dir():
        print("(sin ../shared/law: no se revisó que los artículos citados existan)")
    print(summary(kb))
    if errors:
        print(f"{len(errors)} error(es)", file=sys.stderr)
        return 1
    return 0

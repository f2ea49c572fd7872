"""Words that show present danger, in every language the bot speaks, each pointing to an urgent entry.

Spanish signals are the `senales_urgentes` table of knowledge/sinonimos.yaml; every other language has
locales/<code>/senales_urgentes.yaml (drafts until a native speaker reviews them, like all translations).
Signals are compared on folded text with apostrophes dropped: people type k'op, k’op and kop alike, and
the glottal stop is often left out on a phone. Inside a signal a word may start or end with `*` (these
languages glue person and aspect onto the verb: `*smaj*` is "hit" whoever hits whom), and ` + ` joins
phrases that must all appear, in any order ("veneno + chamel": poison and sickness in one message).
Every language's signals are checked, her chosen language first: someone who chose Spanish may still
write her emergency in Tsotsil.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.i18n import LANGUAGES, LOCALES_DIR, SOURCE_LANGUAGE
from bot.knowledge.loader import Problem
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.yaml_source import LineDict, YamlProblem, read_yaml
from bot.matching.normalize import fold

FILENAME = "senales_urgentes.yaml"
SPANISH_TABLE = "senales_urgentes"
MIN_CORE = 4  # letters a wildcard word must keep: "*maj*" alone would match far too much
_APOSTROPHES = re.compile(r"['’‘`´ʼʻꞌ]")
_WORD = "[a-z0-9]*"
REVIEWED_RE = re.compile(r"^revisado por .+?,\s*\d{4}-\d{2}-\d{2}$")


def squash(text: str) -> str:
    """The form signals are compared in: folded (no accents, case or punctuation), no apostrophes."""
    return fold(_APOSTROPHES.sub("", text))


def _word_pattern(word: str) -> str:
    """A word of a signal as a regex: its letters squashed, `*` at either end allowing more letters."""
    core = r"\s+".join(re.escape(t) for t in squash(word.strip("*")).split())
    return (_WORD if word.startswith("*") else "") + core + (_WORD if word.endswith("*") else "")


def compile_signal(signal: str) -> tuple[re.Pattern[str], ...]:
    """One regex per ` + ` part, matching whole words."""
    return tuple(
        re.compile(
            r"\b" + r"\s+".join(_word_pattern(w) for w in part.split() if squash(w.strip("*"))) + r"\b"
        )
        for part in signal.split(" + ")
    )


@dataclass(frozen=True)
class Signal:
    text: str  # as written in the data file
    entry_id: str
    lang: str
    patterns: tuple[re.Pattern[str], ...] = field(compare=False)

    def found_in(self, squashed: str) -> bool:
        return all(p.search(squashed) for p in self.patterns)


@dataclass(frozen=True)
class UrgentSignals:
    """Signals per language, each language's longest first (the most specific phrase wins)."""

    by_lang: Mapping[str, tuple[Signal, ...]]

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, str]], known: Iterable[str]) -> UrgentSignals:
        """`tables`: phrase -> entry id per language; signals for an entry not in `known` are skipped."""
        entries = set(known)
        by_lang = {
            lang: tuple(
                Signal(phrase, entry_id, lang, compile_signal(phrase))
                for phrase, entry_id in sorted(table.items(), key=lambda kv: (-len(kv[0]), kv[0]))
                if entry_id in entries and squash(phrase.replace("+", " "))
            )
            for lang, table in tables.items()
        }
        return cls(by_lang)

    @classmethod
    def load(cls, kb: KnowledgeBase, directory: Path = LOCALES_DIR) -> UrgentSignals:
        tables = {SOURCE_LANGUAGE: dict(kb.synonyms.get(SPANISH_TABLE, {}))}
        tables.update({lang: file.table for lang, file in read_signal_files(directory).items()})
        return cls.from_tables(tables, [e.id for e in kb.entries.values() if e.urgent])

    def find(self, text: str, lang: str = SOURCE_LANGUAGE) -> Signal | None:
        """The first signal in `text`: her language's, then Spanish, then the other languages'."""
        squashed = squash(text)
        order = [lang, SOURCE_LANGUAGE, *sorted(self.by_lang)]
        for code in dict.fromkeys(order):
            for signal in self.by_lang.get(code, ()):
                if signal.found_in(squashed):
                    return signal
        return None

    def count(self, lang: str) -> int:
        return len(self.by_lang.get(lang, ()))


@dataclass
class SignalFile:
    path: Path
    table: dict[str, str] = field(default_factory=dict)  # phrase -> entry id
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_signal_files(directory: Path = LOCALES_DIR) -> dict[str, SignalFile]:
    """Each language's signal file, read with the line of every phrase and any problems of its shape."""
    found: dict[str, SignalFile] = {}
    for path in sorted(directory.glob(f"*/{FILENAME}")):
        file = found[path.parent.name] = SignalFile(path)
        try:
            data = read_yaml(path)
        except YamlProblem as exc:
            file.problems.append(Problem(path, exc.line, exc.message))
            continue
        signals = data.get("senales") if isinstance(data, LineDict) else None
        if not isinstance(data, LineDict) or not isinstance(signals, LineDict):
            file.problems.append(Problem(path, 1, "debe tener 'estado' y un mapa 'senales' (frase: id)"))
            continue
        status = str(data.get("estado", "")).strip()
        if status != "borrador" and not REVIEWED_RE.match(status):
            line = data.line_of("estado")
            file.problems.append(
                Problem(path, line, "'estado' debe ser 'borrador' o 'revisado por NOMBRE, AAAA-MM-DD'")
            )
        for phrase, entry_id in signals.items():
            line = signals.line_of(str(phrase))
            if isinstance(phrase, str) and isinstance(entry_id, str):
                file.table[phrase], file.lines[phrase] = entry_id, line
            else:
                file.problems.append(Problem(path, line, f"'{phrase}': frase e id deben ser texto"))
    return found


def _phrase_problems(phrase: str) -> list[str]:
    problems = []
    for part in phrase.split(" + "):
        if not squash(part.replace("*", " ")):
            problems.append(f"'{phrase}': una parte queda vacía")
        for word in part.split():
            if "*" in word.strip("*"):
                problems.append(f"'{phrase}': '*' solo va al principio o al final de una palabra")
            elif "*" in word and len(squash(word.strip("*")).replace(" ", "")) < MIN_CORE:
                problems.append(f"'{phrase}': '{word}' con * necesita al menos {MIN_CORE} letras")
    return problems


def signal_problems(kb: KnowledgeBase, directory: Path = LOCALES_DIR) -> list[Problem]:
    """What `kb check` reports about the signal files: unknown languages or entries, bad patterns, clashes."""
    problems: list[Problem] = []
    spanish = kb.synonyms.get(SPANISH_TABLE, {})
    seen = {squash(p): (SOURCE_LANGUAGE, e) for p, e in spanish.items()}
    for lang, file in read_signal_files(directory).items():
        problems.extend(file.problems)
        if lang not in LANGUAGES or lang == SOURCE_LANGUAGE:
            message = (
                f"'{lang}' no es un idioma de locales/idiomas.yaml (las señales en español: sinonimos.yaml)"
            )
            problems.append(Problem(file.path, 1, message))
        for phrase, entry_id in file.table.items():

            def add(message: str, where: Path = file.path, line: int = file.lines[phrase]) -> None:
                problems.append(Problem(where, line, message))

            entry = kb.entries.get(entry_id)
            if entry is None:
                add(f"'{phrase}': la entrada '{entry_id}' no existe")
            elif not entry.urgent:
                add(f"'{phrase}': '{entry_id}' no es una entrada urgente")
            for message in _phrase_problems(phrase):
                add(message)
            key = squash(phrase)
            if key in seen and seen[key][1] != entry_id:
                add(f"'{phrase}' lleva a '{entry_id}' pero en {seen[key][0]} a '{seen[key][1]}'")
            seen.setdefault(key, (lang, entry_id))
    return problems


@functools.cache
def _shipped() -> UrgentSignals:
    from bot.knowledge.loader import load_knowledge_strict

    return UrgentSignals.load(load_knowledge_strict())


def urgent_signal(text: str, lang: str = SOURCE_LANGUAGE, signals: UrgentSignals | None = None) -> str | None:
    """The urgent entry id whose danger words `text` contains (in any language, `lang`'s first), or None.

    Pure apart from reading the shipped knowledge and locales once when `signals` is not given.
    """
    found = (signals or _shipped()).find(text, lang)
    return found.entry_id if found else None

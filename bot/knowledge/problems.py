"""Loads knowledge/problemas.yaml: the problems a story can hold and the entry that answers each one.

An entry named there that does not exist (yet) is skipped with a warning, not an error: problems can name
entries being written in parallel, and the next entry of a list stands in until then.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.knowledge.model import AUDIENCES, EMPLOYER, PROBLEM_CODES, SEVERITIES, Entry, ProblemKind
from bot.knowledge.yaml_source import LineDict

PROBLEMS_FILE = "problemas.yaml"
PROBLEM_KEYS = {"gravedad", "respuesta", "urgente", "entradas", "senales", "peligro", "pasado", "excepto"}

# (path, line, message, warning)
Report = list[tuple[Path, int, str, bool]]


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _texts(value: Any) -> tuple[str, ...]:
    return (
        tuple(v.strip() for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else ()
    )


class _Problems:
    def __init__(self, path: Path, entries: Mapping[str, Entry], report: Report) -> None:
        self.path, self.entries, self.report = path, entries, report

    def add(self, line: int, message: str, warning: bool = False) -> None:
        self.report.append((self.path, line, message, warning))

    def first_existing(self, value: Any, line: int, where: str) -> str | None:
        """The first id of `value` (an id or a list of them) that is an entry; warns about the others."""
        ids = _ids(value)
        if value is not None and not ids:
            self.add(line, f"{where}: debe ser un id o una lista de ids")
        for entry_id in ids:
            if entry_id in self.entries:
                return entry_id
            self.add(line, f"{where}: la entrada '{entry_id}' no existe (todavía); se omite", warning=True)
        return None

    def problem(self, code: str, node: Any, line: int) -> ProblemKind | None:
        if code not in PROBLEM_CODES:
            self.add(line, f"problema '{code}' desconocido (usa {', '.join(PROBLEM_CODES)})")
            return None
        if not isinstance(node, LineDict):
            self.add(line, f"'{code}' debe ser un mapa con 'gravedad', 'respuesta', 'entradas'...")
            return None
        for key in node:
            if key not in PROBLEM_KEYS:
                self.add(
                    node.line_of(str(key)), f"'{code}': campo desconocido '{key}' (¿error de escritura?)"
                )
        severity = node.get("gravedad")
        if severity not in SEVERITIES:
            self.add(node.line_of("gravedad"), f"'{code}': 'gravedad' debe ser {', '.join(SEVERITIES)}")
            return None
        answers: dict[str, str] = {}
        # An entry belongs to the problem that names it first in a list (or in `entradas`); a stand-in
        # further down a list answers for another problem's entry until that one is written.
        own: list[str] = []
        raw_answers = node.get("respuesta", {})
        if not isinstance(raw_answers, Mapping):
            self.add(node.line_of("respuesta"), f"'{code}': 'respuesta' debe ser un mapa por audiencia")
            raw_answers = {}
        for who, value in raw_answers.items():
            if who not in (*AUDIENCES, EMPLOYER):
                self.add(
                    node.line_of("respuesta"), f"'{code}': '{who}' no es {', '.join(AUDIENCES)} ni {EMPLOYER}"
                )
                continue
            found = self.first_existing(value, node.line_of("respuesta"), f"'{code}' respuesta {who}")
            if found:
                answers[str(who)] = found
                own.extend(_ids(value)[:1])
        urgent = None
        if "urgente" in node:
            if severity != "peligro":
                self.add(node.line_of("urgente"), f"'{code}': solo un problema de peligro tiene 'urgente'")
            urgent = self.first_existing(node["urgente"], node.line_of("urgente"), f"'{code}' urgente")
            if urgent and not self.entries[urgent].urgent:
                self.add(node.line_of("urgente"), f"'{code}': '{urgent}' no es una entrada urgente")
            own.extend(_ids(node["urgente"])[:1])
        others = [
            e
            for e in _ids(node.get("entradas", []))
            if self.first_existing(e, node.line_of("entradas"), f"'{code}' entradas")
        ]
        listed = dict.fromkeys(e for e in (*own, *others) if e in self.entries)
        return ProblemKind(
            code=code,
            severity=str(severity),
            answers=answers,
            urgent=urgent,
            entries=tuple(listed),
            cues=_texts(node.get("senales")),
            danger=_texts(node.get("peligro")),
            over=_texts(node.get("pasado")),
            unless=_texts(node.get("excepto")),
        )


def load_problems(
    path: Path, data: Any, entries: Mapping[str, Entry], report: Report
) -> dict[str, ProblemKind]:
    """The problems by code; checks that every entry is in one problem or declared as general information
    (sin_problema)."""
    checker = _Problems(path, entries, report)
    raw = data.get("problemas") if isinstance(data, LineDict) else None
    if not isinstance(data, LineDict) or not isinstance(raw, LineDict):
        checker.add(1, f"{path.name} debe tener un mapa 'problemas'")
        return {}
    problems: dict[str, ProblemKind] = {}
    for code, node in raw.items():
        problem = checker.problem(str(code), node, raw.line_of(str(code)))
        if problem is not None:
            problems[problem.code] = problem
    explicit: dict[str, str] = {}
    for code, node in raw.items():
        for entry_id in _ids(node.get("entradas", [])) if isinstance(node, LineDict) else ():
            if entry_id in explicit:
                checker.add(
                    raw.line_of(str(code)),
                    f"'{entry_id}' está en 'entradas' de dos problemas: '{explicit[entry_id]}' y '{code}'",
                )
            explicit.setdefault(entry_id, str(code))
    owned = {e for p in problems.values() for e in p.entries}
    informational = tuple(
        e
        for e in _ids(data.get("sin_problema", []))
        if checker.first_existing(e, data.line_of("sin_problema"), "sin_problema")
    )
    for entry_id in sorted(set(entries) - owned - set(informational)):
        checker.add(
            data.line_of("sin_problema"),
            f"la entrada '{entry_id}' no está en ningún problema ni en sin_problema",
            warning=True,
        )
    return problems

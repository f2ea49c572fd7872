"""How well whole stories are understood, for `python -m bot kb eval`.

On labelled stories (tests/data/relatos.yaml: `problemas`, `principal`, `urgente`, `audiencia`, `quien`):
the main problem answered first, any told problem on screen (the answer, the "También veo" buttons, or
the "¿Quisiste decir?" buttons), the workplace and the employer's point of view. On the urgency set
(tests/data/urgencia.yaml: `texto`, `urgente`, `tipo`) and the ordinary questions of the matcher's set:
false alarms and missed emergencies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.model import PROBLEM_CODES, KnowledgeBase
from bot.knowledge.yaml_source import read_yaml
from bot.understanding.engine import Understander, Understanding

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
STORIES_FILE = DATA / "relatos.yaml"
URGENCY_FILE = DATA / "urgencia.yaml"


@dataclass(frozen=True)
class Story:
    text: str
    problems: tuple[str, ...]
    main: str | None
    urgent: bool
    audience: str | None
    employer: bool


@dataclass(frozen=True)
class UrgencyItem:
    text: str
    urgent: bool
    kind: str


def load_stories(path: Path) -> list[Story]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ValueError(f"{path}: debe ser una lista de relatos")
    stories = []
    for item in data:
        problems = tuple(str(p) for p in item.get("problemas") or ())
        unknown = [p for p in (*problems, item.get("principal")) if p and p not in PROBLEM_CODES]
        if unknown:
            raise ValueError(f"{path}:{item.line}: problema desconocido {unknown[0]!r}")
        stories.append(
            Story(
                text=str(item["texto"]),
                problems=problems,
                main=item.get("principal"),
                urgent=bool(item.get("urgente", False)),
                audience=item.get("audiencia"),
                employer=str(item.get("quien", "")).startswith("emplead"),
            )
        )
    return stories


def load_urgency(path: Path) -> list[UrgencyItem]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ValueError(f"{path}: debe ser una lista")
    return [UrgencyItem(str(i["texto"]), bool(i["urgente"]), str(i.get("tipo", ""))) for i in data]


def on_screen(result: Understanding, kb: KnowledgeBase) -> set[str]:
    """The problems the person sees an answer or a button for (as bot/core/freetext.py shows them: a
    question the matcher is not sure of also gets its candidates as buttons)."""
    shown = {f.problem for f in (result.main, *result.others) if f is not None}
    if not result.confident and result.match is not None:
        for candidate in result.match.candidates:
            problem = kb.problem_of(candidate.entry_id)
            if problem is not None:
                shown.add(problem.code)
    return shown


@dataclass
class StoryReport:
    total: int = 0
    main_first: int = 0
    any_on_screen: int = 0
    audience_right: int = 0
    audience_total: int = 0
    employer_right: int = 0
    alarms_on_calm: int = 0
    calm: int = 0
    missed: int = 0
    emergencies: int = 0
    misses: list[str] = field(default_factory=list)


def evaluate_stories(stories: Sequence[Story], understander: Understander) -> StoryReport:
    report = StoryReport()
    kb = understander.kb
    for story in stories:
        result = understander.understand(story.text)
        report.total += 1
        got = result.main.problem if result.main else None
        report.main_first += got == story.main
        report.any_on_screen += bool(on_screen(result, kb) & set(story.problems))
        if story.audience in ("hogar", "campo", "general"):
            report.audience_total += 1
            report.audience_right += result.audience == story.audience
        report.employer_right += result.employer == story.employer
        if story.urgent:
            report.emergencies += 1
            report.missed += result.urgent is None
        else:
            report.calm += 1
            report.alarms_on_calm += result.urgent is not None
        if got != story.main:
            report.misses.append(f"{story.main} ≠ {got}: {story.text[:70]}")
    return report


@dataclass
class UrgencyReport:
    calm: int = 0
    false_alarms: int = 0
    emergencies: int = 0
    missed: int = 0
    wrong: list[str] = field(default_factory=list)


def evaluate_urgency(items: Iterable[UrgencyItem], understander: Understander) -> UrgencyReport:
    report = UrgencyReport()
    for item in items:
        alarm = understander.understand(item.text).urgent is not None
        if item.urgent:
            report.emergencies += 1
            report.missed += not alarm
        else:
            report.calm += 1
            report.false_alarms += alarm
        if alarm != item.urgent:
            report.wrong.append(
                f"{'falta alarma' if item.urgent else 'falsa alarma'} [{item.kind}]: {item.text}"
            )
    return report


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f}%" if total else "   — "


def format_stories(name: str, r: StoryReport, show_misses: bool = False) -> str:
    lines = [
        f"relatos ({name}, {r.total}): problema principal primero {_pct(r.main_first, r.total)}  "
        f"algún problema correcto en pantalla {_pct(r.any_on_screen, r.total)}",
        f"  lugar de trabajo {_pct(r.audience_right, r.audience_total)}  empleador/trabajadora "
        f"{_pct(r.employer_right, r.total)}  falsas alarmas {r.alarms_on_calm}/{r.calm}  "
        f"emergencias perdidas {r.missed}/{r.emergencies}",
    ]
    if show_misses:
        lines += [f"  · {m}" for m in r.misses]
    return "\n".join(lines)


def format_urgency(name: str, r: UrgencyReport, show_wrong: bool = False) -> str:
    rate = _pct(r.false_alarms, r.calm).strip()
    lines = [
        f"urgencia ({name}): falsas alarmas {r.false_alarms}/{r.calm} ({rate})  "
        f"emergencias perdidas {r.missed}/{r.emergencies}"
    ]
    if show_wrong:
        lines += [f"  · {w}" for w in r.wrong]
    return "\n".join(lines)

"""`python -m bot kb eval`: how well questions as users write them find the right entry.

Reports top-1, top-3, false-accept (answered, wrongly) and abstain rates per area and overall, next to a
plain rapidfuzz WRatio baseline on the same questions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.yaml_source import read_yaml
from bot.matching.matcher import Band, Matcher

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "preguntas.yaml"
OUT_OF_SCOPE = "fuera"
BASELINE_CUTOFF = 80.0  # WRatio score under which the baseline would say "I don't know"


@dataclass(frozen=True)
class Question:
    text: str
    expected: str | None  # None: the bot should admit it doesn't know


@dataclass
class Tally:
    total: int = 0
    top1: int = 0
    top3: int = 0
    false_accept: int = 0
    abstain: int = 0
    direct: int = 0  # answered at once (no "¿Quisiste decir...?") and rightly

    def add(self, expected: str | None, ranked: Sequence[str], band: Band) -> None:
        self.total += 1
        answered = ranked[0] if ranked and band in (Band.ANSWER, Band.LIKELY) else None
        if expected is None:
            self.abstain += band is Band.UNKNOWN
            self.false_accept += answered is not None
            return
        self.top1 += bool(ranked) and ranked[0] == expected
        self.top3 += expected in ranked[:3]
        self.false_accept += answered is not None and answered != expected
        self.direct += answered == expected
        self.abstain += band is Band.UNKNOWN

    def rate(self, count: int) -> float:
        return count / self.total if self.total else 0.0


@dataclass
class Report:
    areas: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    in_scope: Tally = field(default_factory=Tally)
    out_of_scope: Tally = field(default_factory=Tally)

    @property
    def all(self) -> Tally:
        both = Tally()
        for part in (self.in_scope, self.out_of_scope):
            for name in ("total", "top1", "top3", "false_accept", "abstain", "direct"):
                setattr(both, name, getattr(both, name) + getattr(part, name))
        return both

    @property
    def false_accept_rate(self) -> float:
        return self.all.rate(self.all.false_accept)


def load_questions(path: Path, kb: KnowledgeBase) -> list[Question]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ValueError(f"{path}: debe ser una lista de preguntas")
    questions = []
    for item in data:
        expected = item.get("esperado")
        if expected is not None and expected not in kb.entries:
            raise ValueError(f"{path}:{item.line}: 'esperado: {expected}' no es una entrada")
        questions.append(Question(str(item["texto"]), expected))
    return questions


Ranker = Callable[[str], tuple[list[str], Band]]


def evaluate(questions: Sequence[Question], kb: KnowledgeBase, ranker: Ranker) -> Report:
    report = Report()
    for q in questions:
        ranked, band = ranker(q.text)
        area = kb.entries[q.expected].area if q.expected else OUT_OF_SCOPE
        report.areas[area].add(q.expected, ranked, band)
        (report.in_scope if q.expected else report.out_of_scope).add(q.expected, ranked, band)
    return report


def matcher_ranker(matcher: Matcher) -> Ranker:
    def rank(text: str) -> tuple[list[str], Band]:
        # The three candidates a match carries are all that top-1 and top-3 need: one scoring per question.
        result = matcher.match(text)
        return [c.entry_id for c in result.candidates], result.band

    return rank


def baseline_ranker(kb: KnowledgeBase) -> Ranker:
    """rapidfuzz WRatio over the raw phrasings, as extractOne would score them (with rapidfuzz's default
    lowercase/punctuation processing, which makes the baseline stronger, not weaker): the baseline to beat."""
    choices = [(e.id, p) for e in kb.entries.values() for p in e.phrasings]
    texts = [p for _, p in choices]

    def rank(text: str) -> tuple[list[str], Band]:
        hits = process.extract(text, texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=30)
        ranked: list[str] = []
        for _choice, _score, index in hits:
            entry_id = choices[index][0]
            if entry_id not in ranked:
                ranked.append(entry_id)
        best = hits[0][1] if hits else 0.0
        return ranked, Band.ANSWER if best >= BASELINE_CUTOFF else Band.UNKNOWN

    return rank


def format_report(ours: Report, baseline: Report) -> str:
    def pct(t: Tally, n: int) -> str:
        return f"{100 * t.rate(n):5.1f}%"

    lines = [
        f"{'área':<20} {'n':>4}  {'top-1':>6} {'top-3':>6} {'falso+':>6} {'abst.':>6} | "
        f"{'WRatio top-1':>12} {'falso+':>6}",
    ]
    for area in sorted(ours.areas):
        a, b = ours.areas[area], baseline.areas[area]
        lines.append(
            f"{area:<20} {a.total:>4}  {pct(a, a.top1)} {pct(a, a.top3)} {pct(a, a.false_accept)} "
            f"{pct(a, a.abstain)} | {pct(b, b.top1):>12} {pct(b, b.false_accept)}"
        )
    i, bi = ours.in_scope, baseline.in_scope
    o, bo = ours.out_of_scope, baseline.out_of_scope
    lines += [
        "",
        f"en alcance ({i.total}): top-1 {pct(i, i.top1)}  top-3 {pct(i, i.top3)}  "
        f"abstención {pct(i, i.abstain)}   | WRatio: top-1 {pct(bi, bi.top1)}  top-3 {pct(bi, bi.top3)}",
        f"respondidas directo y bien (en alcance): {pct(i, i.direct)}   | WRatio: {pct(bi, bi.direct)}",
        f"fuera de alcance ({o.total}): «no sé» {pct(o, o.abstain)}   | WRatio: {pct(bo, bo.abstain)}",
        f"falsos aceptados (todas, {ours.all.total}): {100 * ours.false_accept_rate:.1f}%   "
        f"| WRatio: {100 * baseline.false_accept_rate:.1f}%",
    ]
    return "\n".join(lines)


def main(
    file: str | None = None,
    directory: Path | None = None,
    stories: str | None = None,
    urgency: str | None = None,
    details: bool = False,
) -> int:
    from bot.app import build_matcher
    from bot.knowledge.loader import DEFAULT_DIR, load_knowledge_strict
    from bot.understanding import Understander
    from bot.understanding import evaluation as stories_eval

    kb = load_knowledge_strict(directory or DEFAULT_DIR)
    questions = load_questions(Path(file) if file else DEFAULT_FILE, kb)
    matcher = build_matcher(kb)
    ours = evaluate(questions, kb, matcher_ranker(matcher))
    baseline = evaluate(questions, kb, baseline_ranker(kb))
    print(format_report(ours, baseline))
    understander = Understander(kb, matcher)
    ordinary = [
        stories_eval.UrgencyItem(q.text, False, "pregunta")
        for q in questions
        if q.expected is None or not kb.entries[q.expected].urgent
    ]
    print("")
    print(
        stories_eval.format_urgency(
            "preguntas comunes", stories_eval.evaluate_urgency(ordinary, understander), details
        )
    )
    story_file = Path(stories) if stories else stories_eval.STORIES_FILE
    if story_file.exists():
        report = stories_eval.evaluate_stories(stories_eval.load_stories(story_file), understander)
        print(stories_eval.format_stories(story_file.name, report, details))
    urgency_file = Path(urgency) if urgency else stories_eval.URGENCY_FILE
    if urgency_file.exists():
        urgent = stories_eval.evaluate_urgency(stories_eval.load_urgency(urgency_file), understander)
        print(stories_eval.format_urgency(urgency_file.name, urgent, details))
    return 0

"""The matcher on the labelled evaluation set: the figures `python -m bot kb eval` prints, held to floors."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from bot.app import build_matcher
from bot.knowledge.loader import load_knowledge_strict
from bot.matching.evaluation import (
    DEFAULT_FILE,
    Report,
    baseline_ranker,
    evaluate,
    load_questions,
    matcher_ranker,
)
from bot.matching.matcher import Band, Matcher
from bot.matching.normalize import Normalizer

KB = load_knowledge_strict()
QUESTIONS = load_questions(DEFAULT_FILE, KB)
# Written later by someone who saw neither the set above nor the matcher's tuning: it shows whether what
# was tuned on the set above carries over to new questions.
CONTROL = load_questions(DEFAULT_FILE.with_name("preguntas-control.yaml"), KB)

# The targets of issue 4.
TOP1_FLOOR = 0.90
TOP3_FLOOR = 0.97
FALSE_ACCEPT_MAX = 0.03
OUT_OF_SCOPE_HONEST_MIN = 0.90
DIRECT_CONTROL_MIN = 0.85  # issue 13: answered at once and rightly, on the held-out set


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return build_matcher(KB)


@pytest.fixture(scope="module")
def report(matcher: Matcher) -> Report:
    return evaluate(QUESTIONS, KB, matcher_ranker(matcher))


@pytest.fixture(scope="module")
def control(matcher: Matcher) -> Report:
    return evaluate(CONTROL, KB, matcher_ranker(matcher))


def test_the_evaluation_set_is_large_and_covers_every_area() -> None:
    assert len(QUESTIONS) >= 400
    assert sum(q.expected is None for q in QUESTIONS) >= 40
    covered = {KB.entries[q.expected].area for q in QUESTIONS if q.expected}
    assert covered == {a.id for a in KB.areas}


def test_questions_are_not_copied_from_the_phrasings() -> None:
    normalize = Normalizer.from_tables(KB.synonyms)
    phrasings = {normalize(p) for e in KB.entries.values() for p in (e.title, *e.phrasings, *KB.out_of_scope)}
    copied = [q.text for q in (*QUESTIONS, *CONTROL) if normalize(q.text) in phrasings]
    assert not copied


def test_out_of_scope_training_questions_are_not_near_copies_of_evaluation_questions() -> None:
    # knowledge/fuera_de_alcance.yaml teaches the matcher "no sé"; a near copy of a test question there
    # would make the out-of-scope figure meaningless.
    normalize = Normalizer.from_tables(KB.synonyms)
    asked = [normalize(q.text) for q in (*QUESTIONS, *CONTROL)]
    near = [p for p in KB.out_of_scope if any(fuzz.ratio(normalize(p), q) >= 75 for q in asked)]
    assert not near


def test_the_control_set_covers_nearly_every_entry() -> None:
    # Entries added after it was written get questions from someone who has not seen the tuning (a control
    # set written by the tuner would not be a control); until then they count against this floor.
    covered = {q.expected for q in CONTROL if q.expected}
    assert covered <= set(KB.entries) and len(covered) >= 0.97 * len(KB.entries)
    assert {KB.entries[e].area for e in covered} == {a.id for a in KB.areas}
    assert sum(q.expected is None for q in CONTROL) >= 20


def test_top1_and_top3(report: Report) -> None:
    tally = report.in_scope
    assert tally.rate(tally.top1) >= TOP1_FLOOR
    assert tally.rate(tally.top3) >= TOP3_FLOOR


def test_false_accepts_are_rare(report: Report) -> None:
    assert report.false_accept_rate <= FALSE_ACCEPT_MAX


def test_out_of_scope_questions_get_the_honest_path(report: Report) -> None:
    tally = report.out_of_scope
    assert tally.rate(tally.abstain) >= OUT_OF_SCOPE_HONEST_MIN


def test_the_control_set_meets_the_same_targets(control: Report) -> None:
    tally = control.in_scope
    assert tally.rate(tally.top1) >= TOP1_FLOOR
    assert tally.rate(tally.top3) >= TOP3_FLOOR
    assert control.false_accept_rate <= FALSE_ACCEPT_MAX
    assert control.out_of_scope.rate(control.out_of_scope.abstain) >= OUT_OF_SCOPE_HONEST_MIN


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Not met yet (issue 13): 84.7 % on 2026-12-04. The first 220 control questions are at 90 %; the 40 "
        "written that day for the entries added for stories are at about 50 %. Strict: it fails once met."
    ),
)
def test_most_control_questions_are_answered_at_once_and_rightly(control: Report) -> None:
    assert control.in_scope.rate(control.in_scope.direct) >= DIRECT_CONTROL_MIN


def test_the_likely_band_answers_more_at_once_than_the_sure_band_alone(
    report: Report, matcher: Matcher
) -> None:
    ranker = matcher_ranker(matcher)

    def sure_only(text: str) -> tuple[list[str], Band]:
        ranked, band = ranker(text)
        return ranked, Band.ASK if band is Band.LIKELY else band

    assert report.in_scope.direct > evaluate(QUESTIONS, KB, sure_only).in_scope.direct


def test_beats_the_wratio_baseline(report: Report) -> None:
    baseline = evaluate(QUESTIONS, KB, baseline_ranker(KB))
    assert report.in_scope.top1 > baseline.in_scope.top1
    assert report.false_accept_rate < baseline.false_accept_rate

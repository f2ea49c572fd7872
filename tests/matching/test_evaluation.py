"""The matcher on the labelled evaluation set: the figures `python -m bot kb eval` prints, held to floors."""

from __future__ import annotations

import pytest

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
from bot.matching.normalize import Normalizer

KB = load_knowledge_strict()
QUESTIONS = load_questions(DEFAULT_FILE, KB)

# Issue 4 asks for top-1 >= 90 % and top-3 >= 97 %; these floors are what the matcher reaches today
# (79 % / 95 %), so a change that makes matching worse fails here. Raise them as the content improves.
TOP1_FLOOR = 0.77
TOP3_FLOOR = 0.93
FALSE_ACCEPT_MAX = 0.03
OUT_OF_SCOPE_HONEST_MIN = 0.90


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(QUESTIONS, KB, matcher_ranker(build_matcher(KB)))


def test_the_evaluation_set_is_large_and_covers_every_area() -> None:
    assert len(QUESTIONS) >= 400
    assert sum(q.expected is None for q in QUESTIONS) >= 40
    covered = {KB.entries[q.expected].area for q in QUESTIONS if q.expected}
    assert covered == {a.id for a in KB.areas}


def test_questions_are_not_copied_from_the_phrasings() -> None:
    normalize = Normalizer.from_tables(KB.synonyms)
    phrasings = {normalize(p) for e in KB.entries.values() for p in (e.title, *e.phrasings)}
    copied = [q.text for q in QUESTIONS if normalize(q.text) in phrasings]
    assert not copied


def test_top1_and_top3(report: Report) -> None:
    tally = report.in_scope
    assert tally.rate(tally.top1) >= TOP1_FLOOR
    assert tally.rate(tally.top3) >= TOP3_FLOOR


def test_false_accepts_are_rare(report: Report) -> None:
    assert report.false_accept_rate <= FALSE_ACCEPT_MAX


def test_out_of_scope_questions_get_the_honest_path(report: Report) -> None:
    tally = report.out_of_scope
    assert tally.rate(tally.abstain) >= OUT_OF_SCOPE_HONEST_MIN


def test_beats_the_wratio_baseline(report: Report) -> None:
    baseline = evaluate(QUESTIONS, KB, baseline_ranker(KB))
    assert report.in_scope.top1 > baseline.in_scope.top1
    assert report.false_accept_rate < baseline.false_accept_rate

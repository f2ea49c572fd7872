"""Clauses and cues: what surrounds a cue decides whether it counts."""

from __future__ import annotations

from bot.understanding.text import MAX_CHARS, clauses, compile_cues, find


def test_a_story_is_cut_at_sentences_and_at_words_that_start_another_thing() -> None:
    parts = clauses("Me corrió de la casa, pero no me había pagado. ¡Y me empujó!")
    assert parts == ["me corrio de la casa", "no me habia pagado", "y me empujo"]


def test_only_the_first_4096_characters_count_and_long_runs_are_windowed() -> None:
    parts = clauses("palabra " * 2000)
    assert sum(len(p.split()) for p in parts) == len(("palabra " * 2000)[:MAX_CHARS].split())
    assert max(len(p.split()) for p in parts) <= 40


def test_a_lone_star_stands_for_a_few_words_and_a_trailing_one_for_an_ending() -> None:
    pattern = compile_cues(["me pagan * a la semana", "descont*"])
    assert pattern is not None
    assert pattern.search("me pagan 1500 pesos a la semana")
    assert pattern.search("me descontaron el dia")
    assert not pattern.search("me pagan a la semana")


def test_denied_hypothetical_and_long_ago_cues_are_told_apart() -> None:
    pattern = compile_cues(["me pega", "me pego"])
    parts = clauses("nunca me pega. si me pega que hago. hace dos años me pegó. dijo que no y me pega")
    hits = find(pattern, parts)
    assert [(h.negated, h.hypothetical, h.distant) for h in hits] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
        (False, False, False),
    ]
    assert [h.happening for h in hits] == [False, False, False, True]

"""The matcher: ranks by the classifier, and answers, asks or admits it doesn't know."""

from __future__ import annotations

import threading
import time

from bot.matching.audience import AudienceCues
from bot.matching.matcher import Band, LazyMatcher, Matcher
from bot.matching.normalize import Normalizer

NORMALIZE = Normalizer.from_tables({"sinonimos": {"casa": "hogar", "patrona": "empleadora"}})
PHRASINGS = (
    [
        ("descanso", text)
        for text in (
            "me toca un dia de descanso a la semana",
            "en la fabrica no me dan dia libre",
            "cuantos dias de descanso por semana",
            "trabajo toda la semana sin descansar en la tienda",
            "el domingo es mi dia de descanso",
        )
    ]
    + [
        ("hogar-descanso", text)
        for text in (
            "la patrona no me da dia de descanso en la casa",
            "trabajo en casa y no descanso ningun dia",
            "empleada de casa dia libre a la semana",
            "en la casa donde trabajo me quitan mi descanso",
            "soy de planta y no me dejan descansar",
        )
    ]
    + [
        ("aguinaldo", text)
        for text in (
            "cuando me pagan el aguinaldo",
            "cuanto es de aguinaldo",
            "me toca aguinaldo si entre en junio",
            "aguinaldo de diciembre",
            "no me quieren dar aguinaldo",
        )
    ]
)
CUES = AudienceCues(
    {"casa": "hogar", "de planta": "hogar", "fabrica": "general", "tienda": "general"}, NORMALIZE
)


def matcher() -> Matcher:
    return Matcher(PHRASINGS, NORMALIZE, audience=CUES)


def test_candidates_are_ranked_by_decision_and_carry_relevance() -> None:
    _, ranked = matcher().rank("cuando cae el aguinaldo")
    assert ranked[0].entry_id == "aguinaldo"
    assert [c.decision for c in ranked] == sorted((c.decision for c in ranked), reverse=True)
    assert 0 < ranked[0].score <= 100


def test_the_audience_decides_between_siblings() -> None:
    m = matcher()
    assert m.rank("la señora de la casa no me deja descansar el domingo")[1][0].entry_id == "hogar-descanso"
    assert m.rank("en la tienda no me dejan descansar el domingo")[1][0].entry_id == "descanso"


def test_clear_question_is_answered_and_unrelated_one_is_not() -> None:
    m = matcher()
    clear = m.match("cuando me pagan el aguinaldo de diciembre")
    assert clear.band is Band.ANSWER and clear.best is not None and clear.best.entry_id == "aguinaldo"
    assert m.match("pronostico del clima para manana").band is Band.UNKNOWN
    assert m.match("").band is Band.UNKNOWN
    assert m.match("🙂🙂").band is Band.UNKNOWN


def test_an_unsure_question_offers_up_to_three_candidates() -> None:
    result = matcher().match("descanso en la casa o en la tienda")  # two workplaces: which answer?
    assert result.band is Band.ASK, result
    assert 1 <= len(result.candidates) <= 3
    assert {"descanso", "hogar-descanso"} <= {c.entry_id for c in result.candidates}


def test_a_matcher_with_one_entry_still_answers() -> None:
    m = Matcher([p for p in PHRASINGS if p[0] == "aguinaldo"], NORMALIZE)
    assert m.rank("aguinaldo")[1][0].entry_id == "aguinaldo"
    assert m.match("receta de pozole").band is Band.UNKNOWN


def test_a_lazy_matcher_is_built_once_even_when_asked_from_several_threads() -> None:
    builds: list[int] = []

    def build() -> Matcher:
        builds.append(1)
        time.sleep(0.05)  # long enough for the other threads to arrive while it builds
        return matcher()

    lazy = LazyMatcher(build)
    threads = [threading.Thread(target=lazy.match, args=("aguinaldo",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert lazy.rank("aguinaldo")[1][0].entry_id == "aguinaldo"
    assert lazy.thresholds == lazy.matcher.thresholds


def test_scoring_many_questions_at_once_gives_what_each_gets_alone() -> None:
    m = matcher()
    questions = ["me toca aguinaldo", "receta de pozole", "", "cuantos dias de vacaciones", "xyz"]
    assert m.match_many(questions) == [m.match_many([q])[0] for q in questions]


def test_a_regional_entry_is_offered_only_when_the_question_names_the_region() -> None:
    """The CDMX conciliation centre is wrong for someone in another state (audit #12)."""
    from bot.app import build_matcher
    from bot.knowledge.loader import load_knowledge_strict

    kb = load_knowledge_strict()
    assert kb.entries["ayuda-cdmx"].only_if
    matcher = build_matcher(kb)
    elsewhere = matcher.match("a donde voy a la conciliacion si mi patrona me corrio")
    assert "ayuda-cdmx" not in [c.entry_id for c in elsewhere.candidates]
    named = matcher.match("a donde voy a la conciliacion en la cdmx si mi patrona me corrio")
    assert "ayuda-cdmx" in [c.entry_id for c in named.candidates]

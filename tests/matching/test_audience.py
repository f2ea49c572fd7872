"""Audience cues: where the question says the person works, after the same normalization as questions."""

from __future__ import annotations

from bot.matching.audience import NO_AUDIENCE, AudienceCues
from bot.matching.normalize import Normalizer

NORMALIZE = Normalizer.from_tables({"sinonimos": {"casa": "hogar", "rancho": "campo"}})
CUES = AudienceCues(
    {"casa": "hogar", "de planta": "hogar", "rancho": "campo", "jornalero": "campo", "fabrica": "general"},
    NORMALIZE,
)


def test_a_cue_rewritten_by_a_synonym_still_matches() -> None:
    # "casa" becomes "hogar" in questions; the cue is normalized the same way, so it still applies.
    assert CUES(NORMALIZE("trabajo en una casa")) == ("hogar",)
    assert CUES(NORMALIZE("en el rancho no pagan")) == ("campo",)


def test_phrases_and_whole_words_only() -> None:
    assert CUES(NORMALIZE("soy de planta")) == ("hogar",)
    assert CUES(NORMALIZE("planta de luz")) == (NO_AUDIENCE,)
    assert CUES(NORMALIZE("fabricante de muebles")) == (NO_AUDIENCE,)


def test_several_audiences_and_none() -> None:
    assert CUES(NORMALIZE("antes era jornalero, ahora en una fabrica")) == ("campo", "general")
    assert CUES(NORMALIZE("me toca aguinaldo")) == (NO_AUDIENCE,)
    assert AudienceCues({}, NORMALIZE)("casa") == (NO_AUDIENCE,)

from __future__ import annotations

from bot.knowledge.loader import load_knowledge
from bot.matching.normalize import MAX_CHARS, Normalizer, fold

KB, _ = load_knowledge()
NORMALIZE = Normalizer.from_tables(KB.synonyms)


def test_fold_strips_accents_emoji_punctuation_and_repeats() -> None:
    assert fold("¡¡Hoolaaa!! ¿Cuánto me toca? 😡😡") == "hoola cuanto me toca"
    assert fold("Niñera") == "ninera"


def test_sms_forms_are_expanded_as_whole_tokens() -> None:
    assert NORMALIZE("xq no me pagan") == "porque no me pagan"
    assert NORMALIZE("q onda") == "que onda"
    assert "quetzal" in NORMALIZE("quetzal")  # "q" inside a word is left alone


def test_misspellings_and_colloquial_words() -> None:
    assert NORMALIZE("me toca aginaldo") == "me toca aguinaldo"
    assert "despido" in NORMALIZE("me corrieron de la chamba")
    assert "imss" in NORMALIZE("mi patrona no me da seguro")
    assert "empleadora" in NORMALIZE("mi patrona no me da seguro")


def test_only_the_start_of_a_long_message_counts() -> None:
    long = "a" * MAX_CHARS + " aguinaldo"
    assert "aguinaldo" not in NORMALIZE(long)

"""Danger words in every language: each points to the urgent entry that answers it, ordinary talk to none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content_i18n import ContentTranslations
from bot.knowledge.loader import load_knowledge_strict
from bot.knowledge.model import KnowledgeBase
from bot.matching.evaluation import load_questions
from bot.matching.urgent import FILENAME, UrgentSignals, signal_problems, squash, urgent_signal

DATA = Path(__file__).resolve().parents[1] / "data"

# Messages as a worker in danger might write them, one language each, with the entry that must come first.
DANGER = [
    ("es", "ayuda mi patron me pego con un palo", "urgente-violencia"),
    ("es", "me dio golpe de calor en el surco", "campo-golpe-de-calor"),
    ("es", "me pico un alacran en la huerta", "campo-mordedura"),
    ("tzo", "ipon yu'un li veneno ta chobtik, chk'ux jjol", "urgente-intoxicacion"),
    ("tzo", "lismaj li jpatrone", "urgente-violencia"),
    ("tzo", "mu xa'ak' chilok' li jpatrone", "urgente-encierro"),
    ("tzo", "listi' chon ta chobtik", "campo-mordedura"),
    ("tzo", "jun jchi'il isdesmayar ta sventa li k'ixin", "campo-golpe-de-calor"),
    ("tzh", "la smajon te patrón ta k'altik", "urgente-violencia"),
    ("tzh", "ma ya yak' ya xlok'on te jpatron", "urgente-encierro"),
    ("tzh", "ay jchamel yu'un te veneno", "urgente-intoxicacion"),
    ("tzh", "la spojbon jjun te patrón", "urgente-documentos-retenidos"),
    ("tzh", "la sti'on ts'ek ta ka'tel", "campo-mordedura"),
    ("yua", "in patrón tu loxen", "urgente-violencia"),
    ("yua", "ma' tu cha'iken in jóok'ol le patrón", "urgente-encierro"),
    ("yua", "k'oja'anen yo'olal le veneno", "urgente-intoxicacion"),
    ("yua", "tu chi'en kaan ich kool", "campo-mordedura"),
    ("yua", "in wéet meyaj tu desmayartaj yo'olal le chokoj", "campo-golpe-de-calor"),
    ("nhe", "nopatrón nechuitekij", "urgente-violencia"),
    ("nhe", "amo nechkawaj nikisas", "urgente-encierro"),
    ("nhe", "nimokokoa ika veneno tlen kitlalijkej ipan mili", "urgente-intoxicacion"),
    ("nhe", "niwetsik ipan tekitl", "urgente-accidente"),
    ("nhe", "nechkuak se kowatl ipan mili", "campo-mordedura"),
    ("nhe", "nokniuj desmayarok ipan mili pampa totonki", "campo-golpe-de-calor"),
    ("mig", "patrón kani-ra-ri", "urgente-violencia"),
    ("mig", "patrón encerrar-ra-ri", "urgente-encierro"),
    ("mig", "ndo'o-ri kue'e xa'a veneno", "urgente-intoxicacion"),
    ("mig", "ni kaxi iin vibora ri nu itu", "campo-mordedura"),
    ("zai", "patrón bidindebe naa", "urgente-violencia"),
    ("zai", "nuaa encerrada ra runi' dxiiña'", "urgente-encierro"),
    ("zai", "nuaa huará pur veneno", "urgente-intoxicacion"),
    ("zai", "bi'ni morder beenda' naa lu guixhi", "campo-mordedura"),
    ("zai", "ti compañero bi'ni desmayarse pur calor lu guixhi", "campo-golpe-de-calor"),
]

# Everyday questions in each language: no alarm.
ORDINARY = [
    ("es", "cuanto me toca de aguinaldo si entre en marzo"),
    ("tzo", "k'u yepal chastojik ta jun k'ak'al ta chobtik"),
    ("tzo", "¿mi oy aderecho ta vacaciones?"),
    ("tzh", "¿jayeb ya stojon te patrón ta jujun k'aal?"),
    ("yua", "bix u aguinaldo ku bo'otik ten"),
    ("yua", "jach ka'anal le ka'an bejla'e'"),  # ka'an 'cielo' folds like kaan 'culebra' alone
    ("nhe", "kenijki niknotsas línea de las mujeres"),
    ("nhe", "nechtekitiltia ika veneno amo onkaj equipo"),  # a question about protective gear
    ("mig", "xiniñu'u ja'a patrón ña kaxi va'a ji'in nducha ña kuvi ko'o-ro"),  # food and water
    ("zai", "¿Xi gune' pa guca ti accidente ra runi' dxiiña'?"),
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_strict()


@pytest.fixture(scope="module")
def signals(kb: KnowledgeBase) -> UrgentSignals:
    return UrgentSignals.load(kb)


@pytest.mark.parametrize(("lang", "text", "entry_id"), DANGER)
def test_danger_in_each_language_finds_its_urgent_entry(
    signals: UrgentSignals, lang: str, text: str, entry_id: str
) -> None:
    assert urgent_signal(text, lang, signals) == entry_id
    # Her chosen language does not matter: someone who chose Spanish may write her emergency in Tsotsil.
    assert urgent_signal(text, "es", signals) == entry_id


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_ordinary_talk_raises_no_alarm(signals: UrgentSignals, lang: str, text: str) -> None:
    assert urgent_signal(text, lang, signals) is None


def test_every_language_has_signals_for_the_dangers_that_cannot_wait(signals: UrgentSignals) -> None:
    needed = {"urgente-violencia", "urgente-encierro", "urgente-intoxicacion", "urgente-accidente"}
    for lang in ("es", "nhe", "yua", "tzh", "tzo", "mig", "zai"):
        assert needed <= {s.entry_id for s in signals.by_lang[lang]}, lang


def test_shipped_signal_files_are_valid(kb: KnowledgeBase) -> None:
    assert signal_problems(kb) == []


def test_spanish_questions_raise_no_alarm_in_another_language(
    kb: KnowledgeBase, signals: UrgentSignals
) -> None:
    """Other languages' signals must not fire on the Spanish evaluation questions that are not urgent."""
    foreign = UrgentSignals({lang: s for lang, s in signals.by_lang.items() if lang != "es"})
    questions = load_questions(DATA / "preguntas.yaml", kb) + load_questions(
        DATA / "preguntas-control.yaml", kb
    )
    calm = [q.text for q in questions if not (q.expected and kb.entries[q.expected].urgent)]
    assert len(calm) > 400
    assert [(t, s.text) for t in calm if (s := foreign.find(t))] == []


def test_translated_phrasings_alarm_only_where_the_spanish_does(
    kb: KnowledgeBase, signals: UrgentSignals
) -> None:
    """A drafted phrasing of a calm entry may fire only if that entry's Spanish phrasings fire the same way
    ("me acosa" is a Spanish signal too); otherwise the signal is too broad."""
    content = ContentTranslations.load(kb)
    spanish = UrgentSignals({"es": signals.by_lang["es"]})
    foreign = UrgentSignals({lang: s for lang, s in signals.by_lang.items() if lang != "es"})
    checked, wrong = 0, []
    for lang, entries in content.entries.items():
        for entry_id, translated in entries.items():
            if kb.entries[entry_id].urgent:
                continue
            allowed = {s.entry_id for p in kb.entries[entry_id].phrasings if (s := spanish.find(p))}
            for text in (translated.title, *translated.phrasings, translated.answer):
                checked += 1
                found = foreign.find(text)
                if found and found.entry_id not in allowed:
                    wrong.append(f"{lang}:{entry_id}: «{found.text}» in {text[:60]!r}")
    assert checked > 500 and wrong == []


def test_folding_ignores_apostrophes_accents_and_hyphens() -> None:
    assert squash("K’op k'op kop") == "kop kop kop"
    assert squash("Kani-ra-ri") == "kani ra ri"
    assert squash("jóok'ol") == "jookol"


def test_star_and_plus() -> None:
    signals = UrgentSignals.from_tables(
        {"tzo": {"*ismaj*": "urgente-violencia", "veneno + ipon": "urgente-intoxicacion"}},
        ["urgente-violencia", "urgente-intoxicacion"],
    )
    assert urgent_signal("lismajik", "tzo", signals) == "urgente-violencia"
    assert urgent_signal("smaj", "tzo", signals) is None, "the stars are optional letters, not the word"
    assert urgent_signal("ipon, yu'un li veneno", "tzo", signals) == "urgente-intoxicacion"
    assert urgent_signal("oy veneno ta chobtik", "tzo", signals) is None, "every part must appear"


def test_her_language_is_checked_first() -> None:
    tables = {"es": {"abc def": "urgente-violencia"}, "tzo": {"abc": "urgente-encierro"}}
    signals = UrgentSignals.from_tables(tables, ["urgente-violencia", "urgente-encierro"])
    assert urgent_signal("abc def", "tzo", signals) == "urgente-encierro"
    assert urgent_signal("abc def", "es", signals) == "urgente-violencia"


def test_signals_for_missing_entries_are_skipped() -> None:
    signals = UrgentSignals.from_tables({"yua": {"tu loxen": "campo-golpe-de-calor"}}, ["urgente-violencia"])
    assert urgent_signal("tu loxen", "yua", signals) is None


def test_check_reports_bad_signal_files(kb: KnowledgeBase, tmp_path: Path) -> None:
    (tmp_path / "tzo").mkdir()
    (tmp_path / "tzo" / FILENAME).write_text(
        "estado: revisado\n"
        "senales:\n"
        "  lismaj: urgente-no-existe\n"
        "  ipon: aguinaldo\n"
        "  '*maj': urgente-violencia\n"
        "  'sm*aj': urgente-violencia\n"
        "  me pego: urgente-accidente\n",
        encoding="utf-8",
    )
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / FILENAME).write_text("- una lista\n", encoding="utf-8")
    problems = [str(p) for p in signal_problems(kb, tmp_path)]
    expected = [
        "'estado' debe ser",
        "'urgente-no-existe' no existe",
        "'aguinaldo' no es una entrada urgente",
        "al menos 4 letras",
        "solo va al principio o al final",
        "en es a 'urgente-violencia'",
        "'xx' no es un idioma",
        "mapa 'senales'",
    ]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert any("tzo/senales_urgentes.yaml:3:" in p for p in problems), "problems say file and line"


def test_a_reviewed_file_names_its_reviewer(kb: KnowledgeBase, tmp_path: Path) -> None:
    (tmp_path / "tzo").mkdir()
    (tmp_path / "tzo" / FILENAME).write_text(
        "estado: revisado por Petra Díaz, 2026-11-30\nsenales:\n  lismaj: urgente-violencia\n",
        encoding="utf-8",
    )
    assert signal_problems(kb, tmp_path) == []

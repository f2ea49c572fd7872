"""The alarm needs a danger said as happening, over the whole message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.understanding import Understander
from bot.understanding.evaluation import evaluate_urgency, load_urgency

DEV = Path(__file__).parent / "data" / "dev_urgencia.yaml"

# The false alarms of issue 18: they share a word with an emergency and are not one.
CALM = [
    "tengo que lavar el coche de la patrona?",
    "el capataz nos grita para que trabajemos más rápido",
    "tengo miedo de que me corran si pido mi aguinaldo",
    "mi patrona guarda mi acta de nacimiento para el trámite del seguro",
    "Me inscribo, y si se me rompe una pata o una mano, ¿a poco los patrones van a seguir pagando?",
    "me corté la mano con una máquina en el trabajo, ¿el IMSS me paga mientras me recupero?",
]


@pytest.mark.parametrize("text", CALM)
def test_ordinary_questions_sharing_a_word_with_an_emergency_raise_no_alarm_by_the_rules(
    rules_only: Understander, text: str
) -> None:
    assert rules_only.understand(text).urgent is None


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("mi patron me pego", "urgente-violencia"),
        ("no me dejan salir del rancho", "urgente-encierro"),
        ("me corté la mano con el machete y está sangrando, ¿el IMSS me paga?", "urgente-accidente"),
        ("el señor me manosea cuando la señora no está", "urgente-violencia"),
    ],
)
def test_a_danger_happening_now_raises_the_alarm_with_its_entry(
    understander: Understander, text: str, entry: str
) -> None:
    assert understander.understand(text).urgent == entry


def test_the_development_set_has_no_false_alarm_and_no_missed_emergency_by_the_rules(
    rules_only: Understander,
) -> None:
    report = evaluate_urgency(load_urgency(DEV), rules_only)
    assert report.emergencies >= 10 and report.calm >= 10
    assert (report.false_alarms, report.missed) == (0, 0), report.wrong


def test_the_alarm_alone_agrees_with_the_whole_understanding(understander: Understander) -> None:
    for text in (*CALM, "mi patron me pego", "no me dejan salir del rancho"):
        assert understander.urgent(text) == understander.understand(text).urgent


def test_the_safety_net_adds_alarms_and_never_removes_one(
    understander: Understander, rules_only: Understander
) -> None:
    for item in load_urgency(DEV):
        if rules_only.urgent(item.text):
            assert understander.urgent(item.text) is not None
    hypothetical = (
        "Me inscribo, y si se me rompe una pata o una mano, ¿a poco los patrones van a seguir pagando?"
    )
    assert understander.urgent(hypothetical) is None  # the net stays off for what is hypothetical

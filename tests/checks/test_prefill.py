"""Numbers already said in a question, read into answers that the engine then validates."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.checks import FLOWS, prefill
from bot.core import flows

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gano 300 diarios", {"salario": "300", "periodo": "diario"}),
        ("me pagan 2,000 a la semana", {"salario": "2,000", "periodo": "semanal"}),
        ("Me pagan $4,500.00 a la quincena", {"salario": "4,500.00", "periodo": "quincenal"}),
        ("mi sueldo es de 9000 al mes", {"salario": "9000", "periodo": "mensual"}),
        ("gano 342.47 pesos por día", {"salario": "342.47", "periodo": "diario"}),
        ("gano 4 500 al mes", {"salario": "4500", "periodo": "mensual"}),
        ("me pagan 1200", {"salario": "1200"}),
        ("tengo 800 semanas", {}),
        ("trabajo 5 dias a la semana", {}),
        ("cuanto me toca de aguinaldo", {}),
    ],
)
def test_wage(text: str, expected: dict[str, str]) -> None:
    assert prefill.wage(text) == expected


@pytest.mark.parametrize(
    ("text", "extractor", "expected"),
    [
        ("trabajé todo el año", prefill.whole_year, {"tiempo": "todo"}),
        ("llevo 3 años", prefill.years_of_service, {"anios": "3"}),
        ("tengo 5 años trabajando con ella", prefill.years_of_service, {"anios": "5"}),
        ("tengo 62 años", prefill.years_of_service, {}),
        ("tengo 62 años", prefill.age, {"edad": "62"}),
        ("tengo 12 años trabajando", prefill.age, {}),
        ("tengo 800 semanas cotizadas", prefill.contributed_weeks, {"semanas": "800"}),
        ("tengo 30 semanas de embarazo", prefill.contributed_weeks, {}),
        ("llevo 35 semanas", lambda t: prefill.contributed_weeks(t, strict=True), {}),
        ("empecé a cotizar en 1992", prefill.regime, {"regimen": "73"}),
        ("empece a cotizar en el 2003", prefill.regime, {"regimen": "97"}),
        ("trabajo 3 días a la semana", prefill.days_per_week, {"dias": "3"}),
        ("me corrieron", prefill.ending, {"termino": "despido"}),
        ("renuncié", prefill.ending, {"termino": "renuncia"}),
        ("soy trabajadora del hogar", prefill.work, {"trabajo": "hogar"}),
        ("soy jornalero en un rancho", prefill.work, {"trabajo": "campo"}),
        ("trabajo en la frontera norte", prefill.border, {"frontera": "si"}),
        (
            "entré el 15/03/2020 y me corrieron el 31 de octubre de 2026",
            prefill.dates,
            {"inicio": "15/03/2020", "fin": "31 de octubre de 2026"},
        ),
    ],
)
def test_other_extractors(text: str, extractor: prefill.Extractor, expected: dict[str, str]) -> None:
    assert extractor(text) == expected


def test_aguinaldo_question_with_everything_but_the_days_a_week() -> None:
    flow = FLOWS["aguinaldo"]
    assert flow.prefill is not None
    raw = flow.prefill("gano 300 diarios y trabajé todo el año, ¿cuánto es mi aguinaldo?")
    answers, problems = flows.fill(flow, raw, TODAY)
    assert answers == {"salario": 300.0, "periodo": "diario", "tiempo": "todo"} and not problems
    state = flows.start(flow, answers)
    assert state.step == "dias"


def test_a_misread_value_is_dropped_by_validation() -> None:
    flow = FLOWS["pension"]
    assert flow.prefill is not None
    answers, problems = flows.fill(flow, flow.prefill("tengo 999 años y 800 semanas"), TODAY)
    assert answers == {"semanas": 800} and set(problems) == {"edad"}

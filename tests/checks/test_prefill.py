"""Numbers already said in a question, read into answers that the engine then validates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.checks import FLOWS, prefill
from bot.core import flows, numbers
from bot.knowledge.model import KnowledgeBase

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gano 300 diarios", {"salario": "$300", "periodo": "diario"}),
        ("me pagan 2,000 a la semana", {"salario": "$2000", "periodo": "semanal"}),
        ("Me pagan $4,500.00 a la quincena", {"salario": "$4500", "periodo": "quincenal"}),
        ("mi sueldo es de 9000 al mes", {"salario": "$9000", "periodo": "mensual"}),
        ("gano 342.47 pesos por día", {"salario": "$342.47", "periodo": "diario"}),
        ("gano 4 500 al mes", {"salario": "$4500", "periodo": "mensual"}),
        ("me pagan 1200", {"salario": "$1200"}),
        # Audit #14: "mil" multiplies, and the period after it is kept.
        ("gano 10 mil al mes en una casa", {"salario": "$10000", "periodo": "mensual"}),
        ("gano 10 mil pesos al mes", {"salario": "$10000", "periodo": "mensual"}),
        ("me pagan tres mil a la quincena", {"salario": "$3000", "periodo": "quincenal"}),
        ("me dan mil quinientos por semana", {"salario": "$1500", "periodo": "semanal"}),
        ("gano trescientos al dia", {"salario": "$300", "periodo": "diario"}),
        ("al mes me dan 9 mil", {"salario": "$9000", "periodo": "mensual"}),
        ("le pago 300 diarios a mi trabajadora", {"salario": "$300", "periodo": "diario"}),
        ("tengo 3 hijos y me pagan 250 al dia", {"salario": "$250", "periodo": "diario"}),
        ("me pagan 2000", {"salario": "$2000"}),
        ("tengo 800 semanas", {}),
        ("trabajo 5 dias a la semana", {}),
        ("cuanto me toca de aguinaldo", {}),
        # A year is never the pay.
        ("¿Cuál es el salario mínimo para una trabajadora del hogar en 2026?", {}),
        ("cuanto es el salario minimo 2026", {}),
        ("entré en 2020 y no me pagan aguinaldo", {}),
        ("me corrieron el 15/03/2026 y no me pagaron", {}),
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
            {"inicio": "el 15/03/2020", "fin": "el 31 de octubre de 2026"},
        ),
        ("entré en mayo y gano 300", prefill.dates, {"inicio": "en mayo"}),
        ("me corrieron hace 2 semanas", prefill.dates, {"fin": "hace 2 semanas"}),
        ("trabajo de lunes a viernes", prefill.days_per_week, {"dias": "5"}),
        ("trabajo tres dias por semana", prefill.days_per_week, {"dias": "3"}),
        ("llevo año y medio cuidando a una señora", prefill.years_of_service, {"anios": "1"}),
        ("hace 2 años que trabajo en el campo", prefill.years_of_service, {"anios": "2"}),
        ("trabajo ahí desde hace 4 años", prefill.years_of_service, {"anios": "4"}),
        ("hace 2 años me corrieron", prefill.years_of_service, {}),
        ("tengo sesenta y dos años", prefill.age, {"edad": "62"}),
        ("tengo 1,250 semanas cotizadas", prefill.contributed_weeks, {"semanas": "1250"}),
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


def test_audit_14_ten_thousand_a_month_is_not_ten_pesos() -> None:
    flow = FLOWS["salario_minimo"]
    assert flow.prefill is not None
    answers, problems = flows.fill(flow, flow.prefill("gano 10 mil al mes en una casa"), TODAY)
    assert answers == {"trabajo": "hogar", "salario": 10000.0, "periodo": "mensual"} and not problems


def test_a_year_in_the_question_is_not_the_pay() -> None:
    flow = FLOWS["salario_minimo"]
    assert flow.prefill is not None
    text = "¿Cuál es el salario mínimo para una trabajadora del hogar en 2026?"
    answers, _problems = flows.fill(flow, flow.prefill(text), TODAY)
    assert "salario" not in answers and answers == {"trabajo": "hogar"}


def test_an_estimated_start_is_kept_with_its_note() -> None:
    flow = FLOWS["aguinaldo"]
    assert flow.prefill is not None
    done = flows.fill_noted(flow, flow.prefill("entré en mayo y gano 300 diarios"), TODAY)
    assert done.answers == {"salario": 300.0, "periodo": "diario", "tiempo": "entre", "inicio": "2026-05-01"}
    assert [n.msgid for n in done.notes.values()] == [numbers.NOTE_MONTH]
    assert done.notes["inicio"].params == {"date_day": dt.date(2026, 5, 1)}


def test_prefilled_then_defaults_run_straight_to_the_result(kb: KnowledgeBase) -> None:
    flow = FLOWS["aguinaldo"]
    assert flow.prefill is not None
    answers, problems = flows.fill(flow, flow.prefill("gano 300 diarios y trabajé todo el año"), TODAY)
    assert not problems
    completed, assumed = flows.complete_with_defaults(flow, answers)
    assert completed["dias"] == 6 and [m.msgid for m in assumed] == [
        "Supuse que trabajas 6 días a la semana."
    ]
    state = flows.start(flow, completed)
    assert flows.finished(flow, state)
    result = flow.evaluate(state.answers, TODAY, kb)
    assert result.amounts and result.amounts[-1].value == pytest.approx(4500.0)


def test_facts_of_a_story() -> None:
    said = prefill.facts(
        "Desde marzo del año pasado trabajo en una casa, me pagan 2,500 a la quincena, de lunes a sábado",
        TODAY,
    )
    assert (said.work, said.pay, said.period, said.days_per_week) == ("hogar", 2500.0, "quincenal", 6)
    assert said.start == dt.date(2025, 3, 1) and said.complete_years == 1 and not said.employer
    assert [n.msgid for n in said.notes] == [numbers.NOTE_MONTH]
    assert said.raw_answers() == {
        "trabajo": "hogar",
        "salario": "$2500",
        "periodo": "quincenal",
        "dias": "6",
        "anios": "1",
        "inicio": "2025-03-01",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Llevo 3 años con la misma familia, ¿cuántas vacaciones me tocan?", {"years": 3.0}),
        ("llevo 2 años y medio con ella", {"years": 2.5}),
        ("gano 10 mil al mes en una casa", {"work": "hogar", "pay": 10000.0, "period": "mensual"}),
        ("le pago 300 diarios a mi trabajadora", {"employer": True, "pay": 300.0, "period": "diario"}),
        ("soy jornalera, me corrieron ayer", {"work": "campo", "end": "2026-11-21"}),
        ("¿Cuál es el salario mínimo para una trabajadora del hogar en 2026?", {"work": "hogar"}),
        ("tengo 62 años", {}),
    ],
)
def test_facts_keep_numbers_and_categories_only(text: str, expected: dict[str, object]) -> None:
    said = prefill.facts(text, TODAY)
    assert said.to_dict() == expected
    assert prefill.Facts.from_dict(said.to_dict()) == replace(said, notes=())


def test_newer_facts_win_and_damaged_records_are_tolerated() -> None:
    older = prefill.facts("gano 300 diarios en una casa", TODAY)
    newer = prefill.facts("llevo 3 años, ahora me pagan 350 al dia", TODAY)
    merged = older.merged(newer)
    assert (merged.work, merged.pay, merged.years) == ("hogar", 350.0, 3.0)
    assert prefill.Facts.from_dict({"pay": "mucho", "years": True, "start": "ayer"}) == prefill.Facts()
    assert prefill.Facts.from_dict(None).empty()

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import flows
from bot.core.flows import Flow, Invalid, Kind, Option, Question, parse_date, parse_number
from bot.rules.result import Msg, Result, Verdict

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("300", 300.0),
        ("$4,500.00", 4500.0),
        ("4500 pesos", 4500.0),
        ("4 500", 4500.0),
        ("300,50", 300.5),
        ("1.500", 1500.0),
        ("315.04", 315.04),
    ],
)
def test_numbers_as_people_type_them(raw: str, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize("raw", ["trescientos", "", "-5", "12abc", "1,2,3"])
def test_bad_numbers_are_invalid(raw: str) -> None:
    with pytest.raises(Invalid):
        parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("15-3-24", dt.date(2024, 3, 15)),
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("15 de marzo de 2024", dt.date(2024, 3, 15)),
        ("marzo 2024", dt.date(2024, 3, 1)),
        ("1 de Septiembre del 2020", dt.date(2020, 9, 1)),
    ],
)
def test_dates_as_people_type_them(raw: str, day: dt.date) -> None:
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["31/02/2024", "ayer", "2024"])
def test_bad_dates_are_invalid(raw: str) -> None:
    with pytest.raises(Invalid):
        parse_date(raw)


def evaluate(answers: flows.Answers, day: dt.date, kb: object) -> Result:
    return Result(Verdict.AMOUNT, Msg("ok"), as_of=day)


FLOW = Flow(
    name="demo",
    title="Demo",
    intro="Intro",
    questions=(
        Question("tipo", "¿Tipo?", Kind.CHOICE, (Option("a", "Opción A"), Option("b", "Opción B"))),
        Question("monto", "¿Monto?", Kind.MONEY, minimum=1, ask_if=lambda a: a.get("tipo") == "a"),
        Question("inicio", "¿Inicio?", Kind.DATE, not_future=True),
    ),
    evaluate=evaluate,  # type: ignore[arg-type]
)


def test_branching_back_and_finish() -> None:
    state = flows.start(FLOW)
    assert state.step == "tipo"
    flows.answer(FLOW, state, "a", TODAY)
    assert state.step == "monto"
    flows.answer(FLOW, state, "$300", TODAY)
    assert state.step == "inicio"
    flows.back(FLOW, state)
    assert state.step == "monto" and "monto" not in state.answers
    flows.back(FLOW, state)
    flows.answer(FLOW, state, "2", TODAY)  # the option's number, typed
    assert state.answers["tipo"] == "b" and state.step == "inicio"
    flows.answer(FLOW, state, "01/01/2020", TODAY)
    assert flows.finished(FLOW, state)


def test_future_dates_and_negative_amounts_are_re_asked() -> None:
    state = flows.start(FLOW, {"tipo": "a"})
    with pytest.raises(Invalid):
        flows.answer(FLOW, state, "-300", TODAY)
    with pytest.raises(Invalid):
        flows.answer(FLOW, state, "0", TODAY)
    flows.answer(FLOW, state, "300", TODAY)
    with pytest.raises(Invalid):
        flows.answer(FLOW, state, "01/01/2030", TODAY)
    assert state.step == "inicio"


def test_prefill_ignores_unknown_keys() -> None:
    state = flows.start(FLOW, {"tipo": "b", "hack": 1})
    assert state.answers == {"tipo": "b"} and state.step == "inicio"

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


@pytest.mark.parametrize("raw", ["mucho", "", "-5", "12abc", "1,2,3", "300 o 400"])
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


def _no_earlier_than_inicio(value: object, answers: flows.Answers, today: dt.date) -> None:
    if isinstance(value, str) and value < str(answers.get("inicio", "")):
        raise Invalid("La salida no puede ser antes de la entrada.")


QUICK = Flow(
    name="quick",
    title="Rápido",
    intro="Intro",
    questions=(
        Question("inicio", "¿Inicio?", Kind.DATE, (Option("hoy", "Hoy"),), not_future=True, label="Inicio"),
        Question("fin", "¿Fin?", Kind.DATE, (Option("nose", "No sé"),), check=_no_earlier_than_inicio),
        Question(
            "dias", "¿Días?", Kind.NUMBER, (Option("0", "Ninguno"), Option("todas", "Todas")), integer=True
        ),
        Question("monto", "¿Monto?", Kind.MONEY, minimum=1, label="Monto"),
    ),
    evaluate=evaluate,  # type: ignore[arg-type]
)


def test_quick_answers_on_dates_and_numbers() -> None:
    state = flows.start(QUICK)
    flows.answer(QUICK, state, "hoy", TODAY)  # the button's value
    assert state.answers["inicio"] == TODAY.isoformat()
    flows.answer(QUICK, state, "No sé", TODAY)  # a label typed: kept as the option's value
    assert state.answers["fin"] == "nose"
    flows.answer(QUICK, state, "ninguno", TODAY)
    assert state.answers["dias"] == 0
    flows.back(QUICK, state)
    flows.answer(QUICK, state, "1", TODAY)  # a typed number is the number, not the first option
    assert state.answers["dias"] == 1
    flows.back(QUICK, state)
    flows.answer(QUICK, state, "todas", TODAY)
    assert state.answers["dias"] == "todas"


def test_a_question_check_sees_the_earlier_answers() -> None:
    state = flows.start(QUICK, {"inicio": "2026-05-01"})
    with pytest.raises(Invalid, match="antes de la entrada"):
        flows.answer(QUICK, state, "01/04/2026", TODAY)
    flows.answer(QUICK, state, "02/05/2026", TODAY)
    assert state.step == "dias"


def test_fill_validates_in_order_and_reports_problems() -> None:
    answers, problems = flows.fill(
        QUICK, {"inicio": "15/03/2026", "fin": "01/03/2026", "dias": "muchos", "monto": "$4,500.00"}, TODAY
    )
    assert answers == {"inicio": "2026-03-15", "monto": 4500.0}
    assert set(problems) == {"fin", "dias"}


def test_prefilled_answers_can_be_undone_with_back() -> None:
    state = flows.start(QUICK, {"inicio": "2026-01-01", "monto": 300.0})
    assert state.history == ["inicio", "monto"] and state.step == "fin"
    flows.back(QUICK, state)
    assert "monto" not in state.answers and state.step == "fin"


def test_shown_value_reads_like_the_user_would() -> None:
    _ = str
    assert flows.shown_value(QUICK.questions[0], "2026-03-15", _) == "15 de marzo de 2026"
    assert flows.shown_value(QUICK.questions[3], 4500.0, _) == "$4,500.00"
    assert flows.shown_value(QUICK.questions[2], "todas", _) == "Todas"

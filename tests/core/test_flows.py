from __future__ import annotations

import datetime as dt

import pytest

from bot.core import flows
from bot.core.flows import Flow, Invalid, Kind, Option, Question, parse_date, parse_number
from bot.core.state import UserState
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


PERIODS = (Option("diario", "Por día"), Option("semanal", "Por semana"), Option("mensual", "Por mes"))
PAY = Flow(
    name="pay",
    title="Pago",
    intro="Intro",
    questions=(
        Question("salario", "¿Cuánto?", Kind.MONEY, minimum=1, period="periodo", label="Pago"),
        Question("periodo", "¿Cada cuándo?", Kind.CHOICE, PERIODS, label="Cada cuándo"),
        Question(
            "dias",
            "¿Días?",
            Kind.NUMBER,
            minimum=1,
            maximum=7,
            integer=True,
            ask_if=lambda a: a.get("periodo") == "diario",
            default=6,
            assumption="Supuse que trabajas 6 días a la semana.",
        ),
        Question("anios", "¿Años completos?", Kind.NUMBER, minimum=0, integer=True, unit="anios"),
        Question("inicio", "¿Inicio?", Kind.DATE, not_future=True),
        Question("sabe", "¿Registrada?", Kind.CHOICE, (Option("si", "Sí"), Option("nose", "No sé"))),
    ),
    evaluate=evaluate,  # type: ignore[arg-type]
)


def test_one_answer_with_its_period_fills_two_questions_and_back_undoes_both() -> None:
    state = flows.start(PAY)
    flows.answer(PAY, state, "10 mil al mes", TODAY)
    assert state.answers == {"salario": 10000.0, "periodo": "mensual"} and state.step == "anios"
    flows.back(PAY, state)
    assert state.answers == {"salario": 10000.0} and state.step == "periodo"
    flows.back(PAY, state)
    flows.answer(PAY, state, "300", TODAY)
    assert state.step == "periodo"
    flows.answer(PAY, state, "a la semana", TODAY)  # a period said in words picks the option
    assert state.answers["periodo"] == "semanal"


def test_a_year_is_never_an_amount() -> None:
    state = flows.start(PAY)
    for year in ("2026", "en 2026", "del 2025"):
        with pytest.raises(Invalid, match="Eso parece un año"):
            flows.answer(PAY, state, year, TODAY)
    flows.answer(PAY, state, "2000", TODAY)  # a plausible weekly pay
    assert state.answers["salario"] == 2000.0


def test_a_duration_answers_a_date_with_the_estimate_noted() -> None:
    state = flows.start(PAY, {"salario": 300.0, "periodo": "semanal", "anios": 2})
    flows.answer(PAY, state, "hace 2 años", TODAY)
    assert state.answers["inicio"] == "2024-11-22"
    [note] = flows.notes(PAY, state)
    assert note.msgid.startswith("Conté hacia atrás") and note.params == {"date_day": dt.date(2024, 11, 22)}
    saved = UserState.from_dict(UserState(flow=state).to_dict()).flow  # notes survive storage
    assert saved is not None and flows.notes(PAY, saved) == [note]
    flows.back(PAY, state)
    assert flows.notes(PAY, state) == []


def test_years_said_in_months_or_halves_count_the_complete_ones() -> None:
    state = flows.start(PAY, {"salario": 300.0, "periodo": "semanal"})
    flows.answer(PAY, state, "6 meses", TODAY)
    assert state.answers["anios"] == 0
    assert [n.params for n in flows.notes(PAY, state)] == [{"count": 0}]
    flows.back(PAY, state)
    flows.answer(PAY, state, "año y medio", TODAY)
    assert state.answers["anios"] == 1


def test_i_do_not_know_takes_the_default_or_a_button_or_asks_for_an_estimate() -> None:
    assert flows.read(PAY.questions[2], "ni idea", TODAY) == flows.Reading(
        6, Msg("Supuse que trabajas 6 días a la semana.")
    )
    assert flows.validate(PAY.questions[5], "no me acuerdo", TODAY) == "nose"
    with pytest.raises(Invalid, match="aproximado"):
        flows.validate(PAY.questions[0], "no sé", TODAY)
    with pytest.raises(Invalid, match="hace 2 años"):
        flows.validate(PAY.questions[4], "no se", TODAY)


def test_complete_with_defaults_fills_only_open_questions_that_apply() -> None:
    answers, assumed = flows.complete_with_defaults(PAY, {"salario": 300.0, "periodo": "diario"})
    assert answers["dias"] == 6 and [m.msgid for m in assumed] == ["Supuse que trabajas 6 días a la semana."]
    answers, assumed = flows.complete_with_defaults(PAY, {"salario": 300.0, "periodo": "diario", "dias": 3})
    assert answers["dias"] == 3 and not assumed
    answers, assumed = flows.complete_with_defaults(PAY, {"salario": 9000.0, "periodo": "mensual"})
    assert "dias" not in answers and not assumed  # the question does not apply to a monthly pay


def test_fill_noted_keeps_the_notes_and_a_said_period_wins() -> None:
    done = flows.fill_noted(PAY, {"salario": "10 mil al mes", "inicio": "en mayo"}, TODAY)
    assert done.answers == {"salario": 10000.0, "periodo": "mensual", "inicio": "2026-05-01"}
    assert list(done.notes) == ["inicio"] and not done.problems
    done = flows.fill_noted(PAY, {"salario": "300 al dia", "periodo": "semanal"}, TODAY)
    assert done.answers == {"salario": 300.0, "periodo": "semanal"}
    state = flows.start(PAY, done.answers, done.notes)
    assert state.notes == {}

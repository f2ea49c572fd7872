"""The one flow engine: runs every questionnaire declared as data (questions, answer types, branching).

A flow never talks to the user itself: it says which question comes next, validates answers and, when
everything is known, hands the answers to the check's pure evaluation function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.core import numbers
from bot.core.state import FlowState
from bot.formatting import date_long, money, number
from bot.i18n import N_
from bot.knowledge.model import KnowledgeBase
from bot.matching.normalize import fold
from bot.rules.result import Msg, Result

Answers = Mapping[str, Any]
TODAY_WORDS = {"hoy", "hoy mismo", "today"}


class Kind(StrEnum):
    CHOICE = "choice"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # msgid


@dataclass(frozen=True)
class Question:
    """One question. On a CHOICE the options are the answers; on any other kind they are quick answers
    shown as buttons (e.g. "Hoy", "Ninguno"): a value that parses as the kind is stored parsed, anything
    else (e.g. "nose") is stored as is for the check to interpret."""

    id: str
    prompt: str  # msgid
    kind: Kind
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    not_future: bool = False
    hint: str = ""  # msgid: how to type the answer
    ask_if: Callable[[Answers], bool] | None = None
    label: str = ""  # msgid: short name of the answer, for summaries and the command line
    # Rules that involve earlier answers or today (an end after a start): raises Invalid.
    check: Callable[[Any, Answers, dt.date], None] | None = None
    # Used for "no sé" and by `complete_with_defaults`; `assumption` (msgid) tells the user it was assumed.
    default: Any = None
    assumption: str = ""
    # MONEY: id of the question that says how often it is paid; "10 mil al mes" answers both.
    period: str = ""
    # NUMBER: what is counted ("anios", "meses", "semanas", "dias"); "6 meses" to a years question is 0.5.
    unit: str = ""


@dataclass(frozen=True)
class Flow:
    name: str  # short id, used in callback data
    title: str  # msgid, shown in the calculators menu
    intro: str  # msgid, said once when the check starts
    questions: tuple[Question, ...]
    evaluate: Callable[[Answers, dt.date, KnowledgeBase], Result]
    entry_id: str | None = None  # the knowledge entry this check explains
    # Answers already said in a free-text question, as raw text per question id ("300", "diario");
    # they go through the same validation as typed answers.
    prefill: Callable[[str], dict[str, str]] | None = None

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


class Invalid(ValueError):
    """An answer we cannot use; `message` is a msgid to show with the re-ask, `params` its values."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Reading:
    """An answer read: its value, what was assumed to get it (to tell the user), and other questions the
    same words answer ("10 mil al mes" answers the pay and how often it is paid)."""

    value: Any
    note: Msg | None = None
    also: Mapping[str, Any] = field(default_factory=dict)


UNKNOWN_HINTS = {
    Kind.MONEY: N_("Si no lo sabes exacto, escribe un aproximado, por ejemplo 300."),
    Kind.NUMBER: N_("Si no lo sabes exacto, escribe un aproximado."),
    Kind.DATE: N_(
        "Si no recuerdas el día, escribe el mes y el año («marzo 2024») o cuánto tiempo hace («hace 2 años»)."
    ),
    Kind.CHOICE: N_("Toca el botón que más se parezca a tu caso."),
}
WHOLE_NOTES = {
    "anios": N_("Conté solo los años completos: {count}."),
    "meses": N_("Conté solo los meses completos: {count}."),
}
WHOLE_NOTE = N_("Conté solo los completos: {count}.")
# How many days each said unit is worth, to answer a question asked in another unit ("6 meses" to "years").
UNIT_DAYS = {"anios": 365.0, "meses": 365 / 12, "semanas": 7.0, "dias": 1.0}


def _invalid(problem: numbers.NotUnderstood) -> Invalid:
    return Invalid(problem.message, **problem.params)


def parse_number(text: str) -> float:
    """'$4,500.00', '4500 pesos', '4 500', '300,50', 'tres mil' -> float; raises Invalid otherwise."""
    try:
        return numbers.parse_amount(text).value
    except numbers.NotUnderstood as problem:
        raise _invalid(problem) from None


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """'15/03/2024', '2024-03-15', '15 de marzo de 2024', 'marzo 2024' (day 1); with `today`, relative and
    partial dates too (see `numbers.parse_day`)."""
    try:
        return numbers.parse_day(text, today).day
    except numbers.NotUnderstood as problem:
        raise _invalid(problem) from None


def read(question: Question, raw: str, today: dt.date) -> Reading:
    """Turn a typed or tapped answer into a value for the question, or raise Invalid."""
    folded = fold(raw)
    if question.kind is Kind.CHOICE:
        return Reading(_choice(question, raw, folded))
    # Quick answers: only by value or label; a typed "1" on a number question is the number 1.
    quick = next((o.value for o in question.options if raw == o.value or folded == fold(o.label)), None)
    if quick is None and numbers.is_unknown(raw):
        quick = next((o.value for o in question.options if numbers.is_unknown(o.label)), None)
    if quick is not None:
        raw = quick
        folded = fold(raw)
    elif numbers.is_unknown(raw):
        if question.default is not None:
            return Reading(question.default, Msg(question.assumption) if question.assumption else None)
        raise Invalid(UNKNOWN_HINTS[question.kind])
    try:
        if question.kind is Kind.DATE:
            return _date(question, raw, folded, today)
        if question.kind is Kind.MONEY:
            amount = numbers.parse_amount(raw, today)
            also = {question.period: amount.period} if question.period and amount.period else {}
            return Reading(_bounded(question, amount.value), also=also)
        return _quantity(question, numbers.parse_quantity(raw))
    except numbers.NotUnderstood as problem:
        if quick is not None:
            return Reading(quick)
        raise _invalid(problem) from None


def _choice(question: Question, raw: str, folded: str) -> str:
    for position, option in enumerate(question.options, 1):
        if raw == option.value or folded in {fold(option.label), str(position)}:
            return option.value
    values = {o.value for o in question.options}
    period = numbers.period_of(raw)
    if period in values:  # "a la semana", "quincenal", "cada 15 días" on a how-often question
        return period
    if numbers.is_unknown(raw):
        unknown = next((o.value for o in question.options if numbers.is_unknown(o.label)), None)
        if unknown is not None:
            return unknown
    raise Invalid("Toca uno de los botones, o escribe el número de la opción.")


def _date(question: Question, raw: str, folded: str, today: dt.date) -> Reading:
    if folded in TODAY_WORDS:
        return Reading(today.isoformat())
    said = numbers.parse_day(raw, today)
    if question.not_future and said.day > today:
        raise Invalid("Esa fecha todavía no llega. Escribe una fecha de hoy o antes.")
    if said.day.year < 1940:
        raise Invalid("Esa fecha es muy antigua. Revísala, por ejemplo 15/03/2024.")
    return Reading(said.day.isoformat(), said.note if said.estimated else None)


def _quantity(question: Question, said: numbers.Quantity) -> Reading:
    value, note = said.value, None
    if question.unit and said.unit and said.unit != question.unit and said.unit in UNIT_DAYS:
        value = value * UNIT_DAYS[said.unit] / UNIT_DAYS.get(question.unit, 1.0)
    if question.integer and not float(value).is_integer() and said.unit is not None:
        # "año y medio" to "how many complete years": the complete ones, said so.
        value = float(int(value + 1e-9))
        note = Msg(WHOLE_NOTES.get(question.unit or said.unit, WHOLE_NOTE), {"count": int(value)})
    return Reading(_bounded(question, value), note)


def _bounded(question: Question, value: float) -> float | int:
    if question.integer and not float(value).is_integer():
        raise Invalid("Escribe un número entero, sin decimales.")
    if question.minimum is not None and value < question.minimum:
        raise Invalid("El número debe ser al menos {minimum}.", minimum=_plain(question.minimum))
    if question.maximum is not None and value > question.maximum:
        raise Invalid("El número no puede ser mayor que {maximum}.", maximum=_plain(question.maximum))
    return int(value) if question.integer else value


def validate(question: Question, raw: str, today: dt.date) -> Any:
    """The value of a typed or tapped answer, or raise Invalid (see `read`)."""
    return read(question, raw, today).value


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def read_answer(question: Question, raw: str, answers: Answers, today: dt.date) -> Reading:
    """`read` plus the question's own check against the earlier answers."""
    reading = read(question, raw, today)
    if question.check is not None:
        question.check(reading.value, answers, today)
    return reading


def validate_answer(question: Question, raw: str, answers: Answers, today: dt.date) -> Any:
    return read_answer(question, raw, answers, today).value


def applies(question: Question, answers: Answers) -> bool:
    return question.ask_if is None or question.ask_if(answers)


@dataclass
class Filled:
    answers: dict[str, Any]
    problems: dict[str, Invalid]
    notes: dict[str, Msg]  # question id -> what was assumed to read its answer


def fill_noted(flow: Flow, raw: Mapping[str, str], today: dt.date) -> Filled:
    """Validate answers given all at once (a question with numbers, the command line), in question order
    so that branching and checks see the earlier ones; an answer that also answers a later question
    ("10 mil al mes") fills it unless that one was given too."""
    done = Filled({}, {}, {})
    for question in flow.questions:
        if question.id in done.answers or question.id not in raw or not applies(question, done.answers):
            continue
        try:
            reading = read_answer(question, str(raw[question.id]), done.answers, today)
        except Invalid as problem:
            done.problems[question.id] = problem
            continue
        done.answers[question.id] = reading.value
        if reading.note is not None:
            done.notes[question.id] = reading.note
        for other, value in reading.also.items():
            if flow.question(other) is not None and other not in raw:
                done.answers[other] = value
    return done


def fill(flow: Flow, raw: Mapping[str, str], today: dt.date) -> tuple[dict[str, Any], dict[str, Invalid]]:
    """`fill_noted` without the notes: the good answers and the problems."""
    done = fill_noted(flow, raw, today)
    return done.answers, done.problems


def complete_with_defaults(flow: Flow, answers: Answers) -> tuple[dict[str, Any], list[Msg]]:
    """Answers every question still open that declares a default, and says what was assumed ("supuse que
    trabajas 6 días a la semana"), so that a question that carried the rest can go straight to its result.
    Questions without a default stay open."""
    done = dict(answers)
    assumed: list[Msg] = []
    for question in flow.questions:
        if question.id in done or question.default is None or not applies(question, done):
            continue
        done[question.id] = question.default
        if question.assumption:
            assumed.append(Msg(question.assumption))
    return done, assumed


def notes(flow: Flow, state: FlowState) -> list[Msg]:
    """What was assumed to read the answers so far, in question order, to show with the result."""
    said = []
    for question in flow.questions:
        stored = state.notes.get(question.id)
        if question.id in state.answers and isinstance(stored, list) and len(stored) == 2:
            msgid, params = stored
            if isinstance(msgid, str) and isinstance(params, dict):
                said.append(Msg(msgid, {k: _from_json(k, v) for k, v in params.items()}))
    return said


def _to_json(msg: Msg) -> list[Any]:
    params = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in msg.params.items()}
    return [msg.msgid, params]


def _from_json(key: str, value: Any) -> Any:
    if key.startswith("date_") and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def shown_value(question: Question, value: Any, gettext: Callable[[str], str]) -> str:
    """An answer as the user would read it: the option's label, $300.00, 15 de marzo de 2024."""
    option = next((o for o in question.options if o.value == value), None)
    if option is not None:
        return gettext(option.label)
    if question.kind is Kind.DATE and isinstance(value, str):
        try:
            return date_long(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if question.kind is Kind.MONEY and isinstance(value, int | float):
        return money(float(value))
    if isinstance(value, int | float):
        return number(float(value))
    return str(value)


def next_question(flow: Flow, state: FlowState) -> Question | None:
    """The first question that applies and has no answer yet; None when everything is known."""
    for question in flow.questions:
        if question.id in state.answers:
            continue
        if applies(question, state.answers):
            return question
    return None


def start(
    flow: Flow, prefilled: Mapping[str, Any] | None = None, noted: Mapping[str, Msg] | None = None
) -> FlowState:
    """Prefilled answers are already validated values (see `fill_noted`, whose notes go in `noted`). They
    go into the history too, so "go back" can undo one that was misread from the user's question."""
    known = [q.id for q in flow.questions]
    answers = {k: v for k, v in (prefilled or {}).items() if k in known}
    state = FlowState(name=flow.name, answers=answers, history=[k for k in known if k in answers])
    state.notes = {k: _to_json(msg) for k, msg in (noted or {}).items() if k in answers}
    _advance(flow, state)
    return state


def answer(flow: Flow, state: FlowState, raw: str, today: dt.date) -> FlowState:
    """Record the answer to the current question (raises Invalid); returns the updated state. An answer
    that also answers a later question still open fills it (and "go back" undoes both)."""
    question = flow.question(state.step)
    if question is None:
        raise Invalid("Esta pregunta ya no está activa.")
    reading = read_answer(question, raw, state.answers, today)
    state.answers[question.id] = reading.value
    state.history.append(question.id)
    state.notes.pop(question.id, None)
    if reading.note is not None:
        state.notes[question.id] = _to_json(reading.note)
    for other, value in reading.also.items():
        if flow.question(other) is not None and other not in state.answers:
            state.answers[other] = value
            state.history.append(other)
    _advance(flow, state)
    return state


def back(flow: Flow, state: FlowState) -> FlowState:
    """Undo the last answer; answers of questions that no longer apply are dropped too."""
    if state.history:
        last = state.history.pop()
        state.answers.pop(last, None)
    _advance(flow, state)
    return state


def _advance(flow: Flow, state: FlowState) -> None:
    # Drop answers to questions whose condition no longer holds (e.g. after going back).
    for question in flow.questions:
        if question.id in state.answers and question.ask_if and not question.ask_if(state.answers):
            state.answers.pop(question.id)
    state.history = [h for h in state.history if h in state.answers]
    state.notes = {k: v for k, v in state.notes.items() if k in state.answers}
    nxt = next_question(flow, state)
    state.step = nxt.id if nxt else ""


def finished(flow: Flow, state: FlowState) -> bool:
    return next_question(flow, state) is None

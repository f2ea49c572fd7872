"""The one flow engine: runs every questionnaire declared as data (questions, answer types, branching).

A flow never talks to the user itself: it says which question comes next, validates answers and, when
everything is known, hands the answers to the check's pure evaluation function.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.core.state import FlowState
from bot.formatting import date_long, money, number
from bot.knowledge.model import KnowledgeBase
from bot.matching.normalize import fold
from bot.rules.result import Result

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


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sep", "sept"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ],
        start=1,
    )
    for name in names
}

_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")


def parse_number(text: str) -> float:
    """'$4,500.00', '4500 pesos', '4 500', '300.5', '300,50' -> float; raises Invalid otherwise."""
    cleaned = text.lower().replace("$", "").replace("mxn", "").replace("pesos", "").replace("peso", "")
    cleaned = re.sub(r"(?<=\d)\s+(?=\d{3}\b)", "", cleaned.strip())
    cleaned = cleaned.strip()
    if cleaned.startswith("-"):
        raise Invalid("El número no puede ser negativo.")
    if _THOUSANDS_COMMA.match(cleaned):
        return float(cleaned.replace(",", ""))
    if _THOUSANDS_DOT.match(cleaned):
        return float(cleaned.replace(".", ""))
    if _DECIMAL_COMMA.match(cleaned):
        return float(cleaned.replace(",", "."))
    if _PLAIN.match(cleaned):
        return float(cleaned)
    raise Invalid("No entendí el número. Escribe solo cifras, por ejemplo 300.")


def parse_date(text: str) -> dt.date:
    """'15/03/2024', '15-03-2024', '2024-03-15', '15 de marzo de 2024', 'marzo 2024' (day 1)."""
    raw = text.strip()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", raw)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
        words = fold(raw).replace(" del ", " ").replace(" de ", " ").split()
        if len(words) == 3 and words[0].isdigit() and words[1] in MONTHS and words[2].isdigit():
            return dt.date(int(words[2]), MONTHS[words[1]], int(words[0]))
        if len(words) == 2 and words[0] in MONTHS and words[1].isdigit():
            return dt.date(int(words[1]), MONTHS[words[0]], 1)
    except ValueError:
        raise Invalid("Esa fecha no existe. Revísala, por ejemplo 15/03/2024.") from None
    raise Invalid("No entendí la fecha. Escríbela así: día/mes/año, por ejemplo 15/03/2024.")


def validate(question: Question, raw: str, today: dt.date) -> Any:
    """Turn a typed or tapped answer into a value for the question, or raise Invalid."""
    folded = fold(raw)
    if question.kind is Kind.CHOICE:
        for position, option in enumerate(question.options, 1):
            if raw == option.value or folded in {fold(option.label), str(position)}:
                return option.value
        raise Invalid("Toca uno de los botones, o escribe el número de la opción.")
    # Quick answers: only by value or label; a typed "1" on a number question is the number 1.
    quick = next((o.value for o in question.options if raw == o.value or folded == fold(o.label)), None)
    if quick is not None:
        raw = quick
        folded = fold(raw)
    if question.kind is Kind.DATE:
        if folded in TODAY_WORDS:
            return today.isoformat()
        try:
            day = parse_date(raw)
        except Invalid:
            if quick is not None:
                return quick
            raise
        if question.not_future and day > today:
            raise Invalid("Esa fecha todavía no llega. Escribe una fecha de hoy o antes.")
        if day.year < 1940:
            raise Invalid("Esa fecha es muy antigua. Revísala, por ejemplo 15/03/2024.")
        return day.isoformat()
    try:
        value = parse_number(raw)
    except Invalid:
        if quick is not None:
            return quick
        raise
    if question.integer and not value.is_integer():
        raise Invalid("Escribe un número entero, sin decimales.")
    if question.minimum is not None and value < question.minimum:
        raise Invalid("El número debe ser al menos {minimum}.", minimum=_plain(question.minimum))
    if question.maximum is not None and value > question.maximum:
        raise Invalid("El número no puede ser mayor que {maximum}.", maximum=_plain(question.maximum))
    return int(value) if question.integer else value


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def validate_answer(question: Question, raw: str, answers: Answers, today: dt.date) -> Any:
    """`validate` plus the question's own check against the earlier answers."""
    value = validate(question, raw, today)
    if question.check is not None:
        question.check(value, answers, today)
    return value


def applies(question: Question, answers: Answers) -> bool:
    return question.ask_if is None or question.ask_if(answers)


def fill(flow: Flow, raw: Mapping[str, str], today: dt.date) -> tuple[dict[str, Any], dict[str, Invalid]]:
    """Validate answers given all at once (a question with numbers, the command line), in question order
    so that branching and checks see the earlier ones. Returns the good answers and the problems."""
    answers: dict[str, Any] = {}
    problems: dict[str, Invalid] = {}
    for question in flow.questions:
        if question.id not in raw or not applies(question, answers):
            continue
        try:
            answers[question.id] = validate_answer(question, str(raw[question.id]), answers, today)
        except Invalid as problem:
            problems[question.id] = problem
    return answers, problems


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


def start(flow: Flow, prefilled: Mapping[str, Any] | None = None) -> FlowState:
    """Prefilled answers are already validated values (see `fill`). They go into the history too, so
    "go back" can undo one that was misread from the user's question."""
    known = [q.id for q in flow.questions]
    answers = {k: v for k, v in (prefilled or {}).items() if k in known}
    state = FlowState(name=flow.name, answers=answers, history=[k for k in known if k in answers])
    _advance(flow, state)
    return state


def answer(flow: Flow, state: FlowState, raw: str, today: dt.date) -> FlowState:
    """Record the answer to the current question (raises Invalid); returns the updated state."""
    question = flow.question(state.step)
    if question is None:
        raise Invalid("Esta pregunta ya no está activa.")
    value = validate_answer(question, raw, state.answers, today)
    state.answers[question.id] = value
    state.history.append(question.id)
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
    nxt = next_question(flow, state)
    state.step = nxt.id if nxt else ""


def finished(flow: Flow, state: FlowState) -> bool:
    return next_question(flow, state) is None

"""Questions several checks ask (pay, how often, days a week, kind of work) and answer helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bot.core.flows import Answers, Invalid, Kind, Option, Question
from bot.formatting import date_long
from bot.rules.common import FULL_WEEK, Period, Wage, Work

MAX_PAY = 10_000_000  # a sanity bound: a typo like 3000000 for 300 gets re-asked

PERIOD_OPTIONS = (
    Option(Period.DAY.value, "Por día"),
    Option(Period.WEEK.value, "Por semana"),
    Option(Period.FORTNIGHT.value, "Por quincena"),
    Option(Period.MONTH.value, "Por mes"),
)
WORK_OPTIONS = (
    Option(Work.HOME.value, "En una casa (trabajo del hogar)"),
    Option(Work.FARM.value, "En el campo"),
    Option(Work.OTHER.value, "Otro trabajo"),
)
DAYS_OPTIONS = (
    Option("6", "6 o 7 días"),
    Option("5", "5 días"),
    Option("4", "4 días"),
    Option("3", "3 días"),
    Option("2", "2 días"),
    Option("1", "1 día"),
)
YES_NO = (Option("si", "Sí"), Option("no", "No"))


def salary(prompt: str = "¿Cuánto te pagan?") -> Question:
    return Question(
        "salario",
        prompt,
        Kind.MONEY,
        minimum=1,
        maximum=MAX_PAY,
        hint="Escribe solo la cantidad, por ejemplo 300. En el siguiente paso me dices si es por día, "
        "semana, quincena o mes.",
        label="Pago",
        period="periodo",  # "10 mil al mes" answers both
    )


def period(
    prompt: str = "¿Esa cantidad es por día, por semana, por quincena o por mes?",
    ask_if: Callable[[Answers], bool] | None = None,
) -> Question:
    return Question("periodo", prompt, Kind.CHOICE, PERIOD_OPTIONS, ask_if=ask_if, label="Cada cuándo")


def days_per_week(
    ask_if: Callable[[Answers], bool], prompt: str = "¿Cuántos días a la semana trabajas ahí?"
) -> Question:
    return Question(
        "dias",
        prompt,
        Kind.NUMBER,
        DAYS_OPTIONS,
        minimum=1,
        maximum=7,
        integer=True,
        hint="Toca un botón o escribe el número.",
        ask_if=ask_if,
        label="Días a la semana",
        default=FULL_WEEK,
        assumption="Supuse que trabajas 6 días a la semana.",
    )


def last_day(too_old: str, ask_if: Callable[[Answers], bool] | None = None) -> Question:
    """The last day of work: not in the future, not before the start, not older than the checks cover."""
    return Question(
        "fin",
        "¿Cuál fue tu último día de trabajo?",
        Kind.DATE,
        (Option("hoy", "Hoy"),),
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 31/10/2026.",
        ask_if=ask_if,
        label="Último día",
        check=both(
            not_before("inicio", "Tu último día no puede ser antes del día en que empezaste."),
            since_last_year(too_old),
        ),
    )


def work(prompt: str = "¿Dónde trabajas?") -> Question:
    return Question("trabajo", prompt, Kind.CHOICE, WORK_OPTIONS, label="Trabajo")


def paid_by_day(answers: Answers) -> bool:
    return answers.get("periodo") == Period.DAY.value


def wage_from(answers: Answers) -> Wage:
    return Wage(
        amount=float(answers["salario"]),
        period=Period(answers["periodo"]),
        days_per_week=int(answers.get("dias", FULL_WEEK)),
    )


def date_of(answers: Answers, key: str) -> dt.date | None:
    value = answers.get(key)
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def work_of(answers: Answers) -> Work:
    try:
        return Work(answers.get("trabajo", Work.OTHER.value))
    except ValueError:
        return Work.OTHER


def not_before(key: str, message: str) -> Callable[[Any, Answers, dt.date], None]:
    """A date answer that cannot be earlier than the date answered to `key`."""

    def check(value: Any, answers: Answers, today: dt.date) -> None:
        earlier, day = date_of(answers, key), date_of({"d": value}, "d")
        if earlier is not None and day is not None and day < earlier:
            raise Invalid(message)

    return check


def since_last_year(message: str) -> Callable[[Any, Answers, dt.date], None]:
    """A date answer from 1 January of last year on: older cases need a person, not a calculator."""

    def check(value: Any, answers: Answers, today: dt.date) -> None:
        first, day = dt.date(today.year - 1, 1, 1), date_of({"d": value}, "d")
        if day is not None and day < first:
            raise Invalid(message, date=date_long(first))

    return check


def both(*checks: Callable[[Any, Answers, dt.date], None]) -> Callable[[Any, Answers, dt.date], None]:
    def check(value: Any, answers: Answers, today: dt.date) -> None:
        for one in checks:
            one(value, answers, today)

    return check

"""Aguinaldo: from the wage and the time worked in the year, this year's or last year's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Invalid, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo
from bot.rules.result import Result

WHOLE, ENTERED, LEFT, DAYS, LAST_YEAR = "todo", "entre", "sali", "dias", "pasado"


def _time(answers: Answers) -> Any:
    """How much of the year she worked, for this year's aguinaldo or, when she asked for it, last year's."""
    if answers.get("tiempo") == LAST_YEAR:
        return answers.get("tiempo_pasado")
    return answers.get("tiempo")


def _year(answers: Answers, today: dt.date) -> int:
    if answers.get("tiempo") == LAST_YEAR:
        return today.year - 1
    last = common.date_of(answers, "fin")
    return last.year if _time(answers) == LEFT and last else today.year


def _start_in_year(value: Any, answers: Answers, today: dt.date) -> None:
    day = common.date_of({"d": value}, "d")
    if _time(answers) == ENTERED and day is not None and day.year != _year(answers, today):
        if answers.get("tiempo") == LAST_YEAR:
            raise Invalid("Escribe una fecha del año pasado, o toca «Atrás» y elige otra opción.")
        raise Invalid(
            "Si entraste antes de este año, trabajaste todo el año: toca «Atrás» y elige «Sí, todo el año»."
        )


def _end_in_last_year(value: Any, answers: Answers, today: dt.date) -> None:
    day = common.date_of({"d": value}, "d")
    if answers.get("tiempo") == LAST_YEAR and day is not None and day.year != today.year - 1:
        raise Invalid("Escribe una fecha del año pasado, o toca «Atrás» y elige otra opción.")


_last_day = common.last_day("Solo calculo el aguinaldo desde el {date}.", ask_if=lambda a: _time(a) == LEFT)

QUESTIONS = (
    common.salary(),
    common.period(),
    common.days_per_week(common.paid_by_day),
    Question(
        "tiempo",
        "¿Trabajaste todo este año con esa persona?",
        Kind.CHOICE,
        (
            Option(WHOLE, "Sí, todo el año"),
            Option(ENTERED, "Entré este año"),
            Option(LEFT, "Ya no trabajo ahí"),
            Option(DAYS, "Sé cuántos días trabajé"),
            Option(LAST_YEAR, "Es el aguinaldo del año pasado"),
        ),
        label="Tiempo trabajado",
    ),
    # Last year's aguinaldo was due before 20 December and can be claimed for one year (LFT 516).
    Question(
        "tiempo_pasado",
        "¿Trabajaste todo el año pasado con esa persona?",
        Kind.CHOICE,
        (
            Option(WHOLE, "Sí, todo el año"),
            Option(ENTERED, "Entré ese año"),
            Option(LEFT, "Salí ese año"),
            Option(DAYS, "Sé cuántos días trabajé"),
        ),
        ask_if=lambda a: a.get("tiempo") == LAST_YEAR,
        label="Tiempo trabajado el año pasado",
    ),
    Question(
        "inicio",
        "¿Qué día empezaste a trabajar ahí?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 01/07/2026.",
        ask_if=lambda a: _time(a) in (ENTERED, LEFT),
        label="Empezaste",
        check=_start_in_year,
    ),
    replace(_last_day, check=common.both(*(c for c in (_last_day.check, _end_in_last_year) if c))),
    Question(
        "num_dias",
        "¿Cuántos días trabajaste en ese año con esa persona?",
        Kind.NUMBER,
        minimum=1,
        maximum=366,
        integer=True,
        hint="Cuenta los días desde que entraste, incluidos tus descansos. Escribe solo el número.",
        ask_if=lambda a: _time(a) == DAYS,
        label="Días trabajados",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    time = _time(answers)
    case = AguinaldoCase(
        wage=common.wage_from(answers),
        year=_year(answers, today),
        first_day=common.date_of(answers, "inicio") if time in (ENTERED, LEFT) else None,
        last_day=common.date_of(answers, "fin") if time == LEFT else None,
        days=int(answers["num_dias"]) if time == DAYS else None,
    )
    return aguinaldo(case, kb, today)


def _prefill(text: str) -> dict[str, str]:
    found = prefill.combine(prefill.wage, prefill.days_per_week, prefill.whole_year)(text)
    said = prefill.dates(text)
    if "tiempo" not in found and "inicio" in said:
        found.update(said)
        found["tiempo"] = LEFT if "fin" in said else ENTERED
    return found


FLOW = Flow(
    name="aguinaldo",
    title="Calcular mi aguinaldo",
    intro="Calculemos tu aguinaldo. Te hago unas preguntas: toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="aguinaldo",
    prefill=_prefill,
)

"""Aguinaldo: from the wage and the time worked this year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Invalid, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo
from bot.rules.result import Result

WHOLE, ENTERED, LEFT, DAYS = "todo", "entre", "sali", "dias"


def _start_this_year(value: Any, answers: Answers, today: dt.date) -> None:
    day = common.date_of({"d": value}, "d")
    if answers.get("tiempo") == ENTERED and day is not None and day.year < today.year:
        raise Invalid(
            "Si entraste antes de este año, trabajaste todo el año: toca «Atrás» y elige «Sí, todo el año»."
        )


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
        ),
        label="Tiempo trabajado",
    ),
    Question(
        "inicio",
        "¿Qué día empezaste a trabajar ahí?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 01/07/2026.",
        ask_if=lambda a: a.get("tiempo") in (ENTERED, LEFT),
        label="Empezaste",
        check=_start_this_year,
    ),
    common.last_day("Solo calculo el aguinaldo desde el {date}.", ask_if=lambda a: a.get("tiempo") == LEFT),
    Question(
        "num_dias",
        "¿Cuántos días trabajaste este año con esa persona?",
        Kind.NUMBER,
        minimum=1,
        maximum=366,
        integer=True,
        hint="Cuenta los días desde que entraste, incluidos tus descansos. Escribe solo el número.",
        ask_if=lambda a: a.get("tiempo") == DAYS,
        label="Días trabajados",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    time = answers.get("tiempo")
    last = common.date_of(answers, "fin") if time == LEFT else None
    case = AguinaldoCase(
        wage=common.wage_from(answers),
        year=last.year if last else today.year,
        first_day=common.date_of(answers, "inicio") if time in (ENTERED, LEFT) else None,
        last_day=last,
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

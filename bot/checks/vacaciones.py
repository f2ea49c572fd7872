"""Vacations and vacation premium: by completed years of service, or the proportional part on leaving."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Result
from bot.rules.vacaciones import VacacionesCase, vacaciones

STILL, LEFT = "sigo", "sali"

QUESTIONS = (
    common.salary(),
    common.period(),
    common.days_per_week(common.paid_by_day),
    Question(
        "anios",
        "¿Cuántos años completos llevas trabajando ahí?",
        Kind.NUMBER,
        (
            Option("0", "Menos de 1 año"),
            Option("1", "1"),
            Option("2", "2"),
            Option("3", "3"),
            Option("4", "4"),
        ),
        minimum=0,
        maximum=60,
        integer=True,
        hint="Toca un botón o escribe el número, por ejemplo 7.",
        label="Años cumplidos",
    ),
    Question(
        "situacion",
        "¿Sigues trabajando ahí?",
        Kind.CHOICE,
        (Option(STILL, "Sí, sigo ahí"), Option(LEFT, "Ya no trabajo ahí")),
        label="Sigues ahí",
    ),
    Question(
        "meses",
        "Desde tu último aniversario en ese trabajo (o desde que entraste, si fue hace menos de un año), "
        "¿cuántos meses completos trabajaste hasta que saliste?",
        Kind.NUMBER,
        minimum=0,
        maximum=11,
        integer=True,
        hint="Escribe un número del 0 al 11.",
        ask_if=lambda a: a.get("situacion") == LEFT,
        label="Meses desde tu aniversario",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    left = answers.get("situacion") == LEFT
    case = VacacionesCase(
        wage=common.wage_from(answers),
        years=int(answers["anios"]),
        left=left,
        months=int(answers.get("meses", 0)) if left else 0,
    )
    return vacaciones(case, kb, today)


def _left(text: str) -> dict[str, str]:
    said = prefill.ending(text)
    return {"situacion": LEFT} if said else {}


FLOW = Flow(
    name="vacaciones",
    title="Calcular mis vacaciones y prima vacacional",
    intro="Calculemos tus vacaciones y tu prima vacacional. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="vacaciones",
    prefill=prefill.combine(prefill.wage, prefill.days_per_week, prefill.years_of_service, _left),
)

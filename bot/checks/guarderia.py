"""IMSS day care: insured mother or father, child from 43 days to 4 years."""

from __future__ import annotations

import datetime as dt

from bot.checks import common
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.guarderia import Coverage, GuarderiaCase, guarderia
from bot.rules.result import Result

QUESTIONS = (
    Question(
        "asegurado",
        "¿Estás inscrita o inscrito en el IMSS por tu trabajo?",
        Kind.CHOICE,
        (
            Option(Coverage.INSURED.value, "Sí"),
            Option(Coverage.LEFT.value, "Me dieron de baja hace poco"),
            Option(Coverage.NONE.value, "No"),
        ),
        label="Inscrita o inscrito en el IMSS",
    ),
    Question(
        "baja",
        "¿Qué día te dieron de baja?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 01/11/2026.",
        ask_if=lambda a: a.get("asegurado") == Coverage.LEFT.value,
        label="Baja",
    ),
    Question(
        "nacimiento",
        "¿Qué día nació tu hija o hijo?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 15/03/2024.",
        label="Nacimiento",
    ),
    common.work(),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    case = GuarderiaCase(
        coverage=Coverage(answers["asegurado"]),
        birth=common.date_of(answers, "nacimiento") or today,
        work=common.work_of(answers),
        left_on=common.date_of(answers, "baja"),
    )
    return guarderia(case, kb, today)


FLOW = Flow(
    name="guarderia",
    title="¿Me toca guardería del IMSS?",
    intro="Veamos si tu hija o hijo puede ir a una guardería del IMSS. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="guarderias-imss",
)

"""Is the pay at least the minimum wage? Pay and period, days worked, border zone, kind of work, date."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Result
from bot.rules.salario_minimo import Border, MinimoCase, salario_minimo

QUESTIONS = (
    common.work(),
    common.salary(),
    common.period(),
    common.days_per_week(lambda a: "periodo" in a and not common.paid_by_day(a)),
    Question(
        "frontera",
        "¿Trabajas en un municipio de la Zona Libre de la Frontera Norte?",
        Kind.CHOICE,
        (
            Option(Border.NO.value, "No"),
            Option(Border.YES.value, "Sí, en la frontera norte"),
            Option(Border.UNKNOWN.value, "No sé"),
        ),
        label="Frontera norte",
    ),
    Question(
        "fecha_pago",
        "¿De qué fecha es ese pago?",
        Kind.DATE,
        (Option("hoy", "De ahora"),),
        not_future=True,
        hint="Toca «De ahora» o escribe la fecha, por ejemplo 15/03/2026.",
        label="Fecha del pago",
        check=common.since_last_year("Solo tengo los salarios mínimos desde el {date}."),
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    case = MinimoCase(
        work=common.work_of(answers),
        wage=common.wage_from(answers),
        border=Border(answers.get("frontera", Border.UNKNOWN.value)),
        day=common.date_of(answers, "fecha_pago") or today,
    )
    return salario_minimo(case, kb, today)


FLOW = Flow(
    name="salario_minimo",
    title="¿Me pagan al menos el mínimo?",
    intro="Comparemos tu pago con el salario mínimo. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="salario-minimo",
    prefill=prefill.combine(prefill.work, prefill.wage, prefill.days_per_week, prefill.border),
)

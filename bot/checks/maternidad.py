"""Maternity leave pay: who pays the 84 days, the IMSS or the employer."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.maternidad import Insured, MaternidadCase, maternidad
from bot.rules.result import Result

UNKNOWN = "nose"


def _wage_known(answers: Answers) -> bool:
    return isinstance(answers.get("salario"), int | float)


QUESTIONS = (
    Question(
        "asegurada",
        "¿Estás inscrita en el IMSS por tu trabajo?",
        Kind.CHOICE,
        (
            Option(Insured.YES.value, "Sí"),
            Option(Insured.NO.value, "No"),
            Option(Insured.UNKNOWN.value, "No sé"),
        ),
        label="Inscrita en el IMSS",
    ),
    Question(
        "semanas",
        "¿Cuántas semanas cotizaste en el IMSS en los 12 meses antes de que empiece tu incapacidad?",
        Kind.NUMBER,
        minimum=0,
        maximum=52,
        integer=True,
        hint="La incapacidad empieza 6 semanas antes de la fecha probable de parto. Escribe solo el número. "
        "Si no lo sabes, pregúntalo en Tel-IMSS 800 623 2323 o escribe /cancelar.",
        ask_if=lambda a: a.get("asegurada") != Insured.NO.value,
        label="Semanas cotizadas",
    ),
    Question(
        "salario",
        "¿Cuánto ganas? Así calculo el monto.",
        Kind.MONEY,
        (Option(UNKNOWN, "Prefiero no decirlo"),),
        minimum=1,
        maximum=common.MAX_PAY,
        hint="Escribe solo la cantidad, por ejemplo 342.47. En el siguiente paso me dices si es por día, "
        "semana, quincena o mes.",
        label="Pago",
    ),
    common.period(ask_if=_wage_known),
    # A rate per day of someone working fewer than six days a week is not her calendar-day wage (LFT 72).
    common.days_per_week(lambda a: _wage_known(a) and common.paid_by_day(a)),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    insured = Insured(answers.get("asegurada", Insured.UNKNOWN.value))
    weeks = answers.get("semanas")
    case = MaternidadCase(
        insured=insured,
        weeks=int(weeks) if isinstance(weeks, int | float) else None,
        wage=common.wage_from(answers) if _wage_known(answers) and "periodo" in answers else None,
    )
    return maternidad(case, kb, today)


def _prefill(text: str) -> dict[str, str]:
    return prefill.combine(prefill.wage, prefill.days_per_week)(text) | prefill.contributed_weeks(
        text, strict=True
    )


FLOW = Flow(
    name="maternidad",
    title="¿Quién me paga la incapacidad por maternidad?",
    intro="Veamos quién te paga la incapacidad por maternidad: el IMSS o tu patrona o patrón. Toca un botón "
    "o escribe la respuesta. Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="maternidad-subsidio-imss",
    prefill=_prefill,
)

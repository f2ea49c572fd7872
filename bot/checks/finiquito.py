"""Finiquito and liquidación: how the job ended, the wage, the dates, vacation taken and aguinaldo paid."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.common import service
from bot.rules.finiquito import Ending, FiniquitoCase, finiquito
from bot.rules.result import Result

ALL_TAKEN = "todas"


def _full_years(answers: Answers) -> int:
    start, last = common.date_of(answers, "inicio"), common.date_of(answers, "fin")
    if start is None or last is None:
        return 0
    return service(start, last).years


def _ended_in_december(answers: Answers) -> bool:
    last = common.date_of(answers, "fin")
    return last is not None and last.month == 12


QUESTIONS = (
    common.work("¿Dónde trabajabas?"),
    Question(
        "termino",
        "¿Cómo terminó el trabajo?",
        Kind.CHOICE,
        (
            Option(Ending.DISMISSED.value, "Me despidieron"),
            Option(Ending.RESIGNED.value, "Renuncié"),
            Option(Ending.TERM_END.value, "Se acabó la temporada o el contrato"),
        ),
        label="Cómo terminó",
    ),
    common.salary("¿Cuánto te pagaban?"),
    common.period("¿Esa cantidad era por día, por semana, por quincena o por mes?"),
    common.days_per_week(common.paid_by_day, "¿Cuántos días a la semana trabajabas ahí?"),
    Question(
        "inicio",
        "¿Qué día empezaste a trabajar ahí?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 15/03/2022.",
        label="Empezaste",
    ),
    common.last_day(
        "Solo calculo trabajos que terminaron desde el {date}. Para algo más antiguo, pregunta en la "
        "Procuraduría de la Defensa del Trabajo de tu estado."
    ),
    Question(
        "vacaciones",
        "De las vacaciones que ganaste al cumplir tu último año, ¿cuántos días alcanzaste a tomar?",
        Kind.NUMBER,
        (Option(ALL_TAKEN, "Las tomé todas"), Option("0", "Ninguno")),
        minimum=0,
        maximum=60,
        integer=True,
        hint="Toca un botón o escribe el número de días.",
        ask_if=lambda a: _full_years(a) >= 1,
        label="Vacaciones tomadas",
    ),
    Question(
        "aguinaldo",
        "¿Ya te pagaron el aguinaldo de este año?",
        Kind.CHOICE,
        common.YES_NO,
        ask_if=_ended_in_december,
        label="Aguinaldo pagado",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    start = common.date_of(answers, "inicio") or today
    taken = answers.get("vacaciones")
    case = FiniquitoCase(
        work=common.work_of(answers),
        ending=Ending(answers["termino"]),
        wage=common.wage_from(answers),
        start=start,
        last_day=common.date_of(answers, "fin") or today,
        vacation_taken=int(taken) if isinstance(taken, int | float) else None,
        aguinaldo_paid=answers.get("aguinaldo") == "si",
    )
    return finiquito(case, kb, today)


FLOW = Flow(
    name="finiquito",
    title="Calcular mi finiquito o liquidación",
    intro="Calculemos lo que te deben al terminar tu trabajo. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="finiquito-vs-liquidacion",
    prefill=prefill.combine(prefill.work, prefill.ending, prefill.wage, prefill.days_per_week, prefill.dates),
)

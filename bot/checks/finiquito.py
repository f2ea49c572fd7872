"""Finiquito and liquidación: how the job ended, the wage, the dates, vacation taken and aguinaldo paid."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Border, Work, service
from bot.rules.finiquito import Ending, FiniquitoCase, finiquito
from bot.rules.result import Result

ALL_TAKEN = "todas"


def _full_years(answers: Answers) -> int:
    start, last = common.date_of(answers, "inicio"), common.date_of(answers, "fin")
    if start is None or last is None:
        return 0
    return service(start, last).years


def _home(answers: Answers) -> bool:
    return answers.get("trabajo") == Work.HOME.value


def _job_ended_by_a_person(answers: Answers) -> bool:
    """Not the end of a season or contract: the border zone then sets the floor and cap of the seniority
    premium (LFT 486) and the minimum her pay is compared with; food and room raise the premium and the
    indemnity (LFT 334). The rule decides whether a premium is owed (15 years on resignation)."""
    return answers.get("termino") in (Ending.DISMISSED.value, Ending.RESCINDED.value, Ending.RESIGNED.value)


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
            Option(
                Ending.RESCINDED.value,
                "Me fui por culpa del patrón (maltrato, no me pagaban, me bajaron el sueldo)",
            ),
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
        "cuarto_comida",
        "¿Vivías en la casa donde trabajabas, con cuarto y comida?",
        Kind.CHOICE,
        (Option("si", "Sí, vivía ahí"), Option("no", "No, iba y venía")),
        ask_if=lambda a: _home(a) and _job_ended_by_a_person(a),
        label="Vivía en la casa",
    ),
    Question(
        "frontera",
        "¿Trabajabas en un municipio de la Zona Libre de la Frontera Norte?",
        Kind.CHOICE,
        (
            Option(Border.NO.value, "No"),
            Option(Border.YES.value, "Sí, en la frontera norte"),
            Option(Border.UNKNOWN.value, "No sé"),
        ),
        ask_if=_job_ended_by_a_person,
        label="Frontera norte",
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
        live_in=answers.get("cuarto_comida") == "si",
        border=Border(answers.get("frontera", Border.UNKNOWN.value)),
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
    prefill=prefill.combine(
        prefill.work, prefill.ending, prefill.wage, prefill.days_per_week, prefill.dates, prefill.border
    ),
)

"""Vacations and vacation premium: by completed years of service, or the proportional part on leaving."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Result
from bot.rules.vacaciones import VacacionesCase, vacaciones

STILL, LEFT = "sigo", "sali"


def _left(answers: Answers) -> bool:
    return answers.get("situacion") == LEFT


QUESTIONS = (
    common.salary(),
    common.period(),
    common.days_per_week(common.paid_by_day),
    Question(
        "situacion",
        "¿Sigues trabajando ahí?",
        Kind.CHOICE,
        (Option(STILL, "Sí, sigo ahí"), Option(LEFT, "Ya no trabajo ahí")),
        label="Sigues ahí",
    ),
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
        # Not "== STILL": years said in the question itself are kept until she says whether she left.
        ask_if=lambda a: not _left(a),
        label="Años cumplidos",
    ),
    # On leaving, the proportional part counts days (LFT 79), so the dates are asked instead of years.
    Question(
        "inicio",
        "¿Qué día empezaste a trabajar ahí?",
        Kind.DATE,
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 15/03/2022.",
        ask_if=_left,
        label="Empezaste",
    ),
    common.last_day("Solo calculo las vacaciones de trabajos que terminaron desde el {date}.", ask_if=_left),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    wage = common.wage_from(answers)
    if _left(answers):
        case = VacacionesCase(
            wage, start=common.date_of(answers, "inicio"), last_day=common.date_of(answers, "fin") or today
        )
    else:
        case = VacacionesCase(wage, years=int(answers["anios"]))
    return vacaciones(case, kb, today)


def _prefill(text: str) -> dict[str, str]:
    found = prefill.combine(prefill.wage, prefill.days_per_week, prefill.years_of_service)(text)
    if prefill.ending(text):
        found["situacion"] = LEFT
        found.update(prefill.dates(text))
    return found


FLOW = Flow(
    name="vacaciones",
    title="Calcular mis vacaciones y prima vacacional",
    intro="Calculemos tus vacaciones y tu prima vacacional. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="vacaciones",
    prefill=_prefill,
)

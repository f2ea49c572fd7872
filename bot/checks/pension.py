"""Pension: regime (before or after 1 July 1997), age and weeks contributed."""

from __future__ import annotations

import datetime as dt

from bot.checks import prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.pension import PensionCase, Regime, pension
from bot.rules.result import Result

# Who is asked whether she is a woman: Mujeres Bienestar is for women from 60 until the Adultos Mayores
# pension at 65. A question cannot read the dated parameters; tests keep this equal to them.
WOMEN_BIENESTAR = range(60, 65)


def _bienestar_age(answers: Answers) -> bool:
    age = answers.get("edad")
    return isinstance(age, int) and age in WOMEN_BIENESTAR


QUESTIONS = (
    Question(
        "regimen",
        "¿Cuándo empezaste a cotizar en el IMSS por primera vez?",
        Kind.CHOICE,
        (
            Option(Regime.LAW_73.value, "Antes del 1 de julio de 1997"),
            Option(Regime.LAW_97.value, "El 1 de julio de 1997 o después"),
            Option(Regime.UNKNOWN.value, "No sé"),
        ),
        label="Primera cotización",
    ),
    Question(
        "edad",
        "¿Cuántos años tienes?",
        Kind.NUMBER,
        minimum=15,
        maximum=110,
        integer=True,
        hint="Escribe solo el número, por ejemplo 58.",
        label="Edad",
    ),
    Question(
        "semanas",
        "¿Cuántas semanas cotizadas tienes en el IMSS?",
        Kind.NUMBER,
        minimum=0,
        maximum=3500,
        integer=True,
        hint=(
            "Escribe solo el número, por ejemplo 800. Si no lo sabes, pide tu constancia de semanas "
            "cotizadas en el IMSS o en Tel-IMSS 800 623 2323, y vuelve."
        ),
        label="Semanas cotizadas",
    ),
    Question(
        "mujer",
        "La Pensión Mujeres Bienestar es para mujeres de 60 a 64 años. ¿Eres mujer?",
        Kind.CHOICE,
        (Option("si", "Sí"), Option("no", "No")),
        ask_if=_bienestar_age,
        label="Mujer",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    woman = answers.get("mujer")
    case = PensionCase(
        regime=Regime(answers["regimen"]),
        age=int(answers["edad"]),
        weeks=int(answers["semanas"]),
        woman=None if woman is None else woman == "si",
    )
    return pension(case, kb, today)


FLOW = Flow(
    name="pension",
    title="¿Ya me puedo pensionar?",
    intro=(
        "Veamos si ya te puedes pensionar por el IMSS y qué pensiones del Bienestar te tocan. Toca un botón "
        "o escribe la respuesta. Para salir, escribe /cancelar."
    ),
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id="pension-semanas",
    prefill=prefill.combine(prefill.regime, prefill.age, prefill.contributed_weeks),
)

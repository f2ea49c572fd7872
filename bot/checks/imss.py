"""Must I be registered with the IMSS? Domestic work (one or several employers, occasional), farm work."""

from __future__ import annotations

import datetime as dt

from bot.checks import common, prefill
from bot.core.flows import Answers, Flow, Kind, Option, Question
from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work
from bot.rules.imss import FarmMode, HomeMode, ImssCase, Registration, imss
from bot.rules.result import Result

ENTRY = "imss-hogar-obligatorio"


def _home(answers: Answers) -> bool:
    return answers.get("trabajo") == Work.HOME.value


def _regular(answers: Answers) -> bool:
    return answers.get("modalidad") != HomeMode.OCCASIONAL.value


QUESTIONS = (
    common.work(),
    Question(
        "modalidad",
        "¿Cómo es tu trabajo en casas?",
        Kind.CHOICE,
        (
            Option(HomeMode.LIVE_IN.value, "Vivo en la casa donde trabajo"),
            Option(HomeMode.SINGLE.value, "Una casa, de entrada por salida"),
            Option(HomeMode.SEVERAL.value, "Trabajo en varias casas"),
            Option(HomeMode.OCCASIONAL.value, "Solo de vez en cuando"),
        ),
        ask_if=_home,
        label="Modalidad",
    ),
    Question(
        "temporada",
        "¿Eres de planta o de temporada?",
        Kind.CHOICE,
        (
            Option(FarmMode.PERMANENT.value, "De planta (todo el año)"),
            Option(FarmMode.TEMPORARY.value, "De temporada"),
        ),
        ask_if=lambda a: a.get("trabajo") == Work.FARM.value,
        label="Contrato",
    ),
    Question(
        "registro",
        "¿Ya te registraron en el IMSS?",
        Kind.CHOICE,
        (
            Option(Registration.YES.value, "Sí, tengo papeles o comprobantes"),
            Option(Registration.PASS.value, "Me dieron un pase o me llevaron a consulta"),
            Option(Registration.NO.value, "No"),
            Option(Registration.UNKNOWN.value, "No sé"),
        ),
        ask_if=_regular,
        label="Registro",
    ),
    Question(
        "inicio",
        "¿Qué día empezaste a trabajar con esa persona?",
        Kind.DATE,
        (Option("nose", "No me acuerdo"),),
        not_future=True,
        hint="Escribe la fecha así: día/mes/año, por ejemplo 15/03/2022, o toca «No me acuerdo».",
        ask_if=lambda a: _home(a) and _regular(a),
        label="Empezaste",
    ),
)


def evaluate(answers: Answers, today: dt.date, kb: KnowledgeBase) -> Result:
    entry = kb.entries.get(ENTRY)
    mode, season = answers.get("modalidad"), answers.get("temporada")
    case = ImssCase(
        work=common.work_of(answers),
        registration=Registration(answers.get("registro", Registration.UNKNOWN.value)),
        home_mode=HomeMode(mode) if mode else None,
        farm_mode=FarmMode(season) if season else None,
        start=common.date_of(answers, "inicio"),
        home_mandatory_since=entry.in_force_since if entry else None,
    )
    return imss(case, kb, today)


FLOW = Flow(
    name="imss",
    title="¿Me deben inscribir al IMSS?",
    intro="Veamos si te deben inscribir en el IMSS y qué hacer. Toca un botón o escribe la respuesta. "
    "Para salir, escribe /cancelar.",
    questions=QUESTIONS,
    evaluate=evaluate,
    entry_id=ENTRY,
    prefill=prefill.work,
)

"""IMSS day care: for the children of insured working mothers and fathers (LSS 201, 205), from 43 days old
until they turn 4 (LSS 206); the right is kept 4 weeks after leaving the IMSS (LSS 207). Farm employers
must provide day care whatever the contract (LFT 283 fr. XIII)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work, anniversary
from bot.rules.result import Msg, Reason, Result, Verdict

FROM_DAYS = 43  # LSS 206
UNTIL_YEARS = 4  # LSS 206: "hasta que cumplan cuatro años"
KEPT_AFTER_LEAVING = dt.timedelta(weeks=4)  # LSS 207


class Coverage(StrEnum):
    INSURED = "si"
    LEFT = "baja"  # was insured, recently left (baja)
    NONE = "no"


@dataclass(frozen=True)
class GuarderiaCase:
    coverage: Coverage
    birth: dt.date
    work: Work = Work.OTHER
    left_on: dt.date | None = None  # date of the baja, when coverage is LEFT


def first_day(birth: dt.date) -> dt.date:
    """The day the child is 43 days old."""
    return birth + dt.timedelta(days=FROM_DAYS)


def last_day(birth: dt.date) -> dt.date:
    """The day before the fourth birthday."""
    return anniversary(birth, UNTIL_YEARS) - dt.timedelta(days=1)


def covered_until(case: GuarderiaCase) -> dt.date | None:
    if case.coverage is Coverage.LEFT and case.left_on is not None:
        return case.left_on + KEPT_AFTER_LEAVING
    return None


def guarderia(case: GuarderiaCase, kb: KnowledgeBase, today: dt.date) -> Result:
    age_rule = Reason(
        Msg(
            "Las guarderías del IMSS reciben a niñas y niños desde los 43 días de nacidos hasta que cumplen "
            "4 años."
        ),
        "LSS 206",
    )
    who = Reason(
        Msg("El derecho es de las personas trabajadoras aseguradas: mamás y papás."),
        "LSS 205",
    )
    reasons = [who, age_rule]
    not_checked = [
        Msg("Si hay lugar en una guardería cerca de ti."),
        Msg(
            "Si no eres la mamá o el papá pero tienes la custodia por orden de un juez, también puede "
            "aplicar."
        ),
    ]
    steps = [Msg("Para pedir el lugar y los requisitos, pregunta en Tel-IMSS 800 623 2323.")]
    farm = case.work is Work.FARM
    if farm:
        reasons.append(
            Reason(
                Msg(
                    "En el campo, tu patrón debe darte servicio de guardería durante toda tu jornada, sin "
                    "importar cómo te contrató."
                ),
                "LFT 283 fr. XIII",
            )
        )

    kept_until = covered_until(case)
    insured = case.coverage is Coverage.INSURED or (kept_until is not None and today <= kept_until)
    if case.coverage is Coverage.LEFT and kept_until is not None:
        reasons.append(
            Reason(
                Msg(
                    "Después de la baja conservas el derecho 4 semanas: hasta el {date_until}.",
                    {"date_until": kept_until},
                ),
                "LSS 207",
            )
        )

    start, end = first_day(case.birth), last_day(case.birth)

    def result(verdict: Verdict, summary: Msg) -> Result:
        # Every outcome carries the same reasons, caveats and next steps gathered so far.
        return Result(
            verdict, summary, tuple(reasons), (), tuple(not_checked), tuple(steps), today, "guarderias-imss"
        )

    if not insured:
        summary = (
            Msg("No tienes derecho a la guardería del IMSS porque pasaron más de 4 semanas desde tu baja.")
            if case.coverage is Coverage.LEFT
            else Msg("La guardería del IMSS es solo para personas aseguradas.")
        )
        if farm:
            summary = Msg(
                "La guardería del IMSS es solo para personas aseguradas, pero en el campo tu patrón debe "
                "darte servicio de guardería de todos modos."
            )
        steps.insert(
            0,
            Msg(
                "Si trabajas para alguien, debe inscribirte en el IMSS. Si no lo hace, puedes denunciar en "
                "http://www.imss.gob.mx/denuncia."
            ),
        )
        return result(Verdict.NO, summary)
    if today < start:
        summary = Msg(
            "Todavía no: tu bebé puede entrar a la guardería del IMSS desde el {date_start}, cuando cumpla "
            "43 días.",
            {"date_start": start},
        )
        return result(Verdict.NO, summary)
    if today > end:
        summary = Msg("La guardería del IMSS es hasta que la niña o el niño cumple 4 años.")
        return result(Verdict.NO, summary)
    summary = Msg(
        "Tu hija o hijo puede ir a la guardería del IMSS hasta el {date_end}, un día antes de cumplir 4 "
        "años.",
        {"date_end": end},
    )
    if kept_until is not None and case.coverage is Coverage.LEFT:
        not_checked.insert(
            0, Msg("Después de esas 4 semanas necesitas volver a estar asegurada o asegurado.")
        )
    reasons.append(
        Reason(
            Msg("El servicio es durante tu jornada de trabajo, en turno matutino o vespertino."), "LSS 201"
        )
    )
    return result(Verdict.YES, summary)

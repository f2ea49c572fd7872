"""IMSS day care: for the children of insured working mothers and fathers (LSS 201, 205), from 43 days old
until they turn 4 (LSS 206); the right is kept 4 weeks after leaving the IMSS (LSS 207). Farm employers
must provide day care whatever the contract (LFT 283 fr. XIII).

The dates come from small pure functions; the legal numbers (43 days, 4 years, 4 weeks) are parameters of
knowledge/parametros.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work, anniversary
from bot.rules.result import Msg, Reason, Result, Verdict


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


@dataclass(frozen=True)
class Rules:
    from_days: int  # LSS 206
    until_years: int  # LSS 206
    weeks_after_leaving: int  # LSS 207

    @classmethod
    def on(cls, kb: KnowledgeBase, day: dt.date) -> Rules:
        return cls(
            int(kb.number("guarderia_edad_desde_dias", day)),
            int(kb.number("guarderia_edad_hasta_anios", day)),
            int(kb.number("guarderia_semanas_tras_baja", day)),
        )


def first_day(birth: dt.date, rules: Rules) -> dt.date:
    """The day the child is 43 days old."""
    return birth + dt.timedelta(days=rules.from_days)


def last_day(birth: dt.date, rules: Rules) -> dt.date:
    """The day before the fourth birthday."""
    return anniversary(birth, rules.until_years) - dt.timedelta(days=1)


def kept_until(left_on: dt.date, rules: Rules) -> dt.date:
    """LSS 207: the right is kept during the four weeks after the baja."""
    return left_on + dt.timedelta(weeks=rules.weeks_after_leaving)


def guarderia(case: GuarderiaCase, kb: KnowledgeBase, today: dt.date) -> Result:
    rules = Rules.on(kb, today)
    age = {"from_days": rules.from_days, "years": rules.until_years, "weeks": rules.weeks_after_leaving}
    reasons = [
        Reason(Msg("El derecho es de las personas trabajadoras aseguradas: mamás y papás."), "LSS 205"),
        Reason(
            Msg(
                "Las guarderías del IMSS reciben a niñas y niños desde los {from_days} días de nacidos hasta "
                "que cumplen {years} años.",
                age,
            ),
            "LSS 206",
        ),
    ]
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

    left = case.coverage is Coverage.LEFT and case.left_on is not None
    until = kept_until(case.left_on, rules) if case.left_on is not None and left else None
    if until is not None:
        reasons.append(
            Reason(
                Msg(
                    "Después de la baja conservas el derecho {weeks} semanas: hasta el {date_until}.",
                    {**age, "date_until": until},
                ),
                "LSS 207",
            )
        )
    insured = case.coverage is Coverage.INSURED or (until is not None and today <= until)
    start, end = first_day(case.birth, rules), last_day(case.birth, rules)

    def result(verdict: Verdict, summary: Msg) -> Result:
        # Every outcome carries the same reasons, caveats and next steps gathered so far.
        return Result(
            verdict, summary, tuple(reasons), (), tuple(not_checked), tuple(steps), today, "guarderias-imss"
        )

    if not insured:
        if farm:
            summary = Msg(
                "La guardería del IMSS es solo para personas aseguradas, pero en el campo tu patrón debe "
                "darte servicio de guardería de todos modos."
            )
        elif until is not None:
            summary = Msg(
                "Ya no: conservaste la guardería del IMSS {weeks} semanas después de tu baja, hasta el "
                "{date_until}. Necesitas volver a estar asegurada o asegurado.",
                {**age, "date_until": until},
            )
        else:
            summary = Msg("La guardería del IMSS es solo para personas aseguradas.")
        steps.insert(
            0,
            Msg(
                "Si trabajas para alguien, debe inscribirte en el IMSS. Si no lo hace, puedes denunciar en "
                "http://www.imss.gob.mx/denuncia."
            ),
        )
        return result(Verdict.NO, summary)
    if today > end:
        return result(
            Verdict.NO, Msg("La guardería del IMSS es hasta que la niña o el niño cumple {years} años.", age)
        )
    if until is not None and start > until:
        summary = Msg(
            "No alcanza: tu bebé cumple {from_days} días el {date_start}, y tu derecho después de la baja "
            "termina el {date_until}. Necesitas volver a estar asegurada o asegurado.",
            {**age, "date_start": start, "date_until": until},
        )
        return result(Verdict.NO, summary)
    if today < start:
        summary = Msg(
            "Todavía no: tu bebé puede entrar a la guardería del IMSS desde el {date_start}, cuando cumpla "
            "{from_days} días.",
            {**age, "date_start": start},
        )
        if until is not None:
            not_checked.insert(
                0, Msg("Después de tu baja, solo hasta el {date_until}.", {"date_until": until})
            )
        return result(Verdict.NO, summary)
    reasons.append(
        Reason(
            Msg("El servicio es durante tu jornada de trabajo, en turno matutino o vespertino."), "LSS 201"
        )
    )
    if until is not None and until < end:
        # Audit #6: after a baja the limit is the 4 weeks of LSS 207, not the fourth birthday.
        summary = Msg(
            "Puedes usarla hasta el {date_until} ({weeks} semanas después de tu baja); después necesitas "
            "volver a estar asegurada o asegurado.",
            {**age, "date_until": until},
        )
        return result(Verdict.YES, summary)
    summary = Msg(
        "Tu hija o hijo puede ir a la guardería del IMSS hasta el {date_end}, un día antes de cumplir "
        "{years} años.",
        {**age, "date_end": end},
    )
    return result(Verdict.YES, summary)

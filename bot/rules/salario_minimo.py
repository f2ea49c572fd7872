"""Is the pay at least the minimum wage in force on the date it is for?

The minimum is per working day (LFT 90); a weekly, fortnightly or monthly wage also pays the rest days
(LFT 69), in proportion for someone who works fewer than six days a week (LFT 72). Domestic work has its
own minimum (LFT 335); the farm minimum for this year is not verified, so farm pay is compared with the
general minimum and the answer is at most "probablemente" (LFT 280 Bis).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import (
    FULL_WEEK,
    PERIOD_DAYS,
    PERIOD_NAMES,
    Period,
    Wage,
    Work,
    cents,
    minimum_parameter,
    where_to_claim,
)
from bot.rules.result import Amount, Msg, Reason, Result, Verdict


class Border(StrEnum):
    YES = "si"
    NO = "no"
    UNKNOWN = "nose"


@dataclass(frozen=True)
class MinimoCase:
    work: Work
    wage: Wage  # days_per_week: days worked a week (for pay by week, fortnight or month)
    border: Border
    day: dt.date  # the date the pay is for


def paid_days(wage: Wage) -> float:
    """Days of minimum wage owed for one pay period: one per day for pay by the day; for longer periods
    the calendar days, in proportion when fewer than six days a week are worked."""
    if wage.period is Period.DAY:
        return 1.0
    return PERIOD_DAYS[wage.period] * min(wage.days_per_week, FULL_WEEK) / FULL_WEEK


def pay_per_day(wage: Wage) -> float:
    """The pay brought to one working day, to compare with the daily minimum."""
    return wage.amount / paid_days(wage)


def minimum(kb: KnowledgeBase, work: Work, border: bool, day: dt.date) -> float:
    return kb.number(minimum_parameter(work, border), day)


def salario_minimo(case: MinimoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    day = case.day
    wage = case.wage
    period = PERIOD_NAMES[wage.period]
    low = minimum(kb, case.work, case.border is Border.YES, day)
    high = minimum(kb, case.work, True, day) if case.border is Border.UNKNOWN else low
    per_day = pay_per_day(wage)
    owed_days = paid_days(wage)
    required = cents(low * owed_days)
    parameter = kb.param(minimum_parameter(case.work, case.border is Border.YES), day)
    zone = (
        Msg("en la Zona Libre de la Frontera Norte")
        if case.border is Border.YES
        else Msg("fuera de la frontera norte")
    )
    which = {
        Work.HOME: Msg("para el trabajo del hogar"),
        Work.FARM: Msg("general (el del campo no lo pude confirmar)"),
        Work.OTHER: Msg("general"),
    }[case.work]

    reasons = [
        Reason(
            Msg("El salario mínimo es lo menos que te pueden pagar por una jornada de trabajo."), "LFT 90"
        ),
        Reason(
            Msg(
                "El mínimo {which} {zone} el {date_day} es de {money_min} al día (vigente desde el "
                "{date_since}).",
                {
                    "which": which,
                    "zone": zone,
                    "date_day": day,
                    "money_min": low,
                    "date_since": parameter.since,
                },
            ),
            "LFT 335" if case.work is Work.HOME else f"Resolución CONASAMI {parameter.since.year}",
        ),
    ]
    if wage.period is not Period.DAY:
        if wage.days_per_week < FULL_WEEK:
            reasons.append(
                Reason(
                    Msg(
                        "Trabajas {days} días a la semana: te deben esos días más la parte proporcional del "
                        "descanso. Lo mínimo {period} es {money_required}.",
                        {"days": wage.days_per_week, "period": period, "money_required": required},
                    ),
                    "LFT 72",
                )
            )
        else:
            reasons.append(
                Reason(
                    Msg(
                        "Un pago {period} incluye tus días de descanso: lo mínimo {period} es {money_min} × "
                        "{calendar} = {money_required}.",
                        {
                            "period": period,
                            "money_min": low,
                            "calendar": PERIOD_DAYS[wage.period],
                            "money_required": required,
                        },
                    ),
                    "LFT 69",
                )
            )
    if case.work is Work.FARM:
        reasons.append(
            Reason(
                Msg(
                    "Para el campo hay un salario mínimo profesional, que nunca es menor que el general. El "
                    "de este año no lo pude confirmar; si te pagan por pieza o por tarea, también debe "
                    "alcanzarlo."
                ),
                "LFT 280 Bis",
            )
        )

    not_checked = [Msg("Las horas: el mínimo es por una jornada completa; no revisé cuántas horas trabajas.")]
    if wage.period is Period.DAY:
        not_checked.append(Msg("Que también te paguen tus días de descanso."))
    if case.border is Border.UNKNOWN:
        not_checked.append(
            Msg(
                "Si trabajas en un municipio de la Zona Libre de la Frontera Norte, el mínimo es más alto: "
                "{money_high} al día.",
                {"money_high": high},
            )
        )
    if case.work is Work.FARM:
        not_checked.append(
            Msg("El salario mínimo profesional del campo de este año: confírmalo con la CONASAMI.")
        )

    amounts = [
        Amount(Msg("Lo que te pagan {period}", {"period": period}), cents(wage.amount)),
        Amount(Msg("Lo mínimo {period}", {"period": period}), required),
    ]
    below = cents(per_day) < cents(low)
    steps: list[Msg] = []
    if below:
        missing = cents(required - wage.amount)
        amounts.append(Amount(Msg("Te faltan {period}", {"period": period}), missing))
        verdict = Verdict.NO
        summary = Msg(
            "Te pagan menos del salario mínimo: te faltan {money_missing} {period}.",
            {"money_missing": missing, "period": period},
        )
        steps += [
            Msg("Guarda pruebas de lo que te pagan: recibos, transferencias o mensajes."),
            where_to_claim(case.work),
        ]
    elif cents(per_day) < cents(high):
        verdict = Verdict.LIKELY
        summary = Msg(
            "Te pagan al menos el mínimo de fuera de la frontera, pero no el de la Zona Libre de la Frontera "
            "Norte ({money_high} al día).",
            {"money_high": high},
        )
    elif case.work is Work.FARM:
        verdict = Verdict.LIKELY
        summary = Msg(
            "Te pagan al menos el mínimo general ({money_min} al día). Confirma el mínimo del campo con la "
            "CONASAMI.",
            {"money_min": low},
        )
    else:
        verdict = Verdict.YES
        summary = Msg(
            "Te pagan al menos el mínimo: {money_pay} por día de trabajo, y el mínimo es {money_min}.",
            {"money_pay": cents(per_day), "money_min": low},
        )
    return Result(
        verdict=verdict,
        summary=summary,
        reasons=tuple(reasons),
        amounts=tuple(amounts),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=day,
        related_entry={
            Work.HOME: "hogar-salario-minimo",
            Work.FARM: "campo-salario-minimo",
            Work.OTHER: "salario-minimo",
        }[case.work],
    )

"""The explanation of a minimum-wage check, built from the numbers of salario_minimo.compare()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.rules.common import FULL_WEEK, PERIOD_DAYS, PERIOD_NAMES, Border, Period, Work, cents, where_to_claim
from bot.rules.result import Amount, Msg, Reason, Verdict

if TYPE_CHECKING:
    from bot.rules.salario_minimo import Comparison, MinimoCase

WHICH = {
    Work.HOME: Msg("para el trabajo del hogar"),
    Work.FARM: Msg("general (el del campo no lo pude confirmar)"),
    Work.OTHER: Msg("general"),
}


def headline(case: MinimoCase, c: Comparison, verdict: Verdict) -> Msg:
    period = PERIOD_NAMES[case.wage.period]
    if verdict is Verdict.NO:
        return Msg(
            "Te pagan menos del salario mínimo: te faltan {money_missing} {period}.",
            {"money_missing": cents(c.required - case.wage.amount), "period": period},
        )
    if c.below_home_rest and c.required_home_rest is not None:
        return Msg(
            "Depende de cómo se cuente tu descanso de día y medio: con la regla general te pagan el mínimo, "
            "pero con esa otra lectura te faltarían {money_missing} {period}. Pregunta en la Procuraduría.",
            {"money_missing": cents(c.required_home_rest - case.wage.amount), "period": period},
        )
    if cents(c.per_day) < cents(c.high):
        return Msg(
            "Te pagan al menos el mínimo de fuera de la frontera, pero no el de la Zona Libre de la Frontera "
            "Norte ({money_high} al día).",
            {"money_high": c.high},
        )
    if case.work is Work.FARM:
        return Msg(
            "Te pagan al menos el mínimo general ({money_min} al día). Confirma el mínimo del campo con la "
            "CONASAMI.",
            {"money_min": c.low},
        )
    if c.stale:
        return Msg(
            "Te pagan al menos el mínimo de {year} ({money_min} al día), pero el de {new_year} aún no está "
            "confirmado y puede ser más alto: consúltalo con la CONASAMI.",
            {"year": c.since.year, "new_year": case.day.year, "money_min": c.low},
        )
    return Msg(
        "Te pagan al menos el mínimo: {money_pay} por día de trabajo, y el mínimo es {money_min}.",
        {"money_pay": cents(c.per_day), "money_min": c.low},
    )


def minimum_reason(case: MinimoCase, c: Comparison) -> Reason:
    zone = (
        Msg("en la Zona Libre de la Frontera Norte")
        if case.border is Border.YES
        else Msg("fuera de la frontera norte")
    )
    values = {
        "which": WHICH[case.work],
        "zone": zone,
        "date_day": case.day,
        "money_min": c.low,
        "date_since": c.since,
        "year": c.since.year,
        "new_year": case.day.year,
    }
    citation = "LFT 335" if case.work is Work.HOME else f"Resolución CONASAMI {c.since.year}"
    if c.stale:
        text = Msg(
            "El último mínimo {which} {zone} que tengo es el de {year}: {money_min} al día. El de {new_year} "
            "aún no está confirmado, así que no puedo decirte que te pagan lo suficiente.",
            values,
        )
    else:
        text = Msg(
            "El mínimo {which} {zone} el {date_day} es de {money_min} al día (vigente desde el "
            "{date_since}).",
            values,
        )
    return Reason(text, citation)


def rest_reasons(case: MinimoCase, c: Comparison) -> list[Reason]:
    wage, period = case.wage, PERIOD_NAMES[case.wage.period]
    if wage.period is Period.DAY:
        return []
    reasons = []
    if wage.days_per_week < FULL_WEEK:
        reasons.append(
            Reason(
                Msg(
                    "Trabajas {days} días a la semana: te deben esos días más la parte proporcional del "
                    "descanso. Lo mínimo {period} es {money_required}.",
                    {"days": wage.days_per_week, "period": period, "money_required": c.required},
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
                        "money_min": c.low,
                        "calendar": PERIOD_DAYS[wage.period],
                        "money_required": c.required,
                    },
                ),
                "LFT 69",
            )
        )
    if c.required_home_rest is not None:
        reasons.append(
            Reason(
                Msg(
                    "En el trabajo del hogar el descanso es de día y medio a la semana. Si la semana "
                    "completa se cuenta como {week} días de trabajo, lo mínimo {period} sería "
                    "{money_required}. No está confirmado cuál de las dos lecturas aplica.",
                    {"period": period, "money_required": c.required_home_rest, "week": c.home_week},
                ),
                "LFT 336",
            )
        )
    return reasons


def explain(
    case: MinimoCase, c: Comparison, verdict: Verdict
) -> tuple[list[Reason], list[Amount], list[Msg], list[Msg]]:
    """Reasons, amounts, what was not checked and what to do."""
    period = PERIOD_NAMES[case.wage.period]
    reasons = [
        Reason(
            Msg("El salario mínimo es lo menos que te pueden pagar por una jornada de trabajo."), "LFT 90"
        ),
        minimum_reason(case, c),
        *rest_reasons(case, c),
    ]
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
    if case.wage.period is Period.DAY:
        not_checked.append(Msg("Que también te paguen tus días de descanso."))
    if case.border is Border.UNKNOWN:
        not_checked.append(
            Msg(
                "Si trabajas en un municipio de la Zona Libre de la Frontera Norte, el mínimo es más alto: "
                "{money_high} al día.",
                {"money_high": c.high},
            )
        )
    if case.work is Work.FARM:
        not_checked.append(
            Msg("El salario mínimo profesional del campo de este año: confírmalo con la CONASAMI.")
        )

    amounts = [
        Amount(Msg("Lo que te pagan {period}", {"period": period}), cents(case.wage.amount)),
        Amount(Msg("Lo mínimo {period}", {"period": period}), c.required),
    ]
    if c.required_home_rest is not None:
        amounts.append(
            Amount(
                Msg("Con día y medio de descanso, lo mínimo {period}", {"period": period}),
                c.required_home_rest,
            )
        )
    steps: list[Msg] = []
    if verdict is Verdict.NO:
        amounts.append(
            Amount(Msg("Te faltan {period}", {"period": period}), cents(c.required - case.wage.amount))
        )
    if verdict is Verdict.NO or c.below_home_rest:
        steps += [
            Msg("Guarda pruebas de lo que te pagan: recibos, transferencias o mensajes."),
            where_to_claim(case.work),
        ]
    return reasons, amounts, not_checked, steps

"""Finiquito (what is owed whenever a job ends) and, after a dismissal or leaving for the employer's fault,
the indemnity and seniority premium: the explanation, built from the numbers of finiquito_amounts.

Law: aguinaldo LFT 87; vacations LFT 76, 79, 80; indemnity LFT 48, 49, 50 (domestic work: 49 fr. IV, 334,
341, 343); leaving for the employer's fault LFT 51, 52, 517 fr. II; seniority premium LFT 162 with the
wage between the minimum and twice the minimum of the area (LFT 485, 486); deadlines LFT 516 and 518.
"""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import (
    Border,
    Work,
    cents,
    general_minimum,
    minimum_parameter,
    provisional_note,
    where_to_claim,
)
from bot.rules.finiquito_amounts import (
    Breakdown,
    Ending,
    FiniquitoCase,
    Law,
    breakdown,
    indemnity_owed,
    minimum_names,
    seniority_owed,
    seniority_wage,
    within_first_days,
)
from bot.rules.finiquito_indemnity import Parts, explain_indemnity, explain_live_in
from bot.rules.result import Amount, Msg, Reason, Result, Verdict
from bot.rules.salario_minimo import pay_per_day
from bot.rules.vacaciones import vacation_days

__all__ = ["Ending", "FiniquitoCase", "breakdown", "finiquito", "seniority_wage"]


def finiquito(case: FiniquitoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    law = Law.on(kb, case.last_day)
    b = breakdown(case, kb)
    uncertain = within_first_days(case, law)
    parts = Parts(reasons=[case.wage.reason()])
    explain_finiquito(parts, case, b, kb)
    if indemnity_owed(case.ending):
        explain_indemnity(parts, case, b, law, uncertain, today)
    explain_seniority(parts, case, b, law, kb)
    premium = seniority_owed(case.ending, b.service.years, law)
    if premium:
        explain_live_in(parts, case, b, law)
    explain_caveats(parts, case, kb)

    conditional = [_conditional(a, case, uncertain) for a in parts.amounts]
    sure = cents(sum(a.value for a, maybe in zip(parts.amounts, conditional, strict=True) if not maybe))
    total = cents(sum(a.value for a in parts.amounts))
    parts.amounts.append(Amount(Msg("Total"), total))
    parts.steps += [
        where_to_claim(case.work),
        Msg("Antes de firmar un finiquito o una renuncia, revisa que estén todas las cantidades."),
    ]
    # Only the premium depends on a yearly figure (the minimum of its floor and cap).
    stale = provisional_note(kb, case.last_day, minimum_names(case)) if premium else None
    return Result(
        verdict=Verdict.LIKELY if any(conditional) else Verdict.AMOUNT,
        summary=headline(case, sure, total, law if uncertain else None),
        reasons=tuple(parts.reasons),
        amounts=tuple(parts.amounts),
        not_checked=tuple(parts.not_checked),
        next_steps=tuple(parts.steps),
        as_of=today,
        related_entry=related_entry(case),
        provisional_note=stale,
    )


def _conditional(amount: Amount, case: FiniquitoCase, uncertain: bool) -> bool:
    """Indemnity amounts that depend on something only a Centro de Conciliación or a court decides."""
    indemnity = amount.label.msgid.startswith("Indemnización")
    return indemnity and (case.work is not Work.HOME or uncertain or case.ending is Ending.RESCINDED)


def headline(case: FiniquitoCase, sure: float, total: float, first_days: Law | None) -> Msg:
    """`first_days`: the law in force when a domestic job was ended in its first days (LFT 343)."""
    values = {"money_sure": sure, "money_total": total}
    if case.ending is Ending.RESCINDED:
        return Msg(
            "Si te fuiste por culpa de tu patrón, te deben al menos {money_sure} más la indemnización: en "
            "total, al menos {money_total}. Ve pronto a la Procuraduría: el plazo es corto.",
            values,
        )
    if case.ending is not Ending.DISMISSED:
        return Msg("Tu finiquito es de al menos {money_total}.", values)
    if first_days is not None:
        return Msg(
            "Te deben al menos {money_sure}. La indemnización no es segura porque el trabajo terminó en "
            "los primeros {days} días; con ella serían {money_total}. Pregunta en la Procuraduría.",
            {**values, "days": first_days.domestic_first_days},
        )
    if case.work is Work.HOME:
        return Msg("Te deben al menos {money_total}: tu finiquito más la indemnización por despido.", values)
    return Msg(
        "Te deben al menos {money_sure} sin contar la indemnización. Si el despido fue injustificado, "
        "se suma: en total, al menos {money_total}.",
        values,
    )


def related_entry(case: FiniquitoCase) -> str:
    home = case.work is Work.HOME
    if case.ending is Ending.DISMISSED:
        return "hogar-despido" if home else "despido-injustificado"
    if case.ending is Ending.RESCINDED:
        return "hogar-renuncia" if home else "renuncia"
    return "finiquito-vs-liquidacion"


# ---------------------------------------------------------------------------------------- finiquito
def explain_finiquito(parts: Parts, case: FiniquitoCase, b: Breakdown, kb: KnowledgeBase) -> None:
    day, svc = case.last_day, b.service
    if case.aguinaldo_paid:
        parts.reasons.append(
            Reason(Msg("Dijiste que ya te pagaron el aguinaldo de {year}.", {"year": day.year}), "LFT 87")
        )
    else:
        parts.reasons.append(
            Reason(
                Msg(
                    "Aguinaldo: te toca la parte de {year} que trabajaste, {wage_days} días de salario "
                    "({full} × días trabajados ÷ 365).",
                    {
                        "year": day.year,
                        "wage_days": b.aguinaldo_days,
                        "full": kb.number("aguinaldo_dias", day),
                    },
                ),
                "LFT 87",
            )
        )
    parts.reasons.append(
        Reason(
            Msg(
                "Vacaciones: trabajaste {years} años completos y {percent} % del siguiente; del año que no "
                "completaste te toca la parte proporcional.",
                {"years": svc.years, "percent": round(svc.fraction * 100)},
            ),
            "LFT 79",
        )
    )
    if svc.years >= 1 and case.vacation_taken is not None:
        earned = vacation_days(kb, day, svc.years).days
        parts.reasons.append(
            Reason(
                Msg(
                    "De tu año {years} te tocaban {earned} días de vacaciones y dijiste que tomaste {taken}.",
                    {"years": svc.years, "earned": earned, "taken": case.vacation_taken},
                ),
                "LFT 76",
            )
        )
    premium = kb.number("prima_vacacional", day) * 100
    parts.reasons += [
        Reason(
            Msg("Sobre las vacaciones se paga una prima de al menos el {percent} %.", {"percent": premium}),
            "LFT 80",
        ),
        Reason(Msg("El aguinaldo y las vacaciones se pueden reclamar dentro de 1 año."), "LFT 516"),
    ]
    parts.amounts += [
        Amount(Msg("Aguinaldo proporcional ({days} días)", {"days": b.aguinaldo_days}), b.aguinaldo),
        Amount(Msg("Vacaciones ({days} días)", {"days": b.vacation_days}), b.vacation_pay),
        Amount(Msg("Prima vacacional"), b.vacation_premium),
    ]
    parts.not_checked += [
        Msg("Días trabajados que no te hayan pagado, horas extra, y descansos o festivos trabajados."),
        Msg("Vacaciones de años anteriores que no tomaste."),
    ]


# ---------------------------------------------------------------------------------------- seniority
def explain_seniority(parts: Parts, case: FiniquitoCase, b: Breakdown, law: Law, kb: KnowledgeBase) -> None:
    day, svc = case.last_day, b.service
    if not seniority_owed(case.ending, svc.years, law):
        if case.ending is Ending.RESIGNED:
            parts.reasons.append(
                Reason(
                    Msg(
                        "Si renuncias, la prima de antigüedad solo se paga con {years} años o más de "
                        "trabajo. Si te fuiste por culpa de tu patrón (maltrato, no te pagaban, te bajaron "
                        "el sueldo), elige esa opción: ahí sí te toca.",
                        {"years": law.seniority_resignation_years},
                    ),
                    "LFT 162 fr. III",
                )
            )
        return
    border = case.border is Border.YES
    zone = Msg("de la Zona Libre de la Frontera Norte") if border else Msg("fuera de la frontera norte")
    cap = law.seniority_cap_times * b.seniority_minimum
    parts.reasons.append(
        Reason(
            Msg(
                "Prima de antigüedad: {days} días de salario por cada año trabajado ({years} años). Para "
                "calcularla, el salario no baja del mínimo general {zone} ({money_min}) ni pasa del doble "
                "({money_cap}); usé {money_base}.",
                {
                    "days": law.seniority_days,
                    "years": svc.total,
                    "zone": zone,
                    "money_min": b.seniority_minimum,
                    "money_cap": cap,
                    "money_base": b.seniority_wage,
                },
            ),
            "LFT 162",
        )
    )
    parts.reasons.append(Reason(Msg("El salario de la prima tiene ese piso y ese tope."), "LFT 486"))
    parts.amounts.append(Amount(Msg("Prima de antigüedad"), b.seniority))
    if case.border is Border.UNKNOWN:
        high = general_minimum(kb, day, border=True)
        parts.not_checked.append(
            Msg(
                "Si trabajabas en la Zona Libre de la Frontera Norte, se usa su mínimo ({money_min}) y el "
                "tope es {money_cap}: la prima puede ser mayor.",
                {"money_min": high, "money_cap": law.seniority_cap_times * high},
            )
        )
    if case.work is Work.HOME:
        home = kb.number(minimum_parameter(Work.HOME, border), day)
        if b.indemnity_daily < home:
            parts.not_checked.append(
                Msg(
                    "No está confirmado si el piso de tu prima es el mínimo del trabajo del hogar "
                    "({money_home}) en lugar del general; usé el general.",
                    {"money_home": home},
                )
            )


# ---------------------------------------------------------------------------------------- other debts
def explain_caveats(parts: Parts, case: FiniquitoCase, kb: KnowledgeBase) -> None:
    """What else she is probably owed but this calculator does not add (audit #26)."""
    day = case.last_day
    name = minimum_parameter(case.work, case.border is Border.YES)
    minimum, pay = kb.number(name, day), cents(pay_per_day(case.wage))
    if pay < cents(minimum):
        parts.reasons.append(
            Reason(
                Msg(
                    "Ojo: te pagaban {money_pay} por día de trabajo, menos que el salario mínimo de {year} "
                    "({money_min}). La diferencia también se te debe; no la sumé aquí. Revísala con el "
                    "cálculo «¿Me pagan al menos el mínimo?».",
                    {
                        "money_pay": pay,
                        "year": kb.param(name, day).year,
                        "money_min": minimum,
                    },
                ),
                "LFT 335" if case.work is Work.HOME else "LFT 90",
            )
        )
    if case.start.year < day.year:
        parts.not_checked.append(
            Msg(
                "El aguinaldo de {year} si no te lo pagaron: se puede reclamar hasta 1 año después del 20 de "
                "diciembre de {year} (LFT 516).",
                {"year": day.year - 1},
            )
        )

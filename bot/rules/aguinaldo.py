"""Aguinaldo (LFT 87): at least 15 days of wage before 20 December; a proportional part otherwise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Wage, Work, cents, days_inclusive, where_to_claim
from bot.rules.result import Amount, Msg, Reason, Result, Verdict

YEAR_DAYS = 365  # the divisor of the proportional part; a leap year's 366th day adds nothing


@dataclass(frozen=True)
class AguinaldoCase:
    wage: Wage
    year: int
    first_day: dt.date | None = None  # None: already working on 1 January
    last_day: dt.date | None = None  # None: still working, counted to 31 December
    days: int | None = None  # days worked in the year, when the person says it instead of dates
    work: Work = Work.OTHER


@dataclass(frozen=True)
class AguinaldoDays:
    worked: int  # days of the year counted
    wage_days: float  # days of wage owed (15 for the full year)
    full: float  # days of wage of a full year
    first: dt.date
    last: dt.date


def deadline(year: int) -> dt.date:
    """LFT 87 says "antes del día veinte de diciembre"."""
    return dt.date(year, 12, 20)


def aguinaldo_days(case: AguinaldoCase, kb: KnowledgeBase) -> AguinaldoDays:
    jan1, dec31 = dt.date(case.year, 1, 1), dt.date(case.year, 12, 31)
    full = kb.number("aguinaldo_dias", jan1)
    if case.days is not None:
        worked = max(0, min(case.days, days_inclusive(jan1, dec31)))
        first, last = jan1, dec31
    else:
        first = max(case.first_day or jan1, jan1)
        last = min(case.last_day or dec31, dec31)
        worked = days_inclusive(first, last)
    whole_year = case.days is None and first == jan1 and last == dec31
    wage_days = full if whole_year else min(full, full * worked / YEAR_DAYS)
    return AguinaldoDays(worked, wage_days, full, first, last)


def aguinaldo(case: AguinaldoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    days = aguinaldo_days(case, kb)
    daily = case.wage.daily()
    total = cents(days.wage_days * daily)
    proportional = days.wage_days < days.full
    reasons = [
        Reason(
            Msg(
                "Por un año completo te tocan al menos {full} días de salario, y se pagan antes del 20 de "
                "diciembre.",
                {"full": days.full},
            ),
            "LFT 87",
        ),
        case.wage.reason(),
    ]
    if proportional:
        how = (
            Msg(
                "Trabajaste {worked} días de {year}: {full} × {worked} ÷ 365 = {wage_days} días de salario.",
                {"worked": days.worked, "year": case.year, "full": days.full, "wage_days": days.wage_days},
            )
            if case.days is not None
            else Msg(
                "No trabajaste todo {year}: te toca la parte proporcional. Conté del {date_first} al "
                "{date_last}, {worked} días: {full} × {worked} ÷ 365 = {wage_days} días de salario.",
                {
                    "year": case.year,
                    "date_first": days.first,
                    "date_last": days.last,
                    "worked": days.worked,
                    "full": days.full,
                    "wage_days": days.wage_days,
                },
            )
        )
        reasons.append(Reason(how, "LFT 87"))
    if case.work is Work.HOME:
        reasons.append(
            Reason(Msg("El aguinaldo también es obligatorio en el trabajo del hogar."), "LFT 334 Bis")
        )
    reasons.append(Reason(Msg("Si no te lo pagan, tienes 1 año para reclamarlo."), "LFT 516"))
    summary = (
        Msg("Tu aguinaldo de {year} es de al menos {money_total}.", {"year": case.year, "money_total": total})
        if not proportional
        else Msg(
            "Te toca la parte proporcional del aguinaldo de {year}: al menos {money_total}.",
            {"year": case.year, "money_total": total},
        )
    )
    steps = [
        Msg(
            "Te lo deben pagar antes del {date_deadline}, aunque ya no trabajes ahí.",
            {"date_deadline": deadline(case.year)},
        )
        if today <= deadline(case.year)
        else Msg(
            "La fecha para pagarlo ya pasó (antes del {date_deadline}). Si no te lo pagaron, reclámalo.",
            {"date_deadline": deadline(case.year)},
        ),
        where_to_claim(case.work),
    ]
    not_checked = [
        Msg(
            "Si tu contrato da más de {full} días de aguinaldo, te toca lo del contrato.", {"full": days.full}
        ),
        Msg("No resté faltas ni permisos sin goce de sueldo."),
    ]
    if case.work is Work.HOME or case.wage.part_time():
        not_checked.append(
            Msg(
                "Si trabajas en varias casas, cada patrona te debe su parte: calcula con lo que te paga cada "
                "una."
            )
        )
    return Result(
        verdict=Verdict.AMOUNT,
        summary=summary,
        reasons=tuple(reasons),
        amounts=(
            Amount(Msg("Aguinaldo ({wage_days} días de salario)", {"wage_days": days.wage_days}), total),
        ),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=today,
        related_entry="aguinaldo-proporcional" if proportional else "aguinaldo",
    )

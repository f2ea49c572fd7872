"""Aguinaldo (LFT 87): at least 15 days of wage before 20 December; a proportional part otherwise; one year
to claim it from the day after it became due (LFT 516).

The arithmetic lives in small pure functions; `aguinaldo` builds the explanation from their results. The
legal numbers (15 days, 20 December, 1 year) are parameters of knowledge/parametros.yaml.
"""

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


def deadline(kb: KnowledgeBase, year: int) -> dt.date:
    """LFT 87 says "antes del día veinte de diciembre": this is the first day it is late."""
    day = dt.date(year, 12, 1)
    return day.replace(day=int(kb.number("aguinaldo_dia_limite_diciembre", day)))


def claim_until(kb: KnowledgeBase, year: int) -> dt.date:
    """LFT 516: one year counted from the day after it became due (the deadline), so about the deadline's
    date one year later."""
    due = deadline(kb, year)
    years = int(kb.number("prescripcion_anios", due))
    return due.replace(year=due.year + years)


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


def _how_counted(case: AguinaldoCase, days: AguinaldoDays) -> Msg:
    values = {
        "year": case.year,
        "worked": days.worked,
        "full": days.full,
        "wage_days": days.wage_days,
        "year_days": YEAR_DAYS,
    }
    if case.days is not None:
        return Msg(
            "Trabajaste {worked} días de {year}: {full} × {worked} ÷ {year_days} = {wage_days} días de "
            "salario.",
            values,
        )
    return Msg(
        "No trabajaste todo {year}: te toca la parte proporcional. Conté del {date_first} al {date_last}, "
        "{worked} días: {full} × {worked} ÷ {year_days} = {wage_days} días de salario.",
        {**values, "date_first": days.first, "date_last": days.last},
    )


def _when(kb: KnowledgeBase, year: int, today: dt.date) -> tuple[Reason, Msg]:
    """The LFT 516 reason and the step about the payment date: still to come, overdue, or too old."""
    due, until = deadline(kb, year), claim_until(kb, year)
    years = int(kb.number("prescripcion_anios", due))
    if today < due:
        reason = Msg("Si no te lo pagan, tienes {years} año para reclamarlo.", {"years": years})
        step = Msg(
            "Te lo deben pagar antes del {date_deadline}, aunque ya no trabajes ahí.", {"date_deadline": due}
        )
    elif today <= until:
        reason = Msg(
            "Tienes {years} año para reclamarlo, contado desde el día siguiente a que venció: hasta "
            "alrededor del {date_until}.",
            {"years": years, "date_until": until},
        )
        step = Msg(
            "La fecha para pagarlo ya pasó (antes del {date_deadline}). Si no te lo pagaron, reclámalo.",
            {"date_deadline": due},
        )
    else:
        reason = Msg(
            "El plazo de {years} año para reclamarlo terminó alrededor del {date_until}.",
            {"years": years, "date_until": until},
        )
        step = Msg(
            "Ya pasó más de {years} año desde que venció: pregunta en la Procuraduría si todavía puedes "
            "reclamarlo.",
            {"years": years},
        )
    return Reason(reason, "LFT 516"), step


def aguinaldo(case: AguinaldoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    days = aguinaldo_days(case, kb)
    total = cents(days.wage_days * case.wage.daily())
    proportional = days.wage_days < days.full
    reasons = [
        Reason(
            Msg(
                "Por un año completo te tocan al menos {full} días de salario, y se pagan antes del "
                "{date_deadline}.",
                {"full": days.full, "date_deadline": deadline(kb, case.year)},
            ),
            "LFT 87",
        ),
        case.wage.reason(),
    ]
    if proportional:
        reasons.append(Reason(_how_counted(case, days), "LFT 87"))
    if case.work is Work.HOME:
        reasons.append(
            Reason(Msg("El aguinaldo también es obligatorio en el trabajo del hogar."), "LFT 334 Bis")
        )
    claim, when = _when(kb, case.year, today)
    reasons.append(claim)
    values = {"year": case.year, "money_total": total}
    summary = (
        Msg("Te toca la parte proporcional del aguinaldo de {year}: al menos {money_total}.", values)
        if proportional
        else Msg("Tu aguinaldo de {year} es de al menos {money_total}.", values)
    )
    steps = [when, where_to_claim(case.work)]
    previous = case.year - 1
    if case.year == today.year and today < dt.date(today.year, 3, 1) and case.last_day is None:
        # Early in the year "todo el año" may mean last year's: that one is already due (issue #13).
        steps.insert(
            0,
            Msg(
                "Si preguntas por el aguinaldo de {previous}, ese ya se debió pagar antes del {date_due}: "
                "calcula otra vez y elige «Es el aguinaldo del año pasado».",
                {"previous": previous, "date_due": deadline(kb, previous)},
            ),
        )
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

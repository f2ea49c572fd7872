"""Quick facts: the person's own numbers put into the answer they asked for, without running a calculator.

"Llevo 3 años con la misma familia, ¿cuántas vacaciones me tocan?" -> "Con 3 años cumplidos te tocan 16
días de vacaciones pagadas…". Only when the message carries what the rule needs; otherwise None, and the
answer stays general (the calculator button is still there for the rest).
"""

from __future__ import annotations

import datetime as dt

from bot.checks.prefill import Facts
from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo_days
from bot.rules.common import Period, Wage, cents
from bot.rules.result import Msg
from bot.rules.vacaciones import vacation_days, vacation_pay

MAX_PLAUSIBLE_YEARS = 50


def quick_fact(calculator: str | None, facts: Facts, today: dt.date, kb: KnowledgeBase) -> Msg | None:
    """One sentence for the entry whose calculator is `calculator` ("vacaciones", "aguinaldo"), or None."""
    if calculator == "vacaciones":
        return _vacations(facts, today, kb)
    if calculator == "aguinaldo":
        return _aguinaldo(facts, today, kb)
    return None


def _wage(facts: Facts) -> Wage | None:
    """The pay as a wage, only when nothing has to be assumed (a daily pay needs the days a week)."""
    if facts.pay is None or facts.period is None or facts.pay <= 0:
        return None
    period = Period(facts.period)
    if period is Period.DAY and facts.days_per_week is None:
        return None
    return Wage(facts.pay, period, facts.days_per_week or 6)


def _vacations(facts: Facts, today: dt.date, kb: KnowledgeBase) -> Msg | None:
    years = facts.complete_years
    if years is None:
        return None
    percent = round(kb.number("prima_vacacional", today) * 100)
    if years < 1:
        first = vacation_days(kb, today, 1).days
        return Msg(
            "Las vacaciones se ganan al cumplir cada año: al cumplir el primero te tocan {days} días "
            "pagados. Si el trabajo termina antes, te pagan la parte proporcional.",
            {"days": first},
        )
    if years > MAX_PLAUSIBLE_YEARS:
        return None  # "llevo 80 años" is an age, not time with one employer
    earned = vacation_days(kb, today, years)  # computed from LFT 76's rule, so every year has a value
    wage = _wage(facts)
    if wage is None:
        return Msg(
            "Con {years} años cumplidos te tocan {days} días de vacaciones pagadas al año, más una prima de "
            "al menos el {percent} % de lo que ganas en esos días.",
            {"years": years, "days": earned.days, "percent": percent},
        )
    pay, premium = vacation_pay(kb, today, wage, earned.days)
    return Msg(
        "Con {years} años cumplidos te tocan {days} días de vacaciones pagadas al año: con lo que ganas, "
        "{money_pay} más {money_premium} de prima vacacional.",
        {"years": years, "days": earned.days, "money_pay": pay, "money_premium": premium},
    )


def _aguinaldo(facts: Facts, today: dt.date, kb: KnowledgeBase) -> Msg | None:
    wage = _wage(facts)
    if wage is None:
        return None
    days = aguinaldo_days(AguinaldoCase(wage=wage, year=today.year), kb)
    return Msg(
        "Por el año completo, tu aguinaldo es de al menos {days} días de salario: con lo que ganas, "
        "{money_total}. Si entraste este año, es la parte proporcional.",
        {"days": round(days.full), "money_total": cents(days.full * wage.daily())},
    )

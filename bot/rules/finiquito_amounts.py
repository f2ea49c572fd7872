"""The arithmetic of the finiquito and the liquidación: small pure functions that return numbers.

What is owed and why is explained in bot/rules/finiquito.py from these results. The legal numbers (30 days
a month, 3 months, 20 and 12 days a year, 15 years, twice the minimum, 25 %, 50 % for food and room,
30 days) are read from knowledge/parametros.yaml as of the last day worked, never typed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo_days
from bot.rules.common import (
    Border,
    Service,
    Wage,
    Work,
    cents,
    general_minimum,
    general_minimum_parameter,
    minimum_parameter,
    service,
)
from bot.rules.vacaciones import vacation_days


class Ending(StrEnum):
    RESIGNED = "renuncia"
    DISMISSED = "despido"
    RESCINDED = "rescision"  # she left because of the employer's fault (LFT 51, 52)
    TERM_END = "temporada"  # end of the season, the work or the fixed term


@dataclass(frozen=True)
class FiniquitoCase:
    work: Work
    ending: Ending
    wage: Wage
    start: dt.date
    last_day: dt.date
    # Days taken of the vacation earned on the last anniversary; None: all of it was taken.
    vacation_taken: int | None = None
    aguinaldo_paid: bool = False
    live_in: bool = False  # domestic work with room and food (LFT 334)
    border: Border = Border.UNKNOWN  # worked in the Zona Libre de la Frontera Norte


@dataclass(frozen=True)
class Law:
    """The legal numbers in force on the last day worked (knowledge/parametros.yaml)."""

    month_days: float  # LFT 89
    indemnity_months: float  # LFT 48, 50 fr. III
    indemnity_year_days: float  # LFT 50 fr. II
    seniority_days: float  # LFT 162 fr. I
    seniority_resignation_years: float  # LFT 162 fr. III
    seniority_cap_times: float  # LFT 486
    vacation_premium: float  # LFT 80
    room_and_board: float  # LFT 334: food and room are worth this share of the cash wage
    domestic_first_days: float  # LFT 343
    rescission_days: float  # LFT 52

    @classmethod
    def on(cls, kb: KnowledgeBase, day: dt.date) -> Law:
        return cls(
            month_days=kb.number("dias_por_mes", day),
            indemnity_months=kb.number("indemnizacion_meses", day),
            indemnity_year_days=kb.number("indemnizacion_dias_por_anio", day),
            seniority_days=kb.number("prima_antiguedad_dias", day),
            seniority_resignation_years=kb.number("prima_antiguedad_anios_renuncia", day),
            seniority_cap_times=kb.number("prima_antiguedad_tope_minimos", day),
            vacation_premium=kb.number("prima_vacacional", day),
            room_and_board=kb.number("alimentos_habitacion_hogar", day),
            domestic_first_days=kb.number("hogar_terminacion_inicial_dias", day),
            rescission_days=kb.number("rescision_plazo_dias", day),
        )


@dataclass(frozen=True)
class Breakdown:
    service: Service
    aguinaldo_days: float
    vacation_days: float  # proportional part plus what was pending of the last completed year
    vacation_pay: float
    vacation_premium: float
    aguinaldo: float
    indemnity_daily: float  # the daily wage for indemnities: cash, × 1.5 with room and food
    indemnity_months: float  # 3 months of wage, when an indemnity may be owed (0 otherwise)
    indemnity_years: float  # 20 days a year, likewise
    seniority: float
    seniority_wage: float
    seniority_minimum: float  # the general minimum of the area used for the floor and the cap

    @property
    def finiquito(self) -> float:
        return cents(self.aguinaldo + self.vacation_pay + self.vacation_premium)


# ---------------------------------------------------------------------------------------- pieces
def indemnity_daily(wage: Wage, live_in: bool, law: Law) -> float:
    """LFT 89 and 334: a live-in domestic worker's indemnities count food and room as 50 % of the cash."""
    return wage.daily() * (1 + law.room_and_board) if live_in else wage.daily()


def capped_wage(daily: float, minimum: float, law: Law) -> float:
    """LFT 485 and 486: not below the minimum, not above twice the minimum of the area."""
    return min(max(daily, minimum), law.seniority_cap_times * minimum)


def seniority_wage(kb: KnowledgeBase, day: dt.date, daily: float, border: bool = False) -> float:
    return capped_wage(daily, general_minimum(kb, day, border), Law.on(kb, day))


def indemnity_owed(ending: Ending) -> bool:
    """LFT 48-50 after a dismissal; LFT 52 sends a worker who left for the employer's fault to LFT 50."""
    return ending in (Ending.DISMISSED, Ending.RESCINDED)


def seniority_owed(ending: Ending, years: int, law: Law) -> bool:
    """LFT 162 fr. III: separated (justified or not) or left for a just cause; on resignation, 15 years."""
    if indemnity_owed(ending):
        return True
    return ending is Ending.RESIGNED and years >= law.seniority_resignation_years


def within_first_days(case: FiniquitoCase, law: Law) -> bool:
    """LFT 343: a domestic job ended by the employer within the thirty days after it began."""
    limit = case.start + dt.timedelta(days=int(law.domestic_first_days))
    return case.work is Work.HOME and case.ending is Ending.DISMISSED and case.last_day <= limit


def pending_vacation(case: FiniquitoCase, kb: KnowledgeBase, svc: Service) -> float:
    """Days not taken of the vacation earned on the last anniversary (LFT 76)."""
    if svc.years < 1 or case.vacation_taken is None:
        return 0.0
    return max(0.0, vacation_days(kb, case.last_day, svc.years).days - max(case.vacation_taken, 0))


def seniority_minimum_used(case: FiniquitoCase) -> bool:
    """The floor and cap use the border minimum only when she said she worked there."""
    return case.border is Border.YES


def minimum_names(case: FiniquitoCase) -> tuple[str, ...]:
    """The yearly parameters the result depends on: to mark it provisional when one is stale."""
    border = case.border is Border.YES
    return (general_minimum_parameter(border), minimum_parameter(case.work, border))


def breakdown(case: FiniquitoCase, kb: KnowledgeBase) -> Breakdown:
    day = case.last_day
    law = Law.on(kb, day)
    svc = service(case.start, case.last_day)
    daily = case.wage.daily()

    agui_days = 0.0
    if not case.aguinaldo_paid:
        agui = AguinaldoCase(case.wage, day.year, first_day=case.start, last_day=day)
        agui_days = aguinaldo_days(agui, kb).wage_days
    vacation = vacation_days(kb, day, svc.years + 1).days * svc.fraction + pending_vacation(case, kb, svc)
    vacation_pay = cents(vacation * daily)

    base = indemnity_daily(case.wage, case.live_in, law)
    months = years = 0.0
    if indemnity_owed(case.ending):
        months = cents(law.indemnity_months * law.month_days * base)
        years = cents(law.indemnity_year_days * svc.total * base)
    minimum = general_minimum(kb, day, seniority_minimum_used(case))
    capped = capped_wage(base, minimum, law)
    seniority = 0.0
    if seniority_owed(case.ending, svc.years, law):
        seniority = cents(law.seniority_days * svc.total * capped)
    return Breakdown(
        service=svc,
        aguinaldo_days=agui_days,
        vacation_days=vacation,
        vacation_pay=vacation_pay,
        vacation_premium=cents(vacation_pay * law.vacation_premium),
        aguinaldo=cents(agui_days * daily),
        indemnity_daily=base,
        indemnity_months=months,
        indemnity_years=years,
        seniority=seniority,
        seniority_wage=capped,
        seniority_minimum=minimum,
    )

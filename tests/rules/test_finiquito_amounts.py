"""The finiquito's arithmetic pieces, each a pure function of the case and the legal numbers in force."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage, Work
from bot.rules.finiquito_amounts import (
    Ending,
    FiniquitoCase,
    Law,
    capped_wage,
    indemnity_daily,
    seniority_owed,
    within_first_days,
)

D = dt.date


def test_the_legal_numbers_come_from_parametros(kb: KnowledgeBase) -> None:
    law = Law.on(kb, D(2026, 11, 22))
    assert (law.month_days, law.indemnity_months, law.indemnity_year_days, law.seniority_days) == (
        30,
        3,
        20,
        12,
    )
    assert (law.seniority_resignation_years, law.seniority_cap_times, law.vacation_premium) == (15, 2, 0.25)
    assert (law.room_and_board, law.domestic_first_days, law.rescission_days) == (0.5, 30, 30)


def test_food_and_room_add_half_of_the_cash_wage(kb: KnowledgeBase) -> None:
    law = Law.on(kb, D(2026, 11, 22))
    assert indemnity_daily(Wage(9000, Period.MONTH), True, law) == 450.0
    assert indemnity_daily(Wage(9000, Period.MONTH), False, law) == 300.0


def test_floor_and_cap(kb: KnowledgeBase) -> None:
    law = Law.on(kb, D(2026, 11, 22))
    assert capped_wage(200, 315.04, law) == 315.04
    assert capped_wage(1000, 440.87, law) == 881.74


def test_seniority_premium_is_owed_after_leaving_for_the_employers_fault(kb: KnowledgeBase) -> None:
    law = Law.on(kb, D(2026, 11, 22))
    assert seniority_owed(Ending.RESCINDED, 0, law) and seniority_owed(Ending.DISMISSED, 0, law)
    assert not seniority_owed(Ending.RESIGNED, 14, law) and seniority_owed(Ending.RESIGNED, 15, law)
    assert not seniority_owed(Ending.TERM_END, 20, law)


def test_first_thirty_days_of_domestic_work(kb: KnowledgeBase) -> None:
    law = Law.on(kb, D(2026, 11, 22))

    def ended(last: dt.date, work: Work = Work.HOME, ending: Ending = Ending.DISMISSED) -> bool:
        return within_first_days(
            FiniquitoCase(work, ending, Wage(400, Period.DAY), D(2026, 10, 1), last), law
        )

    assert ended(D(2026, 10, 31)) and not ended(D(2026, 11, 1))
    assert not ended(D(2026, 10, 20), work=Work.OTHER)  # LFT 343 is about domestic work
    assert not ended(D(2026, 10, 20), ending=Ending.RESIGNED)

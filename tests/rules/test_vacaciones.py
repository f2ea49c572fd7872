"""LFT 76 rule (in force since 1-01-2023), 25 % premium (LFT 80), part-time (LFT 77), proportional part on
leaving counted in days (LFT 79)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage
from bot.rules.result import Verdict
from bot.rules.vacaciones import VacacionesCase, own_working_days, vacaciones, vacation_days, year_part
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)
D = dt.date

# The table of the fact sheet (§4, years 1 to 35) and, beyond it, LFT 76's "dos días por cada cinco".
TABLE = {1: 12, 2: 14, 3: 16, 4: 18, 5: 20}
TABLE |= {y: 22 for y in range(6, 11)} | {y: 24 for y in range(11, 16)} | {y: 26 for y in range(16, 21)}
TABLE |= {y: 28 for y in range(21, 26)} | {y: 30 for y in range(26, 31)} | {y: 32 for y in range(31, 36)}
TABLE |= {y: 34 for y in range(36, 41)} | {41: 36, 45: 36, 46: 38}


@pytest.mark.parametrize(("years", "days"), [(0, 0), *sorted(TABLE.items())])
def test_the_lft_76_rule(kb: KnowledgeBase, years: int, days: int) -> None:
    assert vacation_days(kb, TODAY, years).days == days


def test_37_years_are_34_days_with_no_warning(kb: KnowledgeBase) -> None:
    # Audit #23: the old table stopped at 35 years (32 days) and used its last row.
    result = vacaciones(VacacionesCase(Wage(400, Period.DAY), 37), kb, TODAY)
    assert amounts(result) == {"Salario de 34 días de vacaciones": 13600.00, "Prima vacacional": 3400.00}
    assert "renglón" not in text(result)


def test_third_year_is_16_days_plus_25_percent(kb: KnowledgeBase) -> None:
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 3), kb, TODAY)
    assert result.verdict is Verdict.AMOUNT
    assert amounts(result) == {"Salario de 16 días de vacaciones": 4800.00, "Prima vacacional": 1200.00}
    assert {"LFT 76", "LFT 80", "LFT 81", "LFT 79"} <= set(citations(result))
    assert "Al cumplir 4 años te tocarán 18 días de vacaciones." in text(result)


def test_before_the_first_year_there_are_no_vacations_yet(kb: KnowledgeBase) -> None:
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 0), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "12 días" in result.summary.render(str)


def test_part_time_says_two_weeks_not_twelve_days(kb: KnowledgeBase) -> None:
    # Audit #24: 3 days a week at $400: 12 law days are 2 weeks of rest, 6 of her working days, paid
    # 12 × 200 = 2,400 (the amount was right, the words were not).
    result = vacaciones(VacacionesCase(Wage(400, Period.DAY, 3), 1), kb, TODAY)
    summary = result.summary.render(str)
    assert "2 semanas de vacaciones (6 de tus días de trabajo)" in summary and "12 días" not in summary
    assert amounts(result) == {
        "Salario de 2 semanas de vacaciones (6 de tus días de trabajo)": 2400.00,
        "Prima vacacional": 600.00,
    }
    assert "LFT 77" in citations(result)


def test_part_time_second_year_in_her_own_days(kb: KnowledgeBase) -> None:
    # 14 law days at 3 days a week are 7 of her working days; $400 × 3 ÷ 6 = $200 a calendar day.
    result = vacaciones(VacacionesCase(Wage(400, Period.DAY, 3), 2), kb, TODAY)
    assert "7 días de vacaciones (de tus días de trabajo)" in result.summary.render(str)
    assert sum(amounts(result).values()) == 2800.00 + 700.00
    assert own_working_days(14, Wage(400, Period.DAY, 3)) == 7


def test_leaving_counts_days_not_complete_months(kb: KnowledgeBase) -> None:
    # Audit #22: 1-11-2025 to 30-10-2026 is 364 days of year 1; 12 × 364 ÷ 365 = 11.97 days, not 11.
    case = VacacionesCase(Wage(400, Period.DAY), start=D(2025, 11, 1), last_day=D(2026, 10, 30))
    result = vacaciones(case, kb, TODAY)
    assert amounts(result) == {"Vacaciones proporcionales (11.97 días)": 4786.85, "Prima vacacional": 1196.71}
    assert "364 de sus 365 días" in text(result) and "LFT 79" in citations(result)


def test_leaving_halfway_through_the_third_year(kb: KnowledgeBase) -> None:
    # 1-01-2024 to 30-06-2026: 2 years and 181 days of 365; 16 × 181 ÷ 365 = 7.93 days of $300.
    case = VacacionesCase(Wage(300, Period.DAY), start=D(2024, 1, 1), last_day=D(2026, 6, 30))
    result = vacaciones(case, kb, TODAY)
    assert amounts(result) == {"Vacaciones proporcionales (7.93 días)": 2380.27, "Prima vacacional": 595.07}
    assert "14 días de vacaciones" in text(result)  # the second year's, if it was not taken


def test_year_part_of_a_leap_year(kb: KnowledgeBase) -> None:
    part = year_part(D(2027, 3, 1), D(2028, 2, 28))  # the year 1-03-2027 to 29-02-2028 has 366 days
    assert (part.years, part.counted, part.year_length) == (0, 365, 366)
    assert (
        year_part(D(2027, 3, 1), D(2028, 2, 29)).years,
        year_part(D(2027, 3, 1), D(2028, 2, 29)).counted,
    ) == (
        1,
        0,
    )


def test_the_rule_did_not_exist_before_2023(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError):
        vacation_days(kb, dt.date(2022, 12, 31), 3)

"""LFT 76 table (in force since 1-01-2023), 25 % premium (LFT 80), proportional part (LFT 79)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage
from bot.rules.result import Verdict
from bot.rules.vacaciones import VacacionesCase, vacaciones, vacation_days
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("years", "days"),
    [
        (0, 0),
        (1, 12),
        (2, 14),
        (3, 16),
        (4, 18),
        (5, 20),
        (6, 22),
        (10, 22),
        (11, 24),
        (15, 24),
        (16, 26),
        (21, 28),
        (26, 30),
        (31, 32),
        (35, 32),
    ],
)
def test_the_2023_table(kb: KnowledgeBase, years: int, days: int) -> None:
    assert vacation_days(kb, TODAY, years).days == days


def test_beyond_the_table_uses_its_last_row_and_says_so(kb: KnowledgeBase) -> None:
    assert vacation_days(kb, TODAY, 40).days == 32 and vacation_days(kb, TODAY, 40).beyond_table
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 40), kb, TODAY)
    assert "último renglón" in text(result)


def test_third_year_is_16_days_plus_25_percent(kb: KnowledgeBase) -> None:
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 3), kb, TODAY)
    assert result.verdict is Verdict.AMOUNT
    assert amounts(result) == {"Salario de 16 días de vacaciones": 4800.00, "Prima vacacional": 1200.00}
    assert {"LFT 76", "LFT 80", "LFT 81", "LFT 79"} <= set(citations(result))
    assert "Al cumplir 4 años te tocarán 18 días." in text(result)


def test_before_the_first_year_there_are_no_vacations_yet(kb: KnowledgeBase) -> None:
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 0), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "12 días" in result.summary.render(str)


def test_leaving_halfway_through_the_third_year(kb: KnowledgeBase) -> None:
    # Year 3 would give 16 days: 6 of 12 months are 8 days, $2,400 and $600 of premium.
    result = vacaciones(VacacionesCase(Wage(300, Period.DAY), 2, left=True, months=6), kb, TODAY)
    assert amounts(result) == {"Vacaciones proporcionales (8 días)": 2400.00, "Prima vacacional": 600.00}
    assert "LFT 79" in citations(result)
    assert "14 días" in text(result)  # the second year's vacation, if it was not taken


def test_the_table_did_not_exist_before_2023(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError):
        vacation_days(kb, dt.date(2022, 12, 31), 3)

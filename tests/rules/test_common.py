from __future__ import annotations

import datetime as dt

import pytest

from bot.rules.common import (
    Period,
    Wage,
    add_months,
    anniversary,
    cents,
    claim_deadline_dismissal,
    service,
)

D = dt.date


@pytest.mark.parametrize(
    ("wage", "daily"),
    [
        (Wage(300, Period.DAY), 300.0),
        (Wage(2100, Period.WEEK), 300.0),  # LFT 89: ÷ 7
        (Wage(4500, Period.FORTNIGHT), 300.0),
        (Wage(9000, Period.MONTH), 300.0),  # LFT 89: ÷ 30
        (Wage(300, Period.DAY, days_per_week=7), 300.0),
        (Wage(400, Period.DAY, days_per_week=3), 200.0),  # LFT 72: rest days in proportion
        (Wage(600, Period.DAY, days_per_week=1), 100.0),
    ],
)
def test_daily_wage(wage: Wage, daily: float) -> None:
    assert wage.daily() == pytest.approx(daily)


def test_a_wage_cannot_be_negative_or_have_eight_days() -> None:
    with pytest.raises(ValueError):
        Wage(-1, Period.DAY)
    with pytest.raises(ValueError):
        Wage(300, Period.DAY, days_per_week=8)


@pytest.mark.parametrize(
    ("start", "last", "years", "fraction"),
    [
        (D(2024, 11, 1), D(2026, 10, 31), 2, 0.0),  # both days included: exactly two years
        (D(2024, 11, 1), D(2026, 10, 30), 1, 364 / 365),
        (D(2026, 1, 1), D(2026, 1, 1), 0, 1 / 365),
        (D(2023, 3, 15), D(2026, 9, 14), 3, 184 / 365),  # 15-03-2026 to 14-09-2026 is 184 days
        (D(2023, 3, 1), D(2024, 2, 29), 1, 0.0),  # a year with 29 February is still one year
        (D(2026, 5, 1), D(2026, 4, 30), 0, 0.0),  # an end before the start is no service
    ],
)
def test_service_counts_years_and_the_fraction(
    start: dt.date, last: dt.date, years: int, fraction: float
) -> None:
    got = service(start, last)
    assert (got.years, got.fraction) == (years, pytest.approx(fraction))
    assert 0 <= got.fraction < 1


def test_someone_who_started_on_29_february_has_an_anniversary_every_year() -> None:
    assert anniversary(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert anniversary(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert service(D(2024, 2, 29), D(2025, 2, 27)).years == 1


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 11, 1), 2, D(2027, 1, 1)),
        (D(2024, 12, 31), 2, D(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_uses_the_last_one(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("last_day", "deadline"),
    [
        (D(2026, 10, 31), D(2026, 12, 31)),  # counted from 1 November: two months end on 31 December
        (D(2026, 1, 15), D(2026, 3, 15)),
        (D(2026, 12, 31), D(2027, 2, 28)),
    ],
)
def test_two_months_to_claim_a_dismissal_start_the_next_day(last_day: dt.date, deadline: dt.date) -> None:
    assert claim_deadline_dismissal(last_day) == deadline


def test_cents_round_half_up_and_never_go_negative() -> None:
    assert cents(1198.645) == 1198.65
    assert cents(-3.0) == 0.0

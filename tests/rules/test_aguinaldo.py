"""Worked examples of LFT 87, pinned to dates."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo
from bot.rules.common import Period, Wage
from bot.rules.result import Verdict
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)
D = dt.date


def total(result_amounts: dict[str, float]) -> float:
    (value,) = result_amounts.values()
    return value


def test_full_year_at_300_a_day_is_4500(kb: KnowledgeBase) -> None:
    result = aguinaldo(AguinaldoCase(Wage(300, Period.DAY), 2026), kb, TODAY)
    assert result.verdict is Verdict.AMOUNT
    assert amounts(result) == {"Aguinaldo (15 días de salario)": 4500.00}
    assert "LFT 87" in citations(result)
    assert "20 de diciembre de 2026" in text(result)
    assert result.as_of == TODAY


@pytest.mark.parametrize(
    "wage",
    [Wage(2100, Period.WEEK), Wage(4500, Period.FORTNIGHT), Wage(9000, Period.MONTH)],
)
def test_the_same_wage_paid_by_week_fortnight_or_month(kb: KnowledgeBase, wage: Wage) -> None:
    assert total(amounts(aguinaldo(AguinaldoCase(wage, 2026), kb, TODAY))) == 4500.00


def test_entered_on_1_july_is_184_days(kb: KnowledgeBase) -> None:
    # The knowledge entry's own example: 15 × 184 ÷ 365 = 7.56 days; at $300 a day, $2,268.49.
    result = aguinaldo(AguinaldoCase(Wage(300, Period.DAY), 2026, first_day=D(2026, 7, 1)), kb, TODAY)
    assert amounts(result) == {"Aguinaldo (7.56 días de salario)": 2268.49}
    assert "184 días" in text(result) and "1 de julio de 2026" in text(result)
    assert result.related_entry == "aguinaldo-proporcional"


def test_left_on_31_october_after_years_of_work(kb: KnowledgeBase) -> None:
    # 1 January to 31 October 2026 is 304 days: 15 × 304 ÷ 365 × 300 = 3,747.95
    case = AguinaldoCase(Wage(300, Period.DAY), 2026, first_day=D(2020, 3, 15), last_day=D(2026, 10, 31))
    assert total(amounts(aguinaldo(case, kb, TODAY))) == 3747.95


def test_days_said_instead_of_dates(kb: KnowledgeBase) -> None:
    case = AguinaldoCase(Wage(300, Period.DAY), 2026, days=100)  # 15 × 100 ÷ 365 × 300
    assert total(amounts(aguinaldo(case, kb, TODAY))) == 1232.88


def test_three_days_a_week_at_400(kb: KnowledgeBase) -> None:
    case = AguinaldoCase(Wage(400, Period.DAY, days_per_week=3), 2026)  # daily 400 × 3 ÷ 6 = 200
    result = aguinaldo(case, kb, TODAY)
    assert total(amounts(result)) == 3000.00
    assert "LFT 72" in citations(result)
    assert "varias casas" in text(result)


def test_a_leap_year_never_gives_more_than_15_days(kb: KnowledgeBase) -> None:
    case = AguinaldoCase(Wage(300, Period.DAY), 2028, days=366)
    assert total(amounts(aguinaldo(case, kb, D(2028, 12, 1)))) == 4500.00


def test_after_20_december_it_says_the_date_passed(kb: KnowledgeBase) -> None:
    result = aguinaldo(AguinaldoCase(Wage(300, Period.DAY), 2026), kb, D(2026, 12, 21))
    assert "ya pasó" in text(result)
    assert "LFT 516" in citations(result)


def test_on_20_december_itself_the_deadline_has_passed(kb: KnowledgeBase) -> None:
    # Audit #25: LFT 87 says "antes del día veinte de diciembre", so on the 20th it is already late.
    on_the_day = text(aguinaldo(AguinaldoCase(Wage(300, Period.DAY), 2026), kb, D(2026, 12, 20)))
    assert "ya pasó" in on_the_day and "Te lo deben pagar antes" not in on_the_day
    day_before = text(aguinaldo(AguinaldoCase(Wage(300, Period.DAY), 2026), kb, D(2026, 12, 19)))
    assert "Te lo deben pagar antes del 20 de diciembre de 2026" in day_before and "ya pasó" not in day_before


def test_last_years_aguinaldo_is_overdue_with_one_year_to_claim(kb: KnowledgeBase) -> None:
    # Audit #13: asked on 10-01-2027 about 2026, due before 20-12-2026; LFT 516 gives one year from the
    # day after it became due, so about 20-12-2027.
    result = aguinaldo(AguinaldoCase(Wage(400, Period.DAY), 2026), kb, D(2027, 1, 10))
    assert amounts(result) == {"Aguinaldo (15 días de salario)": 6000.00}
    assert "aguinaldo de 2026" in result.summary.render(str)
    assert "ya pasó (antes del 20 de diciembre de 2026)" in text(result)
    assert "hasta alrededor del 20 de diciembre de 2027" in text(result)


def test_after_the_year_to_claim_it_sends_to_the_procuraduria(kb: KnowledgeBase) -> None:
    result = aguinaldo(AguinaldoCase(Wage(400, Period.DAY), 2025), kb, D(2026, 12, 21))
    assert "terminó alrededor del 20 de diciembre de 2026" in text(result) and "Procuraduría" in text(result)


def test_in_january_this_years_result_points_to_last_years(kb: KnowledgeBase) -> None:
    january = text(aguinaldo(AguinaldoCase(Wage(400, Period.DAY), 2027), kb, D(2027, 1, 10)))
    assert "Si preguntas por el aguinaldo de 2026" in january
    march = text(aguinaldo(AguinaldoCase(Wage(400, Period.DAY), 2027), kb, D(2027, 3, 1)))
    assert "Si preguntas por el aguinaldo de" not in march

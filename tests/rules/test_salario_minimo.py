"""The minimum in force on the date of the pay (LFT 90, 335; CONASAMI), its switch on 1 January."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage, Work
from bot.rules.result import Verdict
from bot.rules.salario_minimo import Border, MinimoCase, salario_minimo
from tests.rules.helpers import amounts, citations, text

D = dt.date


def check(kb: KnowledgeBase, work: Work, wage: Wage, border: Border, day: dt.date) -> Verdict:
    return salario_minimo(MinimoCase(work, wage, border, day), kb, day).verdict


@pytest.mark.parametrize(
    ("pay", "day", "verdict"),
    [
        (342.47, D(2026, 1, 1), Verdict.YES),
        (342.46, D(2026, 1, 1), Verdict.NO),
        (303.07, D(2025, 12, 31), Verdict.YES),  # the 2025 minimum until 31 December
        (303.07, D(2026, 1, 1), Verdict.NO),  # not any more on 1 January
    ],
)
def test_domestic_minimum_switches_on_1_january(
    kb: KnowledgeBase, pay: float, day: dt.date, verdict: Verdict
) -> None:
    assert check(kb, Work.HOME, Wage(pay, Period.DAY), Border.NO, day) is verdict


def test_weekly_pay_includes_the_rest_day(kb: KnowledgeBase) -> None:
    day = D(2026, 11, 22)
    assert check(kb, Work.HOME, Wage(2397.29, Period.WEEK), Border.NO, day) is Verdict.YES  # 7 × 342.47
    result = salario_minimo(MinimoCase(Work.HOME, Wage(2000, Period.WEEK), Border.NO, day), kb, day)
    assert result.verdict is Verdict.NO
    assert amounts(result)["Te faltan a la semana"] == 397.29
    assert "LFT 69" in citations(result) and "LFT 335" in citations(result)


def test_part_time_weekly_pay_is_compared_in_proportion(kb: KnowledgeBase) -> None:
    day = D(2026, 11, 22)
    result = salario_minimo(MinimoCase(Work.OTHER, Wage(1000, Period.WEEK, 3), Border.NO, day), kb, day)
    assert amounts(result)["Lo mínimo a la semana"] == 1102.64  # 315.04 × 7 × 3 ÷ 6
    assert result.verdict is Verdict.NO and "LFT 72" in citations(result)


def test_farm_pay_is_at_most_probable_above_the_general_minimum(kb: KnowledgeBase) -> None:
    day = D(2026, 11, 22)
    above = salario_minimo(MinimoCase(Work.FARM, Wage(320, Period.DAY), Border.NO, day), kb, day)
    assert above.verdict is Verdict.LIKELY
    assert "CONASAMI" in text(above) and "LFT 280 Bis" in citations(above)
    assert check(kb, Work.FARM, Wage(300, Period.DAY), Border.NO, day) is Verdict.NO


def test_border_zone(kb: KnowledgeBase) -> None:
    day = D(2026, 11, 22)
    assert check(kb, Work.OTHER, Wage(440.87, Period.DAY), Border.YES, day) is Verdict.YES
    assert check(kb, Work.OTHER, Wage(440.86, Period.DAY), Border.YES, day) is Verdict.NO
    assert check(kb, Work.OTHER, Wage(400, Period.DAY), Border.UNKNOWN, day) is Verdict.LIKELY
    assert check(kb, Work.OTHER, Wage(300, Period.DAY), Border.UNKNOWN, day) is Verdict.NO


def test_the_result_is_dated_with_the_figures_it_used(kb: KnowledgeBase) -> None:
    day = D(2025, 6, 1)
    result = salario_minimo(MinimoCase(Work.HOME, Wage(310, Period.DAY), Border.NO, day), kb, D(2026, 11, 22))
    assert result.as_of == day
    assert "$303.07" in text(result) and "1 de enero de 2025" in text(result)


def test_never_yes_against_a_minimum_that_is_not_confirmed(kb: KnowledgeBase) -> None:
    """Audit #2: on 10-02-2027, $350 a day against the 2026 domestic minimum ($342.47) was a firm "sí"."""
    day = D(2027, 2, 10)
    result = salario_minimo(MinimoCase(Work.HOME, Wage(350, Period.DAY), Border.NO, day), kb, day)
    assert result.verdict is Verdict.LIKELY and result.provisional
    assert "el de 2027 aún no está confirmado" in text(result) and "CONASAMI" in text(result)
    assert result.provisional_note is not None
    assert "2027" in result.provisional_note.render(str) and "2026" in result.provisional_note.render(str)
    # Pay below last year's minimum is short for sure: minimums do not go down.
    short = salario_minimo(MinimoCase(Work.HOME, Wage(300, Period.DAY), Border.NO, day), kb, day)
    assert short.verdict is Verdict.NO and short.provisional


def test_the_current_year_is_not_provisional(kb: KnowledgeBase) -> None:
    day = D(2026, 12, 31)
    result = salario_minimo(MinimoCase(Work.HOME, Wage(350, Period.DAY), Border.NO, day), kb, day)
    assert result.verdict is Verdict.YES and not result.provisional
    assert result.to_json(str)["provisional"] is False


def test_domestic_part_time_gives_both_rest_readings(kb: KnowledgeBase) -> None:
    """Audit #8: Monday to Friday for $9,000 a month was a firm "sí" (8,561.75 = 342.47 × 30 × 5/6); with
    the day and a half of rest of LFT 336 the full week is 5.5 days and the minimum 342.47 × 30 × 5/5.5."""
    day = D(2026, 11, 22)
    result = salario_minimo(MinimoCase(Work.HOME, Wage(9000, Period.MONTH, 5), Border.NO, day), kb, day)
    assert result.verdict is Verdict.LIKELY
    got = amounts(result)
    assert got["Lo mínimo al mes"] == 8561.75
    assert got["Con día y medio de descanso, lo mínimo al mes"] == 9340.09
    assert "LFT 336" in citations(result) and "Procuraduría" in text(result)
    # Above both readings it is a "sí"; below both a "no"; other work keeps the LFT 72 rule alone.
    assert check(kb, Work.HOME, Wage(9400, Period.MONTH, 5), Border.NO, day) is Verdict.YES
    assert check(kb, Work.HOME, Wage(8500, Period.MONTH, 5), Border.NO, day) is Verdict.NO
    assert check(kb, Work.OTHER, Wage(8000, Period.MONTH, 5), Border.NO, day) is Verdict.YES  # 315.04 × 25

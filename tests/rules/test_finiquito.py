"""Finiquito and liquidación (LFT 48-50, 76-80, 87, 162, 485-486, 516, 518), pinned to dates."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage, Work
from bot.rules.finiquito import Ending, FiniquitoCase, finiquito, seniority_wage
from bot.rules.result import Verdict
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)
D = dt.date
TWO_YEARS = (D(2024, 11, 1), D(2026, 10, 31))


def case(**changes: object) -> FiniquitoCase:
    base: dict[str, object] = {
        "work": Work.HOME,
        "ending": Ending.DISMISSED,
        "wage": Wage(342.47, Period.DAY),
        "start": TWO_YEARS[0],
        "last_day": TWO_YEARS[1],
        "vacation_taken": 0,
    }
    base.update(changes)
    return FiniquitoCase(**base)  # type: ignore[arg-type]


def test_domestic_worker_dismissed_after_two_years_at_the_2026_minimum(kb: KnowledgeBase) -> None:
    result = finiquito(case(), kb, TODAY)
    assert result.verdict is Verdict.AMOUNT
    assert amounts(result) == {
        "Aguinaldo proporcional (12.49 días)": 4278.53,  # 15 × 304 ÷ 365 days × 342.47
        "Vacaciones (14 días)": 4794.58,  # the second year's 14 days, none taken
        "Prima vacacional": 1198.65,  # 25 %
        "Indemnización: 3 meses de salario": 30822.30,  # 90 × 342.47
        "Indemnización: 20 días por año": 13698.80,  # 40 × 342.47
        "Prima de antigüedad": 8219.28,  # 24 × 342.47, below the cap of 2 × 315.04
        "Total": 63012.14,
    }
    assert {"LFT 49 fr. IV", "LFT 50", "LFT 343", "LFT 162", "LFT 518", "LFT 87", "LFT 79"} <= set(
        citations(result)
    )
    assert "31 de diciembre de 2026" in text(result)  # two months from 1 November
    assert "Procuraduría de la Defensa del Trabajo de tu estado" in text(result)
    assert result.related_entry == "hogar-despido"


def test_seniority_premium_wage_is_capped_at_twice_the_minimum(kb: KnowledgeBase) -> None:
    assert seniority_wage(kb, TODAY, 1000.0) == 630.08
    assert seniority_wage(kb, TODAY, 200.0) == 315.04  # and never below the minimum (LFT 485)
    result = finiquito(case(wage=Wage(1000, Period.DAY)), kb, TODAY)
    assert amounts(result)["Prima de antigüedad"] == 15121.92  # 24 × 630.08
    assert "Zona Libre de la Frontera Norte" in text(result)  # the border cap is higher: said, not used


def test_the_cap_follows_the_minimum_in_force_on_the_last_day(kb: KnowledgeBase) -> None:
    assert seniority_wage(kb, D(2025, 12, 31), 1000.0) == 557.60  # 2 × 278.80
    assert seniority_wage(kb, D(2026, 1, 1), 1000.0) == 630.08


def test_vacation_taken_and_aguinaldo_paid(kb: KnowledgeBase) -> None:
    result = finiquito(
        case(ending=Ending.RESIGNED, last_day=D(2026, 12, 15), vacation_taken=None, aguinaldo_paid=True),
        kb,
        TODAY,
    )
    got = amounts(result)
    assert got["Aguinaldo proporcional (0 días)"] == 0.0
    # Only the proportional part of the third year: 16 × 45 ÷ 365 days (1-11 to 15-12).
    assert got["Vacaciones (1.97 días)"] == round(16 * 45 / 365 * 342.47, 2)
    assert "Prima de antigüedad" not in got and "LFT 162 fr. III" in citations(result)


def test_resignation_after_15_years_pays_the_seniority_premium(kb: KnowledgeBase) -> None:
    result = finiquito(case(ending=Ending.RESIGNED, start=D(2011, 10, 1)), kb, TODAY)
    assert amounts(result)["Prima de antigüedad"] > 0
    assert "Indemnización: 3 meses de salario" not in amounts(result)


def test_dismissal_outside_domestic_work_is_only_probable_and_explains_the_20_days(kb: KnowledgeBase) -> None:
    result = finiquito(case(work=Work.OTHER), kb, TODAY)
    assert result.verdict is Verdict.LIKELY
    got = amounts(result)
    assert got["Indemnización: 3 meses de salario (si el despido fue injustificado)"] == 30822.30
    assert not any(label.startswith("Indemnización: 20") for label in got)
    assert "$13,698.80" in text(result) and "LFT 48" in citations(result)
    assert "conciliacionlaboral.org.mx" in text(result)


def test_end_of_the_farm_season_is_the_finiquito_only(kb: KnowledgeBase) -> None:
    result = finiquito(case(work=Work.FARM, ending=Ending.TERM_END, start=D(2026, 6, 1)), kb, TODAY)
    assert result.verdict is Verdict.AMOUNT
    assert set(amounts(result)) == {
        "Aguinaldo proporcional (6.29 días)",  # 15 × 153 ÷ 365
        "Vacaciones (5.03 días)",  # 12 × 153 ÷ 365 (1 June to 31 October)
        "Prima vacacional",
        "Total",
    }


def test_a_late_claim_is_flagged(kb: KnowledgeBase) -> None:
    result = finiquito(case(last_day=D(2026, 8, 31)), kb, TODAY)
    assert "parece vencido" in text(result)

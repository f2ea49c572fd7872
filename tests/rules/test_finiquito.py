"""Finiquito and liquidación (LFT 48-50, 76-80, 87, 162, 485-486, 516, 518), pinned to dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Border, Period, Wage, Work
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


def test_leaving_for_the_employers_fault_pays_the_full_indemnity_and_premium(kb: KnowledgeBase) -> None:
    """Audit #1: "Renuncié" was the only option and gave $13,983.57; LFT 52 sends her to LFT 50 and
    LFT 162 fr. III pays the premium to whoever leaves for a just cause."""
    rescinded = case(
        work=Work.OTHER,
        ending=Ending.RESCINDED,
        wage=Wage(12000, Period.MONTH),
        start=D(2022, 1, 1),
        last_day=D(2026, 11, 15),
        vacation_taken=None,
    )
    result = finiquito(rescinded, kb, D(2026, 12, 1))
    got = amounts(result)
    assert got["Indemnización: 3 meses de salario (si pruebas la culpa del patrón)"] == 36000.00  # 90 × 400
    assert (
        got["Indemnización: 20 días por año (si pruebas la culpa del patrón)"] == 38991.78
    )  # 20 × 4.874 × 400
    assert got["Prima de antigüedad"] == 23395.07  # 12 × 4.874 × 400 (between 315.04 and 630.08)
    assert got["Total"] == 112370.42  # 13,983.57 of finiquito + the above
    assert result.verdict is Verdict.LIKELY  # whether the fault is proven is for the CCL or a court
    assert {"LFT 51", "LFT 52", "LFT 50", "LFT 162", "LFT 517 fr. II"} <= set(citations(result))
    assert "Procuraduría de la Defensa del Trabajo de tu estado" in text(result)
    assert "15 de diciembre de 2026" in text(result)  # 1 month after the last day, to be safe
    resigned = finiquito(replace(rescinded, ending=Ending.RESIGNED), kb, D(2026, 12, 1))
    assert amounts(resigned)["Total"] == 13983.57 and "culpa de tu patrón" in text(resigned)


def test_a_domestic_worker_leaving_for_the_employers_fault(kb: KnowledgeBase) -> None:
    result = finiquito(case(ending=Ending.RESCINDED), kb, TODAY)
    got = amounts(result)
    assert got["Indemnización: 3 meses de salario (si pruebas la culpa del patrón)"] == 30822.30
    assert got["Total"] == 63012.14  # the same amounts as her dismissal (LFT 52 → 50)
    assert result.related_entry == "hogar-renuncia"


def test_live_in_domestic_worker_indemnity_counts_food_and_room(kb: KnowledgeBase) -> None:
    """Audit #3: LFT 334 values food and room at 50 % of the cash wage; LFT 89 puts them in the indemnity."""
    live_in = case(wage=Wage(400, Period.DAY), start=D(2023, 3, 1), last_day=D(2026, 11, 30), live_in=True)
    result = finiquito(live_in, kb, D(2026, 12, 1))
    got = amounts(result)
    assert got["Indemnización: 3 meses de salario"] == 54000.00  # 90 × 600
    assert got["Indemnización: 20 días por año"] == 45041.10  # 20 × 3.7534 × 600
    assert got["Prima de antigüedad"] == 27024.66  # 12 × 3.7534 × 600 (below the 630.08 cap)
    assert got["Aguinaldo proporcional (13.73 días)"] == 5490.41  # aguinaldo stays on the cash wage
    assert "$146,337.00" in result.summary.render(str)  # the headline is the figure with food and room
    assert "LFT 334" in citations(result) and "Así leí la ley" in text(result)
    cash = finiquito(replace(live_in, live_in=False), kb, D(2026, 12, 1))
    assert amounts(cash)["Indemnización: 3 meses de salario"] == 36000.00
    assert "Si te daban de comer" in text(cash)


def test_domestic_dismissal_in_the_first_30_days_is_not_a_firm_amount(kb: KnowledgeBase) -> None:
    """Audit #4: LFT 343 lets the employer end the job within 30 days; the indemnity is uncertain."""
    short = case(wage=Wage(450, Period.DAY), start=D(2026, 11, 1), last_day=D(2026, 11, 20))
    result = finiquito(short, kb, D(2026, 12, 1))
    assert result.verdict is Verdict.LIKELY
    got = amounts(result)
    assert got["Indemnización: 3 meses de salario (no es segura)"] == 40500.00
    assert got["Total"] == 42028.76
    summary = result.summary.render(str)
    assert summary.startswith("Te deben al menos $1,035.61.") and "no es segura" in summary
    assert "LFT 343" in citations(result) and "Procuraduría" in summary
    later = finiquito(replace(short, last_day=D(2026, 12, 2)), kb, D(2026, 12, 2))  # 31 days after the start
    assert later.verdict is Verdict.AMOUNT


def test_border_zone_minimum_for_the_seniority_premium(kb: KnowledgeBase) -> None:
    """Audit #15: LFT 486 caps at twice the minimum of the area: 2 × 440.87 in the ZLFN."""
    border = finiquito(case(wage=Wage(1000, Period.DAY), border=Border.YES), kb, TODAY)
    assert amounts(border)["Prima de antigüedad"] == 21161.76  # 24 × 881.74
    assert "de la Zona Libre de la Frontera Norte ($440.87)" in text(border)
    outside = finiquito(case(wage=Wage(1000, Period.DAY), border=Border.NO), kb, TODAY)
    assert amounts(outside)["Prima de antigüedad"] == 15121.92  # 24 × 630.08
    assert "fuera de la frontera norte ($315.04)" in text(outside)
    assert "Zona Libre" not in "\n".join(m.render(str) for m in outside.not_checked)
    low = finiquito(case(wage=Wage(300, Period.DAY)), kb, TODAY)  # floor: domestic minimum not verified
    assert "No está confirmado si el piso de tu prima es el mínimo del trabajo del hogar" in text(low)


def test_pay_below_the_minimum_and_last_years_aguinaldo_are_flagged(kb: KnowledgeBase) -> None:
    """Audit #26: $9,000 a month is $300 a day, below the domestic minimum of $342.47."""
    result = finiquito(case(wage=Wage(9000, Period.MONTH)), kb, TODAY)
    assert "menos que el salario mínimo de 2026 ($342.47)" in text(result)
    assert "LFT 335" in citations(result)
    assert "El aguinaldo de 2025 si no te lo pagaron" in text(result)
    fine = finiquito(case(), kb, TODAY)
    assert "menos que el salario mínimo" not in text(fine)


def test_a_2027_premium_with_the_2026_minimum_is_provisional(kb: KnowledgeBase) -> None:
    """Audit #2: a dismissal on 10-02-2027 silently used the 2026 cap of $630.08."""
    later = finiquito(case(wage=Wage(1000, Period.DAY), last_day=D(2027, 2, 10)), kb, D(2027, 2, 15))
    assert later.provisional and later.to_json(str)["provisional"] is True
    assert later.provisional_note is not None and "2027" in later.provisional_note.render(str)
    assert not finiquito(case(), kb, TODAY).provisional

"""Pension weeks by year (LSS transitorio 4°, 16-12-2020), ages (LSS 154, 162), Ley 73, Bienestar."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.checks.pension import WOMEN_BIENESTAR
from bot.knowledge.model import KnowledgeBase
from bot.rules.pension import Ages, PensionCase, Regime, pension, weeks_required_97
from bot.rules.result import Verdict
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("year", "weeks"), [(2021, 750), (2025, 850), (2026, 875), (2031, 1000), (2040, 1000)]
)
def test_weeks_required_by_year(kb: KnowledgeBase, year: int, weeks: int) -> None:
    assert weeks_required_97(kb, year) == weeks


def test_the_weeks_go_up_on_1_january(kb: KnowledgeBase) -> None:
    case = PensionCase(Regime.LAW_97, age=62, weeks=860)
    assert pension(case, kb, dt.date(2025, 12, 31)).verdict is Verdict.YES
    after = pension(case, kb, dt.date(2026, 1, 1))
    assert after.verdict is Verdict.NO
    assert "te faltan 15 semanas" in after.summary.render(str)


def test_meets_ley_97_in_2026(kb: KnowledgeBase) -> None:
    result = pension(PensionCase(Regime.LAW_97, age=65, weeks=875), kb, TODAY)
    assert result.verdict is Verdict.YES
    assert "vejez" in result.summary.render(str)
    assert "LSS transitorio 4° (DOF 16-12-2020)" in citations(result)


def test_750_weeks_keep_the_medical_service(kb: KnowledgeBase) -> None:
    result = pension(PensionCase(Regime.LAW_97, age=61, weeks=760), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "750 semanas" in text(result)


def test_younger_people_see_the_weeks_of_the_year_they_turn_60(kb: KnowledgeBase) -> None:
    result = pension(PensionCase(Regime.LAW_97, age=50, weeks=500), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "2036" in result.summary.render(str) and "te faltan 500" in result.summary.render(str)


def test_ley_73_is_at_most_probable(kb: KnowledgeBase) -> None:
    assert pension(PensionCase(Regime.LAW_73, age=61, weeks=600), kb, TODAY).verdict is Verdict.LIKELY
    assert pension(PensionCase(Regime.LAW_73, age=61, weeks=400), kb, TODAY).verdict is Verdict.NO
    assert "fuentes especializadas" in text(pension(PensionCase(Regime.LAW_73, 61, 600), kb, TODAY))


def test_unknown_regime_uses_the_stricter_ley_97_and_mentions_ley_73(kb: KnowledgeBase) -> None:
    result = pension(PensionCase(Regime.UNKNOWN, age=63, weeks=900), kb, TODAY)
    assert result.verdict is Verdict.LIKELY
    assert "Ley 73" in text(result) and "500 semanas" in text(result)


def test_bienestar_pensions_where_they_apply(kb: KnowledgeBase) -> None:
    woman = pension(PensionCase(Regime.LAW_97, age=62, weeks=100, woman=True), kb, TODAY)
    assert amounts(woman) == {"Pensión Mujeres Bienestar, cada 2 meses (monto de 2026)": 3100.0}
    man = pension(PensionCase(Regime.LAW_97, age=62, weeks=100, woman=False), kb, TODAY)
    assert amounts(man) == {}
    older = pension(PensionCase(Regime.LAW_97, age=66, weeks=100), kb, dt.date(2025, 6, 1))
    assert amounts(older) == {"Pensión para Adultos Mayores, cada 2 meses (monto de 2025)": 6200.0}


def test_cesantia_needs_being_without_paid_work(kb: KnowledgeBase) -> None:
    # Audit #9: LSS 154, "cuando el asegurado quede privado de trabajos remunerados a partir de los sesenta".
    result = pension(PensionCase(Regime.LAW_97, age=62, weeks=900, woman=True), kb, TODAY)
    summary = result.summary.render(str)
    assert result.verdict is Verdict.YES
    assert "cesantía en edad avanzada cuando dejes de trabajar con salario" in summary
    assert any(
        "sin trabajo con salario" in r.text.render(str) for r in result.reasons if r.citation == "LSS 154"
    )
    # Vejez (LSS 162) has no such condition.
    older = pension(PensionCase(Regime.LAW_97, age=65, weeks=1000), kb, TODAY).summary.render(str)
    assert "vejez" in older and "dejes de trabajar" not in older


def test_every_age_comes_from_the_parameters(kb: KnowledgeBase) -> None:
    ages = Ages.on(kb, TODAY)
    assert (ages.early, ages.old, ages.law_73, ages.elderly, ages.women) == (60, 65, 60, 65, 60)
    assert range(ages.women, ages.elderly) == WOMEN_BIENESTAR  # who the flow asks "¿Eres mujer?"


def test_before_the_bienestar_values_the_imss_answer_still_works(kb: KnowledgeBase) -> None:
    # The ages of the Bienestar programmes are dated from 2025 on; the Ley 97 weeks go back to 2021.
    result = pension(PensionCase(Regime.LAW_97, age=66, weeks=900), kb, dt.date(2024, 6, 1))
    assert result.verdict is Verdict.YES and result.amounts == ()


def test_bienestar_amounts_of_a_year_without_values_are_marked_provisional(kb: KnowledgeBase) -> None:
    """The Bienestar amounts change each January: in 2027, until its amount is entered, 2026's is shown
    as provisional (audit #2)."""
    current = pension(PensionCase(Regime.LAW_97, age=66, weeks=700), kb, TODAY)
    later = pension(PensionCase(Regime.LAW_97, age=66, weeks=700), kb, dt.date(2027, 3, 1))
    assert current.amounts and not current.provisional
    assert later.amounts and later.provisional
    assert later.provisional_note is not None and "Bienestar" in later.provisional_note.render(str)

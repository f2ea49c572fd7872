"""Yearly parameters past their year: the value comes back marked provisional, never silently (audit #2)."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import KnowledgeBase

D = dt.date


def test_a_minimum_wage_is_current_until_31_december_and_provisional_from_1_january(
    kb: KnowledgeBase,
) -> None:
    current = kb.param("salario_minimo_hogar", D(2026, 12, 31))
    assert current.value == 342.47 and not current.provisional
    stale = kb.param("salario_minimo_hogar", D(2027, 2, 10))
    assert stale.value == 342.47 and stale.provisional and stale.year == 2026


def test_the_uma_runs_from_1_february_to_1_february(kb: KnowledgeBase) -> None:
    assert not kb.param("uma_diaria", D(2027, 1, 31)).provisional
    assert kb.param("uma_diaria", D(2027, 2, 1)).provisional


def test_values_already_known_for_later_years_are_not_stale(kb: KnowledgeBase) -> None:
    assert not kb.param("semanas_pension_ley97", D(2027, 6, 1)).provisional  # the LSS fixes them to 2031
    assert not kb.param("prima_antiguedad_dias", D(2040, 1, 1)).provisional  # not a yearly parameter


def test_an_old_date_uses_the_value_of_its_year_without_a_flag(kb: KnowledgeBase) -> None:
    old = kb.param("salario_minimo_general", D(2025, 6, 1))
    assert old.value == 278.80 and not old.provisional

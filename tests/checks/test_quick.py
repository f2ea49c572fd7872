"""Quick facts: the person's own numbers put into the answer, from the same rules the calculators use."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.checks import prefill
from bot.checks.quick import quick_fact
from bot.knowledge.model import KnowledgeBase
from bot.rules.vacaciones import vacation_days

TODAY = dt.date(2026, 11, 22)


def said(text: str) -> prefill.Facts:
    return prefill.facts(text, TODAY)


def test_years_of_service_give_the_vacation_days_of_the_table(kb: KnowledgeBase) -> None:
    msg = quick_fact(
        "vacaciones", said("Llevo 3 años con la misma familia, ¿cuántas vacaciones me tocan?"), TODAY, kb
    )
    assert msg is not None
    text = msg.render(str)
    assert text.startswith("Con 3 años cumplidos te tocan 16 días de vacaciones pagadas")
    assert vacation_days(kb, TODAY, 3).days == 16  # LFT 76 since 2023: 12, 14, 16, 18, 20, then 22 ...
    assert "25 %" in text


def test_with_the_pay_the_vacations_come_in_pesos(kb: KnowledgeBase) -> None:
    msg = quick_fact("vacaciones", said("llevo 2 años y gano 9 mil al mes"), TODAY, kb)
    assert msg is not None
    # 14 days x 9000 / 30 = 4200, premium 25 % = 1050
    assert msg.params == {"years": 2, "days": 14, "money_pay": 4200.0, "money_premium": 1050.0}


def test_less_than_a_year_says_when_vacations_are_earned(kb: KnowledgeBase) -> None:
    msg = quick_fact("vacaciones", said("llevo 6 meses trabajando en una casa"), TODAY, kb)
    assert msg is not None and msg.params == {"days": 12} and "proporcional" in msg.msgid


def test_aguinaldo_from_the_pay(kb: KnowledgeBase) -> None:
    msg = quick_fact("aguinaldo", said("gano 10 mil al mes, cuanto es mi aguinaldo"), TODAY, kb)
    assert msg is not None and msg.params == {"days": 15, "money_total": 5000.0}


@pytest.mark.parametrize(
    ("calculator", "text"),
    [
        ("vacaciones", "¿cuántas vacaciones me tocan?"),  # no years said
        ("aguinaldo", "gano 300 diarios"),  # a daily pay without the days a week would need a guess
        ("aguinaldo", "¿Cuál es el salario mínimo para una trabajadora del hogar en 2026?"),
        ("imss", "llevo 3 años"),  # no quick fact for this calculator
        (None, "llevo 3 años"),
        ("vacaciones", "llevo 80 años"),  # an age, not years with one employer
    ],
)
def test_nothing_when_the_message_does_not_carry_what_the_rule_needs(
    kb: KnowledgeBase, calculator: str | None, text: str
) -> None:
    assert quick_fact(calculator, said(text), TODAY, kb) is None

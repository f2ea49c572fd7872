"""The aguinaldo questions: which year (audit #13) goes through the same path as the chat and the CLI."""

from __future__ import annotations

import datetime as dt

from bot.checks import FLOWS
from bot.core import flows
from bot.knowledge.model import KnowledgeBase
from tests.rules.helpers import amounts, text

FLOW = FLOWS["aguinaldo"]
D = dt.date


def run(kb: KnowledgeBase, today: dt.date, **raw: str) -> str:
    answers, problems = flows.fill(FLOW, raw, today)
    assert not problems, problems
    missing = [q.id for q in FLOW.questions if q.id not in answers and flows.applies(q, answers)]
    assert not missing, missing
    result = FLOW.evaluate(answers, today, kb)
    return f"{amounts(result)}\n{text(result)}"


WAGE = {"salario": "400", "periodo": "diario", "dias": "6"}


def test_last_years_aguinaldo_can_be_chosen_in_january(kb: KnowledgeBase) -> None:
    out = run(kb, D(2027, 1, 10), **WAGE, tiempo="pasado", tiempo_pasado="todo")
    assert "6000.0" in out and "aguinaldo de 2026" in out and "ya pasó" in out


def test_last_year_entered_in_july_counts_184_days(kb: KnowledgeBase) -> None:
    out = run(kb, D(2027, 2, 1), **WAGE, tiempo="pasado", tiempo_pasado="entre", inicio="2026-07-01")
    assert "184 días" in out and "3024.66" in out  # 15 × 184 ÷ 365 × 400


def test_last_years_dates_must_be_in_last_year(kb: KnowledgeBase) -> None:
    _answers, problems = flows.fill(
        FLOW, {**WAGE, "tiempo": "pasado", "tiempo_pasado": "entre", "inicio": "2027-01-02"}, D(2027, 1, 10)
    )
    assert "año pasado" in problems["inicio"].message
    _answers, problems = flows.fill(
        FLOW,
        {**WAGE, "tiempo": "pasado", "tiempo_pasado": "sali", "inicio": "2026-02-01", "fin": "2027-01-05"},
        D(2027, 1, 10),
    )
    assert "año pasado" in problems["fin"].message


def test_leaving_last_december_still_counts_last_year(kb: KnowledgeBase) -> None:
    # Appendix A: left 31-12-2025 after starting 1-02-2025, asked 1-02-2026: 334 days, 15 × 334 ÷ 365 = 13.73
    # days of $533.33 (16,000 ÷ 30) = $7,320.55.
    out = run(
        kb,
        D(2026, 2, 1),
        salario="16000",
        periodo="mensual",
        tiempo="sali",
        inicio="2025-02-01",
        fin="2025-12-31",
    )
    assert "7320.55" in out and "334 días" in out

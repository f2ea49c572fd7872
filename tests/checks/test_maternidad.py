"""The maternity questions ask the days a week of a wage per day (audit #5)."""

from __future__ import annotations

import datetime as dt

from bot.checks import FLOWS
from bot.core import flows
from bot.knowledge.model import KnowledgeBase
from tests.rules.helpers import amounts

FLOW = FLOWS["maternidad"]
TODAY = dt.date(2026, 11, 30)


def test_days_a_week_are_asked_for_a_wage_per_day(kb: KnowledgeBase) -> None:
    raw = {"asegurada": "no", "salario": "500", "periodo": "diario"}
    answers, _problems = flows.fill(FLOW, raw, TODAY)
    missing = [q.id for q in FLOW.questions if q.id not in answers and flows.applies(q, answers)]
    assert missing == ["dias"]
    answers, _problems = flows.fill(FLOW, {**raw, "dias": "2"}, TODAY)
    result = FLOW.evaluate(answers, TODAY, kb)
    assert amounts(result) == {"Tu salario de 84 días (lo paga tu patrona o patrón)": 14000.00}


def test_no_days_question_for_a_monthly_wage_or_no_wage(kb: KnowledgeBase) -> None:
    for raw in (
        {"asegurada": "si", "semanas": "35", "salario": "9000", "periodo": "mensual"},
        {"asegurada": "si", "semanas": "35", "salario": "nose"},
    ):
        answers, problems = flows.fill(FLOW, raw, TODAY)
        assert not problems
        assert not [q.id for q in FLOW.questions if q.id not in answers and flows.applies(q, answers)]

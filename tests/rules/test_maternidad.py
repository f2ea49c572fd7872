"""LSS 101-103: 30 weekly contributions in the 12 months before; 100 % for 84 days; else the employer."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Period, Wage
from bot.rules.maternidad import Insured, MaternidadCase, maternidad
from bot.rules.result import Verdict
from tests.rules.helpers import amounts, citations, text

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("weeks", "verdict"), [(29, Verdict.NO), (30, Verdict.YES), (52, Verdict.YES), (0, Verdict.NO)]
)
def test_thirty_weeks_decide_who_pays(kb: KnowledgeBase, weeks: int, verdict: Verdict) -> None:
    result = maternidad(MaternidadCase(Insured.YES, weeks, Wage(342.47, Period.DAY)), kb, TODAY)
    assert result.verdict is verdict
    assert "LSS 102 fr. I" in citations(result)
    if verdict is Verdict.NO:
        assert "LSS 103" in citations(result)
        assert amounts(result) == {"Tu salario de 84 días (lo paga tu patrona o patrón)": 28767.48}
    else:
        assert "LSS 101" in citations(result)
        assert amounts(result) == {"Subsidio del IMSS por 84 días (aproximado)": 28767.48}  # 84 × 342.47


def test_not_insured_the_employer_pays_the_full_wage(kb: KnowledgeBase) -> None:
    result = maternidad(MaternidadCase(Insured.NO), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert {"LFT 170 fr. II", "LFT 170 fr. V"} <= set(citations(result))
    assert "imss.gob.mx/denuncia" in text(result)
    assert amounts(result) == {}  # no wage given, no amount invented
    assert "no me dijiste tu salario" in text(result)


def test_not_sure_of_the_registration_is_only_probable(kb: KnowledgeBase) -> None:
    result = maternidad(MaternidadCase(Insured.UNKNOWN, 35), kb, TODAY)
    assert result.verdict is Verdict.LIKELY
    assert "Tel-IMSS 800 623 2323" in text(result)


def test_a_rate_per_day_for_two_days_a_week_is_not_her_daily_wage(kb: KnowledgeBase) -> None:
    # Audit #5: $500 a day, 2 days a week: 500 × 2 ÷ 6 = $166.67 a calendar day (LFT 72); 84 days are
    # $14,000, not 84 × 500 = $42,000.
    result = maternidad(MaternidadCase(Insured.NO, wage=Wage(500, Period.DAY, 2)), kb, TODAY)
    assert amounts(result) == {"Tu salario de 84 días (lo paga tu patrona o patrón)": 14000.00}
    assert "LFT 72" in citations(result)

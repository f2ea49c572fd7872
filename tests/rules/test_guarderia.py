"""LSS 201, 205-207: insured mothers and fathers; from 43 days to 4 years; 4 weeks after the baja."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work
from bot.rules.guarderia import Coverage, GuarderiaCase, guarderia
from bot.rules.result import Verdict
from tests.rules.helpers import citations

TODAY = dt.date(2026, 11, 22)


def days_old(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("birth", "verdict"),
    [
        (days_old(42), Verdict.NO),
        (days_old(43), Verdict.YES),
        (dt.date(2022, 11, 23), Verdict.YES),  # turns 4 tomorrow
        (dt.date(2022, 11, 22), Verdict.NO),  # turns 4 today
    ],
)
def test_from_43_days_until_the_fourth_birthday(kb: KnowledgeBase, birth: dt.date, verdict: Verdict) -> None:
    result = guarderia(GuarderiaCase(Coverage.INSURED, birth), kb, TODAY)
    assert result.verdict is verdict
    assert "LSS 206" in citations(result) and "LSS 205" in citations(result)


def test_too_young_says_from_when(kb: KnowledgeBase) -> None:
    result = guarderia(GuarderiaCase(Coverage.INSURED, days_old(10)), kb, TODAY)
    assert "25 de diciembre de 2026" in result.summary.render(str)  # born 12-11: 18 + 25 = 43 days


@pytest.mark.parametrize(("weeks_ago", "verdict"), [(28, Verdict.YES), (29, Verdict.NO)])
def test_the_right_is_kept_four_weeks_after_the_baja(
    kb: KnowledgeBase, weeks_ago: int, verdict: Verdict
) -> None:
    left_on = TODAY - dt.timedelta(days=weeks_ago)
    result = guarderia(GuarderiaCase(Coverage.LEFT, dt.date(2025, 1, 1), left_on=left_on), kb, TODAY)
    assert result.verdict is verdict
    assert "LSS 207" in citations(result)


def test_not_insured_but_farm_work_still_has_day_care_from_the_employer(kb: KnowledgeBase) -> None:
    result = guarderia(GuarderiaCase(Coverage.NONE, dt.date(2025, 1, 1), Work.FARM), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "LFT 283 fr. XIII" in citations(result)
    assert "en el campo" in result.summary.render(str)

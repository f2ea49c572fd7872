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


def test_after_a_baja_the_summary_gives_the_four_week_limit(kb: KnowledgeBase) -> None:
    # Audit #6: baja on 20-11-2026, child born 1-05-2024; LSS 207 keeps the right 4 weeks: to 18-12-2026,
    # not to the day before the fourth birthday (30-04-2028).
    case = GuarderiaCase(Coverage.LEFT, dt.date(2024, 5, 1), left_on=dt.date(2026, 11, 20))
    result = guarderia(case, kb, dt.date(2026, 12, 4))
    summary = result.summary.render(str)
    assert result.verdict is Verdict.YES
    assert "Puedes usarla hasta el 18 de diciembre de 2026 (4 semanas después de tu baja)" in summary
    assert "volver a estar asegurada" in summary and "2028" not in summary


def test_after_a_baja_a_baby_too_young_for_the_four_weeks(kb: KnowledgeBase) -> None:
    # Born 20-11-2026, baja 22-11-2026: 43 days old on 2-01-2027, after the right ends on 20-12-2026.
    case = GuarderiaCase(Coverage.LEFT, dt.date(2026, 11, 20), left_on=TODAY)
    result = guarderia(case, kb, TODAY)
    assert result.verdict is Verdict.NO
    assert "2 de enero de 2027" in result.summary.render(
        str
    ) and "20 de diciembre de 2026" in result.summary.render(str)


def test_more_than_four_weeks_after_the_baja_says_when_it_ended(kb: KnowledgeBase) -> None:
    case = GuarderiaCase(Coverage.LEFT, dt.date(2025, 1, 1), left_on=dt.date(2026, 10, 1))
    assert "hasta el 29 de octubre de 2026" in guarderia(case, kb, TODAY).summary.render(str)

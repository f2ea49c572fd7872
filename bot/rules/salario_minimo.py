"""Is the pay at least the minimum wage in force on the date it is for?

The minimum is per working day (LFT 90); a weekly, fortnightly or monthly wage also pays the rest days
(LFT 69), in proportion for someone who works fewer than six days a week (LFT 72). Domestic work has its
own minimum (LFT 335) and a rest of a day and a half a week (LFT 336): whether that makes her full week
5.5 days for the proportion is not settled, so both readings are given. The farm minimum for this year is
not verified, so farm pay is compared with the general minimum and the answer is at most "probablemente"
(LFT 280 Bis). A minimum whose new yearly value is not confirmed never gives a "sí".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import (
    FULL_WEEK,
    PERIOD_DAYS,
    Border,
    Period,
    Wage,
    Work,
    cents,
    minimum_parameter,
    provisional_note,
)
from bot.rules.result import Msg, Result, Verdict
from bot.rules.salario_minimo_text import explain, headline

__all__ = ["Border", "MinimoCase", "minimum", "paid_days", "pay_per_day", "salario_minimo"]

WEEK_DAYS = 7


@dataclass(frozen=True)
class MinimoCase:
    work: Work
    wage: Wage  # days_per_week: days worked a week (for pay by week, fortnight or month)
    border: Border
    day: dt.date  # the date the pay is for


@dataclass(frozen=True)
class Comparison:
    """The numbers of one check: the pay per working day against the minimums that may apply."""

    low: float  # the minimum of the zone she said (outside the border when she does not know)
    high: float  # the border minimum when she does not know; else the same as `low`
    per_day: float  # her pay brought to one working day (LFT 69, 72)
    required: float  # the least she can be paid per period, by the general rule
    # Domestic work, fewer than six days, pay by a period: the same with a 5.5-day full week (LFT 336).
    required_home_rest: float | None
    since: dt.date  # when the minimum used took effect
    stale: bool  # the minimum used is last year's: this year's is not confirmed yet
    paid: float  # what she is paid for the period
    home_week: float  # a domestic worker's full week in working days under LFT 336 (5.5)

    @property
    def below(self) -> bool:
        return cents(self.per_day) < cents(self.low)

    @property
    def below_home_rest(self) -> bool:
        return self.required_home_rest is not None and cents(self.paid) < self.required_home_rest


def paid_days(wage: Wage, full_week: float = FULL_WEEK) -> float:
    """Days of minimum wage owed for one pay period: one per day for pay by the day; for longer periods
    the calendar days, in proportion when fewer than a full week of days is worked."""
    if wage.period is Period.DAY:
        return 1.0
    return PERIOD_DAYS[wage.period] * min(wage.days_per_week, full_week) / full_week


def pay_per_day(wage: Wage) -> float:
    """The pay brought to one working day, to compare with the daily minimum."""
    return wage.amount / paid_days(wage)


def minimum(kb: KnowledgeBase, work: Work, border: bool, day: dt.date) -> float:
    return kb.number(minimum_parameter(work, border), day)


def home_full_week(kb: KnowledgeBase, day: dt.date) -> float:
    """LFT 336: a day and a half of rest leaves 5.5 days of work in a full week."""
    return WEEK_DAYS - kb.number("hogar_descanso_semanal_dias", day)


def compare(case: MinimoCase, kb: KnowledgeBase) -> Comparison:
    wage, day = case.wage, case.day
    name = minimum_parameter(case.work, case.border is Border.YES)
    value = kb.param(name, day)
    low = kb.number(name, day)
    high = minimum(kb, case.work, True, day) if case.border is Border.UNKNOWN else low
    home_rest = None
    week = home_full_week(kb, day) if case.work is Work.HOME else FULL_WEEK
    if case.work is Work.HOME and wage.period is not Period.DAY and wage.days_per_week < FULL_WEEK:
        home_rest = cents(low * paid_days(wage, week))
    return Comparison(
        low=low,
        high=high,
        per_day=pay_per_day(wage),
        required=cents(low * paid_days(wage)),
        required_home_rest=home_rest,
        since=value.since,
        stale=value.provisional,
        paid=wage.amount,
        home_week=week,
    )


def verdict_of(case: MinimoCase, c: Comparison) -> Verdict:
    """A minimum only rises, so pay below last year's is short for sure; anything open is "probablemente"."""
    if c.below:
        return Verdict.NO
    if c.below_home_rest or cents(c.per_day) < cents(c.high) or case.work is Work.FARM or c.stale:
        return Verdict.LIKELY
    return Verdict.YES


def salario_minimo(case: MinimoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    c = compare(case, kb)
    verdict = verdict_of(case, c)
    reasons, amounts, not_checked, steps = explain(case, c, verdict)
    return Result(
        verdict=verdict,
        summary=headline(case, c, verdict),
        reasons=tuple(reasons),
        amounts=tuple(amounts),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=case.day,
        related_entry={
            Work.HOME: "hogar-salario-minimo",
            Work.FARM: "campo-salario-minimo",
            Work.OTHER: "salario-minimo",
        }[case.work],
        provisional_note=provisional_note(
            kb, case.day, (minimum_parameter(case.work, case.border is Border.YES),), Msg("la CONASAMI")
        ),
    )

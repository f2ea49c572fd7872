"""Properties that must hold for any input: never negative, monotonic, proportional parts within the year,
caps, and the dated parameters switching exactly on their dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo_days
from bot.rules.common import Period, Wage, Work, general_minimum, service
from bot.rules.finiquito import Ending, FiniquitoCase, breakdown, seniority_wage
from bot.rules.guarderia import Coverage, GuarderiaCase, guarderia
from bot.rules.maternidad import Insured, MaternidadCase, maternidad
from bot.rules.pension import weeks_required_97
from bot.rules.result import Verdict
from bot.rules.salario_minimo import Border, MinimoCase, minimum, pay_per_day, salario_minimo
from bot.rules.vacaciones import VacacionesCase, vacaciones, vacation_days

TODAY = dt.date(2026, 11, 22)
D = dt.date

pay = st.floats(min_value=1, max_value=100_000, allow_nan=False, allow_infinity=False)
periods = st.sampled_from(list(Period))
days_a_week = st.integers(min_value=1, max_value=7)
wages = st.builds(Wage, pay, periods, days_a_week)
days_2026 = st.dates(D(2026, 1, 1), D(2026, 12, 31))
starts = st.dates(D(2000, 1, 1), D(2026, 10, 31))
endings = st.sampled_from(list(Ending))
works = st.sampled_from(list(Work))
FAST = settings(max_examples=150, deadline=None)


def finiquito_total(kb: KnowledgeBase, case: FiniquitoCase) -> float:
    b = breakdown(case, kb)
    return b.finiquito + b.indemnity_months + b.indemnity_years + b.seniority


# ------------------------------------------------------------------ aguinaldo
@FAST
@given(wage=wages, first=days_2026)
def test_aguinaldo_is_never_negative_nor_above_the_full_year(
    kb: KnowledgeBase, wage: Wage, first: dt.date
) -> None:
    part = aguinaldo_days(AguinaldoCase(wage, 2026, first_day=first), kb)
    full = aguinaldo_days(AguinaldoCase(wage, 2026), kb)
    assert 0 <= part.wage_days <= full.wage_days == 15


@FAST
@given(a=days_2026, b=days_2026, wage=wages)
def test_aguinaldo_grows_with_time_worked(kb: KnowledgeBase, a: dt.date, b: dt.date, wage: Wage) -> None:
    early, late = sorted((a, b))
    assert (
        aguinaldo_days(AguinaldoCase(wage, 2026, first_day=early), kb).wage_days
        >= aguinaldo_days(AguinaldoCase(wage, 2026, first_day=late), kb).wage_days
    )


@FAST
@given(low=pay, high=pay, period=periods, days=days_a_week)
def test_daily_wage_grows_with_pay(low: float, high: float, period: Period, days: int) -> None:
    low, high = sorted((low, high))
    assert 0 <= Wage(low, period, days).daily() <= Wage(high, period, days).daily()


# ------------------------------------------------------------------ vacaciones
@FAST
@given(years=st.integers(0, 60))
def test_vacation_days_never_go_down_with_years(kb: KnowledgeBase, years: int) -> None:
    assert vacation_days(kb, TODAY, years).days <= vacation_days(kb, TODAY, years + 1).days


@FAST
@given(wage=wages, start=starts, length=st.integers(0, 40 * 366))
def test_proportional_vacations_never_exceed_the_full_year(
    kb: KnowledgeBase, wage: Wage, start: dt.date, length: int
) -> None:
    last = start + dt.timedelta(days=length)
    part = vacaciones(VacacionesCase(wage, start=start, last_day=last), kb, TODAY)
    full_days = vacation_days(kb, TODAY, service(start, last).years + 1).days
    pay, prima = (a.value for a in part.amounts)
    assert 0 <= pay <= round(full_days * wage.daily(), 2) + 0.01
    assert 0 <= prima <= pay


# ------------------------------------------------------------------ finiquito
@FAST
@given(work=works, ending=endings, wage=wages, start=starts, taken=st.none() | st.integers(0, 40))
def test_finiquito_amounts_are_never_negative_and_the_cap_holds(
    kb: KnowledgeBase, work: Work, ending: Ending, wage: Wage, start: dt.date, taken: int | None
) -> None:
    last = D(2026, 10, 31)
    b = breakdown(FiniquitoCase(work, ending, wage, start, last, taken), kb)
    values = [
        b.aguinaldo,
        b.vacation_pay,
        b.vacation_premium,
        b.indemnity_months,
        b.indemnity_years,
        b.seniority,
    ]
    assert all(v >= 0 for v in values)
    assert general_minimum(kb, last) <= b.seniority_wage <= 2 * general_minimum(kb, last)
    assert b.aguinaldo_days <= 15
    svc = service(start, last)
    assert (
        b.vacation_days
        <= vacation_days(kb, last, svc.years).days + vacation_days(kb, last, svc.years + 1).days
    )


@FAST
@given(work=works, ending=endings, low=pay, high=pay, period=periods, start=starts)
def test_finiquito_grows_with_the_wage(
    kb: KnowledgeBase, work: Work, ending: Ending, low: float, high: float, period: Period, start: dt.date
) -> None:
    low, high = sorted((low, high))
    last = D(2026, 10, 31)
    small = finiquito_total(kb, FiniquitoCase(work, ending, Wage(low, period), start, last, 0))
    big = finiquito_total(kb, FiniquitoCase(work, ending, Wage(high, period), start, last, 0))
    assert small <= big + 0.05  # cent rounding of each item


@FAST
@given(work=works, wage=wages, a=starts, b=starts)
def test_dismissal_pay_grows_with_time_worked(
    kb: KnowledgeBase, work: Work, wage: Wage, a: dt.date, b: dt.date
) -> None:
    early, late = sorted((a, b))
    last = D(2026, 10, 31)

    def indemnity(start: dt.date) -> float:
        got = breakdown(FiniquitoCase(work, Ending.DISMISSED, wage, start, last, None), kb)
        return got.indemnity_years + got.seniority

    assert indemnity(early) >= indemnity(late) - 0.02


@FAST
@given(
    daily=st.floats(min_value=0, max_value=50_000, allow_nan=False),
    day=st.dates(D(2025, 1, 1), D(2026, 12, 31)),
)
def test_seniority_wage_cap_follows_the_minimum_of_the_day(
    kb: KnowledgeBase, daily: float, day: dt.date
) -> None:
    minimum_of_day = 278.80 if day.year == 2025 else 315.04
    assert minimum_of_day <= seniority_wage(kb, day, daily) <= 2 * minimum_of_day


# ------------------------------------------------------------------ salario mínimo
@FAST
@given(day=st.dates(D(2025, 1, 1), D(2026, 12, 31)))
def test_minimums_switch_exactly_on_1_january(kb: KnowledgeBase, day: dt.date) -> None:
    is_2026 = day >= D(2026, 1, 1)
    assert minimum(kb, Work.HOME, False, day) == (342.47 if is_2026 else 303.07)
    assert minimum(kb, Work.OTHER, False, day) == (315.04 if is_2026 else 278.80)
    assert minimum(kb, Work.OTHER, True, day) == (440.87 if is_2026 else 419.88)


@FAST
@given(work=works, wage=wages, border=st.sampled_from([Border.YES, Border.NO]), day=days_2026)
def test_below_the_minimum_means_no(
    kb: KnowledgeBase, work: Work, wage: Wage, border: Border, day: dt.date
) -> None:
    verdict = salario_minimo(MinimoCase(work, wage, border, day), kb, day).verdict
    below = round(pay_per_day(wage), 2) < minimum(kb, work, border is Border.YES, day)
    assert (verdict is Verdict.NO) == below


@FAST
@given(work=works, low=pay, high=pay, period=periods, days=days_a_week, day=days_2026)
def test_more_pay_never_turns_yes_into_no(
    kb: KnowledgeBase, work: Work, low: float, high: float, period: Period, days: int, day: dt.date
) -> None:
    low, high = sorted((low, high))
    rank = {Verdict.NO: 0, Verdict.LIKELY: 1, Verdict.YES: 2}
    a = salario_minimo(MinimoCase(work, Wage(low, period, days), Border.UNKNOWN, day), kb, day).verdict
    b = salario_minimo(MinimoCase(work, Wage(high, period, days), Border.UNKNOWN, day), kb, day).verdict
    assert rank[a] <= rank[b]


# ------------------------------------------------------------------ IMSS benefits
@FAST
@given(year=st.integers(2021, 2040), day_of_year=st.integers(0, 364))
def test_pension_weeks_rise_25_each_1_january_until_1000(
    kb: KnowledgeBase, year: int, day_of_year: int
) -> None:
    day = D(year, 1, 1) + dt.timedelta(days=day_of_year)
    assert kb.number("semanas_pension_ley97", day) == min(1000, 750 + 25 * (day.year - 2021))
    assert weeks_required_97(kb, day.year) == min(1000, 750 + 25 * (day.year - 2021))


@FAST
@given(weeks=st.integers(0, 52))
def test_maternity_is_paid_by_the_imss_exactly_from_30_weeks(kb: KnowledgeBase, weeks: int) -> None:
    verdict = maternidad(MaternidadCase(Insured.YES, weeks), kb, TODAY).verdict
    assert (verdict is Verdict.YES) == (weeks >= 30)


@FAST
@given(age_days=st.integers(0, 6 * 366))
def test_day_care_from_43_days_to_4_years(kb: KnowledgeBase, age_days: int) -> None:
    birth = TODAY - dt.timedelta(days=age_days)
    verdict = guarderia(GuarderiaCase(Coverage.INSURED, birth), kb, TODAY).verdict
    fourth_birthday = D(birth.year + 4, birth.month, 28 if (birth.month, birth.day) == (2, 29) else birth.day)
    assert (verdict is Verdict.YES) == (age_days >= 43 and fourth_birthday > TODAY)

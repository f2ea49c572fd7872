"""What several checks share: the daily wage, years of service, date arithmetic and where to claim."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Msg, Reason


class Period(StrEnum):
    DAY = "diario"
    WEEK = "semanal"
    FORTNIGHT = "quincenal"
    MONTH = "mensual"


# LFT 89: a weekly wage is divided by 7 and a monthly one by 30 to get the daily wage; a fortnight
# is 15 days by the same rule.
PERIOD_DAYS = {Period.DAY: 1, Period.WEEK: 7, Period.FORTNIGHT: 15, Period.MONTH: 30}
PERIOD_NAMES = {
    Period.DAY: Msg("al día"),
    Period.WEEK: Msg("a la semana"),
    Period.FORTNIGHT: Msg("a la quincena"),
    Period.MONTH: Msg("al mes"),
}
FULL_WEEK = 6  # LFT 69: a paid rest day for every six days of work


class Border(StrEnum):
    """Whether the work is in the Zona Libre de la Frontera Norte, where minimums are higher."""

    YES = "si"
    NO = "no"
    UNKNOWN = "nose"


class Work(StrEnum):
    HOME = "hogar"
    FARM = "campo"
    OTHER = "otro"


@dataclass(frozen=True)
class Wage:
    """What the person is paid and how often; `days_per_week` matters only for a wage per day."""

    amount: float
    period: Period
    days_per_week: int = FULL_WEEK

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError("a wage cannot be negative")
        if not 1 <= self.days_per_week <= 7:
            raise ValueError("days per week must be 1 to 7")

    def daily(self) -> float:
        """The daily wage the law uses for benefits (aguinaldo, vacations, indemnities).

        Paid per day and working fewer than six days a week, the rest days are owed in proportion
        (LFT 72), so a calendar day is worth rate × days ÷ 6; with six or more days it is the rate.
        """
        if self.period is Period.DAY:
            return self.amount * min(self.days_per_week, FULL_WEEK) / FULL_WEEK
        return self.amount / PERIOD_DAYS[self.period]

    def part_time(self) -> bool:
        return self.period is Period.DAY and self.days_per_week < FULL_WEEK

    def reason(self) -> Reason:
        """How the daily wage was obtained, to show with the result."""
        if self.part_time():
            return Reason(
                Msg(
                    "Te pagan {money_rate} por día y trabajas {days} días a la semana. Tus días de descanso "
                    "se pagan en proporción, así que tu salario diario para prestaciones es {money_rate} × "
                    "{days} ÷ 6 = {money_daily}.",
                    {"money_rate": self.amount, "days": self.days_per_week, "money_daily": self.daily()},
                ),
                "LFT 72",
            )
        if self.period is Period.DAY:
            return Reason(
                Msg("Tu salario diario es {money_daily}.", {"money_daily": self.daily()}),
                "LFT 89",
            )
        return Reason(
            Msg(
                "Ganas {money_amount} {period}; para sacar el salario diario se divide entre {divisor}: "
                "{money_daily}.",
                {
                    "money_amount": self.amount,
                    "period": PERIOD_NAMES[self.period],
                    "divisor": PERIOD_DAYS[self.period],
                    "money_daily": self.daily(),
                },
            ),
            "LFT 89",
        )


def cents(value: float) -> float:
    """Amounts are shown and added in cents; never below zero."""
    return max(0.0, round(value + 1e-9, 2))


# ---------------------------------------------------------------------------------------- dates
def anniversary(start: dt.date, years: int) -> dt.date:
    """The date `years` after `start`; someone who started on 29 February has it on 28 February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


@dataclass(frozen=True)
class Service:
    """Time worked: completed years and the fraction of the year in progress (0 <= fraction < 1)."""

    years: int
    fraction: float
    since_anniversary: dt.date  # first day of the year of service in progress

    @property
    def total(self) -> float:
        return self.years + self.fraction


def service(start: dt.date, last_day: dt.date) -> Service:
    """From the first day worked to the last one, both included: 1-11-2024 to 31-10-2026 is 2 years."""
    if last_day < start:
        return Service(0, 0.0, start)
    end = last_day + dt.timedelta(days=1)
    years = end.year - start.year
    if anniversary(start, years) > end:
        years -= 1
    current = anniversary(start, years)
    following = anniversary(start, years + 1)
    fraction = (end - current).days / (following - current).days
    return Service(years, fraction, current)


def days_inclusive(first: dt.date, last: dt.date) -> int:
    return max(0, (last - first).days + 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, or the month's last day when it has no such day (31 → 30)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def claim_deadline_dismissal(last_day: dt.date) -> dt.date:
    """LFT 518: two months counted from the day after the separation."""
    return add_months(last_day + dt.timedelta(days=1), 2) - dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------- minimums
def minimum_parameter(work: Work, border: bool) -> str:
    """Domestic work has its own professional minimum; farm work is compared with the general one because
    its professional minimum for this year is not verified (see knowledge/parametros.yaml)."""
    if work is Work.HOME:
        return "salario_minimo_hogar_frontera" if border else "salario_minimo_hogar"
    return "salario_minimo_frontera" if border else "salario_minimo_general"


def general_minimum(kb: KnowledgeBase, day: dt.date, border: bool = False) -> float:
    return kb.number(general_minimum_parameter(border), day)


def general_minimum_parameter(border: bool) -> str:
    return "salario_minimo_frontera" if border else "salario_minimo_general"


# ---------------------------------------------------------------------------------------- stale figures
def provisional_note(
    kb: KnowledgeBase, day: dt.date, names: tuple[str, ...], ask: Msg | None = None
) -> Msg | None:
    """A caveat when a yearly figure used on `day` is last year's because the new one is not in
    parametros.yaml yet (KnowledgeBase.param marks it provisional); None when all are current."""
    stale = [value for value in (kb.param(name, day) for name in names) if value.provisional]
    if not stale:
        return None
    return Msg(
        "Cálculo provisional: las cifras de {new_year} aún no están confirmadas y usé las de {year}. "
        "El resultado puede cambiar; confírmalo con {ask}.",
        {
            "new_year": day.year,
            "year": min(value.year for value in stale),
            "ask": ask or Msg("la CONASAMI o la Procuraduría de la Defensa del Trabajo"),
        },
    )


# ---------------------------------------------------------------------------------------- where to go
def where_to_claim(work: Work) -> Msg:
    if work is Work.OTHER:
        return Msg(
            "Para reclamar, primero se pide una cita de conciliación, que es gratis. Según la actividad de "
            "tu patrón, es en el Centro de Conciliación de tu estado o en el federal; revísalo en "
            "www.conciliacionlaboral.org.mx. La Procuraduría de la Defensa del Trabajo te asesora gratis."
        )
    return Msg(
        "Para reclamar, ve a la Procuraduría de la Defensa del Trabajo de tu estado (asesoría gratis) o pide "
        "una cita en el Centro de Conciliación Laboral de tu estado: www.conciliacionlaboral.org.mx"
    )

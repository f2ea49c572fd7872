"""Vacations by years of service (LFT 76, rule in force since 1-01-2023), the premium (LFT 80), the
proportional part of part-time workers (LFT 77) and of the year in progress when the job ends (LFT 79).

The arithmetic lives in small pure functions; `vacaciones` only builds the explanation from their results.
Every legal number (12 days, 2 more a year up to 20, 2 more every 5 years, 25 %, 6 months) is a parameter
of knowledge/parametros.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import FULL_WEEK, Wage, anniversary, cents, service
from bot.rules.result import Amount, Msg, Reason, Result, Verdict


@dataclass(frozen=True)
class Entitlement:
    days: int


def vacation_days(kb: KnowledgeBase, day: dt.date, years: int) -> Entitlement:
    """Working days of paid vacation earned on completing year `years` of service; 0 before the first.

    LFT 76: 12 days, 2 more each year up to 20 (year 5), then 2 more for every 5 years: 6-10 give 22,
    36-40 give 34. Computed from the rule, so it has no last row.
    """
    if years < 1:
        return Entitlement(0)
    first = int(kb.number("vacaciones_dias_primer_anio", day))
    step = int(kb.number("vacaciones_aumento_dias", day))
    yearly_cap = int(kb.number("vacaciones_tope_aumento_anual", day))
    every = int(kb.number("vacaciones_aumento_cada_anios", day))
    years_to_cap = (yearly_cap - first) // step + 1  # 5: the year the yearly increase stops
    if years <= years_to_cap:
        return Entitlement(first + step * (years - 1))
    periods = (years - years_to_cap - 1) // every + 1  # years 6-10 are the first period of 5
    return Entitlement(yearly_cap + step * periods)


def own_working_days(days: float, wage: Wage) -> float:
    """LFT 76 counts working days of a 6-day week; working fewer days, the same rest is that many of
    hers (LFT 77): 12 days at 3 days a week are 6 of her working days, two weeks of rest."""
    if not wage.part_time():
        return days
    return days * wage.days_per_week / FULL_WEEK


def vacation_pay(kb: KnowledgeBase, day: dt.date, wage: Wage, days: float) -> tuple[float, float]:
    """Pay of `days` vacation days (of a 6-day week) and its premium."""
    pay = cents(days * wage.daily())
    return pay, cents(pay * kb.number("prima_vacacional", day))


@dataclass(frozen=True)
class YearPart:
    """Where a job that ended stands: completed years and the days of the year in progress."""

    years: int
    counted: int  # days worked in the year in progress (first and last included)
    year_length: int  # 365 or 366
    since: dt.date  # first day of the year in progress

    @property
    def fraction(self) -> float:
        return self.counted / self.year_length


def year_part(start: dt.date, last_day: dt.date) -> YearPart:
    """LFT 79 pays in proportion to the time served: days, as the finiquito counts them."""
    svc = service(start, last_day)
    following = anniversary(start, svc.years + 1)
    counted = max(0, (last_day + dt.timedelta(days=1) - svc.since_anniversary).days)
    return YearPart(svc.years, counted, (following - svc.since_anniversary).days, svc.since_anniversary)


@dataclass(frozen=True)
class VacacionesCase:
    wage: Wage
    years: int = 0  # completed years of service, while still working
    start: dt.date | None = None  # when the job ended: its first and last day
    last_day: dt.date | None = None

    @property
    def left(self) -> bool:
        return self.last_day is not None


def _what(days: float, wage: Wage) -> Msg:
    """The vacation as she will read it: days, or for a part-time worker weeks and her own working days
    (audit #24: "12 días" reads as 12 of her working days)."""
    if not wage.part_time():
        return Msg("{days} días de vacaciones", {"days": float(days)})
    own = own_working_days(days, wage)
    if days % FULL_WEEK == 0:
        return Msg(
            "{weeks} semanas de vacaciones ({own} de tus días de trabajo)",
            {"weeks": days // FULL_WEEK, "own": own},
        )
    return Msg("{own} días de vacaciones (de tus días de trabajo)", {"own": own})


def _proportional_label(days: float, wage: Wage) -> Msg:
    if wage.part_time():
        return Msg(
            "Vacaciones proporcionales ({own} de tus días de trabajo)", {"own": own_working_days(days, wage)}
        )
    return Msg("Vacaciones proporcionales ({days} días)", {"days": days})


def _part_time_reason(days: int, wage: Wage) -> Reason:
    return Reason(
        Msg(
            "La ley da {days} días laborables contando semanas de {full_week} días. Tú trabajas {per_week} "
            "días a la semana, así que te tocan en proporción: {days} × {per_week} ÷ {full_week} = {own} de "
            "tus días de trabajo, pagados.",
            {
                "days": days,
                "per_week": wage.days_per_week,
                "full_week": FULL_WEEK,
                "own": own_working_days(days, wage),
            },
        ),
        "LFT 77",
    )


def vacaciones(case: VacacionesCase, kb: KnowledgeBase, today: dt.date) -> Result:
    premium = kb.number("prima_vacacional", today)
    premium_reason = Reason(
        Msg(
            "Además de tu salario de esos días, te toca una prima vacacional de al menos el {percent} %.",
            {"percent": round(premium * 100)},
        ),
        "LFT 80",
    )
    not_checked = [Msg("Si tu contrato da más días o más prima, te toca lo del contrato.")]
    if case.left and case.start is not None and case.last_day is not None:
        return _on_leaving(case, case.start, case.last_day, kb, today, premium_reason, not_checked)

    earned = vacation_days(kb, today, case.years)
    upcoming = vacation_days(kb, today, case.years + 1)
    shown = earned.days if case.years >= 1 else upcoming.days
    extra = [_part_time_reason(shown, case.wage)] if case.wage.part_time() else []
    if case.years < 1:
        pay, prima = vacation_pay(kb, today, case.wage, upcoming.days)
        return Result(
            verdict=Verdict.NO,
            summary=Msg(
                "Todavía no: las vacaciones se ganan al cumplir un año de trabajo. Al cumplirlo te tocarán "
                "{what}, con tu salario, más la prima vacacional.",
                {"what": _what(upcoming.days, case.wage)},
            ),
            reasons=(
                Reason(
                    Msg(
                        "Al cumplir 1 año de trabajo, la ley da {days} días laborables de vacaciones "
                        "pagadas.",
                        {"days": upcoming.days},
                    ),
                    "LFT 76",
                ),
                *extra,
                premium_reason,
                Reason(Msg("Si dejas el trabajo antes del año, te pagan la parte proporcional."), "LFT 79"),
                case.wage.reason(),
            ),
            amounts=(
                Amount(
                    Msg("Al cumplir 1 año: pago de {what}", {"what": _what(upcoming.days, case.wage)}), pay
                ),
                Amount(Msg("Al cumplir 1 año: prima vacacional"), prima),
            ),
            not_checked=tuple(not_checked),
            as_of=today,
            related_entry="vacaciones",
        )

    pay, prima = vacation_pay(kb, today, case.wage, earned.days)
    return Result(
        verdict=Verdict.AMOUNT,
        summary=Msg(
            "Por tu año {years} de trabajo te tocan {what}, con tu salario, más {money_prima} de prima "
            "vacacional.",
            {"years": case.years, "what": _what(earned.days, case.wage), "money_prima": prima},
        ),
        reasons=(
            Reason(
                Msg(
                    "Por tu año {years} de trabajo, la ley da {days} días laborables de vacaciones pagadas "
                    "(regla vigente desde el {date_since}).",
                    {
                        "years": case.years,
                        "days": earned.days,
                        "date_since": kb.param("vacaciones_dias_primer_anio", today).since,
                    },
                ),
                "LFT 76",
            ),
            *extra,
            premium_reason,
            Reason(
                Msg(
                    "Te las deben dar dentro de los {months} meses después de cumplir el año.",
                    {"months": int(kb.number("vacaciones_meses_para_darlas", today))},
                ),
                "LFT 81",
            ),
            Reason(
                Msg(
                    "Las vacaciones se descansan: no se pueden cambiar por dinero mientras sigas trabajando."
                ),
                "LFT 79",
            ),
            case.wage.reason(),
        ),
        amounts=(
            Amount(Msg("Salario de {what}", {"what": _what(earned.days, case.wage)}), pay),
            Amount(Msg("Prima vacacional"), prima),
        ),
        not_checked=tuple(not_checked),
        next_steps=(
            Msg(
                "Al cumplir {next_years} años te tocarán {what}.",
                {"next_years": case.years + 1, "what": _what(upcoming.days, case.wage)},
            ),
        ),
        as_of=today,
        related_entry="vacaciones",
    )


def _on_leaving(
    case: VacacionesCase,
    start: dt.date,
    last_day: dt.date,
    kb: KnowledgeBase,
    today: dt.date,
    premium_reason: Reason,
    not_checked: list[Msg],
) -> Result:
    part = year_part(start, last_day)
    full = vacation_days(kb, today, part.years + 1).days
    days = full * part.fraction
    pay, prima = vacation_pay(kb, today, case.wage, days)
    reasons = [
        Reason(
            Msg(
                "Si el trabajo termina antes de cumplir el año, te pagan la parte proporcional de las "
                "vacaciones. En tu año {year} te iban a tocar {full} días; trabajaste {counted} de sus "
                "{length} días (del {date_since} al {date_last}): {full} × {counted} ÷ {length} = {days} "
                "días.",
                {
                    "year": part.years + 1,
                    "full": full,
                    "counted": part.counted,
                    "length": part.year_length,
                    "date_since": part.since,
                    "date_last": last_day,
                    "days": days,
                },
            ),
            "LFT 79",
        ),
        premium_reason,
        case.wage.reason(),
    ]
    if case.wage.part_time():
        reasons.insert(1, _part_time_reason(full, case.wage))
    steps = [Msg("Te las deben pagar en tu finiquito. Para calcular todo tu finiquito usa /calcular.")]
    if part.years >= 1:
        earned = vacation_days(kb, today, part.years).days
        extra_pay, extra_prima = vacation_pay(kb, today, case.wage, earned)
        steps.insert(
            0,
            Msg(
                "Si no tomaste las vacaciones de tu año {years} ({what}), también te las deben: {money_pay} "
                "más {money_prima} de prima.",
                {
                    "years": part.years,
                    "what": _what(earned, case.wage),
                    "money_pay": extra_pay,
                    "money_prima": extra_prima,
                },
            ),
        )
    return Result(
        verdict=Verdict.AMOUNT,
        summary=Msg(
            "Por las vacaciones que no alcanzaste a tomar te deben al menos {money_total}.",
            {"money_total": cents(pay + prima)},
        ),
        reasons=tuple(reasons),
        amounts=(
            Amount(_proportional_label(days, case.wage), pay),
            Amount(Msg("Prima vacacional"), prima),
        ),
        not_checked=(*not_checked, Msg("Las vacaciones de años anteriores que no tomaste no están sumadas.")),
        next_steps=tuple(steps),
        as_of=today,
        related_entry="vacaciones",
    )

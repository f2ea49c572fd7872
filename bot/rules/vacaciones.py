"""Vacations by years of service (LFT 76, table in force since 1-01-2023), the 25 % premium (LFT 80) and
the proportional part when the job ends before the year is complete (LFT 79)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Wage, cents
from bot.rules.result import Amount, Msg, Reason, Result, Verdict


@dataclass(frozen=True)
class Entitlement:
    days: int
    beyond_table: bool = False  # more years than the table lists: its last row is used


def vacation_days(kb: KnowledgeBase, day: dt.date, years: int) -> Entitlement:
    """Days of paid vacation earned on completing year `years` of service; 0 before the first year."""
    if years < 1:
        return Entitlement(0)
    rows = kb.param("tabla_vacaciones", day).value
    if not isinstance(rows, list):
        raise TypeError("tabla_vacaciones no es una tabla")
    table = [(int(r[0]), int(r[1]), int(r[2])) for r in rows]
    for first, last, days in table:
        if first <= years <= last:
            return Entitlement(days)
    return Entitlement(max(table)[2], beyond_table=True)


@dataclass(frozen=True)
class VacacionesCase:
    wage: Wage
    years: int  # completed years of service
    left: bool = False  # the job ended
    months: int = 0  # when it ended: complete months worked after the last anniversary (0-11)


def vacation_pay(kb: KnowledgeBase, day: dt.date, wage: Wage, days: float) -> tuple[float, float]:
    """Pay of `days` vacation days and its premium."""
    pay = cents(days * wage.daily())
    return pay, cents(pay * kb.number("prima_vacacional", day))


def vacaciones(case: VacacionesCase, kb: KnowledgeBase, today: dt.date) -> Result:
    premium = kb.number("prima_vacacional", today)
    table_since = kb.param("tabla_vacaciones", today).since
    earned = vacation_days(kb, today, case.years)
    upcoming = vacation_days(kb, today, case.years + 1)
    premium_reason = Reason(
        Msg(
            "Además de tu salario de esos días, te toca una prima vacacional de al menos el {percent} %.",
            {"percent": round(premium * 100)},
        ),
        "LFT 80",
    )
    table_reason = Reason(
        Msg(
            "Con {years} años cumplidos te tocan {days} días de vacaciones pagadas (tabla vigente desde el "
            "{date_since}).",
            {"years": case.years, "days": earned.days, "date_since": table_since},
        ),
        "LFT 76",
    )
    not_checked = [Msg("Si tu contrato da más días o más prima, te toca lo del contrato.")]
    if earned.beyond_table or upcoming.beyond_table:
        not_checked.append(
            Msg(
                "Llevas más años de los que cubre la tabla; usé su último renglón. Pregunta cuántos te tocan."
            )
        )

    if case.left:
        fraction = min(max(case.months, 0), 11) / 12
        days = upcoming.days * fraction
        pay, prima = vacation_pay(kb, today, case.wage, days)
        reasons = [
            Reason(
                Msg(
                    "Si el trabajo termina antes de cumplir el año, te pagan la parte proporcional de las "
                    "vacaciones: en tu año {year} te iban a tocar {full} días; por {months} de 12 meses son "
                    "{days} días.",
                    {"year": case.years + 1, "full": upcoming.days, "months": case.months, "days": days},
                ),
                "LFT 79",
            ),
            premium_reason,
            case.wage.reason(),
        ]
        steps = [Msg("Te las deben pagar en tu finiquito. Para calcular todo tu finiquito usa /calcular.")]
        if case.years >= 1:
            extra_pay, extra_prima = vacation_pay(kb, today, case.wage, earned.days)
            steps.insert(
                0,
                Msg(
                    "Si no tomaste las vacaciones de tu año {years} ({days} días), también te las deben: "
                    "{money_pay} más {money_prima} de prima.",
                    {
                        "years": case.years,
                        "days": earned.days,
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
                Amount(Msg("Vacaciones proporcionales ({days} días)", {"days": days}), pay),
                Amount(Msg("Prima vacacional"), prima),
            ),
            not_checked=(
                *not_checked,
                Msg("Las vacaciones de años anteriores que no tomaste no están sumadas."),
            ),
            next_steps=tuple(steps),
            as_of=today,
            related_entry="vacaciones",
        )

    if case.years < 1:
        pay, prima = vacation_pay(kb, today, case.wage, upcoming.days)
        return Result(
            verdict=Verdict.NO,
            summary=Msg(
                "Todavía no: las vacaciones se ganan al cumplir un año de trabajo. Al cumplirlo te tocarán "
                "{days} días pagados, más la prima vacacional.",
                {"days": upcoming.days},
            ),
            reasons=(
                Reason(
                    Msg(
                        "Al cumplir 1 año de trabajo te tocan {days} días de vacaciones pagadas.",
                        {"days": upcoming.days},
                    ),
                    "LFT 76",
                ),
                premium_reason,
                Reason(
                    Msg("Si dejas el trabajo antes del año, te pagan la parte proporcional."),
                    "LFT 79",
                ),
                case.wage.reason(),
            ),
            amounts=(
                Amount(Msg("Al cumplir 1 año: pago de {days} días", {"days": upcoming.days}), pay),
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
            "Por tu año {years} de trabajo te tocan {days} días de vacaciones pagadas, más {money_prima} de "
            "prima vacacional.",
            {"years": case.years, "days": earned.days, "money_prima": prima},
        ),
        reasons=(
            table_reason,
            premium_reason,
            Reason(
                Msg("Te las deben dar dentro de los 6 meses después de cumplir el año."),
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
            Amount(Msg("Salario de {days} días de vacaciones", {"days": earned.days}), pay),
            Amount(Msg("Prima vacacional"), prima),
        ),
        not_checked=tuple(not_checked),
        next_steps=(
            Msg(
                "Al cumplir {next_years} años te tocarán {days} días.",
                {"next_years": case.years + 1, "days": upcoming.days},
            ),
        ),
        as_of=today,
        related_entry="vacaciones",
    )

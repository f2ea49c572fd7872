"""Finiquito (what is owed whenever a job ends) and, for a dismissal, the indemnity and seniority premium.

Law: aguinaldo LFT 87; vacations LFT 76, 79, 80; indemnity LFT 48, 49, 50 (domestic work: 49 fr. IV, 341,
343); seniority premium LFT 162 with the wage between the minimum and twice the minimum (LFT 485, 486);
deadlines LFT 516 (one year) and 518 (two months after a dismissal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo_days
from bot.rules.common import (
    Service,
    Wage,
    Work,
    cents,
    claim_deadline_dismissal,
    general_minimum,
    service,
    where_to_claim,
)
from bot.rules.result import Amount, Msg, Reason, Result, Verdict
from bot.rules.vacaciones import vacation_days

MONTH_DAYS = 30  # LFT 89: a month of wage is 30 daily wages
INDEMNITY_MONTHS = 3  # LFT 48 and 50 fr. III
SENIORITY_RESIGNATION_YEARS = 15  # LFT 162 fr. III
SENIORITY_CAP_TIMES = 2  # LFT 486


class Ending(StrEnum):
    RESIGNED = "renuncia"
    DISMISSED = "despido"
    TERM_END = "temporada"  # end of the season, the work or the fixed term


@dataclass(frozen=True)
class FiniquitoCase:
    work: Work
    ending: Ending
    wage: Wage
    start: dt.date
    last_day: dt.date
    # Days taken of the vacation earned on the last anniversary; None: all of it was taken.
    vacation_taken: int | None = None
    aguinaldo_paid: bool = False


@dataclass(frozen=True)
class Breakdown:
    service: Service
    aguinaldo_days: float
    vacation_days: float  # proportional part plus what was pending of the last completed year
    vacation_pay: float
    vacation_premium: float
    aguinaldo: float
    indemnity_months: float  # 3 months of wage (certain for domestic work, if unjustified otherwise)
    indemnity_years: float  # 20 days a year (always for domestic work, only in some cases otherwise)
    seniority: float
    seniority_wage: float

    @property
    def finiquito(self) -> float:
        return cents(self.aguinaldo + self.vacation_pay + self.vacation_premium)


def seniority_wage(kb: KnowledgeBase, day: dt.date, daily: float, border: bool = False) -> float:
    """LFT 485 and 486: not below the minimum, not above twice the general minimum of the area."""
    minimum = general_minimum(kb, day, border)
    return min(max(daily, minimum), SENIORITY_CAP_TIMES * minimum)


def seniority_owed(case: FiniquitoCase, years: int) -> bool:
    if case.ending is Ending.DISMISSED:
        return True  # LFT 162 fr. III: whether the dismissal was justified or not
    return case.ending is Ending.RESIGNED and years >= SENIORITY_RESIGNATION_YEARS


def breakdown(case: FiniquitoCase, kb: KnowledgeBase) -> Breakdown:
    day = case.last_day
    svc = service(case.start, case.last_day)
    daily = case.wage.daily()

    agui_days = 0.0
    if not case.aguinaldo_paid:
        agui = AguinaldoCase(case.wage, case.last_day.year, first_day=case.start, last_day=case.last_day)
        agui_days = aguinaldo_days(agui, kb).wage_days

    proportional = vacation_days(kb, day, svc.years + 1).days * svc.fraction
    pending = 0.0
    if svc.years >= 1 and case.vacation_taken is not None:
        pending = max(0.0, vacation_days(kb, day, svc.years).days - max(case.vacation_taken, 0))
    vacation = proportional + pending
    vacation_pay = cents(vacation * daily)
    premium = cents(vacation_pay * kb.number("prima_vacacional", day))

    months = years = 0.0
    if case.ending is Ending.DISMISSED:
        months = cents(INDEMNITY_MONTHS * MONTH_DAYS * daily)
        years = cents(kb.number("indemnizacion_dias_por_anio", day) * svc.total * daily)
    base = seniority_wage(kb, day, daily)
    seniority = 0.0
    if seniority_owed(case, svc.years):
        seniority = cents(kb.number("prima_antiguedad_dias", day) * svc.total * base)
    return Breakdown(
        service=svc,
        aguinaldo_days=agui_days,
        vacation_days=vacation,
        vacation_pay=vacation_pay,
        vacation_premium=premium,
        aguinaldo=cents(agui_days * daily),
        indemnity_months=months,
        indemnity_years=years,
        seniority=seniority,
        seniority_wage=base,
    )


def finiquito(case: FiniquitoCase, kb: KnowledgeBase, today: dt.date) -> Result:
    b = breakdown(case, kb)
    day = case.last_day
    svc = b.service
    dismissed = case.ending is Ending.DISMISSED
    home = case.work is Work.HOME
    cap = SENIORITY_CAP_TIMES * general_minimum(kb, day)
    year_days = kb.number("indemnizacion_dias_por_anio", day)
    seniority_days = kb.number("prima_antiguedad_dias", day)

    reasons: list[Reason] = [case.wage.reason()]
    if case.aguinaldo_paid:
        reasons.append(
            Reason(Msg("Dijiste que ya te pagaron el aguinaldo de {year}.", {"year": day.year}), "LFT 87")
        )
    else:
        reasons.append(
            Reason(
                Msg(
                    "Aguinaldo: te toca la parte de {year} que trabajaste, {wage_days} días de salario (15 × "
                    "días trabajados ÷ 365).",
                    {"year": day.year, "wage_days": b.aguinaldo_days},
                ),
                "LFT 87",
            )
        )
    reasons.append(
        Reason(
            Msg(
                "Vacaciones: trabajaste {years} años completos y {percent} % del siguiente; del año que no "
                "completaste te toca la parte proporcional.",
                {"years": svc.years, "percent": round(svc.fraction * 100)},
            ),
            "LFT 79",
        )
    )
    if svc.years >= 1 and case.vacation_taken is not None:
        earned = vacation_days(kb, day, svc.years).days
        reasons.append(
            Reason(
                Msg(
                    "De tu año {years} te tocaban {earned} días de vacaciones y dijiste que tomaste {taken}.",
                    {"years": svc.years, "earned": earned, "taken": case.vacation_taken},
                ),
                "LFT 76",
            )
        )
    reasons.append(
        Reason(Msg("Sobre las vacaciones se paga una prima de al menos el 25 %."), "LFT 80"),
    )

    amounts = [
        Amount(Msg("Aguinaldo proporcional ({days} días)", {"days": b.aguinaldo_days}), b.aguinaldo),
        Amount(Msg("Vacaciones ({days} días)", {"days": b.vacation_days}), b.vacation_pay),
        Amount(Msg("Prima vacacional"), b.vacation_premium),
    ]
    not_checked = [
        Msg("Días trabajados que no te hayan pagado, horas extra, y descansos o festivos trabajados."),
        Msg("Vacaciones de años anteriores que no tomaste."),
    ]
    steps: list[Msg] = []

    if dismissed:
        deadline = claim_deadline_dismissal(day)
        if home:
            reasons += [
                Reason(
                    Msg(
                        "En el trabajo del hogar, quien te emplea puede terminar el trabajo, pero pagando la "
                        "indemnización completa."
                    ),
                    "LFT 343",
                ),
                Reason(
                    Msg("No está obligada a reinstalarte si te paga esa indemnización."),
                    "LFT 49 fr. IV",
                ),
                Reason(
                    Msg(
                        "La indemnización es de 3 meses de salario más {days} días por cada año trabajado "
                        "({years} años).",
                        {"days": year_days, "years": svc.total},
                    ),
                    "LFT 50",
                ),
            ]
            amounts += [
                Amount(Msg("Indemnización: 3 meses de salario"), b.indemnity_months),
                Amount(
                    Msg("Indemnización: {days} días por año", {"days": year_days}),
                    b.indemnity_years,
                ),
            ]
        else:
            reasons += [
                Reason(
                    Msg(
                        "Si el despido fue injustificado, puedes pedir que te reinstalen o que te indemnicen "
                        "con 3 meses de salario."
                    ),
                    "LFT 48",
                ),
                Reason(
                    Msg(
                        (
                            "Los {days} días por año trabajado ({money_years}) solo se suman en algunos "
                            "casos: si el patrón se niega a reinstalarte en los casos que permite la ley, o "
                            "si tú dejaste el trabajo por culpa del patrón."
                        ),
                        {"days": year_days, "money_years": b.indemnity_years},
                    ),
                    "LFT 50",
                ),
            ]
            amounts.append(
                Amount(
                    Msg("Indemnización: 3 meses de salario (si el despido fue injustificado)"),
                    b.indemnity_months,
                )
            )
            not_checked.append(Msg("La prima de antigüedad es para quien era de planta (trabajo fijo)."))
        not_checked += [
            Msg(
                "Si tu patrón dice que te despidió por una causa justificada, eso lo decide el Centro de "
                "Conciliación o el tribunal; aquí supuse que no la hubo."
            ),
            Msg("Los salarios vencidos (hasta 12 meses) si el asunto llega a juicio."),
            Msg(
                "La indemnización se calcula con el salario integrado (con la parte de tus prestaciones); "
                "usé tu salario diario, así que puede ser más."
            ),
            Msg("Si tenías un contrato por tiempo determinado, la indemnización se calcula distinto."),
        ]
        reasons.append(
            Reason(
                Msg(
                    "Tienes 2 meses desde el día siguiente al despido para reclamarlo: hasta el "
                    "{date_deadline}. Pedir la cita de conciliación detiene el plazo.",
                    {"date_deadline": deadline},
                ),
                "LFT 518",
            )
        )
        if today > deadline:
            steps.append(
                Msg(
                    "Ojo: el plazo de 2 meses para reclamar el despido parece vencido. Aun así, pregunta en "
                    "la Procuraduría de la Defensa del Trabajo: el finiquito se puede reclamar hasta 1 año."
                )
            )
        else:
            steps.append(
                Msg(
                    "No dejes pasar el plazo: ve cuanto antes, a más tardar el {date_deadline}.",
                    {"date_deadline": deadline},
                )
            )
    if home:
        not_checked.append(
            Msg(
                "Si te daban comida o cuarto, la ley los cuenta como parte del salario; eso puede subir el "
                "monto."
            )
        )

    if seniority_owed(case, svc.years):
        reasons.append(
            Reason(
                Msg(
                    "Prima de antigüedad: {days} días de salario por cada año trabajado ({years} años). Para "
                    "calcularla, el salario no baja del mínimo ni pasa del doble del mínimo general "
                    "({money_cap}); usé {money_base}.",
                    {
                        "days": seniority_days,
                        "years": svc.total,
                        "money_cap": cap,
                        "money_base": b.seniority_wage,
                    },
                ),
                "LFT 162",
            )
        )
        amounts.append(Amount(Msg("Prima de antigüedad"), b.seniority))
        if case.wage.daily() > cap:
            border_cap = SENIORITY_CAP_TIMES * general_minimum(kb, day, border=True)
            not_checked.append(
                Msg(
                    "Si trabajabas en la Zona Libre de la Frontera Norte, el tope es {money_cap} y la prima "
                    "sube.",
                    {"money_cap": border_cap},
                )
            )
    elif case.ending is Ending.RESIGNED:
        reasons.append(
            Reason(
                Msg(
                    "Si renuncias, la prima de antigüedad solo se paga con {years} años o más de trabajo.",
                    {"years": SENIORITY_RESIGNATION_YEARS},
                ),
                "LFT 162 fr. III",
            )
        )

    reasons.append(
        Reason(Msg("El aguinaldo y las vacaciones se pueden reclamar dentro de 1 año."), "LFT 516")
    )
    total = cents(sum(a.value for a in amounts))
    amounts.append(Amount(Msg("Total"), total))
    steps.append(where_to_claim(case.work))
    steps.append(Msg("Antes de firmar un finiquito o una renuncia, revisa que estén todas las cantidades."))

    if dismissed and home:
        summary = Msg(
            "Te deben al menos {money_total}: tu finiquito más la indemnización por despido.",
            {"money_total": total},
        )
    elif dismissed:
        summary = Msg(
            "Te deben al menos {money_finiquito} de finiquito. Si el despido fue injustificado, se suma la "
            "indemnización: en total, al menos {money_total}.",
            {"money_finiquito": b.finiquito, "money_total": total},
        )
    else:
        summary = Msg("Tu finiquito es de al menos {money_total}.", {"money_total": total})

    return Result(
        verdict=Verdict.LIKELY if dismissed and not home else Verdict.AMOUNT,
        summary=summary,
        reasons=tuple(reasons),
        amounts=tuple(amounts),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=today,
        related_entry=("hogar-despido" if home else "despido-injustificado")
        if dismissed
        else "finiquito-vs-liquidacion",
    )

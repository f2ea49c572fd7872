"""Maternity leave pay: the IMSS pays 100 % of the registered daily wage for 84 days to an insured worker
with at least 30 weekly contributions in the 12 months before (LSS 101, 102); otherwise the employer pays
the full wage (LSS 103, LFT 170 fr. V). A wage per day of someone working fewer than six days a week is
first turned into a calendar-day wage (LFT 72, `Wage.daily`), as for every other benefit.

The legal numbers (84 days, 30 weeks, 4 transferable weeks) are parameters of knowledge/parametros.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Wage, cents
from bot.rules.result import Amount, Msg, Reason, Result, Verdict

WEEK = 7


class Insured(StrEnum):
    YES = "si"
    NO = "no"
    UNKNOWN = "nose"


@dataclass(frozen=True)
class MaternidadCase:
    insured: Insured
    weeks: int | None = None  # weekly contributions in the 12 months before the leave
    wage: Wage | None = None  # None: not given, no amount is shown


def imss_pays(insured: Insured, weeks: int | None, required: int) -> bool:
    """LSS 102 fr. I: enough weekly contributions; LSS 103: otherwise the employer pays."""
    return insured is not Insured.NO and (weeks or 0) >= required


def leave_pay(days: int, wage: Wage | None, share: float = 1.0) -> float | None:
    """The leave's pay: `days` calendar days of the daily wage: whole from the employer (salario íntegro,
    LFT 170 fr. V), or the IMSS's share of it (LSS 101)."""
    return cents(days * wage.daily() * share) if wage is not None else None


def maternidad(case: MaternidadCase, kb: KnowledgeBase, today: dt.date) -> Result:
    days = int(kb.number("maternidad_dias", today))
    required = int(kb.number("maternidad_semanas_cotizadas", today))
    months = int(kb.number("maternidad_meses_cotizacion", today))
    share = kb.number("maternidad_subsidio_proporcion", today)
    half = {"weeks": days // 2 // WEEK, "days": days, "half": days // 2, "percent": round(share * 100)}
    weeks = case.weeks or 0
    counted = {"weeks": weeks, "required": required, "months": months}
    paid_by_imss = imss_pays(case.insured, case.weeks, required)
    amount = leave_pay(days, case.wage, share if paid_by_imss else 1.0)
    leave = Reason(
        Msg(
            "Tienes derecho a {weeks} semanas de descanso antes del parto y {weeks} después, con tu salario "
            "completo.",
            half,
        ),
        "LFT 170 fr. II",
    )
    not_checked = [
        Msg("Que el IMSS haya certificado tu embarazo y la fecha probable del parto."),
        Msg("Que no trabajes con pago durante la incapacidad."),
    ]
    employer_label = Msg("Tu salario de {days} días (lo paga tu patrona o patrón)", half)

    if case.insured is Insured.NO:
        verdict = Verdict.NO
        summary = Msg(
            "El IMSS no te paga la incapacidad porque no estás inscrita. Tu patrona o patrón debe pagarte tu "
            "salario completo durante las {total_weeks} semanas, y debió inscribirte en el IMSS.",
            {"total_weeks": days // WEEK},
        )
        reasons = [
            leave,
            Reason(Msg("Durante esas semanas recibes tu salario íntegro."), "LFT 170 fr. V"),
            Reason(Msg("Quien te emplea debe inscribirte en el IMSS."), "LSS 15 fr. I"),
        ]
        label = employer_label
        steps = [
            Msg(
                "Si no te inscribieron, puedes denunciarlo en http://www.imss.gob.mx/denuncia o llamar a "
                "Tel-IMSS 800 623 2323."
            )
        ]
    elif paid_by_imss:
        verdict = Verdict.YES if case.insured is Insured.YES else Verdict.LIKELY
        summary = Msg(
            "El IMSS te paga el {percent} % de tu salario registrado durante {days} días: {half} antes y "
            "{half} después del parto.",
            half,
        )
        reasons = [
            Reason(
                Msg(
                    "Tienes {weeks} semanas cotizadas en los {months} meses antes de la incapacidad; se "
                    "piden al menos {required}.",
                    counted,
                ),
                "LSS 102 fr. I",
            ),
            Reason(
                Msg(
                    "El subsidio es del {percent} % de tu último salario diario registrado en el IMSS, por "
                    "{days} días.",
                    half,
                ),
                "LSS 101",
            ),
            Reason(
                Msg("Puedes pedir un solo certificado de incapacidad por los {days} días.", half), "LSS 101"
            ),
            Reason(
                Msg(
                    "Con permiso del médico, puedes pasar hasta {transfer} de las semanas de antes para "
                    "después del parto; el médico lo decide tomando en cuenta tu trabajo.",
                    {"transfer": int(kb.number("maternidad_semanas_transferibles", today))},
                ),
                "LSS 102 Bis",
            ),
        ]
        label = Msg("Subsidio del IMSS por {days} días (aproximado)", half)
        steps = [Msg("Pide tu incapacidad por maternidad en el IMSS. Dudas: Tel-IMSS 800 623 2323.")]
        if case.insured is Insured.UNKNOWN:
            not_checked.insert(0, Msg("Que de verdad estés inscrita: pregúntalo en Tel-IMSS 800 623 2323."))
        not_checked.append(
            Msg(
                "El IMSS paga con el salario con el que te registraron; si te registraron con menos de lo "
                "que ganas, recibes menos y puedes denunciarlo en http://www.imss.gob.mx/denuncia."
            )
        )
    else:
        verdict = Verdict.NO
        summary = Msg(
            "El IMSS no te paga la incapacidad: te faltan semanas cotizadas. Entonces tu patrona o patrón "
            "debe pagarte tu salario completo."
        )
        reasons = [
            Reason(
                Msg(
                    "Tienes {weeks} semanas cotizadas en los {months} meses antes de la incapacidad; el IMSS "
                    "pide al menos {required}.",
                    counted,
                ),
                "LSS 102 fr. I",
            ),
            Reason(
                Msg("Si no tienes esas semanas, el pago de tu salario completo queda a cargo de tu patrón."),
                "LSS 103",
            ),
            leave,
        ]
        label = employer_label
        steps = [Msg("Si tienes dudas sobre tus semanas, pregunta en Tel-IMSS 800 623 2323.")]

    if case.wage is not None:
        reasons.append(case.wage.reason())
    steps.append(
        Msg(
            "Si no te pagan o te despiden por estar embarazada, ve a la Procuraduría de la Defensa del "
            "Trabajo de tu estado."
        )
    )
    if amount is None:
        not_checked.append(Msg("El monto: no me dijiste tu salario."))
    return Result(
        verdict=verdict,
        summary=summary,
        reasons=tuple(reasons),
        amounts=(Amount(label, amount),) if amount is not None else (),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=today,
        related_entry="maternidad-subsidio-imss",
    )

"""Maternity leave pay: the IMSS pays 100 % of the registered daily wage for 84 days to an insured worker
with at least 30 weekly contributions in the 12 months before (LSS 101, 102); otherwise the employer pays
the full wage (LSS 103, LFT 170)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import cents
from bot.rules.result import Amount, Msg, Reason, Result, Verdict

REQUIRED_WEEKS = 30  # LSS 102 fr. I
LEAVE_DAYS = 84  # LSS 101: 42 days before and 42 after the birth


class Insured(StrEnum):
    YES = "si"
    NO = "no"
    UNKNOWN = "nose"


@dataclass(frozen=True)
class MaternidadCase:
    insured: Insured
    weeks: int | None = None  # weekly contributions in the 12 months before the leave
    daily_wage: float | None = None  # None: not given, no amount is shown


def maternidad(case: MaternidadCase, kb: KnowledgeBase, today: dt.date) -> Result:
    amount = cents(LEAVE_DAYS * case.daily_wage) if case.daily_wage is not None else None
    leave = Reason(
        Msg("Tienes derecho a 6 semanas de descanso antes del parto y 6 después, con tu salario completo."),
        "LFT 170 fr. II",
    )
    transfer = Reason(
        Msg("Con permiso del médico, puedes pasar hasta 4 de las semanas de antes para después del parto."),
        "LSS 102 Bis",
    )
    not_checked = [
        Msg("Que el IMSS haya certificado tu embarazo y la fecha probable del parto."),
        Msg("Que no trabajes con pago durante la incapacidad."),
    ]
    imss_pays = case.insured is not Insured.NO and (case.weeks or 0) >= REQUIRED_WEEKS
    weeks = case.weeks or 0

    if case.insured is Insured.NO:
        verdict = Verdict.NO
        summary = Msg(
            "El IMSS no te paga la incapacidad porque no estás inscrita. Tu patrona o patrón debe pagarte tu "
            "salario completo durante las 12 semanas, y debió inscribirte en el IMSS."
        )
        reasons = [
            leave,
            Reason(Msg("Durante esas semanas recibes tu salario íntegro."), "LFT 170 fr. V"),
            Reason(
                Msg("Quien te emplea debe inscribirte en el IMSS."),
                "LSS 15 fr. I",
            ),
        ]
        label = Msg("Tu salario de 84 días (lo paga tu patrona o patrón)")
        steps = [
            Msg(
                "Si no te inscribieron, puedes denunciarlo en http://www.imss.gob.mx/denuncia o llamar a "
                "Tel-IMSS 800 623 2323."
            )
        ]
    elif imss_pays:
        verdict = Verdict.YES if case.insured is Insured.YES else Verdict.LIKELY
        summary = Msg(
            "El IMSS te paga el 100 % de tu salario registrado durante 84 días: 42 antes y 42 después del "
            "parto."
        )
        reasons = [
            Reason(
                Msg(
                    "Tienes {weeks} semanas cotizadas en los 12 meses antes de la incapacidad; se piden al "
                    "menos {required}.",
                    {"weeks": weeks, "required": REQUIRED_WEEKS},
                ),
                "LSS 102 fr. I",
            ),
            Reason(
                Msg(
                    "El subsidio es del 100 % de tu último salario diario registrado en el IMSS, por 84 días."
                ),
                "LSS 101",
            ),
            Reason(
                Msg("Puedes pedir un solo certificado de incapacidad por los 84 días."),
                "LSS 101",
            ),
            transfer,
        ]
        label = Msg("Subsidio del IMSS por 84 días (aproximado)")
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
                    "Tienes {weeks} semanas cotizadas en los 12 meses antes de la incapacidad; el IMSS pide "
                    "al menos {required}.",
                    {"weeks": weeks, "required": REQUIRED_WEEKS},
                ),
                "LSS 102 fr. I",
            ),
            Reason(
                Msg("Si no tienes esas semanas, el pago de tu salario completo queda a cargo de tu patrón."),
                "LSS 103",
            ),
            leave,
        ]
        label = Msg("Tu salario de 84 días (lo paga tu patrona o patrón)")
        steps = [Msg("Si tienes dudas sobre tus semanas, pregunta en Tel-IMSS 800 623 2323.")]

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

"""Must the employer register the worker with the IMSS? Who, since when, what it covers, the "pase"
trap, how to check and how to report.

Domestic work: LSS 12 fr. IV, 239-A to 239-F, LFT 337 fr. IV (occasional work: voluntary as an
independent worker, LSS 239-B and 239-F). Farm work, permanent or temporary: LSS 237, 237-B. Any other
employee: LSS 12 fr. I and 15 fr. I.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work
from bot.rules.result import Msg, Reason, Result, Verdict

DENUNCIA = "http://www.imss.gob.mx/denuncia"
TEL_IMSS = "800 623 2323"


class HomeMode(StrEnum):
    LIVE_IN = "planta"  # lives where she works, one employer
    SINGLE = "entrada"  # one employer, does not live there
    SEVERAL = "varias"  # several employers
    OCCASIONAL = "ocasional"  # now and then


class FarmMode(StrEnum):
    PERMANENT = "permanente"
    TEMPORARY = "temporal"


class Registration(StrEnum):
    YES = "si"  # has the registration form or payment receipts
    PASS = "pase"  # got a "pase" or was taken to a clinic once
    NO = "no"
    UNKNOWN = "nose"


@dataclass(frozen=True)
class ImssCase:
    work: Work
    registration: Registration
    home_mode: HomeMode | None = None
    farm_mode: FarmMode | None = None
    start: dt.date | None = None  # first day of work, if remembered
    home_mandatory_since: dt.date | None = None  # when the IMSS made it compulsory for domestic work


def proof_step(work: Work, registered: bool, phone: Msg) -> Msg:
    """Which paper proves the registration: the domestic-work scheme's "formato de incorporación"; in farm
    work the "constancia de días laborados y de salarios" the employer must issue (LSS 237-B fr. III,
    audit #27); elsewhere the IMSS's own record of contributed weeks."""
    if work is Work.HOME:
        if registered:
            return Msg(
                "Guarda tu formato de incorporación y los comprobantes de pago de cada periodo: así "
                "compruebas tu registro."
            )
        return Msg(
            "Para saber si estás registrada, pide el formato de incorporación y los comprobantes de pago, o "
            "pregunta en {phone}.",
            {"phone": phone},
        )
    if work is Work.FARM:
        if registered:
            return Msg(
                "Pide y guarda la constancia de días laborados y de salarios que tu patrón debe darte: así "
                "compruebas tus días en el IMSS."
            )
        return Msg(
            "Para saber si estás registrada, pide a tu patrón la constancia de días laborados y de salarios "
            "que debe darte, o pregunta en {phone}.",
            {"phone": phone},
        )
    if registered:
        return Msg("Guarda tus recibos de pago y revisa tus semanas cotizadas en el IMSS.")
    return Msg(
        "Para saber si estás registrada, pide en el IMSS tu constancia de semanas cotizadas, o pregunta en "
        "{phone}.",
        {"phone": phone},
    )


def imss(case: ImssCase, kb: KnowledgeBase, today: dt.date) -> Result:
    home = case.work is Work.HOME
    occasional = home and case.home_mode is HomeMode.OCCASIONAL
    phone = (
        Msg("Tel-IMSS {number} (opción 0)", {"number": TEL_IMSS})
        if home
        else Msg("Tel-IMSS {number}", {"number": TEL_IMSS})
    )
    reasons: list[Reason] = []
    not_checked = [
        Msg("Que te registren con tu salario real: si ponen uno menor, también puedes denunciarlo."),
        Msg("Cuánto cuestan las cuotas: eso lo calcula el IMSS."),
    ]
    steps: list[Msg] = []

    if occasional:
        reasons += [
            Reason(
                Msg(
                    "Quien trabaja en una casa solo de forma ocasional o esporádica no cuenta como "
                    "trabajadora del hogar para el IMSS."
                ),
                "LSS 239-B fr. I",
            ),
            Reason(
                Msg("Puedes asegurarte por tu cuenta en el IMSS como persona trabajadora independiente."),
                "LSS 239-F",
            ),
        ]
        not_checked.insert(
            0,
            Msg(
                "Si vas a la misma casa con regularidad, aunque sea un día a la semana, lo más probable es "
                "que sea un trabajo fijo y esa persona sí deba registrarte."
            ),
        )
        steps.append(
            Msg("Para asegurarte por tu cuenta y saber cuánto cuesta, llama a {phone}.", {"phone": phone})
        )
        return Result(
            verdict=Verdict.NO,
            summary=Msg(
                "Si de verdad es ocasional, esa persona no está obligada a registrarte, pero tú puedes "
                "asegurarte por tu cuenta."
            ),
            reasons=tuple(reasons),
            not_checked=tuple(not_checked),
            next_steps=tuple(steps),
            as_of=today,
            related_entry="imss-hogar-ocasional",
        )

    if home:
        reasons += [
            Reason(
                Msg("Las personas trabajadoras del hogar están en el régimen obligatorio del IMSS."),
                "LSS 12 fr. IV",
            ),
            Reason(
                Msg(
                    "Inscribirte en el IMSS y pagar las cuotas es obligación de quien te emplea, no un favor."
                ),
                "LFT 337 fr. IV",
            ),
            Reason(
                Msg(
                    "Debe registrarte desde la fecha en que empezaste a trabajar, por los días que trabajas."
                ),
                "LSS 239-C fr. I",
            ),
        ]
        if case.home_mode is HomeMode.SEVERAL:
            reasons.append(
                Reason(
                    Msg(
                        "Si trabajas en varias casas, cada persona empleadora te registra por los días que "
                        "trabajas con ella."
                    ),
                    "LSS 239-A fr. III",
                )
            )
        if case.home_mandatory_since is not None:
            reasons.append(
                Reason(
                    Msg(
                        "El IMSS exige este registro desde el {date_since}.",
                        {"date_since": case.home_mandatory_since},
                    ),
                    "Decreto LSS DOF 16-11-2022, transitorios 2° y 3°",
                )
            )
    elif case.work is Work.FARM:
        reasons += [
            Reason(
                Msg(
                    "Todas las personas trabajadoras del campo, permanentes o temporales, deben estar en el "
                    "IMSS."
                ),
                "LSS 237",
            ),
            Reason(
                Msg(
                    "El patrón del campo debe avisar tus altas, bajas y reingresos al IMSS en máximo {days} "
                    "días hábiles.",
                    {"days": int(kb.number("imss_campo_aviso_dias_habiles", today))},
                ),
                "LSS 237-B fr. II",
            ),
            Reason(
                Msg("Te debe dar una constancia de tus días trabajados y tus salarios."),
                "LSS 237-B fr. III",
            ),
        ]
        if case.farm_mode is FarmMode.TEMPORARY:
            reasons.append(
                Reason(
                    Msg(
                        "Si trabajas de forma continua más de {weeks} semanas, se presume que eres "
                        "permanente, aunque te hayan contratado por temporada.",
                        {"weeks": int(kb.number("campo_semanas_presuncion_permanente", today))},
                    ),
                    "LFT 280",
                )
            )
    else:
        reasons += [
            Reason(
                Msg("Toda persona que trabaja para alguien a cambio de un salario debe estar en el IMSS."),
                "LSS 12 fr. I",
            ),
            Reason(
                Msg(
                    "Tu patrón debe inscribirte en un plazo de máximo {days} días hábiles.",
                    {"days": int(kb.number("imss_inscripcion_dias_habiles", today))},
                ),
                "LSS 15 fr. I",
            ),
        ]
    reasons.append(
        Reason(
            Msg(
                "Estar inscrita o inscrito te da: servicio médico y maternidad, riesgos de trabajo, "
                "invalidez y vida, retiro y pensión, y guarderías."
            ),
            "LSS 11",
        )
    )

    if home and case.start is not None:
        since = case.start
        if case.home_mandatory_since is not None and case.home_mandatory_since > since:
            since = case.home_mandatory_since
        steps.append(Msg("Tu registro debe contar desde el {date_since}.", {"date_since": since}))

    related = "imss-hogar-obligatorio" if home else "campo-imss" if case.work is Work.FARM else None
    if case.registration is Registration.PASS:
        reasons.append(
            Reason(
                Msg(
                    "Ojo: un pase, una consulta o que te lleven una vez a la clínica no es estar registrada. "
                    "Registrada quiere decir que te inscribieron con tu número de seguro social y pagan las "
                    "cuotas cada periodo."
                ),
                "LSS 239-C fr. II" if home else "LSS 15 fr. III",
            )
        )
        related = "imss-hogar-pase" if home else related
    steps.append(proof_step(case.work, case.registration is Registration.YES, phone))
    steps.append(
        Msg(
            "Si no te registran, denuncia en {url} o llama a {phone}.",
            {"url": DENUNCIA, "phone": phone},
        )
    )
    if home:
        steps.append(Msg("Puedes mandarle a tu patrona la tarjeta para empleadores: /empleador"))
    steps.append(
        Msg(
            "Si te despiden por pedir tu seguro, ve a la Procuraduría de la Defensa del Trabajo de tu estado."
        )
    )
    must = (
        Msg("Deben inscribirte en el IMSS y pagar tus cuotas desde tu primer día de trabajo.")
        if home
        else Msg("Deben inscribirte en el IMSS y pagar tus cuotas.")
    )
    summary = {
        Registration.YES: Msg(
            "Es obligatorio, y dices que ya te registraron. Revisa que paguen cada periodo."
        ),
        Registration.PASS: Msg(
            "Deben inscribirte en el IMSS y pagar tus cuotas. Un pase o una consulta no es estar registrada."
        ),
        Registration.NO: must,
        Registration.UNKNOWN: must,
    }[case.registration]
    return Result(
        verdict=Verdict.YES,
        summary=summary,
        reasons=tuple(reasons),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=today,
        related_entry=related,
    )

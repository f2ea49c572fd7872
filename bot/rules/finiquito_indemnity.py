"""The indemnity after a dismissal or after leaving for the employer's fault, explained: which law applies,
the amounts (certain or not), food and room of a live-in domestic worker, and the deadlines to claim.

Law: LFT 48, 49 fr. IV, 50, 51, 52, 334, 343, 517 fr. II, 518.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.rules.common import Work, add_months, claim_deadline_dismissal
from bot.rules.finiquito_amounts import Breakdown, Ending, FiniquitoCase, Law
from bot.rules.result import Amount, Msg, Reason


@dataclass
class Parts:
    reasons: list[Reason] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    not_checked: list[Msg] = field(default_factory=list)
    steps: list[Msg] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- indemnity
def explain_indemnity(
    parts: Parts, case: FiniquitoCase, b: Breakdown, law: Law, uncertain: bool, today: dt.date
) -> None:
    years = {"days": law.indemnity_year_days, "years": b.service.total, "months": law.indemnity_months}
    home = case.work is Work.HOME
    if case.ending is Ending.RESCINDED:
        parts.reasons += [
            Reason(
                Msg(
                    "Puedes dejar el trabajo por culpa del patrón, por ejemplo si te maltrata, te baja el "
                    "sueldo o no te paga a tiempo."
                ),
                "LFT 51",
            ),
            Reason(
                Msg(
                    "Si lo dejas dentro de los {limit} días después de que pasó, te deben la indemnización "
                    "como en un despido: {months} meses de salario más {days} días por cada año trabajado "
                    "({years} años).",
                    {**years, "limit": law.rescission_days},
                ),
                "LFT 52",
            ),
            Reason(Msg("Así se calcula esa indemnización."), "LFT 50"),
        ]
    elif home and uncertain:
        parts.reasons += [
            Reason(
                Msg(
                    "La ley deja que quien te emplea termine el trabajo dentro de los primeros {limit} días. "
                    "No está claro si en ese caso te debe la indemnización; pregúntalo en la Procuraduría.",
                    {"limit": law.domestic_first_days},
                ),
                "LFT 343",
            ),
            Reason(
                Msg(
                    "Si te la deben, son {months} meses de salario más {days} días por año trabajado.",
                    years,
                ),
                "LFT 50",
            ),
        ]
    elif home:
        parts.reasons += [
            Reason(
                Msg(
                    "En el trabajo del hogar, quien te emplea puede terminar el trabajo, pero pagando la "
                    "indemnización completa."
                ),
                "LFT 343",
            ),
            Reason(Msg("No está obligada a reinstalarte si te paga esa indemnización."), "LFT 49 fr. IV"),
            Reason(
                Msg(
                    "La indemnización es de {months} meses de salario más {days} días por cada año trabajado "
                    "({years} años).",
                    years,
                ),
                "LFT 50",
            ),
        ]
    else:
        parts.reasons += [
            Reason(
                Msg(
                    "Si el despido fue injustificado, puedes pedir que te reinstalen o que te indemnicen "
                    "con {months} meses de salario.",
                    years,
                ),
                "LFT 48",
            ),
            Reason(
                Msg(
                    "Los {days} días por año trabajado ({money_years}) solo se suman en algunos casos: si el "
                    "patrón se niega a reinstalarte en los casos que permite la ley, o si tú dejaste el "
                    "trabajo por culpa del patrón.",
                    {**years, "money_years": b.indemnity_years},
                ),
                "LFT 50",
            ),
        ]
    parts.amounts += indemnity_amounts(case, b, law, uncertain)
    explain_indemnity_limits(parts, case)
    explain_deadline(parts, case, today)


def indemnity_amounts(case: FiniquitoCase, b: Breakdown, law: Law, uncertain: bool) -> list[Amount]:
    values = {"months": law.indemnity_months, "days": law.indemnity_year_days}
    if case.ending is Ending.RESCINDED:
        return [
            Amount(
                Msg("Indemnización: {months} meses de salario (si pruebas la culpa del patrón)", values),
                b.indemnity_months,
            ),
            Amount(
                Msg("Indemnización: {days} días por año (si pruebas la culpa del patrón)", values),
                b.indemnity_years,
            ),
        ]
    if case.work is not Work.HOME:
        return [
            Amount(
                Msg("Indemnización: {months} meses de salario (si el despido fue injustificado)", values),
                b.indemnity_months,
            )
        ]
    if uncertain:
        return [
            Amount(
                Msg("Indemnización: {months} meses de salario (no es segura)", values), b.indemnity_months
            ),
            Amount(Msg("Indemnización: {days} días por año (no es segura)", values), b.indemnity_years),
        ]
    return [
        Amount(Msg("Indemnización: {months} meses de salario", values), b.indemnity_months),
        Amount(Msg("Indemnización: {days} días por año", values), b.indemnity_years),
    ]


def explain_live_in(parts: Parts, case: FiniquitoCase, b: Breakdown, law: Law) -> None:
    if case.work is not Work.HOME:
        return
    if case.live_in:
        parts.reasons.append(
            Reason(
                Msg(
                    "Vivías en la casa: la ley valora la comida y el cuarto en {percent} % de tu pago en "
                    "efectivo. Para la indemnización y la prima de antigüedad usé {money_base} al día "
                    "({money_cash} × {factor}).",
                    {
                        "money_base": b.indemnity_daily,
                        "money_cash": case.wage.daily(),
                        "factor": 1 + law.room_and_board,
                        "percent": law.room_and_board * 100,
                    },
                ),
                "LFT 334",
            )
        )
        parts.not_checked.append(
            Msg(
                "Así leí la ley: la comida y el cuarto suben la indemnización y la prima de antigüedad "
                "(LFT 89 y 334); el aguinaldo y las vacaciones los calculé con tu pago en efectivo. Si "
                "pactaron otra cosa por escrito, puede cambiar."
            )
        )
    else:
        parts.not_checked.append(
            Msg(
                "Si te daban de comer, la ley también puede contar la comida como parte de tu salario; "
                "pregunta en la Procuraduría si sube tu indemnización."
            )
        )


def explain_indemnity_limits(parts: Parts, case: FiniquitoCase) -> None:
    if case.ending is Ending.RESCINDED:
        parts.not_checked.append(
            Msg(
                "Si se puede probar la culpa del patrón: lo decide el Centro de Conciliación o el tribunal. "
                "Guarda mensajes, recibos y nombres de testigos."
            )
        )
    else:
        parts.not_checked.append(
            Msg(
                "Si tu patrón dice que te despidió por una causa justificada, eso lo decide el Centro de "
                "Conciliación o el tribunal; aquí supuse que no la hubo."
            )
        )
    if case.work is not Work.HOME and case.ending is Ending.DISMISSED:
        parts.not_checked.append(Msg("La prima de antigüedad es para quien era de planta (trabajo fijo)."))
    parts.not_checked += [
        Msg("Los salarios vencidos (hasta 12 meses) si el asunto llega a juicio."),
        Msg(
            "La indemnización se calcula con el salario integrado (con la parte de tus prestaciones); "
            "usé tu salario diario, así que puede ser más."
        ),
        Msg("Si tenías un contrato por tiempo determinado, la indemnización se calcula distinto."),
    ]


def explain_deadline(parts: Parts, case: FiniquitoCase, today: dt.date) -> None:
    if case.ending is Ending.RESCINDED:
        month = add_months(case.last_day, 1)
        parts.reasons.append(
            Reason(
                Msg(
                    "El plazo para separarte por culpa del patrón es de 1 mes desde que pasó, y no está "
                    "claro cuánto tiempo queda después para reclamar. No esperes."
                ),
                "LFT 517 fr. II",
            )
        )
        if today > month:
            parts.steps.append(
                Msg(
                    "Ojo: ya pasó más de 1 mes desde tu último día. Ve de inmediato a la Procuraduría de la "
                    "Defensa del Trabajo de tu estado: el finiquito se puede reclamar hasta 1 año."
                )
            )
        else:
            parts.steps.append(
                Msg(
                    "Ve cuanto antes a la Procuraduría de la Defensa del Trabajo de tu estado (asesoría "
                    "gratis); para no arriesgarte, antes del {date_deadline}, 1 mes después de tu último "
                    "día.",
                    {"date_deadline": month},
                )
            )
        return
    deadline = claim_deadline_dismissal(case.last_day)
    parts.reasons.append(
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
        parts.steps.append(
            Msg(
                "Ojo: el plazo de 2 meses para reclamar el despido parece vencido. Aun así, pregunta en la "
                "Procuraduría de la Defensa del Trabajo: el finiquito se puede reclamar hasta 1 año."
            )
        )
    else:
        parts.steps.append(
            Msg(
                "No dejes pasar el plazo: ve cuanto antes, a más tardar el {date_deadline}.",
                {"date_deadline": deadline},
            )
        )

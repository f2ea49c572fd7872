"""IMSS old-age pension: weeks required by regime and year, the ages, and the federal Bienestar pensions.

Ley 97 (first contribution on or after 1-07-1997): weeks from the LSS transitory article of 16-12-2020,
rising each 1 January (parameter semanas_pension_ley97); from 60 (cesantía, LSS 154) or 65 (vejez,
LSS 162); 750 weeks keep the medical service. Ley 73: 500 weeks from 60, a secondary source only, so the
answer is at most "probablemente". Pensión para Adultos Mayores from 65; Mujeres Bienestar women 60-64.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Amount, Msg, Reason, Result, Verdict

EARLY_AGE = 60  # cesantía en edad avanzada (LSS 154); also the Ley 73 age (secondary source)
OLD_AGE = 65  # vejez (LSS 162) and the Pensión para Adultos Mayores
WOMEN_BIENESTAR = range(60, 65)  # Pensión Mujeres Bienestar: 60 to 64
WEEKS_97 = "semanas_pension_ley97"
WEEKS_73 = "semanas_pension_ley73"
WEEKS_MEDICAL = "semanas_conservar_servicio_medico"
TRANSITORY = "LSS transitorio 4° (DOF 16-12-2020)"
LAW_73 = "Ley del Seguro Social de 1973 (según elpensionado.com)"


class Regime(StrEnum):
    LAW_73 = "73"  # first contribution before 1 July 1997
    LAW_97 = "97"
    UNKNOWN = "nose"


@dataclass(frozen=True)
class PensionCase:
    regime: Regime
    age: int
    weeks: int
    woman: bool | None = None  # asked only between 60 and 64, for Mujeres Bienestar


def weeks_required_97(kb: KnowledgeBase, year: int) -> int:
    """Weeks the Ley 97 asks of someone who retires in `year` (the table stops rising in 2031)."""
    return int(kb.number(WEEKS_97, dt.date(year, 1, 1)))


def pension(case: PensionCase, kb: KnowledgeBase, today: dt.date) -> Result:
    reasons: list[Reason] = []
    amounts: list[Amount] = []
    not_checked = [Msg("Tus semanas exactas: pide tu constancia de semanas cotizadas en el IMSS.")]
    steps: list[Msg] = []
    medical = int(kb.number(WEEKS_MEDICAL, today))

    if case.regime is Regime.LAW_73:
        required = int(kb.number(WEEKS_73, today))
        reasons.append(
            Reason(
                Msg(
                    "Empezaste a cotizar antes del 1 de julio de 1997: te toca la Ley 73. Según fuentes "
                    "especializadas, pide {required} semanas y 60 años.",
                    {"required": required},
                ),
                LAW_73,
            )
        )
        missing = max(0, required - case.weeks)
        if case.age >= EARLY_AGE and missing == 0:
            verdict = Verdict.LIKELY
            summary = Msg(
                "Puedes pedir tu pensión del IMSS por la Ley 73: tienes {weeks} semanas y {age} años. "
                "Confírmalo con el IMSS.",
                {"weeks": case.weeks, "age": case.age},
            )
        elif missing == 0:
            verdict = Verdict.NO
            summary = Msg(
                "Todavía no por la edad: ya tienes las semanas, pero la Ley 73 pide 60 años.",
            )
        else:
            verdict = Verdict.NO
            summary = Msg(
                "Todavía no: según fuentes especializadas, la Ley 73 pide {required} semanas y te faltan "
                "{missing}.",
                {"required": required, "missing": missing},
            )
        steps.append(
            Msg(
                "Confirma tu régimen, tus semanas y cuánto te tocaría en el IMSS o en Tel-IMSS 800 623 2323. "
                "Asesoría gratis en temas de IMSS y AFORE: PROFEDET, gob.mx/profedet"
            )
        )
    else:
        required = weeks_required_97(kb, today.year)
        final = kb.parameters[WEEKS_97].values[-1]
        rising = final.since > today
        reasons.append(
            Reason(
                Msg(
                    "Por la Ley 97, en {year} se piden {required} semanas cotizadas; la cifra sube cada 1 de "
                    "enero hasta llegar a {final} en {final_year}.",
                    {
                        "year": today.year,
                        "required": required,
                        "final": kb.number(WEEKS_97, final.since),
                        "final_year": final.since.year,
                    },
                )
                if rising
                else Msg(
                    "Por la Ley 97, en {year} se piden {required} semanas cotizadas.",
                    {"year": today.year, "required": required},
                ),
                TRANSITORY,
            )
        )
        reasons.append(
            Reason(
                Msg("Puedes pedirla desde los 60 años (cesantía) o a los 65 (vejez)."),
                "LSS 154",
            )
        )
        missing = max(0, required - case.weeks)
        if case.age >= EARLY_AGE:
            if missing == 0:
                verdict = Verdict.YES if case.regime is Regime.LAW_97 else Verdict.LIKELY
                kind = Msg("vejez") if case.age >= OLD_AGE else Msg("cesantía en edad avanzada")
                summary = Msg(
                    "Puedes pedir tu pensión del IMSS por {kind}: tienes {weeks} semanas y se piden "
                    "{required}.",
                    {"kind": kind, "weeks": case.weeks, "required": required},
                )
            else:
                verdict = Verdict.NO
                summary = Msg(
                    "Todavía no: te faltan {missing} semanas para las {required} que se piden en {year}.",
                    {"missing": missing, "required": required, "year": today.year},
                )
                reasons.append(
                    Reason(
                        Msg(
                            "Si no juntas las semanas, puedes retirar en una sola exhibición el saldo de tu "
                            "cuenta de la AFORE, o seguir cotizando hasta juntarlas."
                        ),
                        "LSS 162" if case.age >= OLD_AGE else "LSS 154",
                    )
                )
                if case.weeks >= medical:
                    reasons.append(
                        Reason(
                            Msg(
                                "Con {medical} semanas o más conservas el servicio médico del IMSS aunque no "
                                "te pensiones.",
                                {"medical": medical},
                            ),
                            "LSS 162" if case.age >= OLD_AGE else "LSS 154",
                        )
                    )
        else:
            year = today.year + (EARLY_AGE - case.age)
            required_then = weeks_required_97(kb, year)
            missing_then = max(0, required_then - case.weeks)
            verdict = Verdict.NO
            summary = (
                Msg(
                    "Todavía no por la edad: puedes pedirla desde los 60. Ya tienes las {required} semanas "
                    "que se pedirán alrededor de {year}.",
                    {"required": required_then, "year": year},
                )
                if missing_then == 0
                else Msg(
                    "Todavía no: puedes pedirla desde los 60. Alrededor de {year}, cuando los cumplas, se "
                    "pedirán {required} semanas; te faltan {missing}.",
                    {"year": year, "required": required_then, "missing": missing_then},
                )
            )
        if case.regime is Regime.UNKNOWN:
            steps.append(
                Msg(
                    "Usé la Ley 97, que pide más semanas. Si empezaste a cotizar antes del 1 de julio de "
                    "1997, te toca la Ley 73: según fuentes especializadas pide {required} semanas. "
                    "Confírmalo en el IMSS.",
                    {"required": int(kb.number(WEEKS_73, today))},
                )
            )
        steps.append(
            Msg("Para saber tus semanas y tu régimen, pregunta en el IMSS o en Tel-IMSS 800 623 2323.")
        )

    year_note = {"year": today.year}
    if case.age >= OLD_AGE:
        bienestar = kb.number("pension_adultos_mayores", today)
        reasons.append(
            Reason(
                Msg(
                    "Por tener 65 años o más, también puedes recibir la Pensión para el Bienestar de las "
                    "Personas Adultas Mayores. No es del IMSS y no depende de tus semanas."
                ),
                "Programa Pensión para el Bienestar de las Personas Adultas Mayores (Secretaría de "
                "Bienestar)",
            )
        )
        amounts.append(
            Amount(Msg("Pensión para Adultos Mayores, cada 2 meses (monto de {year})", year_note), bienestar)
        )
        steps.append(Msg("Para registrarte, pregunta en las oficinas de la Secretaría de Bienestar."))
    elif case.age in WOMEN_BIENESTAR and case.woman:
        bienestar = kb.number("pension_mujeres_bienestar", today)
        reasons.append(
            Reason(
                Msg(
                    "Por ser mujer de 60 a 64 años, también puedes recibir la Pensión Mujeres Bienestar. No "
                    "es del IMSS y no depende de tus semanas. A los 65 pasas a la de Adultos Mayores."
                ),
                "Programa Pensión Mujeres Bienestar (gobierno federal)",
            )
        )
        amounts.append(
            Amount(Msg("Pensión Mujeres Bienestar, cada 2 meses (monto de {year})", year_note), bienestar)
        )
        steps.append(Msg("Para registrarte, pregunta en las oficinas de la Secretaría de Bienestar."))
    if amounts:
        not_checked.append(
            Msg(
                "Los requisitos y fechas de registro de las pensiones del Bienestar: confírmalos en "
                "Bienestar."
            )
        )
    not_checked.append(Msg("Cuánto sería tu pensión del IMSS: eso te lo calcula el IMSS o tu AFORE."))
    return Result(
        verdict=verdict,
        summary=summary,
        reasons=tuple(reasons),
        amounts=tuple(amounts),
        not_checked=tuple(not_checked),
        next_steps=tuple(steps),
        as_of=today,
        related_entry="pension-ley73" if case.regime is Regime.LAW_73 else "pension-semanas",
    )

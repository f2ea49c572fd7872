"""IMSS old-age pension: weeks required by regime and year, the ages, and the federal Bienestar pensions.

Ley 97 (first contribution on or after 1-07-1997): weeks from the LSS transitory article of 16-12-2020,
rising each 1 January (parameter semanas_pension_ley97); from 60 for whoever is left without paid work
(cesantía, LSS 154) or at 65 (vejez, LSS 162); 750 weeks keep the medical service. Ley 73: 500 weeks from
60, a secondary source only, so the answer is at most "probablemente". Pensión para Adultos Mayores from
65; Mujeres Bienestar women 60-64. Every age and number is a parameter of knowledge/parametros.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import provisional_note
from bot.rules.result import Amount, Msg, Reason, Result, Verdict

WEEKS_97 = "semanas_pension_ley97"
WEEKS_73 = "semanas_pension_ley73"
WEEKS_MEDICAL = "semanas_conservar_servicio_medico"
TRANSITORY = "LSS transitorio 4° (DOF 16-12-2020)"
LAW_73 = "Ley del Seguro Social de 1973 (según elpensionado.com)"
ELDERLY = "Programa Pensión para el Bienestar de las Personas Adultas Mayores (Secretaría de Bienestar)"
WOMEN = "Programa Pensión Mujeres Bienestar (gobierno federal)"


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


@dataclass(frozen=True)
class Ages:
    early: int  # cesantía en edad avanzada, LSS 154
    old: int  # vejez, LSS 162
    law_73: int
    # The Bienestar programmes: None on a date before the values we have (then they are not mentioned).
    elderly: int | None  # Pensión para Adultos Mayores
    women: int | None  # Mujeres Bienestar, until `elderly`

    @classmethod
    def on(cls, kb: KnowledgeBase, day: dt.date) -> Ages:
        def age(name: str) -> int:
            return int(kb.number(name, day))

        def programme(name: str) -> int | None:
            return age(name) if kb.parameters[name].at(day) is not None else None

        return cls(
            age("pension_edad_cesantia"),
            age("pension_edad_vejez"),
            age("pension_ley73_edad"),
            programme("pension_adultos_mayores_edad"),
            programme("pension_mujeres_bienestar_edad"),
        )


def weeks_required_97(kb: KnowledgeBase, year: int) -> int:
    """Weeks the Ley 97 asks of someone who retires in `year` (the table stops rising in 2031)."""
    return int(kb.number(WEEKS_97, dt.date(year, 1, 1)))


def year_at_age(today: dt.date, age: int, target: int) -> int:
    """About the year someone aged `age` today turns `target`."""
    return today.year + max(0, target - age)


def _law_73(
    case: PensionCase, kb: KnowledgeBase, today: dt.date, ages: Ages
) -> tuple[Verdict, Msg, list[Reason]]:
    required = int(kb.number(WEEKS_73, today))
    reasons = [
        Reason(
            Msg(
                "Empezaste a cotizar antes del 1 de julio de 1997: te toca la Ley 73. Según fuentes "
                "especializadas, pide {required} semanas y {age} años.",
                {"required": required, "age": ages.law_73},
            ),
            LAW_73,
        )
    ]
    missing = max(0, required - case.weeks)
    if missing:
        return (
            Verdict.NO,
            Msg(
                "Todavía no: según fuentes especializadas, la Ley 73 pide {required} semanas y te faltan "
                "{missing}.",
                {"required": required, "missing": missing},
            ),
            reasons,
        )
    if case.age < ages.law_73:
        summary = Msg(
            "Todavía no por la edad: ya tienes las semanas, pero la Ley 73 pide {age} años.",
            {"age": ages.law_73},
        )
        return Verdict.NO, summary, reasons
    summary = Msg(
        "Puedes pedir tu pensión del IMSS por la Ley 73: tienes {weeks} semanas y {age} años. Confírmalo "
        "con el IMSS.",
        {"weeks": case.weeks, "age": case.age},
    )
    return Verdict.LIKELY, summary, reasons


def _law_97(
    case: PensionCase, kb: KnowledgeBase, today: dt.date, ages: Ages
) -> tuple[Verdict, Msg, list[Reason]]:
    required = weeks_required_97(kb, today.year)
    final = kb.parameters[WEEKS_97].values[-1]
    values = {"year": today.year, "required": required}
    reasons = [
        Reason(
            Msg(
                "Por la Ley 97, en {year} se piden {required} semanas cotizadas; la cifra sube cada 1 de "
                "enero hasta llegar a {final} en {final_year}.",
                {**values, "final": kb.number(WEEKS_97, final.since), "final_year": final.since.year},
            )
            if final.since > today
            else Msg("Por la Ley 97, en {year} se piden {required} semanas cotizadas.", values),
            TRANSITORY,
        ),
        Reason(
            Msg(
                "La pensión por cesantía en edad avanzada es desde los {early} años, cuando dejas de "
                "trabajar con salario; la de vejez, a los {old}.",
                {"early": ages.early, "old": ages.old},
            ),
            "LSS 154",
        ),
    ]
    missing = max(0, required - case.weeks)
    if case.age < ages.early:
        year = year_at_age(today, case.age, ages.early)
        required_then = weeks_required_97(kb, year)
        missing_then = max(0, required_then - case.weeks)
        then = {"early": ages.early, "year": year, "required": required_then, "missing": missing_then}
        summary = (
            Msg(
                "Todavía no por la edad: puedes pedirla desde los {early}. Ya tienes las {required} semanas "
                "que se pedirán alrededor de {year}.",
                then,
            )
            if missing_then == 0
            else Msg(
                "Todavía no: puedes pedirla desde los {early}. Alrededor de {year}, cuando los cumplas, se "
                "pedirán {required} semanas; te faltan {missing}.",
                then,
            )
        )
        return Verdict.NO, summary, reasons
    article = "LSS 162" if case.age >= ages.old else "LSS 154"
    if missing:
        reasons.append(
            Reason(
                Msg(
                    "Si no juntas las semanas, puedes retirar en una sola exhibición el saldo de tu cuenta "
                    "de la AFORE, o seguir cotizando hasta juntarlas."
                ),
                article,
            )
        )
        medical = int(kb.number(WEEKS_MEDICAL, today))
        if case.weeks >= medical:
            reasons.append(
                Reason(
                    Msg(
                        "Con {medical} semanas o más conservas el servicio médico del IMSS aunque no te "
                        "pensiones.",
                        {"medical": medical},
                    ),
                    article,
                )
            )
        summary = Msg(
            "Todavía no: te faltan {missing} semanas para las {required} que se piden en {year}.",
            {**values, "missing": missing},
        )
        return Verdict.NO, summary, reasons
    verdict = Verdict.YES if case.regime is Regime.LAW_97 else Verdict.LIKELY
    weeks = {"weeks": case.weeks, "required": required}
    if case.age >= ages.old:
        return (
            verdict,
            Msg(
                "Puedes pedir tu pensión del IMSS por vejez: tienes {weeks} semanas y se piden {required}.",
                weeks,
            ),
            reasons,
        )
    # Audit #9: LSS 154 defines cesantía as being left without paid work from 60 on.
    summary = Msg(
        "Puedes pedir tu pensión del IMSS por cesantía en edad avanzada cuando dejes de trabajar con "
        "salario: tienes {weeks} semanas y se piden {required}.",
        weeks,
    )
    reasons.append(
        Reason(
            Msg(
                "La cesantía es para quien queda sin trabajo con salario a partir de los {early} años: si "
                "sigues trabajando con salario, la puedes pedir cuando lo dejes, o esperar a los {old} para "
                "la de vejez.",
                {"early": ages.early, "old": ages.old},
            ),
            "LSS 154",
        )
    )
    return verdict, summary, reasons


def _bienestar(
    case: PensionCase, kb: KnowledgeBase, today: dt.date, ages: Ages
) -> tuple[list[Reason], list[Amount]]:
    year = {"year": today.year}
    if ages.elderly is None or ages.women is None:
        return [], []
    if case.age >= ages.elderly:
        reason = Msg(
            "Por tener {age} años o más, también puedes recibir la Pensión para el Bienestar de las Personas "
            "Adultas Mayores. No es del IMSS y no depende de tus semanas.",
            {"age": ages.elderly},
        )
        label = Msg("Pensión para Adultos Mayores, cada 2 meses (monto de {year})", year)
        return [Reason(reason, ELDERLY)], [Amount(label, kb.number("pension_adultos_mayores", today))]
    if ages.women <= case.age < ages.elderly and case.woman:
        reason = Msg(
            "Por ser mujer de {women} a {last} años, también puedes recibir la Pensión Mujeres Bienestar. "
            "No es del IMSS y no depende de tus semanas. A los {elderly} pasas a la de Adultos Mayores.",
            {"women": ages.women, "last": ages.elderly - 1, "elderly": ages.elderly},
        )
        label = Msg("Pensión Mujeres Bienestar, cada 2 meses (monto de {year})", year)
        return [Reason(reason, WOMEN)], [Amount(label, kb.number("pension_mujeres_bienestar", today))]
    return [], []


BIENESTAR_AMOUNTS = ("pension_adultos_mayores", "pension_mujeres_bienestar")


def pension(case: PensionCase, kb: KnowledgeBase, today: dt.date) -> Result:
    ages = Ages.on(kb, today)
    not_checked = [Msg("Tus semanas exactas: pide tu constancia de semanas cotizadas en el IMSS.")]
    steps: list[Msg] = []
    if case.regime is Regime.LAW_73:
        verdict, summary, reasons = _law_73(case, kb, today, ages)
        if ages.law_73 <= case.age < ages.old:
            not_checked.append(
                Msg(
                    "Antes de los {old} años, confirma en el IMSS si te piden haber dejado de trabajar con "
                    "salario.",
                    {"old": ages.old},
                )
            )
        steps.append(
            Msg(
                "Confirma tu régimen, tus semanas y cuánto te tocaría en el IMSS o en Tel-IMSS 800 623 2323. "
                "Asesoría gratis en temas de IMSS y AFORE: PROFEDET, gob.mx/profedet"
            )
        )
    else:
        verdict, summary, reasons = _law_97(case, kb, today, ages)
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
    extra, amounts = _bienestar(case, kb, today, ages)
    reasons += extra
    if amounts:
        steps.append(Msg("Para registrarte, pregunta en las oficinas de la Secretaría de Bienestar."))
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
        # The Bienestar amounts are set each January: last year's, until this year's is entered, is marked.
        provisional_note=provisional_note(
            kb, today, BIENESTAR_AMOUNTS if amounts else (), ask=Msg("la Secretaría de Bienestar")
        ),
    )

"""The calculators take their legal numbers from knowledge/parametros.yaml: change one and the result
follows, so no copy of it is left in the code or in the texts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.knowledge.model import KnowledgeBase, ParamValue
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo, deadline
from bot.rules.common import Period, Wage, Work
from bot.rules.guarderia import Coverage, GuarderiaCase, guarderia
from bot.rules.imss import FarmMode, ImssCase, Registration, imss
from bot.rules.maternidad import Insured, MaternidadCase, maternidad
from bot.rules.pension import PensionCase, Regime, pension
from bot.rules.vacaciones import VacacionesCase, vacaciones, vacation_days
from tests.rules.helpers import amounts, text

TODAY = dt.date(2026, 12, 4)
D = dt.date


def with_value(kb: KnowledgeBase, name: str, value: object) -> KnowledgeBase:
    """The knowledge base with `name` changed from its first value on."""
    parameter = kb.parameters[name]
    first = parameter.values[0]
    changed = dataclasses.replace(parameter, values=(ParamValue(first.since, value, "TEST", "prueba"),))
    return dataclasses.replace(kb, parameters={**kb.parameters, name: changed})


def test_aguinaldo_days_and_date(kb: KnowledgeBase) -> None:
    case = AguinaldoCase(Wage(100, Period.DAY), 2026)
    assert amounts(aguinaldo(case, with_value(kb, "aguinaldo_dias", 30), TODAY)) == {
        "Aguinaldo (30 días de salario)": 3000.00
    }
    later = with_value(kb, "aguinaldo_dia_limite_diciembre", 24)
    assert deadline(later, 2026) == D(2026, 12, 24)
    assert "antes del 24 de diciembre de 2026" in text(aguinaldo(case, later, D(2026, 12, 21)))


def test_vacation_rule_and_premium(kb: KnowledgeBase) -> None:
    assert vacation_days(with_value(kb, "vacaciones_dias_primer_anio", 14), TODAY, 1).days == 14
    assert vacation_days(with_value(kb, "vacaciones_aumento_cada_anios", 4), TODAY, 10).days == 24
    result = vacaciones(
        VacacionesCase(Wage(100, Period.DAY), 1), with_value(kb, "prima_vacacional", 0.5), TODAY
    )
    assert amounts(result)["Prima vacacional"] == 600.00 and "50 %" in text(result)
    assert "dentro de los 3 meses" in text(
        vacaciones(
            VacacionesCase(Wage(100, Period.DAY), 1), with_value(kb, "vacaciones_meses_para_darlas", 3), TODAY
        )
    )


def test_maternity_days_weeks_and_share(kb: KnowledgeBase) -> None:
    case = MaternidadCase(Insured.YES, 31, Wage(100, Period.DAY))
    assert amounts(maternidad(case, with_value(kb, "maternidad_dias", 98), TODAY)) == {
        "Subsidio del IMSS por 98 días (aproximado)": 9800.00
    }
    assert maternidad(case, with_value(kb, "maternidad_semanas_cotizadas", 32), TODAY).verdict.value == "no"
    assert "hasta 3 de las semanas" in text(
        maternidad(case, with_value(kb, "maternidad_semanas_transferibles", 3), TODAY)
    )


def test_day_care_ages_and_weeks(kb: KnowledgeBase) -> None:
    case = GuarderiaCase(Coverage.LEFT, D(2025, 1, 1), left_on=D(2026, 11, 20))
    result = guarderia(case, with_value(kb, "guarderia_semanas_tras_baja", 2), TODAY)
    assert "hasta el 4 de diciembre de 2026 (2 semanas después de tu baja)" in result.summary.render(str)
    young = GuarderiaCase(Coverage.INSURED, D(2026, 11, 1), Work.HOME)
    assert "cuando cumpla 50 días" in text(
        guarderia(young, with_value(kb, "guarderia_edad_desde_dias", 50), TODAY)
    )


def test_pension_ages(kb: KnowledgeBase) -> None:
    case = PensionCase(Regime.LAW_97, age=62, weeks=900)
    assert pension(case, with_value(kb, "pension_edad_cesantia", 63), TODAY).verdict.value == "no"
    assert "vejez" in pension(case, with_value(kb, "pension_edad_vejez", 62), TODAY).summary.render(str)


def test_imss_deadlines(kb: KnowledgeBase) -> None:
    farm = ImssCase(Work.FARM, Registration.NO, farm_mode=FarmMode.TEMPORARY)
    assert "máximo 9 días hábiles" in text(
        imss(farm, with_value(kb, "imss_campo_aviso_dias_habiles", 9), TODAY)
    )
    assert "más de 26 semanas" in text(
        imss(farm, with_value(kb, "campo_semanas_presuncion_permanente", 26), TODAY)
    )

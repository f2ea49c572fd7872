"""Guided checks and calculators, declared as data and run by the core's flow engine."""

from __future__ import annotations

from bot.checks import aguinaldo, finiquito, guarderia, imss, maternidad, pension, salario_minimo, vacaciones
from bot.core.flows import Flow

# The order of the /calcular menu.
FLOWS: dict[str, Flow] = {
    flow.name: flow
    for flow in (
        aguinaldo.FLOW,
        vacaciones.FLOW,
        finiquito.FLOW,
        salario_minimo.FLOW,
        imss.FLOW,
        maternidad.FLOW,
        guarderia.FLOW,
        pension.FLOW,
    )
}

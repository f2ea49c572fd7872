"""Fill an answer's {param:NAME} and {desde:NAME} placeholders with the values in force on a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from bot.formatting import date_long, money, number
from bot.i18n import N_
from bot.knowledge.model import KnowledgeBase, Parameter

PLACEHOLDER_RE = re.compile(r"\{(param|desde):([a-z0-9_]+)\}")
MONEY_UNITS = {"pesos_dia", "pesos_mes", "pesos_bimestre"}
STALE_NOTE = N_("cifra de {year}; la de {new_year} aún no está confirmada")


def format_value(parameter: Parameter, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if parameter.unit in MONEY_UNITS:
        return money(value)
    if parameter.unit == "proporcion":
        return f"{number(value * 100, 0)} %"
    return number(value, 0 if float(value).is_integer() else 2)


def _same(text: str) -> str:
    return text


def render(kb: KnowledgeBase, text: str, day: dt.date, gettext: Callable[[str], str] = _same) -> str:
    """Raises KeyError when a placeholder names a missing parameter (the checker reports it first).

    A yearly amount whose new value is not in parametros.yaml yet is given with its year and a warning,
    never as if it were this year's figure.
    """

    def fill(match: re.Match[str]) -> str:
        kind, name = match.groups()
        value = kb.param(name, day)
        if kind == "desde":
            return date_long(value.since)
        shown = format_value(kb.parameters[name], value.value)
        if value.provisional:
            note = gettext(STALE_NOTE)
            return f"{shown} ({note.format(year=value.year, new_year=day.year)})"
        return shown

    return PLACEHOLDER_RE.sub(fill, text)


def placeholders(text: str) -> list[str]:
    return [name for _, name in PLACEHOLDER_RE.findall(text)]

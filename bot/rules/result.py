"""What a check concludes, with its reasons and citations, as translatable messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.formatting import date_long, money, number


class Verdict(StrEnum):
    YES = "si"
    NO = "no"
    LIKELY = "probablemente"
    AMOUNT = "monto"  # a calculation: the answer is the amounts


@dataclass(frozen=True)
class Msg:
    """A message id (Spanish source text with {placeholders}) and its values, rendered late per language.

    Values that are floats with a `money_` prefix format as pesos, `date_` as long dates, a Msg renders in
    the same language (for translatable fragments), others as-is.
    """

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, gettext: Callable[[str], str]) -> str:
        values = {}
        for key, value in self.params.items():
            if key.startswith("money_"):
                values[key] = money(float(value))
            elif key.startswith("date_") and isinstance(value, dt.date):
                values[key] = date_long(value)
            elif isinstance(value, Msg):
                values[key] = value.render(gettext)
            elif isinstance(value, float):
                values[key] = number(value)
            else:
                values[key] = value
        return gettext(self.msgid).format(**values)


@dataclass(frozen=True)
class Reason:
    text: Msg
    citation: str  # e.g. "LFT 87"


@dataclass(frozen=True)
class Amount:
    label: Msg
    value: float


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    summary: Msg
    reasons: tuple[Reason, ...] = ()
    amounts: tuple[Amount, ...] = ()
    not_checked: tuple[Msg, ...] = ()
    next_steps: tuple[Msg, ...] = ()
    as_of: dt.date = dt.date(2000, 1, 1)
    related_entry: str | None = None
    # Why the figures are provisional (a yearly amount of last year used because this year's is not
    # confirmed yet); None when every figure used is the one in force.
    provisional_note: Msg | None = None

    @property
    def provisional(self) -> bool:
        return self.provisional_note is not None

    def to_json(self, gettext: Callable[[str], str]) -> dict[str, Any]:
        return {
            "veredicto": self.verdict.value,
            "resumen": self.summary.render(gettext),
            "fecha_de_calculo": self.as_of.isoformat(),
            "montos": [
                {"concepto": a.label.render(gettext), "monto": round(a.value, 2)} for a in self.amounts
            ],
            "razones": [{"razon": r.text.render(gettext), "base_legal": r.citation} for r in self.reasons],
            "no_se_revisa": [m.render(gettext) for m in self.not_checked],
            "que_hacer": [m.render(gettext) for m in self.next_steps],
            "provisional": self.provisional,
            **({"aviso_provisional": self.provisional_note.render(gettext)} if self.provisional_note else {}),
        }

"""What the knowledge base holds, as plain immutable data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

AUDIENCES = ("hogar", "campo", "general")


@dataclass(frozen=True)
class Source:
    url: str
    consulted: dt.date


@dataclass(frozen=True)
class Entry:
    id: str
    area: str
    title: str
    phrasings: tuple[str, ...]
    answer: str  # may hold {param:NAME} / {desde:NAME} placeholders
    legal_basis: tuple[str, ...]
    sources: tuple[Source, ...]
    in_force_since: dt.date
    reviewed: dt.date
    related: tuple[str, ...] = ()
    audience: tuple[str, ...] = ("general",)
    urgent: bool = False
    calculator: str | None = None
    not_verified: str = ""
    path: Path = Path()
    line: int = 0


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    emoji: str
    order: int
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class ParamValue:
    since: dt.date
    value: object
    status: str
    source: str
    url: str | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    yearly: bool
    values: tuple[ParamValue, ...]  # sorted by `since`

    def at(self, day: dt.date) -> ParamValue | None:
        """The value in force on `day`, or None before the first one took effect."""
        current = None
        for value in self.values:
            if value.since <= day:
                current = value
        return current


@dataclass(frozen=True)
class KnowledgeBase:
    areas: tuple[Area, ...]
    entries: dict[str, Entry]
    parameters: dict[str, Parameter]
    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)

    def area_of(self, entry_id: str) -> Area:
        area_id = self.entries[entry_id].area
        return next(a for a in self.areas if a.id == area_id)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def param(self, name: str, day: dt.date) -> ParamValue:
        parameter = self.parameters.get(name)
        value = parameter.at(day) if parameter else None
        if value is None:
            raise KeyError(f"no hay valor de {name} vigente el {day.isoformat()}")
        return value

    def number(self, name: str, day: dt.date) -> float:
        value = self.param(name, day).value
        if not isinstance(value, int | float):
            raise TypeError(f"{name} no es un número")
        return float(value)

"""What the knowledge base holds, as plain immutable data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

AUDIENCES = ("hogar", "campo", "general")
# The 32 federal entities, by the short code used in organizaciones.yaml and in buttons.
STATES: dict[str, str] = {
    "ags": "Aguascalientes",
    "bc": "Baja California",
    "bcs": "Baja California Sur",
    "camp": "Campeche",
    "chis": "Chiapas",
    "chih": "Chihuahua",
    "cdmx": "Ciudad de México",
    "coah": "Coahuila",
    "col": "Colima",
    "dgo": "Durango",
    "mex": "Estado de México",
    "gto": "Guanajuato",
    "gro": "Guerrero",
    "hgo": "Hidalgo",
    "jal": "Jalisco",
    "mich": "Michoacán",
    "mor": "Morelos",
    "nay": "Nayarit",
    "nl": "Nuevo León",
    "oax": "Oaxaca",
    "pue": "Puebla",
    "qro": "Querétaro",
    "qroo": "Quintana Roo",
    "slp": "San Luis Potosí",
    "sin": "Sinaloa",
    "son": "Sonora",
    "tab": "Tabasco",
    "tamps": "Tamaulipas",
    "tlax": "Tlaxcala",
    "ver": "Veracruz",
    "yuc": "Yucatán",
    "zac": "Zacatecas",
}
ORG_KINDS = ("organizacion", "servicio")
# How serious a problem told in a story is, most serious first: the bot answers in this order.
SEVERITIES = ("peligro", "plazo", "dinero", "informacion")
# The problems a story can hold (knowledge/problemas.yaml). Fixed: labelled test sets use these codes.
PROBLEM_CODES = (
    "violencia",
    "acoso-sexual",
    "encierro",
    "documentos-retenidos",
    "trabajo-infantil",
    "intoxicacion",
    "calor",
    "accidente",
    "enfermedad",
    "despido",
    "renuncia",
    "salario-no-pagado",
    "descuentos",
    "salario-bajo",
    "sin-imss",
    "embarazo",
    "jornada",
    "descanso",
    "vacaciones",
    "aguinaldo",
    "alimentos-vivienda",
    "enganchador",
    "discriminacion",
    "contrato",
    "pension",
    "cuidados",
    "otro",
)
EMPLOYER = "empleador"  # the key of a problem's answer for someone who employs
CONTACT_KINDS = ("web", "telefono", "correo")
VERIFIED_LABELS = ("VERIFIED-OFFICIAL", "VERIFIED-SECONDARY")


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
    only_if: tuple[str, ...] = ()  # offered only to a question that says one of these words (a region)
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
    # Set by KnowledgeBase.param() when a yearly value is used after its year ran out because the new one
    # is not in parametros.yaml yet: the figure is the last known one, not the one in force.
    provisional: bool = False

    @property
    def year(self) -> int:
        return self.since.year


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

    def expires(self) -> dt.date | None:
        """For a yearly parameter, the day its last known value stops being the current one (one year
        after its `desde`: 1 January for minimum wages and Bienestar amounts, 1 February for the UMA)."""
        if not self.yearly or not self.values:
            return None
        last = self.values[-1].since
        try:
            return last.replace(year=last.year + 1)
        except ValueError:  # a value from 29 February
            return last.replace(year=last.year + 1, day=28)

    def stale_on(self, day: dt.date) -> bool:
        """A yearly value is stale from a year after it took effect when no newer value was added."""
        expiry = self.expires()
        return expiry is not None and day >= expiry


@dataclass(frozen=True)
class Contact:
    kind: str  # one of CONTACT_KINDS
    value: str  # a URL, a phone number as people dial it, or an e-mail address
    note: str = ""  # e.g. "opción 0"
    verified: str = ""  # one of VERIFIED_LABELS: unverified channels are never loaded


@dataclass(frozen=True)
class Organization:
    """A union, civil organization or public service a user can contact herself."""

    code: str  # deep-link code: t.me/<bot>?start=<code>
    name: str
    short_name: str
    what: str  # one or two sentences on what they do
    kind: str  # one of ORG_KINDS
    audience: tuple[str, ...]  # hogar, campo, general
    states: tuple[str, ...]  # STATES codes; empty: all states or not specified
    contacts: tuple[Contact, ...]
    entry: str | None = None  # an entry of the knowledge base with more about them
    replaces: tuple[str, ...] = ()  # codes of general items this state-specific one stands in for
    reviewed: dt.date = dt.date.min
    path: Path = Path()
    line: int = 0

    def serves(self, work: str, state: str) -> bool:
        """Fits a user who works in `work` (hogar, campo or general) in `state` ("" when not said)."""
        fits_work = work == "general" or work in self.audience or "general" in self.audience
        fits_state = not self.states or state in self.states
        return fits_work and fits_state


@dataclass(frozen=True)
class ProblemKind:
    """One problem of knowledge/problemas.yaml, with only the entries that exist."""

    code: str  # one of PROBLEM_CODES
    severity: str  # one of SEVERITIES
    answers: dict[str, str]  # audience (or EMPLOYER) -> the entry that answers it
    urgent: str | None  # the urgent entry shown first when the danger is happening now
    entries: tuple[str, ...]  # every entry about this problem, answers included
    cues: tuple[str, ...]  # words that show the problem in a story
    danger: tuple[str, ...]  # words that show the danger itself
    over: tuple[str, ...] = ()  # words that show the danger is over and she asks about her rights
    unless: tuple[str, ...] = ()  # phrases in which a cue means something else ("me pegó el covid")

    @property
    def rank(self) -> int:
        return SEVERITIES.index(self.severity)


@dataclass(frozen=True)
class KnowledgeBase:
    areas: tuple[Area, ...]
    entries: dict[str, Entry]
    parameters: dict[str, Parameter]
    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)
    organizations: tuple[Organization, ...] = ()
    out_of_scope: tuple[str, ...] = ()  # questions we do not answer: the matcher learns "no sé" from them
    problems: dict[str, ProblemKind] = field(default_factory=dict)  # by code, from problemas.yaml

    def problem_of(self, entry_id: str) -> ProblemKind | None:
        """The problem an entry is about; None for general information."""
        return next((p for p in self.problems.values() if entry_id in p.entries), None)

    def organization(self, code: str) -> Organization | None:
        """The organization with this deep-link code; codes are compared without case."""
        wanted = code.lower()
        return next((o for o in self.organizations if o.code.lower() == wanted), None)

    def area_of(self, entry_id: str) -> Area:
        area_id = self.entries[entry_id].area
        return next(a for a in self.areas if a.id == area_id)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def param(self, name: str, day: dt.date) -> ParamValue:
        """The value in force on `day`. A yearly value past its year comes back with `provisional` set,
        so that nobody uses last year's figure without saying so."""
        parameter = self.parameters.get(name)
        value = parameter.at(day) if parameter else None
        if value is None:
            raise KeyError(f"no hay valor de {name} vigente el {day.isoformat()}")
        if parameter is not None and parameter.stale_on(day):
            return replace(value, provisional=True)
        return value

    def number(self, name: str, day: dt.date) -> float:
        value = self.param(name, day).value
        if not isinstance(value, int | float):
            raise TypeError(f"{name} no es un número")
        return float(value)

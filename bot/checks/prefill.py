"""Answers already said in a free-text question ("gano 10 mil al mes y trabajé todo el año").

Each extractor returns raw answers as text keyed by question id; the flow engine validates them exactly
like typed answers, so a misread number is dropped or re-asked, never trusted. Numbers, amounts, durations
and dates are read by the one parser, `bot.core.numbers`. `facts` gives the same things as values, for the
conversation to keep as context (numbers and categories only, never words).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from bot.core import numbers
from bot.rules.common import service
from bot.rules.result import Msg

Extractor = Callable[[str], dict[str, str]]

# Only to check that some words read as a date; the engine reads them again with the real today.
_SHAPE_DAY = dt.date(2026, 6, 15)


def simplify(text: str) -> str:
    """Lowercase without accents, numbers as `numbers.normalize` leaves them."""
    return numbers.normalize(text)


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(round(value, 2))


def wage(text: str) -> dict[str, str]:
    """'gano 300 diarios', 'me pagan $2,000 a la semana', 'gano 10 mil al mes', 'le pago mil quinientos'."""
    amount = numbers.find_amount(text)
    if amount is None:
        return {}
    found = {"salario": "$" + _plain(amount.value)}  # "$": a year-like amount said as pay stays pay
    if amount.period:
        found["periodo"] = amount.period
    return found


_WEEKDAYS = {"lunes a viernes": 5, "lunes a sabado": 6, "lunes a domingo": 7, "toda la semana": 7}


def days_per_week(text: str) -> dict[str, str]:
    """'trabajo 3 días a la semana', 'tres dias por semana', 'de lunes a viernes'."""
    tokens = simplify(text).split()
    joined = " ".join(tokens)
    for span in numbers.spans(tokens):
        after = " ".join(tokens[span.end : span.end + 4])
        per_week = re.match(r"dias? (?:a la|por|x|de la|cada|en la|por la|/) ?semana", after)
        if per_week and span.value in range(1, 8):
            return {"dias": str(int(span.value))}
    found = next((n for words, n in _WEEKDAYS.items() if words in joined), None)
    return {"dias": str(found)} if found else {}


def whole_year(text: str) -> dict[str, str]:
    """'trabajé todo el año'."""
    t = simplify(text)
    if re.search(r"\b(?:todo el ano|el ano completo|ano entero|todo este ano|el ano entero)\b", t):
        return {"tiempo": "todo"}
    return {}


_SERVICE_AFTER = re.compile(
    r"^(?:trabajando|laborando|de antiguedad|de servicio"
    r"|con (?:la|el|mi|ella|ellos|ellas|esa|ese|esta|la misma|el mismo|los mismos|una|un)\b"
    r"|en (?:el|ese|este|mi|la|esa|esta) (?:trabajo|casa|rancho|campo)|ahi|alli"
    r"|aqui|que trabajo|que trabaja|trabajo|en la chamba|de trabajadora|cuidando|limpiando)"
)
_SERVICE_BEFORE = {"llevo", "cumpli", "cumplo", "cumplire", "llevamos", "lleva"}


def service_duration(text: str) -> numbers.Duration | None:
    """How long the person has worked there: 'llevo 3 años', 'llevo año y medio', 'tengo 5 años trabajando',
    'hace 2 años que trabajo', 'trabajo ahí desde hace 4 años', '2 años de antigüedad' (not 'tengo 62
    años', not 'hace 2 años me corrieron')."""
    tokens = simplify(text).split()
    for i in range(len(tokens)):
        found = numbers.find_duration(tokens, i)
        if found is None:
            continue
        duration, end = found
        before = tokens[max(0, i - 2) : i]
        after = " ".join(tokens[end : end + 4])
        if (before[-1:] and before[-1] in _SERVICE_BEFORE) or _SERVICE_AFTER.match(after):
            return duration
        if before[-2:] == ["desde", "hace"]:
            return duration
    return None


def years_of_service(text: str) -> dict[str, str]:
    """Complete years of service, for the questions that ask for them."""
    duration = service_duration(text)
    return {"anios": str(duration.years)} if duration else {}


def age(text: str) -> dict[str, str]:
    """'tengo 62 años' (not 'tengo 3 años trabajando'), '62 años de edad', 'tengo sesenta y dos años'."""
    tokens = simplify(text).split()
    for span in numbers.spans(tokens):
        after = tokens[span.end : span.end + 3]
        if not after or after[0] not in ("ano", "anos"):
            continue
        rest = " ".join(after[1:])
        if rest.startswith("de edad") or (
            span.start > 0
            and tokens[span.start - 1] == "tengo"
            and not _SERVICE_AFTER.match(rest)
            and not rest.startswith(("cotizando", "en", "de antiguedad"))
        ):
            return {"edad": _plain(span.value)}
    return {}


def contributed_weeks(text: str, strict: bool = False) -> dict[str, str]:
    """'tengo 800 semanas', '35 semanas cotizadas', 'mil doscientas semanas cotizadas'. With `strict`, only
    weeks said to be contributions, so that 'tengo 30 semanas de embarazo' is not read as 30 weeks."""
    tokens = simplify(text).split()
    for span in numbers.spans(tokens):
        if tokens[span.end : span.end + 1] != ["semanas"] or span.half:
            continue
        after = " ".join(tokens[span.end + 1 : span.end + 3])
        if re.match(r"(?:cotizadas|de cotizacion|cotizando|en el imss)", after):
            return {"semanas": _plain(span.value)}
        before = tokens[span.start - 1] if span.start else ""
        pregnant = re.match(r"de (?:embarazo|gestacion|embarazada)", after)
        if not strict and not pregnant and before in ("tengo", "llevo", "junte", "con", "y"):
            return {"semanas": _plain(span.value)}
    return {}


def regime(text: str) -> dict[str, str]:
    """'empecé a cotizar en 1995' -> Ley 73; a year after 1997 -> Ley 97 (1997 itself is ambiguous)."""
    found = re.search(
        r"\b(?:empece|comence|inicie|empezo|entre) a (?:cotizar|trabajar)\D{0,12}(19\d\d|20\d\d)",
        simplify(text),
    )
    if not found:
        return {}
    year = int(found.group(1))
    if year < 1997:
        return {"regimen": "73"}
    if year > 1997:
        return {"regimen": "97"}
    return {}


def work(text: str) -> dict[str, str]:
    t = simplify(text)
    if re.search(
        r"\b(?:trabajadora? del hogar|empleada domestica|trabajo domestico|domestica|en una casa"
        r"|casa particular|limpio casas|nana|ninera|de planta|entrada por salida)\b",
        t,
    ):
        return {"trabajo": "hogar"}
    if re.search(r"\b(?:jornaler[oa]s?|en el campo|del campo|rancho|cosecha|pisca|huerta|agricola)\b", t):
        return {"trabajo": "campo"}
    return {}


def ending(text: str) -> dict[str, str]:
    t = simplify(text)
    if re.search(
        r"\b(?:me despidieron|me despidio|me corrieron|me corrio|me echaron|me hecharon|me sacaron|despido"
        r"|me dieron las gracias)\b",
        t,
    ):
        return {"termino": "despido"}
    if re.search(r"\b(?:renuncie|renuncio|renuncia|me sali|deje el trabajo)\b", t):
        return {"termino": "renuncia"}
    if re.search(
        r"\b(?:fin de (?:la )?temporada|se acabo la temporada|termino la temporada|termino mi contrato)\b", t
    ):
        return {"termino": "temporada"}
    return {}


def border(text: str) -> dict[str, str]:
    if re.search(r"\b(?:frontera norte|zona libre|en la frontera)\b", simplify(text)):
        return {"frontera": "si"}
    return {}


_START_WORDS = {"entre", "empece", "comence", "inicie", "desde", "ingrese", "contrataron", "contrato"}
_END_WORDS = {
    "sali",
    "corrieron",
    "despidieron",
    "renuncie",
    "termine",
    "hasta",
    "echaron",
    "corrio",
    "despidio",
}


def _said_day(tokens: list[str], leads: set[str]) -> str | None:
    for i, token in enumerate(tokens):
        if token not in leads:
            continue
        for start in range(i + 1, min(i + 4, len(tokens))):  # "entré a trabajar el 15/03/2020"
            found = numbers.find_day(tokens, start, _SHAPE_DAY)
            if found is not None:
                return found[0]
    return None


def dates(text: str) -> dict[str, str]:
    """'entré el 15/03/2020', 'entré en mayo', 'desde marzo del año pasado', 'me corrieron el 31 de
    octubre de 2026', 'me corrieron hace 2 semanas': the words, for the engine to read with today."""
    tokens = simplify(text).split()
    found: dict[str, str] = {}
    start = _said_day(tokens, _START_WORDS)
    if start:
        found["inicio"] = start
    end = _said_day(tokens, _END_WORDS)
    if end:
        found["fin"] = end
    return found


def combine(*extractors: Extractor) -> Extractor:
    def prefill(text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for extract in extractors:
            found.update(extract(text))
        return found

    return prefill


# ------------------------------------------------------------------------------------------------ facts
EMPLOYER_RE = re.compile(
    r"\b(?:mi (?:trabajadora|empleada|muchacha|chacha|nana|ninera|cuidadora|jardinero|chofer|trabajador)"
    r"|soy (?:patron|patrona|empleador|empleadora)|contrate a|le pago|le pagamos"
    r"|tengo una (?:trabajadora|empleada)"
    r"|la senora que (?:me )?ayuda|trabaja en mi casa|trabaja con nosotros)\b"
)


@dataclass(frozen=True)
class Facts:
    """What a message says about the person's work, as numbers and categories only (never words), so the
    conversation can keep it as context for a while and fill a calculator with it."""

    work: str | None = None  # "hogar" or "campo" (bot.rules.common.Work)
    employer: bool = False  # speaks as the one who pays ("mi trabajadora", "le pago")
    pay: float | None = None
    period: str | None = None  # bot.rules.common.Period value
    years: float | None = None  # years of service, 1.5 for "año y medio"
    days_per_week: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    notes: tuple[Msg, ...] = ()  # what was assumed to read the dates and the years

    @property
    def audience(self) -> str | None:
        """Who is asking: "empleadora", or the kind of work ("hogar", "campo"), or None."""
        return "empleadora" if self.employer else self.work

    @property
    def complete_years(self) -> int | None:
        return None if self.years is None else int(self.years + 1e-9)

    def empty(self) -> bool:
        return self == Facts()

    def merged(self, newer: Facts) -> Facts:
        """These facts updated with a newer message's: what the newer one says wins."""
        changes = {k: v for k, v in asdict(newer).items() if v not in (None, False, ())}
        changes.pop("notes", None)
        return replace(self, **changes, notes=newer.notes or self.notes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, for the conversation's short-lived context (notes are not kept)."""
        data = {k: v for k, v in asdict(self).items() if k != "notes" and v not in (None, False)}
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}

    @classmethod
    def from_dict(cls, data: Any) -> Facts:
        """Tolerates old or damaged records: anything unexpected is left out."""
        if not isinstance(data, dict):
            return cls()
        kinds: dict[str, tuple[type, ...]] = {
            "work": (str,), "employer": (bool,), "pay": (int, float), "period": (str,),
            "years": (int, float), "days_per_week": (int,), "start": (str,), "end": (str,),
        }  # fmt: skip
        values: dict[str, Any] = {}
        for key, kinds_ok in kinds.items():
            value = data.get(key)
            if isinstance(value, kinds_ok) and not (isinstance(value, bool) and key != "employer"):
                values[key] = value
        for key in ("start", "end"):
            if key in values:
                try:
                    values[key] = dt.date.fromisoformat(values[key])
                except ValueError:
                    values.pop(key)
        return cls(**values)

    def raw_answers(self) -> dict[str, str]:
        """The facts as raw answers for the questions several checks share (salario, periodo, dias, anios,
        inicio, fin, trabajo), to go through `flows.fill_noted` like typed answers."""
        raw: dict[str, str] = {}
        if self.work:
            raw["trabajo"] = self.work
        if self.pay is not None:
            raw["salario"] = "$" + _plain(self.pay)
        if self.period:
            raw["periodo"] = self.period
        if self.days_per_week is not None:
            raw["dias"] = str(self.days_per_week)
        if self.complete_years is not None:
            raw["anios"] = str(self.complete_years)
        if self.start is not None:
            raw["inicio"] = self.start.isoformat()
        if self.end is not None:
            raw["fin"] = self.end.isoformat()
        return raw


def facts(text: str, today: dt.date) -> Facts:
    """Everything `Facts` holds that the text says: 'Llevo 3 años con la misma familia y gano 10 mil al mes'
    -> years 3, pay 10000 monthly. Dates relative to `today`; estimates come with their notes."""
    notes: list[Msg] = []
    amount = numbers.find_amount(text)
    said = dates(text)
    start = _day(said.get("inicio"), today, notes)
    end = _day(said.get("fin"), today, notes)
    if start is not None and start > today:
        start = None
    duration = service_duration(text)
    years: float | None = round(duration.in_years(), 2) if duration else None
    if years is None and start is not None:
        served = service(start, end or today)
        years = round(served.years + served.fraction, 2)
    days = days_per_week(text).get("dias")
    return Facts(
        work=work(text).get("trabajo"),
        employer=bool(EMPLOYER_RE.search(simplify(text))),
        pay=amount.value if amount else None,
        period=amount.period if amount else None,
        years=years,
        days_per_week=int(days) if days else None,
        start=start,
        end=end,
        notes=tuple(notes),
    )


def _day(words: str | None, today: dt.date, notes: list[Msg]) -> dt.date | None:
    if not words:
        return None
    try:
        said = numbers.parse_day(words, today)
    except numbers.NotUnderstood:
        return None
    if said.note is not None:
        notes.append(said.note)
    return said.day

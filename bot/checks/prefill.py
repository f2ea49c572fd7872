"""Answers already said in a free-text question ("gano 300 diarios y trabajé todo el año").

Each extractor returns raw answers as text keyed by question id; the flow engine validates them exactly
like typed answers, so a misread number is dropped or re-asked, never trusted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Extractor = Callable[[str], dict[str, str]]

_NUMBER = r"\$?\s*(\d{1,3}(?:[ ,]\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_PERIODS = {
    "diario": r"(?:diarios?|diaria|al dia|por dia|x dia|el dia|cada dia|por jornada)",
    "semanal": r"(?:a la semana|por semana|x semana|semanales?|cada semana|la semana)",
    "quincenal": r"(?:a la quincena|por quincena|x quincena|quincenales?|cada quincena|la quincena)",
    "mensual": r"(?:al mes|por mes|x mes|mensuales?|cada mes|el mes)",
}
_MONEY_WORDS = r"(?:\s*(?:pesos|varos|mxn|de sueldo|de salario))?"
_WAGE_VERBS = (
    r"(?:gano|ganaba|me pagan|me pagaban|me paga|me pagaba|me dan|me daban|cobro|cobraba|sueldo (?:es )?de"
    r"|salario (?:es )?de|sueldo|salario)"
)
_DATE = r"(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2} de [a-z]+ (?:de |del )?\d{4})"


def simplify(text: str) -> str:
    """Lowercase without accents, keeping digits and the signs numbers use ($ , . /)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z0-9$,./\- ]+", " ", plain)
    return re.sub(r"\s+", " ", plain).strip()


def wage(text: str) -> dict[str, str]:
    """'gano 300 diarios', 'me pagan $2,000 a la semana', 'mi sueldo es de 9000 al mes'."""
    t = simplify(text)
    for value, pattern in _PERIODS.items():
        found = re.search(_NUMBER + _MONEY_WORDS + r"\s*" + pattern + r"\b", t)
        if found:
            return {"salario": found.group(1).replace(" ", ""), "periodo": value}
    found = re.search(
        r"\b" + _WAGE_VERBS + r"\s+(?:de\s+)?" + _NUMBER + r"(?!\s*(?:dias|anos|semanas|meses))", t
    )
    if found:
        return {"salario": found.group(1).replace(" ", "")}
    return {}


def days_per_week(text: str) -> dict[str, str]:
    """'trabajo 3 días a la semana'."""
    found = re.search(r"\b([1-7])\s*dias?\s*(?:a la|por|x|de la|cada)\s*semana", simplify(text))
    return {"dias": found.group(1)} if found else {}


def whole_year(text: str) -> dict[str, str]:
    """'trabajé todo el año'."""
    t = simplify(text)
    if re.search(r"\b(?:todo el ano|el ano completo|ano entero|todo este ano|el ano entero)\b", t):
        return {"tiempo": "todo"}
    return {}


def years_of_service(text: str) -> dict[str, str]:
    """'llevo 3 años', 'tengo 5 años trabajando', '2 años de antigüedad'."""
    t = simplify(text)
    patterns = (
        r"\bllevo\s+(\d{1,2})\s+anos?\b",
        r"\b(\d{1,2})\s+anos?\s+(?:trabajando|laborando|de antiguedad|en (?:el|ese|este|mi) trabajo)",
        r"\bhace\s+(\d{1,2})\s+anos?\s+que\s+trabajo",
        r"\b(?:tengo|cumpli|trabaje)\s+(\d{1,2})\s+anos?\s+(?:con|ahi|alli|en)\b",
    )
    for pattern in patterns:
        found = re.search(pattern, t)
        if found:
            return {"anios": found.group(1)}
    return {}


def age(text: str) -> dict[str, str]:
    """'tengo 62 años' (not 'tengo 3 años trabajando'), '62 años de edad'."""
    t = simplify(text)
    found = re.search(r"\b(\d{2,3})\s+anos?\s+de\s+edad\b", t) or re.search(
        r"\btengo\s+(\d{2,3})\s+anos?\b"
        r"(?!\s+(?:trabajando|laborando|cotizando|de antiguedad|en|con|ahi|alli))",
        t,
    )
    return {"edad": found.group(1)} if found else {}


def contributed_weeks(text: str, strict: bool = False) -> dict[str, str]:
    """'tengo 800 semanas', '35 semanas cotizadas'. With `strict`, only weeks said to be contributions,
    so that 'tengo 30 semanas de embarazo' is not read as 30 weeks contributed."""
    t = simplify(text)
    found = re.search(
        r"\b(\d{1,2},\d{3}|\d{1,4})\s+semanas\s+(?:cotizadas|de cotizacion|cotizando|en el imss)", t
    )
    if not found and not strict:
        found = re.search(
            r"\b(?:tengo|llevo|junte|cuento con|y|con)\s+(\d{1,2},\d{3}|\d{1,4})\s+semanas\b"
            r"(?!\s+de\s+(?:embarazo|gestacion|embarazada))",
            t,
        )
    return {"semanas": found.group(1)} if found else {}


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


def dates(text: str) -> dict[str, str]:
    """'entré el 15/03/2020', 'me corrieron el 31 de octubre de 2026'."""
    t = simplify(text)
    found: dict[str, str] = {}
    start = re.search(r"\b(?:entre|empece|comence|inicie|desde)\b\D{0,20}?" + _DATE, t)
    if start:
        found["inicio"] = start.group(1)
    end = re.search(r"\b(?:sali|me corrieron|me despidieron|renuncie|termine|hasta)\b\D{0,20}?" + _DATE, t)
    if end:
        found["fin"] = end.group(1)
    return found


def combine(*extractors: Extractor) -> Extractor:
    def prefill(text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for extract in extractors:
            found.update(extract(text))
        return found

    return prefill

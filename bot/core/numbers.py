"""The one reader of everyday Spanish numbers, money, durations and dates, as people type them on a phone.

"tres mil", "10 mil al mes", "$2,500.00", "2.500", "mil 500", "300 x dia", "desde marzo", "hace 2 años",
"año y medio", "no sé". Pure functions, no I/O; relative dates need `today`. What had to be guessed (the day
of a month, a date counted back from a duration) comes back as `estimated` with a `Msg` note to tell the
user. A year ("2026", "en 2026", "del 2025") or a date is never an amount.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.i18n import N_
from bot.rules.result import Msg

DAY, WEEK, FORTNIGHT, MONTH = "diario", "semanal", "quincenal", "mensual"  # = bot.rules.common.Period

NOTE_MONTH = N_("No me dijiste el día: tomé el {date_day}, más o menos.")
NOTE_YEAR = N_("No me dijiste el día ni el mes: tomé el {date_day}, más o menos.")
NOTE_NO_YEAR = N_("No me dijiste el año: tomé el {date_day}.")
NOTE_AGO = N_("Conté hacia atrás desde hoy: tomé el {date_day}, más o menos.")

NOT_A_NUMBER = N_("No entendí el número. Escribe solo cifras, por ejemplo 300.")
ONE_NUMBER = N_("Escribe una sola cantidad, por ejemplo 300.")
A_YEAR = N_(
    "Eso parece un año. Si es lo que te pagan, escribe también «pesos», por ejemplo «{amount} pesos»."
)
NEGATIVE = N_("El número no puede ser negativo.")
NOT_A_DATE = N_("No entendí la fecha. Escríbela así: día/mes/año, por ejemplo 15/03/2024.")
NO_SUCH_DATE = N_("Esa fecha no existe. Revísala, por ejemplo 15/03/2024.")


class NotUnderstood(ValueError):
    """`message` is a msgid for the re-ask; `params` its values."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Amount:
    value: float
    period: str | None = None  # DAY, WEEK, FORTNIGHT, MONTH when said with the amount


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None = None  # "anios", "meses", "semanas", "dias", "horas" when said


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0

    def in_years(self) -> float:
        return self.years + self.months / 12 + self.days / 365

    def before(self, today: dt.date) -> dt.date:
        months = today.year * 12 + today.month - 1 - self.years * 12 - self.months
        year, month = divmod(months, 12)
        return _clamped(year, month + 1, today.day) - dt.timedelta(days=self.days)


@dataclass(frozen=True)
class Day:
    day: dt.date
    estimated: bool = False
    note: Msg | None = None


# ----------------------------------------------------------------------------------------- vocabulary
_WORDS: dict[str, int] = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiun": 21, "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
    "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
}  # fmt: skip
_HUNDREDS = {
    "doscientos": 200, "dosientos": 200, "trescientos": 300, "tresientos": 300, "cuatrocientos": 400,
    "cuatrosientos": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600, "seisientos": 600,
    "setecientos": 700, "sietecientos": 700, "ochocientos": 800, "ochosientos": 800, "novecientos": 900,
    "novesientos": 900, "nuevecientos": 900,
}  # fmt: skip
_WORDS |= _HUNDREDS | {k.replace("ientos", "ientas"): v for k, v in _HUNDREDS.items()}
_MULTIPLIERS = {"mil": 1000, "k": 1000, "millon": 1_000_000, "millones": 1_000_000}
_NUMBER_WORDS = sorted((w for w in _WORDS if len(w) > 2), key=len, reverse=True)

_PERIOD_PHRASES: tuple[tuple[str, str], ...] = (
    (FORTNIGHT, r"(?:a la|por|x|cada|la|/) ?quin[cs]ena|quin[cs]enal(?:es|mente)?|cada (?:15|quince) dias"),
    (DAY, r"(?:al|por|x|el|cada|/) ?dia|diari[oa]s?|a diario|por jornada|la jornada|el jornal"),
    (WEEK, r"(?:a la|por|x|cada|la|/) ?semana|semanal(?:es|mente)?|por sem"),
    (MONTH, r"(?:al|por|x|cada|el|/) ?mes|mensual(?:es|mente)?"),
)
_PERIOD_RE = [(p, re.compile(r"(?<![a-z])(?:" + rx + r")(?![a-z])")) for p, rx in _PERIOD_PHRASES]
_CURRENCY = {"$", "pesos", "peso", "pesitos", "mexicanos", "varos", "baros", "bolas", "mxn", "mn", "m.n"}
_UNIT_WORDS = {
    "ano": "anios", "anos": "anios", "meses": "meses", "mes": "meses", "semana": "semanas",
    "semanas": "semanas", "dia": "dias", "dias": "dias", "hora": "horas", "horas": "horas",
}  # fmt: skip
# Words an answer may carry around its number without changing it.
_FILLER = frozenset(
    re.findall(
        r"\S+",
        "como unos unas mas o menos aprox aproximadamente son es de me nos pagan pagaban paga pagaba "
        "gano ganaba cobro cobraba dan daban sueldo salario mi el la al a por x cada en total "
        "limpios solo nada mas mxn y medio media pues creo que le",
    )
)
_UNKNOWN_RE = re.compile(
    r"^(?:no se|nose|no lo se|no sabo|ni idea|no tengo idea|no me acuerdo|no recuerdo|no lo recuerdo"
    r"|ns|nu se|quien sabe|sepa|no estoy segur[oa]|no se bien|no lo se bien)$"
)
_YEAR_MARKERS = {"en", "del", "de", "ano", "el", "desde", "hasta", "para", "antes", "despues"}

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sep", "sept"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ],
        start=1,
    )
    for name in names
}


# ------------------------------------------------------------------------------------------ normalize
def normalize(text: str) -> str:
    """Lowercase without accents, digits split from glued words ("3mil", "300x"), "tresmil" split,
    thousands written with spaces joined ("3 000"), keeping the signs numbers and dates use ($ , . / -)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ñ", "n")
    plain = re.sub(r"[^a-z0-9$,./\-' ]+", " ", plain).replace("'", "")
    plain = plain.replace("$", " $ ")
    plain = re.sub(r"(?<=\d)\s*/\s*(?=[a-z])", " por ", plain)
    plain = re.sub(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)", " ", plain)
    words = "|".join(_NUMBER_WORDS)
    plain = re.sub(r"\b(" + words + r")(mil|millones)\b", r"\1 \2", plain)
    plain = re.sub(r"\bmil(" + words + r")\b", r"mil \1", plain)
    plain = re.sub(r"\b\d{1,3}(?: \d{3})+\b(?![.,/-]\d)", lambda m: m.group(0).replace(" ", ""), plain)
    tokens = [t.strip(".,-/") or t for t in plain.split()]
    return " ".join(t for t in tokens if t)


def is_unknown(text: str) -> bool:
    """'no sé', 'nose', 'ni idea', 'no me acuerdo'."""
    return bool(_UNKNOWN_RE.match(normalize(text).replace(".", "").strip()))


# -------------------------------------------------------------------------------------------- numbers
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")
_DECIMAL = re.compile(r"^\d+([.,]\d{1,2})?$")
_DATE_TOKEN = re.compile(r"^\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?$|^\d{1,2}\.\d{1,2}\.\d{2,4}$")


def digits_value(token: str) -> float | None:
    """One token written with digits: '2,500.00', '2.500' (thousands dot), '300,50', '315.04'."""
    if _THOUSANDS_COMMA.match(token):
        return float(token.replace(",", ""))
    if _THOUSANDS_DOT.match(token):
        return float(token.replace(".", "").replace(",", "."))
    if _DECIMAL.match(token):
        return float(token.replace(",", "."))
    return None


@dataclass(frozen=True)
class Span:
    """A run of tokens that reads as one number, e.g. ['2', 'mil', '500'] or ['mil', 'quinientos']."""

    start: int
    end: int  # exclusive
    value: float
    half: bool = False  # "... y medio"


def spans(tokens: Sequence[str]) -> list[Span]:
    """Every number in the tokens, in order. Two bare numbers in a row are two numbers, not one sum."""
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        total, current, j, last_digit, words = 0.0, 0.0, i, False, False
        while j < len(tokens):
            token = tokens[j]
            digit = digits_value(token)
            if digit is not None and not last_digit and not (words and current):
                current += digit
                last_digit = True
            elif token in _MULTIPLIERS and (j > i) and (token != "k" or last_digit):
                factor = _MULTIPLIERS[token]
                if factor == 1000:
                    total += (current or 1) * 1000
                else:
                    total = (total + (current or 1)) * factor
                current, last_digit = 0.0, False
            elif token == "mil" and j == i:
                total, last_digit = 1000.0, False
            elif token in _WORDS and not last_digit:
                current += _WORDS[token]
                words = True
            elif token == "y" and words and j + 1 < len(tokens) and tokens[j + 1] in _WORDS:
                pass
            else:
                break
            j += 1
        if j > i:
            half = j + 1 < len(tokens) and tokens[j] == "y" and tokens[j + 1] in ("medio", "media")
            found.append(Span(i, j + 2 if half else j, total + current + (0.5 if half else 0), half))
            i = found[-1].end
        else:
            i += 1
    return found


def period_of(text: str) -> str | None:
    """'al mes' -> MONTH, 'quincenal' -> FORTNIGHT, '300 x dia' -> DAY; None when no period is said."""
    t = normalize(text)
    hits = [(m.start(), p) for p, rx in _PERIOD_RE for m in [rx.search(t)] if m]
    return min(hits)[1] if hits else None


def _year_like(value: float, token: str, today: dt.date | None) -> bool:
    """A bare number that is this year or next to it reads as a year (only when we know today)."""
    return today is not None and re.fullmatch(r"\d{4}", token) is not None and abs(value - today.year) <= 1


def parse_amount(text: str, today: dt.date | None = None) -> Amount:
    """An answer to "how much?": one amount, maybe with currency and period words ('10 mil al mes').
    Anything else in the answer makes it not understood, so a misread is re-asked rather than stored.
    With `today`, a bare number that is this year or next to it is taken for a year."""
    t = normalize(text)
    if re.match(r"^\s*-\s*\$?\s*\d", text):
        raise NotUnderstood(NEGATIVE)
    if any(_DATE_TOKEN.match(w) for w in t.split()):
        raise NotUnderstood(NOT_A_NUMBER)
    period = period_of(t)
    for _p, rx in _PERIOD_RE:  # "cada 15 dias" is a period, not a second number
        t = rx.sub(" ", t)
    tokens = t.split()
    found = spans(tokens)
    if not found:
        raise NotUnderstood(NOT_A_NUMBER)
    if len(found) > 1:
        raise NotUnderstood(ONE_NUMBER)
    span = found[0]
    said = tokens[span.start : span.end]
    rest = tokens[: span.start] + tokens[span.end :]
    year_like = len(said) == 1 and re.fullmatch(r"(?:19|20)\d\d", said[0]) is not None
    if year_like and span.start and tokens[span.start - 1] in _YEAR_MARKERS:
        raise NotUnderstood(A_YEAR, amount=said[0])
    if [w for w in rest if w not in _FILLER and w not in _CURRENCY]:
        raise NotUnderstood(NOT_A_NUMBER)
    money_said = any(w in _CURRENCY for w in rest) or period is not None
    if year_like and not money_said and _year_like(span.value, said[0], today):
        raise NotUnderstood(A_YEAR, amount=said[0])
    return Amount(span.value, period)


def parse_quantity(text: str) -> Quantity:
    """An answer to "how many?": '3', 'tres', '6 meses', 'año y medio', '800 semanas'."""
    t = normalize(text)
    if re.match(r"^\s*-\s*\d", text):
        raise NotUnderstood(NEGATIVE)
    tokens = t.split()
    if tokens and tokens[0] in ("ano", "anos", "mes", "semana", "dia") and len(tokens) > 1:
        tokens = ["un", *tokens]  # "año y medio"
    found = spans(tokens)
    if len(found) != 1:
        raise NotUnderstood(NOT_A_NUMBER if not found else ONE_NUMBER)
    span = found[0]
    rest = tokens[: span.start] + tokens[span.end :]
    unit = next((_UNIT_WORDS[w] for w in rest if w in _UNIT_WORDS), None)
    value = span.value
    if unit is not None and rest[-2:] in (["y", "medio"], ["y", "media"]):
        value += 0.5
    leftover = [w for w in rest if w not in _FILLER and w not in _UNIT_WORDS and w not in _CURRENCY]
    if leftover:
        raise NotUnderstood(NOT_A_NUMBER)
    return Quantity(value, unit)


# ------------------------------------------------------------------------------------------ durations
_DURATION_UNIT = re.compile(r"^(anos?|mes(?:es)?|semanas?|dias?)$")


def parse_duration(text: str) -> Duration | None:
    """'2 años y medio', 'año y medio', 'medio año', '6 meses', 'un año 3 meses', '3 semanas'; 'hace' and
    'llevo' in front are fine. None when the text is not a duration."""
    t = normalize(text)
    t = re.sub(r"^(?:hace|llevo|tengo|como|unos|unas|ya|mas de|casi)\s+", "", t)
    t = re.sub(r"^(?:hace|llevo|tengo|como|unos|unas|ya)\s+", "", t)
    t = re.sub(r"^medio ano\b", "0 anos y medio", t)
    t = re.sub(r"^(ano|mes)\b", r"un \1", t)
    tokens = t.split()
    years = months = days = 0.0
    i = 0
    seen = False
    while i < len(tokens):
        found = spans(tokens[i:])
        if not found or found[0].start != 0 or found[0].half:
            return None
        span = found[0]
        unit_at = i + span.end
        if unit_at >= len(tokens) or not _DURATION_UNIT.match(tokens[unit_at]):
            return None
        unit, value = tokens[unit_at], span.value
        i = unit_at + 1
        if tokens[i : i + 2] in (["y", "medio"], ["y", "media"]):
            value += 0.5
            i += 2
        if unit.startswith("ano"):
            years += value
        elif unit.startswith("mes"):
            months += value
        elif unit.startswith("semana"):
            days += value * 7
        else:
            days += value
        seen = True
        if i < len(tokens) and tokens[i] in ("y", "con"):
            i += 1
    if not seen:
        return None
    whole_years = int(years)
    months += (years - whole_years) * 12
    whole_months = int(months)
    days += (months - whole_months) * 30
    return Duration(whole_years, whole_months, round(days))


# ---------------------------------------------------------------------------------------------- dates
def _clamped(year: int, month: int, day: int) -> dt.date:
    while True:
        try:
            return dt.date(year, month, day)
        except ValueError:
            if day <= 28:
                raise
            day -= 1


_YEAR_TAIL = (
    (r"(?:del|de)? ?(?:ano pasado|pasado ano)$", -1),
    (r"(?:del|de)? ?(?:ano antepasado|antepasado)$", -2),
    (r"(?:del|de)? ?este ano$", 0),
)


def _year_word(words: list[str], today: dt.date | None) -> tuple[int | None, list[str]]:
    """Takes the year off the end: '... del año pasado', '... de este año', '... del 2024', '... 24'."""
    text = " ".join(words)
    for pattern, offset in _YEAR_TAIL if today is not None else ():
        found = re.search(pattern, text)
        if found and today is not None:
            return today.year + offset, text[: found.start()].split()
    found = re.search(r"(?:(?:del|de) )?(\d{4})$", text)
    if found is None and len(words) > 1 and words[-2] in MONTHS:
        found = re.search(r"(?:(?:del|de) )?(\d{2})$", text)
    if found is None:
        return None, words
    year = int(found.group(1))
    return (year + 2000 if year < 100 else year), text[: found.start()].split()


_LEADING = re.compile(
    r"^(?:(?:desde|en|el|del?|a partir del?|como|por|a finales del?|a principios del?|a mediados del?"
    r"|mes de|entre|entre el|inicie|empece|hace como)\s+)+"
)


def parse_day(text: str, today: dt.date | None = None) -> Day:
    """'15/03/2024', '2024-03-15', '15 de marzo de 2024', 'marzo 2024'; with `today` also 'hoy', 'ayer',
    'en mayo', 'desde marzo del año pasado', 'el 15 de marzo', 'en 2024', 'hace 2 años', '6 meses'.
    Anything short of a full date is `estimated`, with a note saying what was taken."""
    raw = text.strip()
    try:
        return Day(dt.date.fromisoformat(raw))
    except ValueError:
        pass
    t = re.sub(r"\b(\d{1,2}) (?:o|ro|ero|er)\b", r"\1", normalize(raw))  # "1o de julio", "1ro"
    t = re.sub(r"^((?:el |en )?(?:" + "|".join(MONTHS) + r")) pasado$", r"\1", t)  # the last October
    part = re.match(r"^a (finales|mediados) de\s+", t)
    t = _LEADING.sub("", t)
    try:
        found = _exact_or_partial(t, today)
        if found is not None and part and re.fullmatch(r"\d{4}", t):
            first = found.day.replace(month=12 if part.group(1) == "finales" else 7)
            found = Day(first, True, Msg(NOTE_MONTH, {"date_day": first}))
    except ValueError:
        raise NotUnderstood(NO_SUCH_DATE) from None
    if found is not None:
        return found
    if today is not None:
        duration = parse_duration(t)
        if duration is not None:
            day = duration.before(today)
            return Day(day, True, Msg(NOTE_AGO, {"date_day": day}))
    raise NotUnderstood(NOT_A_DATE)


def _exact_or_partial(t: str, today: dt.date | None) -> Day | None:
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?", t)
    if numeric:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if numeric.group(3):
            said = int(numeric.group(3))
            return Day(dt.date(said + 2000 if said < 100 else said, month, day))
        return _no_year(day, month, today) if today is not None else None
    if today is not None and t in ("hoy", "hoy mismo", "today", "ahorita", "ahora"):
        return Day(today)
    if today is not None and t in ("ayer", "antier", "anteayer", "antes de ayer"):
        return Day(today - dt.timedelta(days=1 if t == "ayer" else 2))
    if today is not None and t in ("mes pasado", "el mes pasado"):
        first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        return Day(first, True, Msg(NOTE_MONTH, {"date_day": first}))
    year, words = _year_word(t.replace(" de ", " ").replace(" del ", " ").split(), today)
    if len(words) == 2 and words[0].isdigit() and words[1] in MONTHS:
        if year is not None:
            return Day(dt.date(year, MONTHS[words[1]], int(words[0])))
        return _no_year(int(words[0]), MONTHS[words[1]], today) if today is not None else None
    if len(words) == 1 and words[0] in MONTHS:
        if year is None and today is None:
            return None
        month = MONTHS[words[0]]
        if year is None:
            assert today is not None
            year = today.year if month <= today.month else today.year - 1
        first = dt.date(year, month, 1)
        return Day(first, True, Msg(NOTE_MONTH, {"date_day": first}))
    if not words and year is not None and today is not None:
        first = dt.date(year, 1, 1)
        return Day(first, True, Msg(NOTE_YEAR, {"date_day": first}))
    return None


def _no_year(day: int, month: int, today: dt.date) -> Day:
    """A day and month without a year: the last one that is not in the future."""
    guess = dt.date(today.year, month, day)
    if guess > today:
        guess = dt.date(today.year - 1, month, day)
    return Day(guess, True, Msg(NOTE_NO_YEAR, {"date_day": guess}))


# ------------------------------------------------------------------------------------------ in a story
_WAGE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "gano ganaba ganamos pagan pagaban paga pagaba pago pagamos pagaria doy damos dan daban cobro "
        "cobraba sueldo salario ingreso ganancia son eran",
    )
)
_NOT_MONEY_AFTER = frozenset(
    re.findall(
        r"\S+",
        "dia dias ano anos mes meses semana semanas hora horas hijo hijos hija hijas persona personas casa "
        "casas vez veces kilos cajas cubetas surcos metros km kilometros minutos cuartos de edad am pm",
    )
)
_PAY_VERBS = _WAGE_WORDS - {"sueldo", "salario", "ingreso", "ganancia", "son", "eran"}
_CURRENCY_AFTER = re.compile(r"^(?:(?:pesos?|varos|baros|mxn|mn|de sueldo|de salario|limpios) ?)+")


def _period_at(text: str) -> str | None:
    for period, rx in _PERIOD_RE:
        found = rx.match(text)
        if found:
            return period
    return None


def _period_before(tokens: Sequence[str], start: int) -> str | None:
    """'al mes me dan 9 mil': a period said just before the amount."""
    before = " ".join(tokens[max(0, start - 4) : start])
    return next((period for period, rx in _PERIOD_RE if rx.search(before)), None)


def find_amount(text: str) -> Amount | None:
    """The pay said in a story ("gano 10 mil al mes en una casa", "me pagan $2,500 a la quincena"): the first
    number with a money cue ($, pesos, mil, a period, a verb like gano/me pagan right before). A count of
    days, years or weeks, a date and a year are never taken for it."""
    tokens = normalize(text).split()
    for span in spans(tokens):
        said = tokens[span.start : span.end]
        if said in (["un"], ["una"], ["uno"]) or span.half:
            continue
        after = " ".join(tokens[span.end : span.end + 5])
        currency = _CURRENCY_AFTER.match(after)
        rest = after[currency.end() :] if currency else after
        period = _period_at(rest)
        next_word = tokens[span.end] if span.end < len(tokens) else ""
        before = tokens[max(0, span.start - 3) : span.start]
        if period is None and next_word in _NOT_MONEY_AFTER:
            continue
        year_like = len(said) == 1 and re.fullmatch(r"(?:19|20)\d\d", said[0]) is not None
        if year_like and before and before[-1] in _YEAR_MARKERS:
            continue
        dollar = bool(before) and before[-1] == "$"
        multiplied = any(w in _MULTIPLIERS for w in said)
        near = [w for w in before if w not in ("como", "unos", "de", "me", "le", "nos", "es")][-1:]
        verb = bool(near) and near[0] in _WAGE_WORDS
        if year_like and not (dollar or currency or period or multiplied or (verb and near[0] in _PAY_VERBS)):
            continue
        if dollar or currency or period or multiplied or verb:
            return Amount(span.value, period or _period_before(tokens, span.start))
    return None


def find_duration(tokens: Sequence[str], start: int) -> tuple[Duration, int] | None:
    """The longest duration that starts at `tokens[start]` ("2 anos y medio con ella" -> 2.5 years), with
    the index just after it."""
    for end in range(min(len(tokens), start + 7), start, -1):
        if tokens[end - 1] in ("y", "con", "de"):
            continue
        duration = parse_duration(" ".join(tokens[start:end]))
        if duration is not None:
            return duration, end
    return None


def find_day(tokens: Sequence[str], start: int, today: dt.date) -> tuple[str, Day, int] | None:
    """The longest date that starts at `tokens[start]` ("en mayo y me corrieron" -> 'en mayo'): the words,
    the day read and the index just after them."""
    for end in range(min(len(tokens), start + 7), start, -1):
        words = " ".join(tokens[start:end])
        try:
            return words, parse_day(words, today), end
        except NotUnderstood:
            continue
    return None

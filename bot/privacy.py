"""Pseudonymous user keys: a keyed HMAC of the Telegram id, so the store never holds the real id."""

from __future__ import annotations

import bisect
import functools
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import unicodedata
from collections import OrderedDict
from pathlib import Path

import snowballstemmer

from bot.matching.stopwords import STOPWORDS

log = logging.getLogger(__name__)
SECRET_FILE = "secret.key"


class SecretKeyError(Exception):
    """The key file exists but cannot be used: replacing it would orphan every user's pseudonym."""


def load_secret(data_dir: Path, configured: str | None) -> bytes:
    """BOT_SECRET when set; otherwise a random key generated once into the data folder (mode 0600).

    An existing key file that is unreadable or damaged stops the bot with a clear message: a silently
    generated new key would make every stored state and counter unreachable.
    """
    if configured:
        return configured.encode()
    path = data_dir / SECRET_FILE
    if path.exists():
        try:
            key = path.read_bytes().strip()
        except OSError as exc:
            raise SecretKeyError(f"{path}: no se puede leer ({exc.strerror}); revisa sus permisos") from None
        if len(key) != 64 or not all(c in b"0123456789abcdef" for c in key.lower()):
            raise SecretKeyError(
                f"{path}: la clave está dañada (se esperan 64 caracteres hexadecimales). "
                "Restáurala de un respaldo o, si se perdió, bórrala a mano: los usuarios empezarán de cero."
            )
        return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    # Written whole or not at all: a crash mid-write must not leave a truncated key behind.
    temporary = path.with_name(SECRET_FILE + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
    return key


class Pseudonymizer:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def user_key(self, user_id: int | str) -> str:
        return hmac.new(self._secret, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


# Identifiers people paste into a question: removed before a consented question is kept.
_SCRUBBERS = (
    (re.compile(r"\S+@\S+"), "[correo]"),
    (re.compile(r"(https?://|www\.)\S+", re.I), "[enlace]"),
    (re.compile(r"@\w+"), "[usuario]"),
    (re.compile(r"\b[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d\b", re.I), "[curp]"),
    (re.compile(r"\b[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}\b", re.I), "[rfc]"),
    (re.compile(r"\d[\d\s().-]*\d|\d"), "[número]"),
)
MAX_SHARED = 300
DROPPED = "…"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN_RE = re.compile(r"\[[a-zú]+\]|[^\W\d_]+|[.!?\n:;,]", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("spanish")
# Words of this domain that a general dictionary lacks.
_DOMAIN_WORDS = _words(
    "imss infonavit afore afores profedet conasami sat uma curp rfc lft lss whatsapp telegram cdmx dif "
    "finiquito aguinaldo liquidacion incapacidad jornalera jornalero jornaleras jornaleros patrona patron "
    "patrones patronas quincena quincenal chamba lana pesos varos porfa xq pq q k tmb xfa ok"
)
# Given names, surnames and places that are also everyday words, or too common to risk: always dropped.
_ALWAYS_DROPPED = _words(
    """
    maria jose juan rosa luz paulina cristina ramiro jazmin nacho transito beltran cristobal santiago
    paz pilar dolores mercedes guadalupe lupe lupita carmen angeles angel sol flor
    esperanza socorro consuelo soledad rocio gloria victoria alma blanca perla estrella cielo azucena
    margarita violeta reyna reina concepcion concha trinidad asuncion rosario fe caridad amparo remedios
    ana juana francisca teresa patricia leticia veronica adriana gabriela alejandra martha marta silvia
    elena laura claudia monica sandra norma irma yolanda beatriz susana lucia isabel sofia fernanda diana
    karla brenda erika araceli maribel marisol rosalba herminia josefina antonia catalina petra eva
    pedro pablo luis carlos jorge miguel jesus manuel antonio francisco javier alejandro ricardo roberto
    fernando sergio raul arturo eduardo mario rafael enrique alberto hector oscar ruben salvador santiago
    martin cruz santos leon reyes rey flores garcia hernandez martinez lopez gonzalez perez sanchez ramirez
    torres rivera gomez diaz vazquez morales jimenez ruiz mendoza aguilar ortiz castillo moreno romero
    alvarez medina castro vargas ramos herrera chavez guzman mendez rojas salazar nava soto delgado rios
    dominguez velazquez contreras luna ortega estrada guerrero cortes juarez rosas
    mexico oaxaca chiapas guerrero puebla veracruz yucatan sinaloa sonora jalisco michoacan hidalgo morelos
    tlaxcala durango zacatecas tabasco campeche colima nayarit queretaro guanajuato chihuahua coahuila
    tamaulipas aguascalientes tijuana mexicali ensenada culiacan monterrey guadalajara merida cancun
    acapulco toluca leon iztapalapa coyoacan ecatepec nezahualcoyotl tlalpan xochimilco quintin sanquintin
    pachuca saltillo morelia xalapa jalapa villahermosa tuxtla chilpancingo cuernavaca celaya irapuato torreon
    reynosa matamoros nogales obregon mazatlan tapachula hermosillo zapopan tepic juchitan tlapa polanco
    """
)


# Words after which a name or a place usually follows ("la señora …", "rancho el …", "san …").
_NAME_CUES = _words(
    """
    don doña dona sra sr srita señora señor senora senor lic licenciada licenciado ing ingeniero ingeniera
    doctor doctora dr dra familia rancho agricola empresa empaque colonia col llamo hija hijo hermana
    hermano esposo esposa sobrina sobrino cuñada cuñado cunada cunado amiga amigo jefa jefe patrona patron
    capataz contratista mayordomo enganchador san santa villa ciudad municipio pueblo
    """
)
# Words that may stand between a cue and its name ("rancho de los …"); other function words end the cue.
_THROUGH = _words("el la los las de del")
_FUNCTION = STOPWORDS | _words("no")


class Scrubber:
    """Keeps only words it knows to be ordinary Spanish (a general dictionary, pyspellchecker's, its
    stems for verb forms, and this domain's words). Dropped, as "…": unknown words, common given names
    and places, a capitalised word inside a sentence, the word after "señora", "rancho", "san"..., and a
    word right after a dropped name ("Leticia Campos"). When unsure, the word goes.
    """

    def __init__(self, vocabulary: frozenset[str]) -> None:
        self._known = vocabulary - _ALWAYS_DROPPED
        self._sorted = sorted(self._known)

    def _known_word(self, folded: str) -> bool:
        if folded in self._known:
            return True
        if folded.endswith("s") and (folded[:-1] in self._known or folded[:-2] in self._known):
            return True  # plurals the dictionary lacks: "semillas"
        # Verb forms the dictionary lacks ("corrieron"): a known word shares the word's stem ("correr").
        stem = _STEMMER.stemWord(folded)
        if len(stem) < 3:
            return False
        at = bisect.bisect_left(self._sorted, stem)
        return at < len(self._sorted) and self._sorted[at].startswith(stem)

    def scrub(self, text: str) -> str:
        cleaned = text[:MAX_SHARED]
        for pattern, replacement in _SCRUBBERS:
            cleaned = pattern.sub(replacement, cleaned)
        tokens = _TOKEN_RE.findall(cleaned)
        letters = [c for c in cleaned if c.isalpha()]
        shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        words: list[str] = []
        cue = after_name = False
        sentence_start = True
        for token in tokens:
            if token in ".!?\n:;":
                sentence_start = True
                continue
            if token == ",":
                continue
            folded = _fold(token)
            if token.startswith("[") or folded in _THROUGH:
                keep = True
            elif folded in _FUNCTION:
                keep, cue, after_name = True, False, False
            else:
                capitalised = token[0].isupper() and not shouting and not sentence_start
                keep = (
                    not cue
                    and not after_name
                    and not capitalised
                    and folded not in _ALWAYS_DROPPED
                    and self._known_word(folded)
                )
            sentence_start = False
            if folded not in _THROUGH and folded not in _FUNCTION:
                after_name = not keep and not token.startswith("[")
                cue = keep and folded in _NAME_CUES
            if keep:
                words.append(token if token.startswith("[") else token.lower())
            elif not words or words[-1] != DROPPED:
                words.append(DROPPED)
        return " ".join(words)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0303").replace(
        "n\u0303", "ñ"
    )


@functools.cache
def default_scrubber() -> Scrubber:
    from spellchecker import SpellChecker  # loaded only when someone shares a question

    dictionary = SpellChecker(language="es", distance=1).word_frequency.dictionary
    return Scrubber(frozenset(_fold(w) for w in dictionary) | _DOMAIN_WORDS)


def scrub(text: str) -> str:
    """Remove numbers, e-mails, links, CURP/RFC, names, places and unknown words from a shared question."""
    return default_scrubber().scrub(text)


class PendingShares:
    """Unanswered questions waiting for consent, in memory only, for a few minutes, bounded in size."""

    def __init__(self, ttl_seconds: float = 900, limit: int = 2000) -> None:
        self._items: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._ttl, self._limit = ttl_seconds, limit
        self._lock = threading.Lock()

    def put(self, key: str, question: str, now: float) -> None:
        with self._lock:
            self._items[key] = (question, now)
            self._items.move_to_end(key)
            while len(self._items) > self._limit:
                self._items.popitem(last=False)

    def pop(self, key: str, now: float) -> str | None:
        with self._lock:
            item = self._items.pop(key, None)
        if item is None or now - item[1] > self._ttl:
            return None
        return item[0]

    def forget(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

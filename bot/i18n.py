"""Interface text in every language, through gettext catalogs under locales/<code>/LC_MESSAGES/bot.po.

Spanish is the source language: msgids are the Spanish text. The indigenous languages have no CLDR data,
so their codes are never handed to Babel's locale parser; catalogs are read and compiled with Babel's
pofile/mofile functions, which do not need a locale.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "bot"
SOURCE_LANGUAGE = "es"

Gettext = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Marks a string for extraction without translating it yet (translated when shown)."""
    return message


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-3 for indigenous languages, "es" for Spanish
    endonym: str  # the language's name in itself, shown on the language buttons
    spanish_name: str
    variant: str = ""


LANGUAGES: dict[str, Language] = {
    "es": Language("es", "Español", "español", "español de México"),
}


def po_path(code: str, directory: Path = LOCALES_DIR) -> Path:
    return directory / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalog(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(directory: Path = LOCALES_DIR) -> list[Path]:
    """Write each catalog's .mo beside its .po; returns the .mo files written."""
    written = []
    for po in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_catalog(po))
        written.append(mo)
    return written


class Translator:
    """Holds one gettext catalog per language; unknown languages and strings fall back to Spanish."""

    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self._catalogs: dict[str, gettext.NullTranslations] = {}
        for po in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            code = po.parents[1].name
            mo = po.with_suffix(".mo")
            # A stale or missing .mo is rebuilt in memory, so an edited .po is never silently ignored.
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                data = mo.read_bytes()
            else:
                data = compile_catalog(po)
            self._catalogs[code] = gettext.GNUTranslations(io.BytesIO(data))
        self._fallback = gettext.NullTranslations()

    @property
    def languages(self) -> list[str]:
        return sorted(set(self._catalogs) | {SOURCE_LANGUAGE})

    def gettext(self, lang: str) -> Gettext:
        return self._catalogs.get(lang, self._fallback).gettext

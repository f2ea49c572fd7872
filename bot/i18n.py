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

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

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
    voice: str = "es-419"  # the espeak-ng voice that reads it
    voice_name: str = ""  # what that voice is, for the caption, when it is not the Spanish one
    code_verified: bool = False

    @property
    def button(self) -> str:
        same = self.endonym.lower() == self.spanish_name.lower()
        return self.endonym if same else f"{self.endonym} · {self.spanish_name}"


def load_languages(path: Path | None = None) -> dict[str, Language]:
    """The languages of locales/idiomas.yaml, in menu order (Spanish first)."""
    data = yaml.safe_load((path or LOCALES_DIR / "idiomas.yaml").read_text(encoding="utf-8"))
    languages = {}
    for item in data:
        code = str(item["codigo"])
        languages[code] = Language(
            code=code,
            endonym=str(item["endonimo"]),
            spanish_name=str(item["nombre"]),
            variant=str(item.get("variante", "")),
            voice=str(item.get("voz", "es-419")),
            voice_name=str(item.get("voz_nombre", "")),
            code_verified=bool(item.get("codigo_verificado", False)),
        )
    return languages


LANGUAGES: dict[str, Language] = load_languages()


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


@dataclass(frozen=True)
class CatalogStatus:
    code: str
    translated: int
    total: int
    state: str  # "borrador" or "revisado"
    reviewed_by: str = ""
    reviewed_on: str = ""

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def catalog_status(code: str, directory: Path = LOCALES_DIR) -> CatalogStatus:
    template = _read(directory / f"{DOMAIN}.pot")
    total = sum(1 for m in template if m.id)
    if code == SOURCE_LANGUAGE:
        return CatalogStatus(code, total, total, "revisado", "texto original", "")
    po = po_path(code, directory)
    if not po.exists():
        return CatalogStatus(code, 0, total, "borrador")
    catalog = _read(po)
    ids = {m.id for m in template if m.id}
    translated = sum(1 for m in catalog if m.id in ids and m.string and not m.fuzzy)
    headers = dict(catalog.mime_headers)
    return CatalogStatus(
        code,
        translated,
        total,
        headers.get("X-Estado", "borrador").strip() or "borrador",
        headers.get("X-Revisado-Por", "").strip(),
        headers.get("X-Revisado-Fecha", "").strip(),
    )


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def extract(source: Path = LOCALES_DIR.parent / "bot", directory: Path = LOCALES_DIR) -> int:
    """Rebuild bot.pot from the code and merge it into every catalog (changed text becomes fuzzy)."""
    template = Catalog(project="Cerrando Brechas", domain=DOMAIN, fuzzy=False)
    method_map = [("**.py", "bot.i18n_extract:extract_bot")]
    for filename, lineno, message, comments, context in extract_from_dir(str(source), method_map=method_map):
        template.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    with (directory / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, width=0, no_location=True, sort_output=True)
    for po in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        catalog = _read(po)
        catalog.update(template, no_fuzzy_matching=False)
        with po.open("wb") as handle:
            write_po(handle, catalog, width=0, no_location=True, sort_output=True, ignore_obsolete=True)
    return sum(1 for m in template if m.id)


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
        """Selectable languages: Spanish and every language with a catalog, in the order of idiomas.yaml."""
        have = set(self._catalogs) | {SOURCE_LANGUAGE}
        return [code for code in LANGUAGES if code in have]

    def reviewed(self, lang: str) -> bool:
        """True only for Spanish and catalogs whose header says a person reviewed them."""
        if lang == SOURCE_LANGUAGE:
            return True
        catalog = self._catalogs.get(lang)
        return catalog is not None and catalog.info().get("x-estado", "").strip() == "revisado"

    def gettext(self, lang: str) -> Gettext:
        return self._catalogs.get(lang, self._fallback).gettext

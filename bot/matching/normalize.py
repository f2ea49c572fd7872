"""Turn a question as typed on a phone into the canonical words the matcher compares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

MAX_CHARS = 4096  # Telegram's longest message: a story is read whole (bot/understanding cuts it in clauses)
_NON_WORD_RE = re.compile(r"[^a-z0-9ñ]+")
_REPEAT_RE = re.compile(r"([a-zñ])\1{2,}")  # "holaaa" -> "hola"; keeps legitimate double letters


def fold(text: str) -> str:
    """Lowercase, strip accents (keeping ñ as n: people type both), drop emoji and punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    letters = _NON_WORD_RE.sub(" ", letters.replace("ñ", "n"))
    return _REPEAT_RE.sub(r"\1", letters).strip()


@dataclass
class Normalizer:
    """Whole-token rewrites (SMS forms, misspellings) then phrase synonyms, all read from knowledge data."""

    tokens: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, str]]) -> Normalizer:
        tokens: dict[str, str] = {}
        for table in ("sms", "errores"):
            for raw, canonical in tables.get(table, {}).items():
                tokens[fold(raw)] = fold(canonical)
        phrases = {fold(k): fold(v) for k, v in tables.get("sinonimos", {}).items() if fold(k)}
        # One pass, longest alternative first, so "me corrieron del trabajo" wins over "me corrieron" and a
        # replacement is never rewritten again by another entry.
        alternatives = "|".join(re.escape(k) for k in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(rf"\b(?:{alternatives})\b") if phrases else None
        return cls(tokens, phrases, pattern)

    def __call__(self, text: str) -> str:
        words = fold(text[:MAX_CHARS]).split()
        text = " ".join(self.tokens.get(w, w) for w in words)
        if self.pattern is not None:
            text = self.pattern.sub(lambda m: self.phrases[m.group(0)], text)
        return " ".join(text.split())

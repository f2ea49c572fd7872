"""Pseudonymous user keys: a keyed HMAC of the Telegram id, so the store never holds the real id."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
from collections import OrderedDict
from pathlib import Path

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
# A capitalised word after another word is probably a name (the first word of a sentence is not).
_NAME_RE = re.compile(r"(?<=[a-záéíóúñü,]\s)[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)*")
MAX_SHARED = 300


def scrub(text: str) -> str:
    """Remove numbers, e-mails, links, CURP/RFC and probable names from a question the user shares."""
    cleaned = text[:MAX_SHARED]
    for pattern, replacement in _SCRUBBERS:
        cleaned = pattern.sub(replacement, cleaned)
    cleaned = _NAME_RE.sub("[nombre]", cleaned)
    return " ".join(cleaned.split())


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

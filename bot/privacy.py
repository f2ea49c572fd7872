"""Pseudonymous user keys: a keyed HMAC of the Telegram id, so the store never holds the real id."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)
SECRET_FILE = "secret.key"


def load_secret(data_dir: Path, configured: str | None) -> bytes:
    """BOT_SECRET when set; otherwise a random key generated once into the data folder (mode 0600)."""
    if configured:
        return configured.encode()
    path = data_dir / SECRET_FILE
    if path.exists():
        key = path.read_bytes().strip()
        if len(key) >= 32:
            return key
        log.warning("secret key file too short; generating a new one (old pseudonyms become unreachable)")
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


class Pseudonymizer:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def user_key(self, user_id: int | str) -> str:
        return hmac.new(self._secret, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

"""The one place that reads configuration: environment variables, validated into a frozen object."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

TOKEN_RE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
# Telegram's rule for secret_token: 1-256 characters, A-Z a-z 0-9 _ -
WEBHOOK_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(ValueError):
    """A bad or missing setting; the message names the variable and says how to fix it."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


@dataclass(frozen=True)
class Config:
    telegram_token: str | None = None
    telegram_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    data_dir: Path = Path("data")
    log_level: str = "INFO"
    bot_secret: str | None = None
    bot_username: str | None = None
    retention_days: int = 90
    knowledge_dir: Path | None = None  # None: the knowledge/ folder of this checkout
    rate_limit: int = 30  # messages per second overall: Telegram's broadcast limit
    cache_dir: Path | None = None  # None: BOT_DATA_DIR/cache

    @property
    def matcher_cache(self) -> Path:
        """Where trained matchers are kept: built at installation, read at every start."""
        return self.cache_dir or self.data_dir / "cache"

    @property
    def api_base_url(self) -> str | None:
        """PTB's base_url: the self-hosted server's URL ending in /bot (the token is appended by PTB)."""
        if not self.telegram_base_url:
            return None
        base = self.telegram_base_url.rstrip("/")
        return base if base.endswith("/bot") else base + "/bot"

    @property
    def api_file_url(self) -> str | None:
        api = self.api_base_url
        return api[: -len("/bot")] + "/file/bot" if api else None


def _clean(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _url(env: Mapping[str, str], name: str, *, https_only: bool) -> str | None:
    value = _clean(env, name)
    if value is None:
        return None
    parsed = urlparse(value)
    local = parsed.hostname in {"127.0.0.1", "localhost", "::1"}
    schemes = {"https"} if https_only and not local else {"http", "https"}
    if parsed.scheme not in schemes or not parsed.netloc:
        need = "https://" if https_only else "http:// o https://"
        raise ConfigError(
            name, f"debe ser una URL que empiece con {need} (se recibió {parsed.scheme or 'texto'})"
        )
    return value


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = _clean(env, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, f"debe ser un número entero entre {low} y {high}") from None
    if not low <= value <= high:
        raise ConfigError(name, f"debe estar entre {low} y {high} (se recibió {value})")
    return value


def _directory(env: Mapping[str, str], name: str) -> Path | None:
    raw = _clean(env, name)
    if raw is None:
        return None
    path = Path(raw)
    if not path.is_dir():
        raise ConfigError(name, f"la carpeta {raw} no existe")
    return path


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read and validate every setting; raises ConfigError naming the first bad variable."""
    env = os.environ if env is None else env
    token = _clean(env, "TELEGRAM_TOKEN")
    if token is not None and not TOKEN_RE.match(token):
        raise ConfigError("TELEGRAM_TOKEN", "no parece un token de @BotFather (forma 123456:ABC...)")
    webhook_url = _url(env, "WEBHOOK_URL", https_only=True)
    webhook_secret = _clean(env, "WEBHOOK_SECRET")
    if webhook_url and webhook_secret is None:
        raise ConfigError("WEBHOOK_SECRET", "es obligatorio cuando WEBHOOK_URL está definido")
    if webhook_secret is not None and not WEBHOOK_SECRET_RE.match(webhook_secret):
        raise ConfigError("WEBHOOK_SECRET", "solo puede tener letras, números, _ y -, de 1 a 256 caracteres")
    level = (_clean(env, "BOT_LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError("BOT_LOG_LEVEL", f"debe ser uno de {', '.join(LOG_LEVELS)}")
    secret = _clean(env, "BOT_SECRET")
    if secret is not None and len(secret) < 16:
        raise ConfigError("BOT_SECRET", "debe tener al menos 16 caracteres")
    username = _clean(env, "BOT_USERNAME")
    if username is not None:
        username = username.lstrip("@")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}", username):
            raise ConfigError("BOT_USERNAME", "no es un nombre de usuario de Telegram válido")
    return Config(
        telegram_token=token,
        telegram_base_url=_url(env, "TELEGRAM_BASE_URL", https_only=False),
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        webhook_listen=_clean(env, "WEBHOOK_LISTEN") or "0.0.0.0",
        webhook_port=_int(env, "WEBHOOK_PORT", 8443, 1, 65535),
        data_dir=Path(_clean(env, "BOT_DATA_DIR") or "data"),
        log_level=level,
        bot_secret=secret,
        bot_username=username,
        retention_days=_int(env, "BOT_RETENTION_DAYS", 90, 1, 3650),
        knowledge_dir=_directory(env, "BOT_KNOWLEDGE_DIR"),
        rate_limit=_int(env, "BOT_RATE_LIMIT", 30, 1, 10_000),
        cache_dir=Path(cache) if (cache := _clean(env, "BOT_CACHE_DIR")) else None,
    )

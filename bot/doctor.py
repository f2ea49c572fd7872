"""`python -m bot doctor`: checks what the bot needs and says what to fix, one line per check."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable

from bot.config import Config, ConfigError, load_config
from bot.knowledge import checker
from bot.knowledge.loader import DEFAULT_DIR, load_knowledge

OK, FAIL, NOTE = "✓", "✗", "–"


def check_knowledge(config: Config, today: dt.date | None = None) -> tuple[str, str]:
    kb, problems = load_knowledge(config.knowledge_dir or DEFAULT_DIR)
    problems += checker.check(kb, today or dt.date.today())
    errors = [p for p in problems if not p.warning]
    if errors:
        return FAIL, f"conocimiento: {len(errors)} error(es); corre `python -m bot kb check` para verlos"
    return OK, f"conocimiento: {checker.summary(kb)}"


def check_yearly_values(config: Config, today: dt.date | None = None) -> tuple[str, str]:
    """Minimum wages (CONASAMI, December), UMA (1 February) and Bienestar amounts (January) need a new
    value each year; from 1 December the missing ones are listed (a note, not a failure: the bot still
    answers and says the figure is not confirmed)."""
    kb, _ = load_knowledge(config.knowledge_dir or DEFAULT_DIR)
    gaps = checker.yearly_gaps(kb, today or dt.date.today())
    if not gaps:
        return OK, "cifras anuales al día"
    missing = ", ".join(f"{g.name} ({g.year})" for g in gaps)
    if any(g.stale for g in gaps):
        return NOTE, (
            f"cifras anuales sin el valor de este año: {missing}. El bot da las del año pasado diciendo "
            "que las nuevas no están confirmadas; agrégalas en knowledge/parametros.yaml"
        )
    return NOTE, f"cifras anuales del año que viene por agregar en knowledge/parametros.yaml: {missing}"


def check_data_dir(config: Config) -> tuple[str, str]:
    directory = config.data_dir
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory):
            pass
    except OSError as exc:
        return (
            FAIL,
            f"carpeta de datos {directory}: no se puede escribir ({exc.strerror}); revisa BOT_DATA_DIR",
        )
    from bot.storage import Store

    try:
        Store(directory).close()
    except Exception as exc:
        return FAIL, f"carpeta de datos {directory}: la base de estado no abre ({type(exc).__name__})"
    from bot.privacy import SecretKeyError, load_secret

    try:
        load_secret(directory, config.bot_secret)
    except SecretKeyError as exc:
        return FAIL, f"clave de seudónimos: {exc}"
    secret = "BOT_SECRET" if config.bot_secret else f"{directory / 'secret.key'}"
    return OK, f"carpeta de datos {directory.resolve()} (clave de seudónimos: {secret})"


def check_voice(config: Config) -> tuple[str, str]:
    if shutil.which("espeak-ng"):
        return OK, "espeak-ng instalado: respuestas en audio disponibles"
    return NOTE, "espeak-ng no está instalado: el bot no ofrecerá audio (apt-get install espeak-ng)"


def check_telegram(config: Config) -> tuple[str, str]:
    if not config.telegram_token:
        return NOTE, "sin TELEGRAM_TOKEN: `python -m bot` abrirá el chat en la terminal"
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    async def get_me() -> str:
        kwargs = {"base_url": config.api_base_url} if config.api_base_url else {}
        async with Bot(config.telegram_token or "", **kwargs) as bot:  # type: ignore[arg-type]
            me = await bot.get_me()
            return str(me.username)

    try:
        username = asyncio.run(asyncio.wait_for(get_me(), 15))
    except InvalidToken:
        return FAIL, "Telegram rechazó el token: pide uno nuevo a @BotFather y ponlo en TELEGRAM_TOKEN"
    except (TelegramError, OSError, TimeoutError) as exc:
        where = config.telegram_base_url or "api.telegram.org"
        return (
            FAIL,
            f"no se pudo hablar con Telegram en {where} ({type(exc).__name__}); "
            "revisa la red o TELEGRAM_BASE_URL",
        )
    mode = f"webhook en {config.webhook_url}" if config.webhook_url else "long polling"
    return OK, f"Telegram: conectado como @{username}; modo {mode}"


# The knowledge checks depend on the date (review dates, yearly figures): main() passes it.
DATED_CHECKS: tuple[Callable[[Config, dt.date], tuple[str, str]], ...] = (
    check_knowledge,
    check_yearly_values,
)
CHECKS: tuple[Callable[[Config], tuple[str, str]], ...] = (
    check_data_dir,
    check_voice,
    check_telegram,
)


def _on(
    check: Callable[[Config, dt.date], tuple[str, str]], day: dt.date
) -> Callable[[Config], tuple[str, str]]:
    return lambda config: check(config, day)


def main(env: dict[str, str] | None = None, today: dt.date | None = None) -> int:
    try:
        config = load_config(os.environ if env is None else env)
    except ConfigError as exc:
        print(f"{FAIL} configuración: {exc}")
        return 1
    print(f"{OK} configuración: variables válidas")
    failed = False
    day = today or dt.date.today()
    for check in (*(_on(dated, day) for dated in DATED_CHECKS), *CHECKS):
        mark, line = check(config)
        failed |= mark == FAIL
        print(f"{mark} {line}")
    print(
        "Todo listo." if not failed else "Corrige lo marcado con ✗ y vuelve a correr `python -m bot doctor`."
    )
    return 1 if failed else 0

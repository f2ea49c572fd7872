"""Shared fixtures: the knowledge base, a core with fresh state, the Bot API stand-in and a bot process."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from bot.app import build_conversation
from bot.core.conversation import Conversation
from tests.support.botapi import BotApiStandIn

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEST_TOKEN = "123456789:TEST-token_for-the-stand-in-only"


@pytest.fixture(scope="session")
def conversation() -> Conversation:
    return build_conversation()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_standin() -> AsyncIterator[BotApiStandIn]:
    """One stand-in for a whole test module (its tests share one bot process)."""
    api = BotApiStandIn()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandIn]:
    api = BotApiStandIn()
    await api.start()
    yield api
    await api.stop()


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    data_dir: Path
    log_path: Path

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def bot_env(api: BotApiStandIn, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "BOT_"))}
    env.update(
        TELEGRAM_TOKEN=TEST_TOKEN,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{api.port}/bot",
        BOT_DATA_DIR=str(data_dir),
        BOT_LOG_LEVEL="DEBUG",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


async def start_bot(api: BotApiStandIn, data_dir: Path, **extra: str) -> BotProcess:
    log_path = data_dir.parent / f"{data_dir.name}-bot.log"
    handle = log_path.open("ab")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        env=bot_env(api, data_dir, **extra),
        stdout=handle,
        stderr=handle,
    )
    handle.close()
    bot = BotProcess(process, data_dir, log_path)
    try:
        await api.wait_for(lambda c: c.method == "setMyCommands", timeout=30)
    except TimeoutError:
        process.kill()
        raise AssertionError("bot did not start:\n" + bot.logs()) from None
    return bot


async def stop_bot(bot: BotProcess) -> int:
    if bot.process.returncode is None:
        bot.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(bot.process.wait(), 20)
        except TimeoutError:
            bot.process.kill()
            await bot.process.wait()
    return bot.process.returncode or 0


@pytest.fixture
async def bot(standin: BotApiStandIn, tmp_path: Path) -> AsyncIterator[BotProcess]:
    process = await start_bot(standin, tmp_path / "data")
    yield process
    await stop_bot(process)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    yield SHARED

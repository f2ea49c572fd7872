"""The real bot process as a service: /healthz passes while polling works and fails when it stops,
/metrics counts what happened without naming anyone, and BOT_LOG_FORMAT=json writes one object a line."""

from __future__ import annotations

import asyncio
import json
import re
import socket
from pathlib import Path

import aiohttp

from tests.conftest import start_bot, stop_bot
from tests.support import botapi
from tests.support.botapi import BotApiStandIn, error
from tests.test_e2e_reliability import wait_answers

ALLOWED_LABELS = {"kind", "reason", "version", "le"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def get(port: int, path: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}{path}", timeout=aiohttp.ClientTimeout(total=10)) as response,
    ):
        return response.status, await response.text()


async def wait_status(port: int, status: int, timeout: float = 45) -> str:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    seen: tuple[int, str] = (0, "")
    while loop.time() < deadline:
        try:
            seen = await get(port, "/healthz")
        except aiohttp.ClientConnectionError as exc:
            seen = (0, type(exc).__name__)
        if seen[0] == status:
            return seen[1]
        await asyncio.sleep(0.5)
    raise AssertionError(f"/healthz stayed {seen[0]} {seen[1]!r}, expected {status}")


def sample(metrics: str, name: str, labels: str = "") -> float:
    match = re.search(rf"^{re.escape(name + labels)} (\S+)$", metrics, re.M)
    assert match, f"{name}{labels} not in /metrics"
    return float(match.group(1))


async def test_health_metrics_and_json_logs(standin: BotApiStandIn, tmp_path: Path) -> None:
    port = free_port()
    bot = await start_bot(
        standin,
        tmp_path / "data",
        BOT_HTTP_PORT=str(port),
        BOT_HEALTH_POLL_AGE="5",
        BOT_LOG_FORMAT="json",
    )
    try:
        assert (await wait_status(port, 200)).startswith("ok: polling")
        questions = ["/start", "cuanto me toca de aguinaldo", "zzkx qwv plorf"]
        for text in questions:
            await standin.push(botapi.message(text, 411))
        await wait_answers(standin, 411, len(questions), timeout=60)
        # A question may get a second message (the offer to share it): read /metrics once the count of
        # replies it reports and the messages the stand-in received agree.
        for _ in range(50):
            status, metrics = await get(port, "/metrics")
            # The handling time is observed when a handler ends, just after its last reply is sent.
            if sample(metrics, "bot_replies_sent_total") == len(standin.sent("sendMessage", 411)) and sample(
                metrics, "bot_update_seconds_count"
            ) >= len(questions):
                break
            await asyncio.sleep(0.2)
        assert status == 200
        assert sample(metrics, "bot_updates_total") >= len(questions)
        assert sample(metrics, "bot_replies_sent_total") == len(standin.sent("sendMessage", 411))
        assert sample(metrics, "bot_update_seconds_count") >= len(questions)
        outcomes = sum(
            sample(metrics, "bot_outcomes_total", f'{{kind="{k}"}}')
            for k in ("answer", "did_you_mean", "no_answer")
        )
        assert outcomes == 2  # the two questions; /start is not one
        assert sample(metrics, "bot_update_queue_depth") == 0
        labels = set(re.findall(r'[{,]([a-z_]+)="', "\n".join(re.findall(r"^bot_.*$", metrics, re.M))))
        assert labels <= ALLOWED_LABELS
        assert "411" not in metrics

        # Telegram starts failing: after BOT_HEALTH_POLL_AGE without a good getUpdates, /healthz says so.
        standin.faults["getUpdates"] = [error(502, "Bad Gateway")] * 10_000
        reason = await wait_status(port, 503)
        assert "getUpdates" in reason
    finally:
        standin.faults.clear()
        await stop_bot(bot)
    lines = [line for line in bot.logs().splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    assert any(e["logger"] == "bot.ops.http" and "/healthz" in e["message"] for e in entries)
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    assert "aguinaldo" not in bot.logs()


async def test_webhook_health_and_a_vanished_data_folder(standin: BotApiStandIn, tmp_path: Path) -> None:
    webhook_port, http_port = free_port(), free_port()
    data = tmp_path / "data"
    bot = await start_bot(
        standin,
        data,
        WEBHOOK_URL=f"http://127.0.0.1:{webhook_port}/hook",
        WEBHOOK_SECRET="s3cret",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(webhook_port),
        BOT_HTTP_PORT=str(http_port),
    )
    try:
        assert (await wait_status(http_port, 200)).startswith("ok: webhook")
        # The data volume disappears under the running bot (root ignores permissions, so a chmod would
        # not fail here): /healthz must say so, and recover when it is back.
        data.rename(tmp_path / "moved")
        assert "carpeta de datos" in await wait_status(http_port, 503)
        (tmp_path / "moved").rename(data)
        await wait_status(http_port, 200)
    finally:
        await stop_bot(bot)

"""Webhook mode: the real bot receives updates over HTTP and checks Telegram's secret token."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import aiohttp

from tests.conftest import start_bot, stop_bot
from tests.support import botapi
from tests.support.botapi import BotApiStandIn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def post(url: str, update: dict[str, object], secret: str) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as response,
    ):
        return response.status


async def test_webhook_answers_with_the_secret_and_refuses_without(
    standin: BotApiStandIn, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    bot = await start_bot(
        standin,
        tmp_path / "data",
        WEBHOOK_URL=url,
        WEBHOOK_SECRET="s3cret_token-1",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    try:
        registered = await standin.wait_for_method("setWebhook")
        assert registered.params["url"] == url and registered.params["secret_token"] == "s3cret_token-1"
        for _ in range(100):  # the webhook server may start a moment after setWebhook
            try:
                forged = await post(url, {"update_id": 1, **botapi.message("/start", 401)}, "wrong")
                break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.1)
        assert forged == 403
        assert await post(url, {"update_id": 2, **botapi.message("/start", 402)}, "s3cret_token-1") == 200
        reply = await standin.wait_for(
            lambda c: c.method == "sendMessage" and int(c.params["chat_id"]) == 402
        )
        assert reply.params["text"].startswith("¡Hola!")
        assert not standin.sent("sendMessage", 401), "a request without the secret is never answered"
        assert not [c for c in standin.calls if c.method == "getUpdates"], "no polling in webhook mode"
    finally:
        await stop_bot(bot)


async def test_webhook_refuses_big_or_broken_bodies_and_answers_a_redelivery_once(
    standin: BotApiStandIn, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    secret = "s3cret_token-2"
    bot = await start_bot(
        standin,
        tmp_path / "data",
        WEBHOOK_URL=url,
        WEBHOOK_SECRET=secret,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    try:
        await standin.wait_for_method("setWebhook")
        for _ in range(100):
            try:
                async with aiohttp.ClientSession() as session:
                    # 5 MB without the secret: refused without being read into memory.
                    big = b"x" * (5 << 20)
                    async with session.post(url, data=big) as response:
                        assert response.status == 403
                break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.1)
        async with aiohttp.ClientSession() as session:
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
            async with session.post(url, data=b"x" * (5 << 20), headers=headers) as response:
                assert response.status == 413
            async with session.post(url, data=b'{"update_id": 7, "message": ', headers=headers) as response:
                assert response.status == 400
        update = {"update_id": 10, **botapi.message("/privacidad Rosalba", 403)}
        assert await post(url, update, secret) == 200
        await standin.wait_for(lambda c: c.method == "sendMessage" and int(c.params["chat_id"]) == 403)
        assert await post(url, update, secret) == 200  # Telegram delivers the same update again
        await asyncio.sleep(1.5)
        assert len(standin.sent("sendMessage", 403)) == 1
        assert "Rosalba" not in bot.logs()
    finally:
        await stop_bot(bot)

"""End to end: a check completed in the real `python -m bot run` process against the Bot API stand-in,
by tapping buttons and typing, with a restart of the bot in the middle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import start_bot, stop_bot
from tests.support import botapi
from tests.support.botapi import BotApiStandIn, Call

pytestmark = pytest.mark.asyncio(loop_scope="module")
CHAT = 7301


@pytest.fixture(scope="module")
def api(module_standin: BotApiStandIn) -> BotApiStandIn:
    return module_standin


def data(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


async def expect(api: BotApiStandIn, update: dict[str, Any], text: str) -> Call:
    """Push an update and wait for the bot's message to this chat that contains `text`."""
    before = len(api.calls)
    await api.push(update)
    return await api.wait_for(
        lambda c: c.method == "sendMessage" and int(c.params["chat_id"]) == CHAT and text in c.params["text"],
        after=before,
    )


async def test_aguinaldo_through_telegram_with_a_restart(api: BotApiStandIn, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    bot = await start_bot(api, data_dir)
    try:
        menu = await expect(api, botapi.message("/calcular", CHAT), "¿Qué quieres calcular?")
        assert "c:aguinaldo" in data(menu) and "c:finiquito" in data(menu)
        await expect(api, botapi.callback("c:aguinaldo", CHAT), "¿Cuánto te pagan?")
        await expect(api, botapi.message("mucho", CHAT), "No entendí el número")
        period = await expect(api, botapi.message("300", CHAT), "¿Esa cantidad es por día")
        assert "f:periodo.diario" in data(period)
    finally:
        await stop_bot(bot)

    bot = await start_bot(api, data_dir)  # the half-done check was stored: it goes on
    try:
        days = await expect(api, botapi.callback("f:periodo.diario", CHAT), "¿Cuántos días a la semana")
        assert "fb" in data(days) and "fx" in data(days)
        await expect(api, botapi.callback("f:dias.6", CHAT), "¿Trabajaste todo este año")
        result = await expect(api, botapi.callback("f:tiempo.todo", CHAT), "$4,500.00")
        assert "LFT 87" in result.params["text"] and "20 de diciembre" in result.params["text"]
        assert "c:aguinaldo" in data(result)  # "Calcular otra vez"
    finally:
        await stop_bot(bot)

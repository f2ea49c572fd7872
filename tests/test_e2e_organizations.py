"""End to end: a flyer's deep link through the real bot process and the Bot API stand-in."""

from __future__ import annotations

import re
import sqlite3

from tests.conftest import BotProcess
from tests.support import botapi
from tests.support.botapi import BotApiStandIn
from tests.test_e2e_telegram import buttons, say

CHAT = 8801


async def test_deep_link_names_the_organization_and_the_help_shows_it_first(
    standin: BotApiStandIn, bot: BotProcess
) -> None:
    welcome = await say(standin, botapi.message("/start sinactraho", CHAT), CHAT)
    text = welcome.params["text"]
    assert text.startswith("¡Hola!")
    assert "SINACTRAHO" in text and "https://www.sinactraho.org.mx" in text
    help_button = [b for b in buttons(welcome) if b.get("callback_data") == "h"]
    assert help_button, buttons(welcome)

    first = await say(standin, botapi.callback("h", CHAT), CHAT)
    assert first.params["text"].startswith("🤝 Sindicato Nacional")
    work = {b["callback_data"] for b in buttons(first)}
    assert "h:hogar" in work

    states = await say(standin, botapi.callback("h:hogar", CHAT), CHAT)
    assert any(b["callback_data"] == "h:hogar.mex" for b in buttons(states))

    listing = await say(standin, botapi.callback("h:hogar.mex", CHAT), CHAT)
    items = [line for line in listing.params["text"].splitlines() if line.startswith("• ")]
    assert items[0].startswith("• Sindicato Nacional de Trabajadores y Trabajadoras del Hogar")
    assert "800 770 2233" in listing.params["text"]  # the Edomex Procuraduría for Estado de México

    with sqlite3.connect(bot.data_dir / "state.db") as db:
        counters = [row[0] for row in db.execute("SELECT key FROM counters")]
        users = [row[0] for row in db.execute("SELECT user_key FROM users")]
    assert "llegada|lang=es|org=sinactraho" in counters
    assert "persona:hogar|lang=es|org=sinactraho" in counters
    assert not any(re.search(r"[0-9a-f]{32}", key) for key in counters)
    assert len(users) == 1 and str(CHAT) not in users[0]

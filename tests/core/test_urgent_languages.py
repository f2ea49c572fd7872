"""A danger written in any of the seven languages gets the "what to do now" reply first (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState
from tests.matching.test_urgent import DANGER as DANGERS

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


# Spanish dangers are weighed by the urgency detector (tests/understanding); these are the other six.
OTHERS = [d for d in DANGERS if d[0] != "es"]


@pytest.mark.parametrize(("lang", "text", "entry_id"), OTHERS, ids=[f"{d[0]}-{d[2]}" for d in OTHERS])
@pytest.mark.parametrize("chosen", ["es", "own"])
def test_a_danger_in_any_language_leads_with_what_to_do_now(
    conversation: Conversation, lang: str, text: str, entry_id: str, chosen: str
) -> None:
    state = UserState(lang=lang if chosen == "own" else "es", lang_chosen=chosen == "own")
    outcome, _ = conversation.handle(Event(EventKind.TEXT, text=text, at=AT), state)
    first = outcome.replies[0]
    assert first.text.startswith("🚨"), (lang, text, first.text[:80])
    assert "911" in first.text or "079" in first.text or entry_id != "urgente-violencia"
    assert any(b.data == f"a:{entry_id}" for row in first.buttons for b in row)


@pytest.mark.parametrize("lang", ["nhe", "yua", "tzh", "tzo", "mig", "zai"])
def test_the_banner_in_her_language_keeps_the_spanish_under_it(conversation: Conversation, lang: str) -> None:
    text = next(t for code, t, _e in DANGERS if code == lang)
    outcome, _ = conversation.handle(
        Event(EventKind.TEXT, text=text, at=AT), UserState(lang=lang, lang_chosen=True)
    )
    banner = outcome.replies[0].text
    assert banner.startswith("🚨") and "\n(" in banner, banner

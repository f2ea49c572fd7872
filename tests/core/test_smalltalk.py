"""Greetings and calls for help get a kind reply with the topics, never "no sé"."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import smalltalk
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "text", ["hola necesito ayuda", "ayuda porfa", "😭🙏", "🙏", "buenas tardes, me puede ayudar?", "Ayudaaa"]
)
def test_calls_for_help_get_a_kind_reply_with_the_topics(conversation: Conversation, text: str) -> None:
    outcome, _ = conversation.handle(Event(EventKind.TEXT, text=text, at=AT), UserState())
    said = "\n".join(r.text for r in outcome.replies)
    assert "No tengo una respuesta segura" not in said
    data = [b.data for r in outcome.replies for row in r.buttons for b in row]
    assert cb(Action.TOPICS, "urgente") in data


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hola", "hello"),
        ("buenas noches", "hello"),
        ("😊", "hello"),
        ("necesito ayuda", "help"),
        ("hola 😭", "help"),
        ("necesito ayuda con mi aguinaldo", None),
        ("me pegan ayuda", None),
    ],
)
def test_what_counts_as_a_bare_greeting_or_call_for_help(text: str, kind: str | None) -> None:
    assert smalltalk.kind_of(text) == kind

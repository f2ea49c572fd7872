"""Follow-ups are read against the last topic and the facts she gave, for 30 minutes; only numbers and
categories are kept, and /borrar drops them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.core import context
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def say(
    conversation: Conversation, state: UserState, text: str, at: dt.datetime = AT
) -> tuple[str, UserState]:
    outcome, new = conversation.handle(Event(EventKind.TEXT, text=text, at=at), state)
    return "\n".join(r.text for r in outcome.replies), UserState.from_dict(new.to_dict())


def test_facts_she_gave_fill_a_calculator_started_later(conversation: Conversation) -> None:
    _said, state = say(
        conversation, UserState(), "trabajo en una casa y gano 300 diarios, me toca aguinaldo?"
    )
    assert state.context is not None and state.context.facts["salario"] == "300"
    outcome, state = conversation.handle(
        Event(EventKind.BUTTON, data=cb(Action.CALCULATE, "vacaciones"), at=AT), state
    )
    said = "\n".join(r.text for r in outcome.replies)
    assert "Con lo que me dijiste, anoté:" in said and "$300.00" in said
    assert state.flow is not None and state.flow.answers.get("salario") == 300.0


def test_a_follow_up_is_read_against_the_last_topic(conversation: Conversation) -> None:
    _said, state = say(conversation, UserState(), "cuanto me toca de aguinaldo")
    assert context.topic(state) == "aguinaldo"
    alone, _ = say(conversation, UserState(), "¿y si solo voy 3 días?")
    followed, _ = say(conversation, state, "¿y si solo voy 3 días?")
    assert "Entendí que preguntas por: Aguinaldo" in followed
    assert "Entendí que preguntas por: Aguinaldo" not in alone


def test_the_context_lasts_thirty_minutes(conversation: Conversation) -> None:
    _said, state = say(conversation, UserState(), "cuanto me toca de aguinaldo")
    later, _ = say(conversation, state, "¿y si solo voy 3 días?", AT + dt.timedelta(minutes=31))
    assert "Entendí que preguntas por: Aguinaldo" not in later


def test_only_numbers_and_categories_are_kept_and_borrar_drops_them(conversation: Conversation) -> None:
    story = "me llamo Rosa Pérez, trabajo en una casa en Polanco y gano 2,500 a la semana"
    _said, state = say(conversation, UserState(), story)
    stored = json.dumps(state.to_dict(), ensure_ascii=False)
    assert "Rosa" not in stored and "Polanco" not in stored and "gano" not in stored
    assert state.context is not None and state.context.facts == {
        "trabajo": "hogar",
        "salario": "2,500",
        "periodo": "semanal",
    }
    _outcome, forgotten = conversation.handle(Event(EventKind.COMMAND, command="borrar", at=AT), state)
    assert forgotten.context is None


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("cuánto es el salario mínimo?", "¿y en el campo?", "campo-salario-minimo"),
        ("cuánto es el salario mínimo?", "¿y en una casa?", "hogar-salario-minimo"),
        ("me corrieron, que me toca?", "¿y si trabajo en una casa?", "hogar-despido"),
        ("me corrieron, que me toca?", "¿y si renuncio?", "renuncia"),  # names its own topic
    ],
)
def test_follow_ups_about_another_workplace_or_topic(
    conversation: Conversation, first: str, then: str, expected: str
) -> None:
    _said, state = say(conversation, UserState(), first)
    outcome, _state = conversation.handle(Event(EventKind.TEXT, text=then, at=AT), state)
    data = [b.data for row in outcome.replies[0].buttons for b in row]
    assert cb(Action.DETAILS, expected) in data, outcome.replies[0].text

"""The one table of commands and button actions: help text and command menu come from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.core import router
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def test_help_lists_every_command_the_table_marks_for_help(conversation: Conversation) -> None:
    outcome, _ = conversation.handle(Event(EventKind.COMMAND, command="ayuda", at=AT), UserState())
    for command in router.COMMANDS:
        assert (f"/{command.name} -" in outcome.replies[0].text) is command.in_help


def test_the_command_menu_is_the_table() -> None:
    names = [name for name, _ in router.command_menu()]
    assert names == [c.name for c in router.COMMANDS if c.in_menu]
    assert all(description[0].isupper() for _, description in router.command_menu())


@pytest.mark.parametrize("command", [c.name for c in router.COMMANDS])
def test_every_command_in_the_table_replies(conversation: Conversation, command: str) -> None:
    outcome, _ = conversation.handle(Event(EventKind.COMMAND, command=command, at=AT), UserState())
    assert outcome.replies


def test_every_button_action_has_a_handler() -> None:
    # DETAILS is handled where the short first reply is built; every other action routes somewhere.
    assert set(Action) - set(router.BUTTONS) <= {Action.DETAILS}


def test_a_calculator_answer_leaves_the_callers_state_untouched(conversation: Conversation) -> None:
    _started, state = conversation.handle(
        Event(EventKind.BUTTON, data=cb(Action.CALCULATE, "aguinaldo"), at=AT), UserState()
    )
    assert state.flow is not None
    frozen = replace(state, flow=state.flow.copy())
    conversation.handle(Event(EventKind.TEXT, text="300", at=AT), state)
    assert state == frozen, "the state passed in is not changed"

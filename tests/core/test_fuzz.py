"""Property-based fuzzing of the core: any text or button data, never an exception or a broken reply."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.callbacks import Action
from bot.core.conversation import Conversation
from bot.core.events import ChatKind, Event, EventKind
from bot.core.replies import MAX_CALLBACK_BYTES, MAX_TEXT, Outcome
from bot.core.state import FlowState, UserState

AT = dt.datetime(2026, 11, 22, 18, tzinfo=dt.UTC)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

texts = st.one_of(
    st.text(max_size=4096),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(["", " ", "\n", "😀" * 2000, "/", "@", "0" * 4096, "¿¡?!", "\x00\x01", "a:b:c"]),
)
callback_data = st.one_of(
    st.text(max_size=80),
    st.builds(lambda a, b: f"{a}:{b}", st.sampled_from([x.value for x in Action]), st.text(max_size=70)),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
)
states = st.builds(
    UserState,
    lang=st.sampled_from(["es", "yua", "xx", ""]),
    lang_chosen=st.booleans(),
    welcomed=st.booleans(),
    org=st.one_of(st.none(), st.text(max_size=20)),
    flow=st.one_of(st.none(), st.builds(FlowState, name=st.text(max_size=12), step=st.text(max_size=12))),
)


def well_formed(outcome: Outcome) -> None:
    for reply in outcome.replies:
        assert 1 <= len(reply.text) <= MAX_TEXT
        for row in reply.buttons:
            for button in row:
                assert button.url or len(button.data.encode()) <= MAX_CALLBACK_BYTES


@FUZZ
@given(text=texts, state=states, group=st.booleans())
def test_any_text_gets_a_well_formed_reply(
    conversation: Conversation, text: str, state: UserState, group: bool
) -> None:
    chat = ChatKind.GROUP if group else ChatKind.PRIVATE
    outcome, _ = conversation.handle(Event(EventKind.TEXT, text=text, chat=chat, at=AT, user="fuzz"), state)
    well_formed(outcome)
    if not group:
        assert outcome.replies, "a private message always gets an answer"


@FUZZ
@given(data=callback_data, state=states)
def test_any_button_data_gets_a_polite_reply(conversation: Conversation, data: str, state: UserState) -> None:
    outcome, _ = conversation.handle(Event(EventKind.BUTTON, data=data, at=AT, user="fuzz"), state)
    well_formed(outcome)
    assert outcome.replies
    assert "Perdón, algo falló" not in outcome.replies[0].text, "no internal error for forged data"


@FUZZ
@given(command=st.text(max_size=40), args=st.text(max_size=200), state=states)
def test_any_command_gets_a_reply(
    conversation: Conversation, command: str, args: str, state: UserState
) -> None:
    outcome, _ = conversation.handle(Event(EventKind.COMMAND, command=command, text=args, at=AT), state)
    well_formed(outcome)
    assert outcome.replies

"""Arriving through an organization's link, and "Hablar con una persona", through the real core."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.core.callbacks import Action, cb, parse
from bot.core.conversation import Conversation
from bot.core.counters import parse as parse_counter
from bot.core.events import ChatKind, Event, EventKind
from bot.core.replies import MAX_CALLBACK_BYTES, Outcome
from bot.core.state import UserState
from bot.knowledge.model import STATES

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def start(
    conversation: Conversation, payload: str, state: UserState | None = None
) -> tuple[Outcome, UserState]:
    return conversation.handle(
        Event(EventKind.COMMAND, command="start", text=payload, at=AT), state or UserState()
    )


def press(conversation: Conversation, data: str, state: UserState) -> tuple[Outcome, UserState]:
    return conversation.handle(Event(EventKind.BUTTON, data=data, at=AT, user="k" * 32), state)


def data_of(outcome: Outcome) -> list[str]:
    return [b.data for r in outcome.replies for row in r.buttons for b in row if b.data]


def test_deep_link_sets_the_organization_and_the_welcome_names_it(conversation: Conversation) -> None:
    outcome, state = start(conversation, "sinactraho")
    assert state.org == "sinactraho"
    welcome = outcome.replies[0].text
    assert welcome.startswith("¡Hola!")
    assert "SINACTRAHO" in welcome and "https://www.sinactraho.org.mx" in welcome
    assert "/borrar" in welcome and "enlace llegaste" in welcome  # the privacy notice says it is kept
    assert cb(Action.HELP) in data_of(outcome)
    assert "llegada|lang=es|org=sinactraho" in outcome.counters
    assert "start|lang=es|org=sinactraho" in outcome.counters


def test_deep_link_code_ignores_case_and_unknown_codes_change_nothing(conversation: Conversation) -> None:
    _, state = start(conversation, "SinActraho")
    assert state.org == "sinactraho"
    outcome, state = start(conversation, "no-existe", state)
    assert state.org == "sinactraho"  # the earlier arrival is kept
    assert "Llegaste" not in outcome.replies[0].text
    assert all(parse_counter(c).event != "llegada" for c in outcome.counters)
    _, fresh = start(conversation, "lang-es")
    assert fresh.org is None


def test_organization_without_a_contact_is_named_without_inventing_one(conversation: Conversation) -> None:
    outcome, state = start(conversation, "rejja")
    assert state.org == "rejja"
    welcome = outcome.replies[0].text
    assert "REJJA" in welcome and "Su contacto" not in welcome and "http" not in welcome


def test_help_shows_the_arrival_organization_first(conversation: Conversation) -> None:
    _, state = start(conversation, "sinactraho")
    first, state = press(conversation, cb(Action.HELP), state)
    assert first.replies[0].text.startswith("🤝 Sindicato Nacional")
    assert [cb(Action.HELP, w) for w in ("hogar", "campo", "general")] == data_of(first)
    states, state = press(conversation, cb(Action.HELP, "hogar"), state)
    assert len(data_of(states)) == len(STATES) + 1
    listing, state = press(conversation, cb(Action.HELP, "hogar.jal"), state)
    text = listing.replies[0].text
    items = [line for line in text.splitlines() if line.startswith("• ")]
    assert items[0].startswith("• Sindicato Nacional de Trabajadores y Trabajadoras del Hogar")
    assert "Centro de Conciliación Laboral de tu estado" in text and "911" in text
    assert "de la Ciudad de México" not in text  # Jalisco: no CDMX offices
    assert listing.counters == ("persona:hogar|lang=es|org=sinactraho",)


def test_help_without_arrival_follows_work_and_state(conversation: Conversation) -> None:
    state = UserState()
    first, _ = press(conversation, cb(Action.HELP), state)
    assert not first.replies[0].text.startswith("🤝")
    farm, _ = press(conversation, cb(Action.HELP, "campo.oax"), state)
    assert "SINACTRAHO" not in farm.replies[0].text
    assert "conciliacionlaboral.org.mx" in farm.replies[0].text
    home, _ = press(conversation, cb(Action.HELP, "hogar.cdmx"), state)
    text = home.replies[0].text
    assert "55 5134 1730" in text and "SINACTRAHO" in text and "*765" in text
    assert "conciliacionlaboral.org.mx" not in text  # the CDMX center stands in for the portal
    unsaid, _ = press(conversation, cb(Action.HELP, "general.-"), state)
    assert "de la Ciudad de México" not in unsaid.replies[0].text


def test_work_and_state_are_not_stored(conversation: Conversation) -> None:
    _, state = start(conversation, "sinactraho")
    before = state.to_dict()
    for data in ("h", "h:hogar", "h:hogar.cdmx", "h:texto.hogar"):
        _, state = press(conversation, data, state)
    assert state.to_dict() == before
    assert "cdmx" not in str(state.to_dict()) and "hogar" not in str(state.to_dict())


def test_copyable_message_has_no_personal_data(conversation: Conversation) -> None:
    _, state = start(conversation, "sinactraho")
    outcome, _ = press(conversation, cb(Action.HELP, "texto.campo"), state)
    assert len(outcome.replies) == 2
    assert "Yo no lo envío a nadie" in outcome.replies[0].text
    message = outcome.replies[1].text
    assert message.startswith("Hola.") and "campo" in message and outcome.replies[1].forwardable
    for private in ("sinactraho", "Oaxaca", "k" * 32, "@"):
        assert private not in message
    assert outcome.counters == ()


def test_every_help_button_is_valid_callback_data(conversation: Conversation) -> None:
    state = UserState()
    for data in ("h", "h:hogar", "h:campo", "h:general", "h:hogar.cdmx"):
        outcome, _ = press(conversation, data, state)
        for button in data_of(outcome):
            assert len(button.encode()) <= MAX_CALLBACK_BYTES and parse(button) is not None, button


def test_forged_help_arguments_fall_back_to_the_first_question(conversation: Conversation) -> None:
    for data in ("h:hogar.narnia", "h:oficina", "h:hogar.cdmx.x", "h:texto"):
        outcome, _ = press(conversation, data, UserState())
        assert outcome.replies and outcome.replies[0].text
    outcome, _ = press(conversation, "h:hogar.narnia", UserState())
    assert "¿Dónde trabajas?" in outcome.replies[0].text


def test_stale_organization_in_state_is_ignored(conversation: Conversation) -> None:
    state = UserState(org="ya-no-existe")
    outcome, _ = press(conversation, cb(Action.HELP, "hogar.jal"), state)
    assert outcome.replies[0].text.startswith("Puedes buscar")
    assert outcome.counters == ("persona:hogar|lang=es",)


def test_counter_keys_carry_language_and_org_but_never_the_user(conversation: Conversation) -> None:
    _, state = start(conversation, "sinactraho")
    outcome, _ = press(conversation, cb(Action.ANSWER, "aguinaldo"), state)
    assert outcome.counters == ("tema:derechos:aguinaldo|lang=es|org=sinactraho",)
    plain, _ = press(conversation, cb(Action.ANSWER, "aguinaldo"), UserState())
    assert plain.counters == ("tema:derechos:aguinaldo|lang=es",)
    for key in (*outcome.counters, *plain.counters):
        assert not re.search(r"[0-9a-fk]{32}", key)


def test_groups_never_learn_the_organization(conversation: Conversation) -> None:
    event = Event(EventKind.COMMAND, command="start", text="sinactraho", chat=ChatKind.GROUP, at=AT)
    outcome, state = conversation.handle(event, UserState())
    assert state.org is None and outcome.counters == ()


def test_without_organization_data_help_lists_the_help_entries(conversation: Conversation) -> None:
    bare = Conversation(kb=replace(conversation.kb, organizations=()), matcher=conversation.matcher)
    outcome, _ = press(bare, cb(Action.HELP, "hogar.cdmx"), UserState())
    assert cb(Action.ANSWER, "ayuda-sinactraho") in data_of(outcome)

"""The terminal chat: options are letters, so a typed number is always a value."""

from __future__ import annotations

from bot.adapters.terminal import option_label, parse_input
from bot.core.events import EventKind
from bot.core.replies import Button

BUTTONS = [Button(f"{n} días", f"f:dias.{n}") for n in (6, 5, 4, 3)]


def test_a_letter_taps_its_button() -> None:
    event = parse_input("c", BUTTONS)
    assert event is not None and event.kind is EventKind.BUTTON and event.data == "f:dias.4"
    bracketed = parse_input("[C]", BUTTONS)
    assert bracketed is not None and bracketed.data == "f:dias.4"


def test_a_number_is_text_even_when_there_are_that_many_buttons() -> None:
    event = parse_input("3", BUTTONS)
    assert event is not None and event.kind is EventKind.TEXT and event.text == "3"


def test_labels_are_letters_and_stay_unique_past_z() -> None:
    labels = [option_label(i) for i in range(60)]
    assert labels[:3] == ["a", "b", "c"] and len(set(labels)) == 60
    assert not any(ch.isdigit() for label in labels for ch in label)

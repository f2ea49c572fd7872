"""Talk with the same core in a terminal: buttons are shown as lettered options ([a], [b]...), so a number
typed as an answer ("3" days a week) is always the number, never the third button."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.app import BotService
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.replies import Button, Outcome
from bot.core.state import UserState

TERMINAL_USER = "terminal"


def option_label(index: int) -> str:
    """a, b, ... z, then aa, ab...: letters, never digits."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else letters[index // 26 - 1] + letters[index % 26]


def parse_input(line: str, buttons: list[Button]) -> Event | None:
    """A letter picks a button of the last answer; /command is a command; anything else is text."""
    text = line.strip()
    if not text:
        return None
    labels = {option_label(i): b for i, b in enumerate(buttons)}
    button = labels.get(text.lower().strip("[]"))
    if button is not None:
        return None if button.url else Event(EventKind.BUTTON, data=button.data)
    if text.startswith("/") and len(text) > 1:
        command, _, args = text[1:].partition(" ")
        return Event(EventKind.COMMAND, command=command.split("@")[0].lower(), text=args)
    return Event(EventKind.TEXT, text=text)


def show(outcome: Outcome, out: TextIO) -> list[Button]:
    """Print the replies; returns the buttons in the order of their letters."""
    buttons: list[Button] = []
    for reply in outcome.replies:
        out.write("\n" + reply.text + "\n")
        for row in reply.buttons:
            for button in row:
                target = f" ({button.url})" if button.url else ""
                out.write(f"  [{option_label(len(buttons))}] {button.label}{target}\n")
                buttons.append(button)
    if not outcome.replies:
        out.write("\n(sin respuesta)\n")
    out.flush()
    return buttons


def chat(service: BotService, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    out.write(
        "Cerrando Brechas — chat en la terminal. Escribe la letra de una opción para tocarla; "
        "Ctrl+D para salir.\n"
    )
    buttons = show(service.process(TERMINAL_USER, Event(EventKind.COMMAND, command="start")), out)
    while True:
        out.write("\n> ")
        out.flush()
        line = stdin.readline()
        if not line:
            out.write("\n")
            return 0
        event = parse_input(line, buttons)
        if event is None:
            continue
        buttons = show(service.process(TERMINAL_USER, event), out)


def ask(conversation: Conversation, question: str, out: TextIO = sys.stdout) -> int:
    """One answer for scripts: a fresh state each time, nothing stored."""
    outcome, _state = conversation.handle(Event(EventKind.TEXT, text=question), UserState())
    show(outcome, out)
    return 0

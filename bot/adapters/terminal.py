"""Talk with the same core in a terminal: buttons are shown as numbered options."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.app import BotService
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.replies import Button, Outcome
from bot.core.state import UserState

TERMINAL_USER = "terminal"


def parse_input(line: str, buttons: list[Button]) -> Event | None:
    """A number picks a button of the last answer; /command is a command; anything else is text."""
    text = line.strip()
    if not text:
        return None
    if text.isdigit() and buttons and 1 <= int(text) <= len(buttons):
        button = buttons[int(text) - 1]
        if button.url:
            return None
        return Event(EventKind.BUTTON, data=button.data)
    if text.startswith("/") and len(text) > 1:
        command, _, args = text[1:].partition(" ")
        return Event(EventKind.COMMAND, command=command.split("@")[0].lower(), text=args)
    return Event(EventKind.TEXT, text=text)


def show(outcome: Outcome, out: TextIO) -> list[Button]:
    """Print the replies; returns the buttons in the numbering shown."""
    buttons: list[Button] = []
    for reply in outcome.replies:
        out.write("\n" + reply.text + "\n")
        for row in reply.buttons:
            for button in row:
                buttons.append(button)
                target = f" ({button.url})" if button.url else ""
                out.write(f"  [{len(buttons)}] {button.label}{target}\n")
    if not outcome.replies:
        out.write("\n(sin respuesta)\n")
    out.flush()
    return buttons


def chat(service: BotService, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    out.write(
        "Cerrando Brechas — chat en la terminal. Escribe un número para tocar un botón; Ctrl+D para salir.\n"
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
            if line.strip():
                out.write("Ese número no es una opción. Escribe tu pregunta o un número de la lista.\n")
            continue
        buttons = show(service.process(TERMINAL_USER, event), out)


def ask(conversation: Conversation, question: str, out: TextIO = sys.stdout) -> int:
    """One answer for scripts: a fresh state each time, nothing stored."""
    outcome, _state = conversation.handle(Event(EventKind.TEXT, text=question), UserState())
    show(outcome, out)
    return 0

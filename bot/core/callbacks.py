"""Button data: short, typed, and parsed defensively (anyone can forge callback_data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.core.replies import MAX_CALLBACK_BYTES

_ARG_RE = re.compile(r"^[a-z0-9_.<>-]{0,48}$")


class Action(StrEnum):
    MENU = "m"  # main menu
    TOPICS = "t"  # topics menu, or one area with an argument
    ANSWER = "a"  # show an entry
    LANGUAGE = "l"  # language menu, or set a language
    HELP = "h"  # talk to a person
    PRIVACY = "p"
    FORGET = "b"  # /borrar
    EMPLOYER = "e"  # the employer card
    CALCULATE = "c"  # calculators menu, or start one
    FLOW = "f"  # an answer inside a questionnaire
    FLOW_BACK = "fb"
    FLOW_CANCEL = "fx"
    RESUME = "r"  # go back to a paused calculator, where she was
    NONE_OF_THESE = "n"  # none of the "did you mean" candidates
    SHARE = "s"  # consent to share an unanswered question: y / n
    LISTEN = "v"  # speak an entry as a voice note
    DETAILS = "d"  # «Ver más»: the rest of an answer and its legal details
    USEFUL = "u"  # «¿Te sirvió?»: <entry>.y or <entry>.n, counted per entry, never per person
    SPANISH = "x"  # show an entry in Spanish, whatever the user's language


@dataclass(frozen=True)
class Callback:
    action: Action
    arg: str = ""

    def encode(self) -> str:
        data = f"{self.action.value}:{self.arg}" if self.arg else self.action.value
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data


def cb(action: Action, arg: str = "") -> str:
    return Callback(action, arg).encode()


def parse(data: str) -> Callback | None:
    """None for anything we did not produce: unknown actions, odd characters, oversized data."""
    if not data or len(data.encode("utf-8", "replace")) > MAX_CALLBACK_BYTES:
        return None
    head, _, arg = data.partition(":")
    try:
        action = Action(head)
    except ValueError:
        return None
    if not _ARG_RE.match(arg):
        return None
    return Callback(action, arg)

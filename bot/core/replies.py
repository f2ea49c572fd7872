"""What the core says back; adapters turn these into messages, buttons and voice notes."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

MAX_TEXT = 4096  # Telegram's limit for one message
MAX_CALLBACK_BYTES = 64  # Telegram's limit for callback_data


@dataclass(frozen=True)
class Button:
    label: str
    data: str = ""  # callback data (<= 64 bytes)
    url: str = ""  # a link button instead of a callback

    def __post_init__(self) -> None:
        if bool(self.data) == bool(self.url):
            raise ValueError("a button needs exactly one of data or url")
        if len(self.data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data too long: {self.data!r}")


@dataclass(frozen=True)
class Audio:
    """A request to speak `text` as a voice note; the adapter synthesizes (and caches by `key`)."""

    text: str
    lang: str
    key: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    audio: Audio | None = None
    forwardable: bool = False  # a card meant to be forwarded (e.g. for the employer)

    def __post_init__(self) -> None:
        if not 1 <= len(self.text) <= MAX_TEXT:
            raise ValueError(f"reply text must be 1-{MAX_TEXT} characters, got {len(self.text)}")


@dataclass(frozen=True)
class Outcome:
    replies: tuple[Reply, ...]
    forget_user: bool = False  # delete everything stored about the user (after sending the replies)
    wipe_chat: bool = False  # delete the recent messages of the chat where Telegram allows
    counters: tuple[str, ...] = field(default=())  # anonymous counter keys to bump (no user key)
    shared_question: str | None = None  # a question the user agreed to share, already scrubbed


def fit(text: str) -> str:
    """Telegram rejects messages over 4,096 characters; cut at a paragraph rather than mid-word."""
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind("\n", 0, MAX_TEXT - 2)
    return text[: cut if cut > 0 else MAX_TEXT - 2].rstrip() + " …"


def to_json(reply: Reply) -> str:
    """A reply as kept in the outbox until it is delivered (text, buttons, voice request)."""
    return json.dumps(asdict(reply), ensure_ascii=False)


def from_json(raw: str) -> Reply:
    data = json.loads(raw)
    rows = tuple(tuple(Button(**button) for button in row) for row in data.pop("buttons", ()))
    audio = data.pop("audio", None)
    return Reply(buttons=rows, audio=Audio(**audio) if audio else None, **data)

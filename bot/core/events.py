"""What happened, as adapters report it to the core (no Telegram types)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EventKind(StrEnum):
    TEXT = "text"
    COMMAND = "command"  # /start payload arrives here with command="start", text=payload
    BUTTON = "button"
    MEDIA = "media"  # something we cannot read: sticker, photo, voice note, location, contact...


class Media(StrEnum):
    STICKER = "sticker"
    PHOTO = "photo"
    VOICE = "voice"
    AUDIO = "audio"
    VIDEO = "video"
    VIDEO_NOTE = "video_note"
    DOCUMENT = "document"
    LOCATION = "location"
    CONTACT = "contact"
    ANIMATION = "animation"
    POLL = "poll"
    OTHER = "other"


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Event:
    kind: EventKind
    text: str = ""  # TEXT: what was written; COMMAND: the arguments after the command
    command: str = ""  # COMMAND: lowercase name without the slash
    data: str = ""  # BUTTON: the button's callback data, as received (may be forged)
    media: Media | None = None
    chat: ChatKind = ChatKind.PRIVATE
    addressed: bool = True  # in a group: a command or a mention of the bot
    language_hint: str | None = None  # Telegram's language_code: only a hint
    user: str = ""  # the pseudonymous user key, set by the service (never the Telegram id)
    at: dt.datetime = field(default_factory=_utcnow)

    @property
    def today(self) -> dt.date:
        # Legal dates (deadlines, parameter changes) follow Mexico City time: UTC-6, no DST since 2022.
        return (self.at.astimezone(dt.UTC) - dt.timedelta(hours=6)).date()

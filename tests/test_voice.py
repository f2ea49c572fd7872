"""Voice notes: espeak-ng speech encoded as OGG/Opus, cached, and absent politely without espeak-ng."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind, Media
from bot.core.state import UserState
from bot.voice import OPUS_RATE, Speaker, espeak_available, to_ogg_opus

AT = dt.datetime(2026, 11, 22, 18, tzinfo=dt.UTC)
needs_espeak = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is not installed")


def wav(seconds: float = 0.5, rate: int = 22_050) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    out = io.BytesIO()
    soundfile.write(out, (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), rate, format="WAV")
    return out.getvalue()


def test_wav_becomes_decodable_ogg_opus() -> None:
    ogg = to_ogg_opus(wav())
    assert ogg.startswith(b"OggS") and b"OpusHead" in ogg[:200]
    samples, rate = soundfile.read(io.BytesIO(ogg))
    assert rate == OPUS_RATE
    assert abs(len(samples) / rate - 0.5) < 0.05


@needs_espeak
def test_espeak_speaks_spanish_and_caches(tmp_path: Path) -> None:
    speaker = Speaker(tmp_path)
    audio = speaker.speak("Te toca aguinaldo antes del 20 de diciembre.")
    assert audio is not None and audio.startswith(b"OggS")
    samples, rate = soundfile.read(io.BytesIO(audio))
    assert rate == OPUS_RATE and len(samples) / rate > 1.0
    cached = list(tmp_path.glob("*.ogg"))
    assert len(cached) == 1
    cached[0].write_bytes(b"OggS-from-cache")
    assert speaker.speak("Te toca aguinaldo antes del 20 de diciembre.") == b"OggS-from-cache"


def test_without_espeak_there_is_no_audio(tmp_path: Path) -> None:
    speaker = Speaker(tmp_path)
    speaker.available = False
    assert speaker.speak("hola") is None


def test_listen_button_only_when_voice_is_available(conversation: Conversation) -> None:
    event = Event(EventKind.BUTTON, data=cb(Action.ANSWER, "aguinaldo"), at=AT)
    silent = dataclasses.replace(conversation, voice_available=False)
    outcome, _ = silent.handle(event, UserState())
    assert cb(Action.LISTEN, "aguinaldo") not in [
        b.data for r in outcome.replies for row in r.buttons for b in row
    ]
    loud = dataclasses.replace(conversation, voice_available=True)
    outcome, _ = loud.handle(event, UserState())
    assert cb(Action.LISTEN, "aguinaldo") in [
        b.data for r in outcome.replies for row in r.buttons for b in row
    ]
    listened, _ = loud.handle(
        Event(EventKind.BUTTON, data=cb(Action.LISTEN, "aguinaldo"), at=AT), UserState()
    )
    audio = listened.replies[0].audio
    assert audio is not None and "15 días" in audio.text and "http" not in audio.text


def test_voice_note_gets_text_and_audio(conversation: Conversation) -> None:
    loud = dataclasses.replace(conversation, voice_available=True)
    outcome, _ = loud.handle(Event(EventKind.MEDIA, media=Media.VOICE, at=AT), UserState())
    reply = outcome.replies[0]
    assert "notas de voz" in reply.text and reply.audio is not None and reply.buttons


def test_listening_in_another_language_says_which_voice_reads(conversation: Conversation) -> None:
    loud = dataclasses.replace(conversation, voice_available=True)
    state = UserState(lang="tzo", lang_chosen=True)
    outcome, _ = loud.handle(Event(EventKind.BUTTON, data=cb(Action.LISTEN, "aguinaldo"), at=AT), state)
    reply = outcome.replies[0]
    assert reply.audio is not None and reply.audio.lang == "tzo"
    assert len(reply.text.splitlines()) == 2, "the caption says the voice and language it is read in"

"""Voice notes: espeak-ng speech encoded as OGG/Opus, cached, and absent politely without espeak-ng."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bot import voice
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind, Media
from bot.core.state import UserState
from bot.i18n import Translator
from bot.voice import OPUS_RATE, Speaker, espeak_available, reading_note, ssml, to_ogg_opus, voice_for

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


def test_voice_notes_are_small_for_people_on_prepaid_data() -> None:
    """Mono 16 kHz at about 17 kbit/s: a 48 kHz note at libsndfile's default bitrate was ~60 kbit/s."""
    rng = np.random.default_rng(1)
    rate = 22_050
    t = np.arange(5 * rate) / rate
    noisy = (0.3 * rng.standard_normal(len(t)) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    out = io.BytesIO()
    soundfile.write(out, noisy, rate, format="WAV")
    kbits_per_second = len(to_ogg_opus(out.getvalue())) * 8 / 5 / 1000
    assert kbits_per_second < 24


def test_each_language_is_read_by_its_voice_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice, "installed_voices", lambda: frozenset({"es-419", "nci"}))
    assert voice_for("nhe") == "nci"
    assert voice_for("tzo") == voice_for("es") == voice_for("xx") == "es-419"
    monkeypatch.setattr(voice, "installed_voices", lambda: frozenset({"es-419"}))
    assert voice_for("nhe") == "es-419", "a configured voice that is missing falls back to Spanish"


def test_the_caption_says_which_voice_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    _ = Translator().gettext("es")  # the Spanish wording; the languages' catalogs translate it
    monkeypatch.setattr(voice, "installed_voices", lambda: frozenset({"es-419", "nci"}))
    assert reading_note("es", True, _) == ""
    assert "náhuatl clásico" in reading_note("nhe", True, _) and "no es igual" in reading_note("nhe", True, _)
    assert "voz en español" in reading_note("tzo", True, _)
    assert "la escuchas en español" in reading_note("nhe", False, _)
    monkeypatch.setattr(voice, "installed_voices", lambda: frozenset({"es-419"}))
    assert "voz en español" in reading_note("nhe", True, _)


def test_numbers_are_read_by_the_spanish_voice_in_another_voice() -> None:
    """The Classical Nahuatl voice garbles 079 with its own numerals: emergency numbers go in Spanish."""
    text = ssml("xiknotsa 911, 079 opción 1 & <nada>")
    assert text.startswith("<speak>") and text.endswith("</speak>")
    for number in ("911", "079", "1"):
        assert f'<voice name="es-419">{number}</voice>' in text
    assert "&amp;" in text and "&lt;nada&gt;" in text


@needs_espeak
def test_a_typical_answer_is_a_small_voice_note(conversation: Conversation, tmp_path: Path) -> None:
    entry = conversation.kb.entries["aguinaldo"]
    audio = Speaker(tmp_path).speak(entry.answer)
    assert audio is not None
    samples, rate = soundfile.read(io.BytesIO(audio))
    assert len(samples) / rate > 20 and len(audio) < 120_000, "was ~290 KB before"


@needs_espeak
def test_nahuatl_is_read_by_the_classical_nahuatl_voice_with_numbers_in_spanish(tmp_path: Path) -> None:
    if "nci" not in voice.installed_voices():
        pytest.skip("this espeak-ng has no Classical Nahuatl voice")
    speaker = Speaker(tmp_path)
    nahuatl = speaker.speak("Tla tiitstok ipan owijkayotl axkan, xiknotsa 911.", "nhe")
    spanish = speaker.speak("Tla tiitstok ipan owijkayotl axkan, xiknotsa 911.", "es")
    assert nahuatl is not None and spanish is not None and nahuatl != spanish
    assert len(list(tmp_path.glob("*.ogg"))) == 2, "cached per voice"


def test_an_untranslated_answer_is_read_by_the_spanish_voice(conversation: Conversation) -> None:
    """Spanish text is read by the Spanish voice; a draft in Náhuatl by the Classical Nahuatl voice,
    with a caption saying it is an approximation."""
    loud = dataclasses.replace(conversation, voice_available=True)
    state = UserState(lang="nhe", lang_chosen=True)
    untranslated = next(e for e in conversation.kb.entries if conversation.content.get("nhe", e) is None)
    outcome, _ = loud.handle(Event(EventKind.BUTTON, data=cb(Action.LISTEN, untranslated), at=AT), state)
    assert outcome.replies[0].audio is not None and outcome.replies[0].audio.lang == "es"
    translated, _ = loud.handle(Event(EventKind.BUTTON, data=cb(Action.LISTEN, "aguinaldo"), at=AT), state)
    if "nci" in voice.installed_voices():
        assert "náhuatl clásico" in translated.replies[0].text


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

"""Answers read aloud: espeak-ng speaks, and the audio becomes a Telegram voice note (OGG/Opus).

Each language is read by the espeak-ng voice locales/idiomas.yaml gives it (`voz`), when that voice is
installed; otherwise by the Latin American Spanish voice, and the caption says which voice reads. Where
espeak-ng is missing the bot simply does not offer audio. Audio is cached per text and voice in the data
folder; it holds only knowledge content, never anything a user wrote.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import soundfile

from bot.i18n import LANGUAGES, SOURCE_LANGUAGE, Gettext

log = logging.getLogger(__name__)
SPANISH_VOICE = "es-419"  # Latin American Spanish
# Voice notes are paid for by people on prepaid data: mono wideband speech (16 kHz; espeak-ng speaks at
# 22.05 kHz and its voice needs no more) at about 17 kbit/s, the Opus guidance for wideband speech. A
# 40-second answer is ~80 KB instead of ~290 KB at 48 kHz and libsndfile's default bitrate.
OPUS_RATE = 16_000  # Opus works at 8, 12, 16, 24 or 48 kHz
OPUS_COMPRESSION = 0.95  # libsndfile's 0 (largest) .. 1 (smallest); 0.95 gives ~17 kbit/s for speech
MAX_CHARS = 1500
_NUMBER_RE = re.compile(r"\d+(?:[.,:]\d+)*")


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


@functools.cache
def installed_voices() -> frozenset[str]:
    """The language codes of the espeak-ng voices on this machine (empty without espeak-ng)."""
    if not espeak_available():
        return frozenset()
    try:
        listing = subprocess.run(
            ["espeak-ng", "--voices"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # Columns: Pty Language Age/Gender VoiceName File Other-languages; the first line is the header.
    return frozenset(line.split()[1] for line in listing.splitlines()[1:] if len(line.split()) > 1)


def voice_for(lang: str) -> str:
    """The voice that reads `lang`: its configured voice when installed, else the Spanish one."""
    language = LANGUAGES.get(lang)
    wanted = language.voice if language else SPANISH_VOICE
    return wanted if wanted == SPANISH_VOICE or wanted in installed_voices() else SPANISH_VOICE


def reading_note(lang: str, translated: bool, _: Gettext) -> str:
    """The caption line saying which voice reads an answer in `lang` (empty for Spanish).

    `translated`: the answer is in `lang` (a draft unless reviewed); otherwise the Spanish is read.
    """
    if lang == SOURCE_LANGUAGE:
        return ""
    if not translated:
        return _("Esta respuesta todavía no está en tu idioma: la escuchas en español.")
    language = LANGUAGES.get(lang)
    if voice_for(lang) != SPANISH_VOICE and language is not None and language.voice_name:
        # e.g. Classical Nahuatl reading Huasteca Nahuatl: close, not the same; say so.
        return _("Lo lee una voz de {voz}: se parece a tu idioma, pero no es igual.").format(
            voz=language.voice_name
        )
    return _("Lo lee una voz en español, con la traducción en borrador.")


def ssml(text: str) -> str:
    """SSML for a voice other than Spanish: numbers are read by the Spanish voice.

    The Classical Nahuatl voice reads 079 with its own numerals and garbles it; phone numbers, amounts and
    dates are said in Spanish in these communities anyway.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    spanish = _NUMBER_RE.sub(lambda m: f'<voice name="{SPANISH_VOICE}">{m.group(0)}</voice>', escaped)
    return f"<speak>{spanish}</speak>"


def to_ogg_opus(wav: bytes) -> bytes:
    samples, rate = soundfile.read(io.BytesIO(wav), dtype="float32")
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if rate != OPUS_RATE and len(samples):
        positions = np.arange(0, len(samples), rate / OPUS_RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    out = io.BytesIO()
    soundfile.write(out, samples, OPUS_RATE, format="OGG", subtype="OPUS", compression_level=OPUS_COMPRESSION)
    return out.getvalue()


class Speaker:
    """Synthesizes and caches voice notes; `available` is False when espeak-ng is not installed."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.available = espeak_available()
        self.cache_dir = cache_dir

    def _cache_path(self, text: str, voice: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(f"{voice}\n{OPUS_RATE}\n{text}".encode()).hexdigest()[:24]
        return self.cache_dir / f"{digest}.ogg"

    def speak(self, text: str, lang: str = SOURCE_LANGUAGE) -> bytes | None:
        """OGG/Opus bytes of `text` (written in `lang`), or None when speech is unavailable or fails
        (the caller sends text instead)."""
        if not self.available:
            return None
        voice = voice_for(lang)
        cached = self._cache_path(text, voice)
        if cached is not None and cached.exists():
            return cached.read_bytes()
        text = text[:MAX_CHARS]
        command = ["espeak-ng", "-v", voice, "-s", "150", "--stdout", "--stdin"]
        if voice != SPANISH_VOICE:
            command, text = [*command, "-m"], ssml(text)
        try:
            result = subprocess.run(
                command,
                input=text.encode(),
                capture_output=True,
                timeout=60,
                check=True,
            )
            audio = to_ogg_opus(result.stdout)
        except (OSError, subprocess.SubprocessError, RuntimeError, ValueError) as exc:
            log.warning("speech synthesis failed: %s", type(exc).__name__)
            return None
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(audio)
        return audio

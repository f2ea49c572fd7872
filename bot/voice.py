"""Answers read aloud: espeak-ng speaks, and the audio becomes a Telegram voice note (OGG/Opus).

Where espeak-ng is missing the bot simply does not offer audio. Audio is cached per text and voice in the
data folder; it holds only knowledge content, never anything a user wrote.
"""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
import subprocess
from pathlib import Path

import numpy as np
import soundfile

log = logging.getLogger(__name__)
SPANISH_VOICE = "es-419"  # Latin American Spanish
OPUS_RATE = 48_000  # Opus works at 8, 12, 16, 24 or 48 kHz; espeak-ng speaks at 22.05 kHz
MAX_CHARS = 1500


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def to_ogg_opus(wav: bytes) -> bytes:
    samples, rate = soundfile.read(io.BytesIO(wav), dtype="float32")
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if rate != OPUS_RATE and len(samples):
        positions = np.arange(0, len(samples), rate / OPUS_RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    out = io.BytesIO()
    soundfile.write(out, samples, OPUS_RATE, format="OGG", subtype="OPUS")
    return out.getvalue()


class Speaker:
    """Synthesizes and caches voice notes; `available` is False when espeak-ng is not installed."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.available = espeak_available()
        self.cache_dir = cache_dir

    def _cache_path(self, text: str, voice: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(f"{voice}\n{text}".encode()).hexdigest()[:24]
        return self.cache_dir / f"{digest}.ogg"

    def speak(self, text: str, voice: str = SPANISH_VOICE) -> bytes | None:
        """OGG/Opus bytes, or None when speech is unavailable or fails (the caller sends text instead)."""
        if not self.available:
            return None
        cached = self._cache_path(text, voice)
        if cached is not None and cached.exists():
            return cached.read_bytes()
        try:
            result = subprocess.run(
                ["espeak-ng", "-v", voice, "-s", "150", "--stdout", "--stdin"],
                input=text[:MAX_CHARS].encode(),
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

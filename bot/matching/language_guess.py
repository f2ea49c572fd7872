"""Which language a message is written in, from character trigram profiles of each language's own text.

Profiles come from what the bot already has in each language (translated phrasings, answers and interface
text), so adding translations improves detection with no extra data.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from bot.matching.normalize import fold

MIN_CHARS = 12  # shorter messages ("hola", "ok") say too little about their language
MIN_SCORE = 0.25
MIN_LEAD = 0.08  # over Spanish: loanwords (IMSS, aguinaldo) make every language look a bit Spanish


def trigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in fold(text).split():
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _unit(counts: Counter[str]) -> dict[str, float]:
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {g: c / norm for g, c in counts.items()}


class LanguageGuesser:
    def __init__(
        self, texts: Mapping[str, Iterable[str]] | Callable[[], Mapping[str, Iterable[str]]]
    ) -> None:
        """`texts`: samples per language, or a function returning them (read only when first needed)."""
        self._texts = texts
        self._profiles: dict[str, dict[str, float]] | None = None

    @property
    def profiles(self) -> dict[str, dict[str, float]]:
        # Built on first use, so the bot starts polling without waiting for it.
        if self._profiles is None:
            profiles = {}
            texts = self._texts() if callable(self._texts) else self._texts
            for code, samples in texts.items():
                counts: Counter[str] = Counter()
                for sample in samples:
                    counts.update(trigrams(sample))
                if counts:
                    profiles[code] = _unit(counts)
            self._profiles = profiles
        return self._profiles

    def scores(self, text: str) -> dict[str, float]:
        query = _unit(trigrams(text))
        return {
            code: sum(w * profile.get(g, 0.0) for g, w in query.items())
            for code, profile in self.profiles.items()
        }

    def guess(self, text: str, source: str = "es") -> str | None:
        """A language other than `source` when the message is clearly written in it; otherwise None."""
        if len(text.strip()) < MIN_CHARS or len(self.profiles) < 2:
            return None
        scores = self.scores(text)
        best = max(scores, key=lambda code: scores[code])
        if best == source or scores[best] < MIN_SCORE:
            return None
        return best if scores[best] - scores.get(source, 0.0) >= MIN_LEAD else None

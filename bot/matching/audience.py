"""Who a question is about: a house, the fields, or another workplace, told by cue words kept as data.

Many answers come in siblings (rest day for domestic workers, for farm workers, for everyone). The words
that tell them apart ("la señora", "el rancho", "la fábrica") are spread thinly over many phrasings; one
shared audience feature lets every entry of an audience learn from all of them at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping

NO_AUDIENCE = "ninguna"


class AudienceCues:
    def __init__(self, cues: Mapping[str, str], normalize: Callable[[str], str]) -> None:
        """`cues` maps a word or phrase, as people write it, to an audience (knowledge/model.py AUDIENCES)."""
        by_audience: defaultdict[str, set[str]] = defaultdict(set)
        for cue, audience in cues.items():
            # Normalized the way questions are, so a cue written "casa" still matches after synonyms.
            if normalized := normalize(cue):
                by_audience[audience].add(normalized)
        self.patterns = {
            audience: re.compile(
                r"\b(?:" + "|".join(re.escape(c) for c in sorted(words, key=len, reverse=True)) + r")\b"
            )
            for audience, words in sorted(by_audience.items())
        }

    def __call__(self, normalized: str) -> tuple[str, ...]:
        found = tuple(a for a, pattern in self.patterns.items() if pattern.search(normalized))
        return found or (NO_AUDIENCE,)

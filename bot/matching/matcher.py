"""Find the knowledge entry a question is about, and say how sure we are.

Each entry is represented by its normalized phrasings. A question is scored against every phrasing with
two complementary measures: a character n-gram TF-IDF cosine (robust to typos and word endings) and
rapidfuzz's token-set ratio over content words (robust to word order and extra words). An entry's score is
its best phrasing's. Confidence bands decide whether to answer, ask, or admit we don't know.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from bot.matching.normalize import Normalizer
from bot.matching.stopwords import STOPWORDS

NGRAM = 3


class Band(StrEnum):
    ANSWER = "answer"  # confident: answer directly
    ASK = "ask"  # unsure: offer up to three candidates
    UNKNOWN = "unknown"  # no good candidate: say so honestly


@dataclass(frozen=True)
class Thresholds:
    answer: float = 62.0
    ask: float = 42.0
    margin: float = 4.0  # the best must beat the runner-up by this much to answer directly


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    band: Band
    candidates: tuple[Candidate, ...]
    normalized: str

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def content_words(text: str) -> str:
    return " ".join(w for w in text.split() if w not in STOPWORDS)


def char_ngrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in text.split():
        padded = f" {word} "
        if len(padded) <= NGRAM:
            grams[padded] += 1
            continue
        for i in range(len(padded) - NGRAM + 1):
            grams[padded[i : i + NGRAM]] += 1
    return grams


class _NgramIndex:
    """TF-IDF over character n-grams with an inverted index, so a query touches only shared n-grams."""

    def __init__(self, documents: list[str]) -> None:
        counts = [char_ngrams(doc) for doc in documents]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(documents)
        self.idf = {g: math.log((1 + n) / (1 + d)) + 1.0 for g, d in df.items()}
        self.unknown_idf = math.log(1 + n) + 1.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for doc_id, c in enumerate(counts):
            weights = {g: (1 + math.log(tf)) * self.idf[g] for g, tf in c.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for g, w in weights.items():
                self.postings[g].append((doc_id, w / norm))
        self.size = n

    def scores(self, query: str) -> list[float]:
        result = [0.0] * self.size
        c = char_ngrams(query)
        weights = {g: (1 + math.log(tf)) * self.idf.get(g, self.unknown_idf) for g, tf in c.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for g, w in weights.items():
            for doc_id, dw in self.postings.get(g, ()):
                result[doc_id] += dw * w / norm
        return result


class Matcher:
    def __init__(
        self,
        phrasings: Iterable[tuple[str, str]],
        normalizer: Normalizer,
        thresholds: Thresholds | None = None,
        ngram_weight: float = 0.5,
    ) -> None:
        """`phrasings` are (entry_id, text) pairs; one entry may have many."""
        self.normalize = normalizer
        self.thresholds = thresholds or Thresholds()
        self.ngram_weight = ngram_weight
        self.entry_of: list[str] = []
        normalized: list[str] = []
        for entry_id, text in phrasings:
            norm = normalizer(text)
            if norm:
                self.entry_of.append(entry_id)
                normalized.append(norm)
        self.content = [content_words(p) or p for p in normalized]
        self.index = _NgramIndex(normalized)

    def rank(self, question: str, limit: int = 5) -> tuple[str, list[Candidate]]:
        norm = self.normalize(question)
        if not norm:
            return norm, []
        ngram = self.index.scores(norm)
        query_content = content_words(norm) or norm
        tokens = process.cdist([query_content], self.content, scorer=fuzz.token_set_ratio, workers=1)[0]
        best: dict[str, float] = {}
        w = self.ngram_weight
        for i, entry_id in enumerate(self.entry_of):
            score = w * ngram[i] * 100 + (1 - w) * float(tokens[i])
            if score > best.get(entry_id, -1.0):
                best[entry_id] = score
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)[:limit]
        return norm, [Candidate(e, round(s, 2)) for e, s in ranked]

    def match(self, question: str) -> MatchResult:
        norm, ranked = self.rank(question)
        t = self.thresholds
        if not ranked or ranked[0].score < t.ask:
            return MatchResult(Band.UNKNOWN, tuple(ranked[:3]), norm)
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if ranked[0].score >= t.answer and ranked[0].score - runner_up >= t.margin:
            return MatchResult(Band.ANSWER, tuple(ranked[:3]), norm)
        close = tuple(c for c in ranked[:3] if c.score >= t.ask)
        return MatchResult(Band.ASK, close, norm)

"""Find the knowledge entry a question is about, and say how sure we are.

Each entry is represented by the centroid of its phrasings in a TF-IDF space of stemmed words, word pairs
and character n-grams (robust to typos and word endings). A question is scored against every centroid by
cosine similarity; rapidfuzz's token-set ratio against the single closest phrasing adds robustness to
word order and extra words. Confidence bands then decide whether to answer, ask, or admit we don't know.
The choice of features and weights was measured on tests/data/preguntas.yaml (`python -m bot kb eval`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process

from bot.matching.normalize import Normalizer
from bot.matching.stopwords import STOPWORDS

CHAR_NGRAMS = (3, 4, 5)
CHAR_WEIGHT = 0.3  # many n-grams per word: keep their total weight comparable to the words'


class Band(StrEnum):
    ANSWER = "answer"  # confident: answer directly
    ASK = "ask"  # unsure: offer up to three candidates
    UNKNOWN = "unknown"  # no good candidate: say so honestly


@dataclass(frozen=True)
class Thresholds:
    answer: float = 20.0
    ask: float = 20.0
    margin: float = 8.0  # the best must beat the runner-up by this much to answer directly


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


_stemmer = snowballstemmer.stemmer("spanish")


def content_words(text: str) -> list[str]:
    return [w for w in text.split() if w not in STOPWORDS]


def features(normalized: str) -> dict[str, float]:
    """Stemmed content words, pairs of them, and character n-grams of every word."""
    stems = _stemmer.stemWords(content_words(normalized))
    feats: defaultdict[str, float] = defaultdict(float)
    for stem in stems:
        feats[stem] += 1
    for a, b in pairwise(stems):
        feats[f"{a}_{b}"] += 1
    for word in normalized.split():
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            for i in range(len(padded) - n + 1):
                feats["#" + padded[i : i + n]] += CHAR_WEIGHT
    return feats


def _weight(count: float) -> float:
    return 1 + math.log(count) if count >= 1 else count


class Matcher:
    def __init__(
        self,
        phrasings: Iterable[tuple[str, str]],
        normalizer: Normalizer,
        thresholds: Thresholds | None = None,
        token_weight: float = 0.0,
    ) -> None:
        """`phrasings` are (entry_id, text) pairs; an entry has many."""
        self.normalize = normalizer
        self.thresholds = thresholds or Thresholds()
        self.token_weight = token_weight
        self.entry_ids: list[str] = []
        owner: list[int] = []
        docs: list[dict[str, float]] = []
        self.phrasing_words: list[str] = []
        for entry_id, text in phrasings:
            norm = normalizer(text)
            if not norm:
                continue
            if entry_id not in self.entry_ids:
                self.entry_ids.append(entry_id)
            owner.append(self.entry_ids.index(entry_id))
            docs.append(features(norm))
            self.phrasing_words.append(" ".join(content_words(norm)) or norm)
        self.owner = np.array(owner, dtype=np.int32)
        self.vocabulary: dict[str, int] = {}
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        for feature in df:
            self.vocabulary[feature] = len(self.vocabulary)
        n = max(len(docs), 1)
        self.idf = np.array([math.log((1 + n) / (1 + df[f])) + 1 for f in self.vocabulary], dtype=np.float32)
        self.unknown_idf = float(math.log(1 + n) + 1)
        centroids = np.zeros((len(self.entry_ids), len(self.vocabulary)), dtype=np.float32)
        for doc, entry in zip(docs, owner, strict=True):
            idx = np.fromiter((self.vocabulary[f] for f in doc), dtype=np.int64, count=len(doc))
            values = np.fromiter((_weight(c) for c in doc.values()), dtype=np.float32, count=len(doc))
            values *= self.idf[idx]
            centroids[entry, idx] += values / (np.linalg.norm(values) or 1.0)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        self.centroids = centroids / np.where(norms == 0, 1.0, norms)

    def _centroid_scores(self, normalized: str) -> np.ndarray:
        query = features(normalized)
        known = [(self.vocabulary[f], c) for f, c in query.items() if f in self.vocabulary]
        weights = {f: _weight(c) for f, c in query.items()}
        # Unknown features count in the query's norm: a question about something else scores low.
        norm_sq = sum(
            (w * (self.idf[self.vocabulary[f]] if f in self.vocabulary else self.unknown_idf)) ** 2
            for f, w in weights.items()
        )
        if not known or norm_sq == 0:
            return np.zeros(len(self.entry_ids), dtype=np.float32)
        idx = np.array([i for i, _ in known], dtype=np.int64)
        values = np.array([_weight(c) for _, c in known], dtype=np.float32) * self.idf[idx]
        result: np.ndarray = (self.centroids[:, idx] @ values) / math.sqrt(norm_sq)
        return result

    def _token_scores(self, normalized: str) -> np.ndarray:
        words = " ".join(content_words(normalized)) or normalized
        ratios = process.cdist([words], self.phrasing_words, scorer=fuzz.token_set_ratio, workers=1)[0]
        best = np.zeros(len(self.entry_ids), dtype=np.float32)
        np.maximum.at(best, self.owner, ratios.astype(np.float32) / 100)
        return best

    def rank(self, question: str, limit: int = 5) -> tuple[str, list[Candidate]]:
        norm = self.normalize(question)
        if not norm or not self.entry_ids:
            return norm, []
        w = self.token_weight
        scores = self._centroid_scores(norm)
        if w:
            scores = (1 - w) * scores + w * self._token_scores(norm)
        order = np.argsort(-scores)[:limit]
        return norm, [Candidate(self.entry_ids[i], round(float(scores[i]) * 100, 2)) for i in order]

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

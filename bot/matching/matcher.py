"""Find the knowledge entry a question is about, and say how sure we are.

Questions and phrasings live in one TF-IDF space of stemmed words, word pairs and character n-grams
(robust to typos and word endings). An entry's score mixes the cosine with the centroid of its phrasings
and its share of the question's nearest phrasings. Confidence bands then decide whether to answer, ask,
or admit we don't know. Features, weights and bands were chosen by measuring on tests/data/preguntas.yaml
(`python -m bot kb eval`, which also shows the rapidfuzz WRatio baseline): a rapidfuzz token-set score
mixed in lowered top-1 there, so it is not used.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import numpy as np
import snowballstemmer

from bot.matching.normalize import Normalizer
from bot.matching.stopwords import STOPWORDS

CHAR_NGRAMS = (3, 4)  # 5-grams added build time and lowered top-1 on the evaluation set
CHAR_WEIGHT = 0.3  # many n-grams per word: keep their total weight comparable to the words'


class Band(StrEnum):
    ANSWER = "answer"  # confident: answer directly
    ASK = "ask"  # unsure: offer up to three candidates
    UNKNOWN = "unknown"  # no good candidate: say so honestly


@dataclass(frozen=True)
class Thresholds:
    answer: float = 15.0
    ask: float = 11.0
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


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    # The same few thousand words recur in every phrasing and question: stem each once.
    return str(_stemmer.stemWord(word))


def content_words(text: str) -> list[str]:
    return [w for w in text.split() if w not in STOPWORDS]


def features(normalized: str) -> dict[str, float]:
    """Stemmed content words, pairs of them, and character n-grams of every word."""
    stems = [stem(w) for w in content_words(normalized)]
    feats: defaultdict[str, float] = defaultdict(float)
    for word_stem in stems:
        feats[word_stem] += 1
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


class _SparseColumns:
    """A sparse matrix stored by feature (column): a query only touches the rows sharing its features."""

    def __init__(self, rows: list[dict[int, float]], n_features: int) -> None:
        features_of = np.fromiter((f for row in rows for f in row), dtype=np.int64)
        row_of = np.fromiter((r for r, row in enumerate(rows) for _ in row), dtype=np.int32)
        values = np.fromiter((v for row in rows for v in row.values()), dtype=np.float32)
        order = np.argsort(features_of, kind="stable")
        self.rows, self.data = row_of[order], values[order]
        self.indptr = np.zeros(n_features + 1, dtype=np.int64)
        np.cumsum(np.bincount(features_of, minlength=n_features), out=self.indptr[1:])
        self.n_rows = len(rows)

    def dot(self, features: np.ndarray, weights: np.ndarray) -> np.ndarray:
        starts, ends = self.indptr[features], self.indptr[features + 1]
        if not len(features) or not (ends - starts).any():
            return np.zeros(self.n_rows, dtype=np.float64)
        lengths = ends - starts
        # All postings of the query's features at once: each run starts at its `start`.
        run_offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions = np.arange(int(lengths.sum())) + run_offsets
        scaled = self.data[positions] * np.repeat(weights, lengths)
        result: np.ndarray = np.bincount(self.rows[positions], weights=scaled, minlength=self.n_rows)
        return result


class Matcher:
    """Scores = a mix of (a) cosine with each entry's centroid and (b) the entry's share of the question's
    nearest phrasings (k-nearest neighbours), both in the same TF-IDF space."""

    def __init__(
        self,
        phrasings: Iterable[tuple[str, str]],
        normalizer: Normalizer,
        thresholds: Thresholds | None = None,
        neighbours: int = 8,
        neighbour_weight: float = 0.5,
    ) -> None:
        """`phrasings` are (entry_id, text) pairs; an entry has many."""
        self.normalize = normalizer
        self.thresholds = thresholds or Thresholds()
        self.neighbours = neighbours
        self.neighbour_weight = neighbour_weight
        self.entry_ids: list[str] = []
        index_of: dict[str, int] = {}
        owner: list[int] = []
        docs: list[dict[str, float]] = []
        for entry_id, text in phrasings:
            norm = normalizer(text)
            if not norm:
                continue
            owner.append(index_of.setdefault(entry_id, len(index_of)))
            docs.append(features(norm))
        self.entry_ids = list(index_of)
        self.owner = np.array(owner, dtype=np.int32)
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        self.vocabulary: dict[str, int] = {f: i for i, f in enumerate(df)}
        n = max(len(docs), 1)
        self.idf = np.array([math.log((1 + n) / (1 + df[f])) + 1 for f in self.vocabulary], dtype=np.float32)
        self.unknown_idf = float(math.log(1 + n) + 1)
        idf = self.idf.tolist()  # plain floats: indexing a numpy array per feature is slow at start-up
        vocabulary = self.vocabulary
        vectors = [
            _unit({vocabulary[f]: _weight(c) * idf[vocabulary[f]] for f, c in doc.items()}) for doc in docs
        ]
        centroids: list[dict[int, float]] = [defaultdict(float) for _ in self.entry_ids]
        for vector, entry in zip(vectors, owner, strict=True):
            for feature, value in vector.items():
                centroids[entry][feature] += value
        self.phrasings = _SparseColumns(vectors, len(self.vocabulary))
        self.centroids = _SparseColumns([_unit(c) for c in centroids], len(self.vocabulary))

    def scores(self, normalized: str) -> np.ndarray:
        """One score in [0, 1] per entry (in self.entry_ids order)."""
        query = features(normalized)
        known = [(self.vocabulary[f], _weight(c)) for f, c in query.items() if f in self.vocabulary]
        # Unknown features count in the query's norm: a question about something else scores low.
        norm = math.sqrt(
            sum(
                (
                    _weight(c)
                    * (float(self.idf[self.vocabulary[f]]) if f in self.vocabulary else self.unknown_idf)
                )
                ** 2
                for f, c in query.items()
            )
        )
        entries = len(self.entry_ids)
        if not known or norm == 0:
            return np.zeros(entries)
        idx = np.array([i for i, _ in known], dtype=np.int64)
        weights = np.array([w for _, w in known], dtype=np.float32) * self.idf[idx] / norm
        centroid = self.centroids.dot(idx, weights)
        similar = self.phrasings.dot(idx, weights)
        k = min(self.neighbours, len(similar))
        nearest = np.argpartition(-similar, k - 1)[:k]
        neighbours = np.bincount(self.owner[nearest], weights=similar[nearest], minlength=entries) / k
        w = self.neighbour_weight
        result: np.ndarray = w * neighbours + (1 - w) * centroid
        return result

    def rank(self, question: str, limit: int = 5) -> tuple[str, list[Candidate]]:
        norm = self.normalize(question)
        if not norm or not self.entry_ids:
            return norm, []
        scores = self.scores(norm)
        order = np.argsort(-scores, kind="stable")[:limit]
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


class LazyMatcher:
    """A matcher built the first time it is asked (languages few users choose need not slow the start)."""

    def __init__(self, build: Callable[[], Matcher]) -> None:
        self._build = build
        self._matcher: Matcher | None = None

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = self._build()
        return self._matcher

    def match(self, question: str) -> MatchResult:
        return self.matcher.match(question)


def _unit(vector: dict[int, float]) -> dict[int, float]:
    length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / length for k, v in vector.items()}

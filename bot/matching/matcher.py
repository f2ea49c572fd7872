"""Find the knowledge entry a question is about, and say how sure we are.

Questions and phrasings live in one TF-IDF space of stemmed words, word pairs, character n-grams (robust
to typos and word endings) and the audience the question names (a house, the fields, elsewhere). Two
scores come out of that space:
- relevance: the cosine with each entry's centroid mixed with its share of the question's nearest
  phrasings. It says whether the question is about anything we know at all.
- decision: a linear classifier trained on the phrasings (bot/matching/classifier.py). It says which
  entry, and by how much it beats the next one.
Candidates are ranked by decision. A question with low relevance gets the honest "I don't know"; a clear
decision is answered; the rest get "did you mean" buttons. Features, weights and bands were chosen by
measuring on tests/data/preguntas.yaml and checked on the held-out tests/data/preguntas-control.yaml
(`python -m bot kb eval`, which also shows the rapidfuzz WRatio baseline).
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import numpy as np
import snowballstemmer

from bot.matching.audience import AudienceCues
from bot.matching.classifier import LinearScorer
from bot.matching.normalize import Normalizer
from bot.matching.sparse import SparseColumns
from bot.matching.stopwords import STOPWORDS

CHAR_NGRAMS = (3, 4)  # 5-grams added build time and lowered top-1 on the evaluation set
CHAR_WEIGHT = (
    0.5  # many n-grams per word: keep their total weight comparable to the words' (0.2-0.5 measured)
)
AUDIENCE_WEIGHT = 3.0  # one feature stands for many cue words; 1, 2, 3 and 4 were measured


class Band(StrEnum):
    ANSWER = "answer"  # confident: answer directly
    LIKELY = "likely"  # probably the best one: answer it, and offer the other candidates under it
    ASK = "ask"  # unsure: offer up to three candidates
    UNKNOWN = "unknown"  # no good candidate: say so honestly


@dataclass(frozen=True)
class Thresholds:
    ask: float = 10.0  # relevance (0-100) under which no entry is about the question
    answer: float = -0.2  # the best entry's decision value must reach this to answer directly...
    margin: float = 0.4  # ...and beat the runner-up's by this much
    # Answered first, with the alternatives offered under it: chosen on tests/data/preguntas.yaml as the
    # widest band that adds at most one false accept there (`python -m bot kb eval`).
    likely: float = -0.4
    likely_margin: float = 0.4

    def accepts(self, band: Band) -> bool:
        """Bands in which the best candidate is shown as the answer."""
        return band in (Band.ANSWER, Band.LIKELY)


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float  # relevance, 0-100
    decision: float = 0.0  # the classifier's decision value; candidates are ranked by it


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


def features(normalized: str, audiences: Iterable[str] = ()) -> dict[str, float]:
    """Stemmed content words, pairs of them, character n-grams of every word, and the audiences named."""
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
    for audience in audiences:
        feats["@" + audience] += AUDIENCE_WEIGHT
    return feats


def _weight(count: float) -> float:
    return 1 + math.log(count) if count >= 1 else count


class Matcher:
    """Relevance = a mix of (a) cosine with each entry's centroid and (b) the entry's share of the question's
    nearest phrasings (k-nearest neighbours); decision = the linear classifier. Both in one TF-IDF space."""

    def __init__(
        self,
        phrasings: Iterable[tuple[str, str]],
        normalizer: Normalizer,
        thresholds: Thresholds | None = None,
        audience: AudienceCues | None = None,
        out_of_scope: Iterable[str] = (),
        neighbours: int = 8,
        neighbour_weight: float = 0.5,
        only_if: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`phrasings` are (entry_id, text) pairs; an entry has many. `out_of_scope` are questions we do not
        answer: the classifier learns them as one more class, and a question closest to it is not answered.
        `only_if`: entries that are offered only when the question says one of these words (the CDMX
        centre only to someone who names the CDMX)."""
        self.normalize = normalizer
        self.only_if = {e: tuple(f" {normalizer(w)} " for w in words) for e, words in (only_if or {}).items()}
        self.thresholds = thresholds or Thresholds()
        self.audience = audience
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
            docs.append(self._features(norm))
        self.entry_ids = list(index_of)
        self.owner = np.array(owner, dtype=np.int32)
        entry_docs = len(docs)
        docs.extend(self._features(norm) for text in out_of_scope if (norm := normalizer(text)))
        self.has_out_of_scope = len(docs) > entry_docs
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
        for vector, entry in zip(vectors[:entry_docs], owner, strict=True):
            for feature, value in vector.items():
                centroids[entry][feature] += value
        # Relevance compares with entries' phrasings only; the out-of-scope ones just train the classifier,
        # as the last class.
        self.phrasings = SparseColumns(vectors[:entry_docs], len(self.vocabulary))
        self.centroids = SparseColumns([_unit(c) for c in centroids], len(self.vocabulary))
        classes = len(self.entry_ids) + self.has_out_of_scope
        labels = np.concatenate([self.owner, np.full(len(docs) - entry_docs, len(self.entry_ids))])
        self.classifier = LinearScorer.train(vectors, labels, len(self.vocabulary), classes)

    def _features(self, normalized: str) -> dict[str, float]:
        return features(normalized, self.audience(normalized) if self.audience else ())

    def _query(self, normalized: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The question as (feature indices, TF-IDF weights), or None when it shares nothing with us."""
        query = self._features(normalized)
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
        if not known or norm == 0:
            return None
        idx = np.array([i for i, _ in known], dtype=np.int64)
        weights = np.array([w for _, w in known], dtype=np.float32) * self.idf[idx] / norm
        return idx, weights

    def _scores(self, queries: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        """Per question (rows): relevance in [0, 1] per entry (in self.entry_ids order), and decision per
        entry with the out-of-scope class's decision last when there is one. All questions at once: a story
        is scored clause by clause, and one pass over the postings costs about what one question does."""
        entries = len(self.entry_ids)
        centroid = self.centroids.dot_many(queries)
        similar = self.phrasings.dot_many(queries)
        k = min(self.neighbours, similar.shape[1])
        nearest = np.argpartition(-similar, k - 1, axis=1)[:, :k]
        rows = np.arange(len(queries))[:, None]
        offsets = self.owner[nearest] + rows * entries
        neighbours = (
            np.bincount(
                offsets.ravel(), weights=similar[rows, nearest].ravel(), minlength=len(queries) * entries
            ).reshape(len(queries), entries)
            / k
        )
        w = self.neighbour_weight
        relevance: np.ndarray = w * neighbours + (1 - w) * centroid
        return relevance, self.classifier.scores_many(queries)

    def rank(self, question: str, limit: int = 5) -> tuple[str, list[Candidate]]:
        """The normalized question and the best entries, best first (by decision)."""
        norm, ranked, _, _ = self._rank([question], limit)[0]
        return norm, ranked

    def _rank(self, questions: list[str], limit: int) -> list[tuple[str, list[Candidate], float, float]]:
        """Per question: normalized question, best candidates, the highest relevance, and the out-of-scope
        decision."""
        norms = [self.normalize(q) for q in questions]
        queries = {i: q for i, n in enumerate(norms) if n and self.entry_ids and (q := self._query(n))}
        results: list[tuple[str, list[Candidate], float, float]] = [(n, [], 0.0, 0.0) for n in norms]
        if not queries:
            return results
        relevances, decisions = self._scores(list(queries.values()))
        for row, i in enumerate(queries):
            relevance, decision = relevances[row], decisions[row]
            if not relevance.any():
                continue
            elsewhere = float(decision[-1]) if self.has_out_of_scope else -math.inf
            decision = decision[: len(self.entry_ids)]
            order = np.argsort(-decision, kind="stable")[: limit + len(self.only_if)]
            ranked = [
                Candidate(
                    self.entry_ids[e], round(float(relevance[e]) * 100, 2), round(float(decision[e]), 3)
                )
                for e in order
                if self._allowed(self.entry_ids[e], norms[i])
            ][:limit]
            results[i] = (norms[i], ranked, float(relevance.max()) * 100, elsewhere)
        return results

    def _allowed(self, entry_id: str, norm: str) -> bool:
        words = self.only_if.get(entry_id)
        return words is None or any(word in f" {norm} " for word in words)

    def match(self, question: str) -> MatchResult:
        return self.match_many([question])[0]

    def match_many(self, questions: list[str]) -> list[MatchResult]:
        """match() of each question, scored together (the clauses of a story)."""
        return [self._band(*ranked) for ranked in self._rank(questions, 5)]

    def _band(self, norm: str, ranked: list[Candidate], relevance: float, elsewhere: float) -> MatchResult:
        t = self.thresholds
        if not ranked or relevance < t.ask or elsewhere >= ranked[0].decision:
            return MatchResult(Band.UNKNOWN, tuple(ranked[:3]), norm)
        best = ranked[0]
        runner_up = ranked[1].decision if len(ranked) > 1 else best.decision - t.margin
        if best.decision >= t.answer and best.decision - runner_up >= t.margin:
            return MatchResult(Band.ANSWER, tuple(ranked[:3]), norm)
        if best.decision >= t.likely and best.decision - runner_up >= t.likely_margin:
            return MatchResult(Band.LIKELY, tuple(ranked[:3]), norm)
        return MatchResult(Band.ASK, tuple(ranked[:3]), norm)


class LazyMatcher:
    """A matcher built the first time it is asked, so building it need not delay the bot's start: languages
    few users choose, and the Spanish matcher when it is not cached yet (the start-up warm-up builds it in
    the background; a question that arrives first waits for that build instead of starting another)."""

    def __init__(self, build: Callable[[], Matcher]) -> None:
        self._build = build
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = self._build()
        return self._matcher

    @property
    def thresholds(self) -> Thresholds:
        return self.matcher.thresholds

    def match(self, question: str) -> MatchResult:
        return self.matcher.match(question)

    def rank(self, question: str, limit: int = 5) -> tuple[str, list[Candidate]]:
        return self.matcher.rank(question, limit)

    def match_many(self, questions: list[str]) -> list[MatchResult]:
        return self.matcher.match_many(questions)


def _unit(vector: dict[int, float]) -> dict[int, float]:
    length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / length for k, v in vector.items()}

"""A linear classifier over the matcher's TF-IDF vectors: which entry a question is about.

Nearest-phrasing scores treat every word alike; a linear SVM learns which words separate neighbouring
entries (the rest day of a domestic worker from everyone's rest day), which is where most wrong answers
came from. scikit-learn is imported only to train, which happens when the matcher is built; scoring is a
few numpy operations on the stored weights, so a cached matcher never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.matching.sparse import SparseColumns

REGULARIZATION = 3.0  # LinearSVC's C; chosen on the evaluation set among 1, 2, 3, 5, 10
# Most weights are zero or nearly so (a word seen in one entry's phrasings only): dropping those keeps
# memory proportional to the vocabulary rather than vocabulary x entries, without changing any ranking.
NEGLIGIBLE = 1e-3


class LinearScorer:
    """Weights stored by feature, so a question only reads the rows of the features it has."""

    def __init__(self, weights: np.ndarray, intercepts: np.ndarray) -> None:
        """`weights` is dense (n_features, n_entries); only the weights that matter are kept."""
        self.intercepts = intercepts.astype(np.float32)  # (n_entries,)
        rows = [
            {int(f): float(weights[f, e]) for f in np.flatnonzero(np.abs(weights[:, e]) >= NEGLIGIBLE)}
            for e in range(weights.shape[1])
        ]
        self.columns = SparseColumns(rows, weights.shape[0])

    @classmethod
    def train(
        cls, vectors: Sequence[dict[int, float]], owner: np.ndarray, n_features: int, n_entries: int
    ) -> LinearScorer:
        weights = np.zeros((n_features, n_entries), dtype=np.float32)
        intercepts = np.zeros(n_entries, dtype=np.float32)
        classes = np.unique(owner)
        if len(classes) < 2:
            return cls(weights, intercepts)  # one entry: nothing to tell apart
        from scipy.sparse import csr_matrix
        from sklearn.svm import LinearSVC

        rows = np.fromiter((r for r, v in enumerate(vectors) for _ in v), dtype=np.int64)
        cols = np.fromiter((f for v in vectors for f in v), dtype=np.int64)
        data = np.fromiter((x for v in vectors for x in v.values()), dtype=np.float64)
        matrix = csr_matrix((data, (rows, cols)), shape=(len(vectors), n_features))
        model = LinearSVC(C=REGULARIZATION, random_state=0).fit(matrix, owner)
        coef, bias = np.asarray(model.coef_), np.asarray(model.intercept_)
        if len(classes) == 2:  # scikit-learn keeps one weight vector for two classes
            coef, bias = np.vstack([-coef, coef]), np.concatenate([-bias, bias])
        weights[:, classes] = coef.T
        intercepts[classes] = bias
        return cls(weights, intercepts)

    def scores(self, features: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Decision values per entry for a question given as (feature indices, TF-IDF values)."""
        result: np.ndarray = self.columns.dot(features, values.astype(np.float32)) + self.intercepts
        return result

    def scores_many(self, queries: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """scores() of several questions at once, one row each."""
        cast = [(f, v.astype(np.float32)) for f, v in queries]
        result: np.ndarray = self.columns.dot_many(cast) + self.intercepts
        return result

"""A sparse matrix stored by feature (column), for scoring a question against many rows at once."""

from __future__ import annotations

import numpy as np


class SparseColumns:
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

    def dot_many(self, queries: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """dot() of several queries at once (the clauses of a story): one row of results per (features,
        weights) query, in one pass of numpy operations instead of one per query."""
        if not queries:
            return np.zeros((0, self.n_rows), dtype=np.float64)
        features = np.concatenate([f for f, _ in queries])
        weights = np.concatenate([w for _, w in queries])
        query_of = np.repeat(np.arange(len(queries)), [len(f) for f, _ in queries])
        starts, ends = self.indptr[features], self.indptr[features + 1]
        lengths = ends - starts
        run_offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions = np.arange(int(lengths.sum())) + run_offsets
        scaled = self.data[positions] * np.repeat(weights, lengths)
        rows = self.rows[positions] + np.repeat(query_of, lengths) * self.n_rows
        total = len(queries) * self.n_rows
        result: np.ndarray = np.bincount(rows, weights=scaled, minlength=total).reshape(
            len(queries), self.n_rows
        )
        return result

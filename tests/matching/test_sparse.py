"""Sparse columns: many queries at once give exactly what each gives alone."""

from __future__ import annotations

import numpy as np

from bot.matching.sparse import SparseColumns


def test_dot_many_equals_one_dot_per_query() -> None:
    rng = np.random.default_rng(3)
    rows = [{int(f): float(rng.random()) for f in rng.choice(50, 8, replace=False)} for _ in range(30)]
    matrix = SparseColumns(rows, 60)
    queries = [
        (np.array(sorted(rng.choice(60, n, replace=False)), dtype=np.int64), rng.random(n).astype(np.float32))
        for n in (1, 5, 12, 3)
    ]
    queries.append((np.array([55, 59], dtype=np.int64), np.ones(2, dtype=np.float32)))  # no row has them
    together = matrix.dot_many(queries)
    assert together.shape == (5, 30)
    for row, (features, weights) in zip(together, queries, strict=True):
        np.testing.assert_allclose(row, matrix.dot(features, weights), rtol=1e-6)
    assert matrix.dot_many([]).shape == (0, 30)

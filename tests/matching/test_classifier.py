"""The linear scorer: trained with scikit-learn, scored with numpy alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from bot.matching.classifier import LinearScorer

# Three tiny "entries" over four features, one-hot vectors per phrasing.
VECTORS = [{0: 1.0}, {0: 0.9, 3: 0.4}, {1: 1.0}, {1: 0.8, 3: 0.6}, {2: 1.0}, {2: 0.7, 3: 0.7}]
OWNER = np.array([0, 0, 1, 1, 2, 2])


def test_each_entry_wins_on_its_own_feature() -> None:
    scorer = LinearScorer.train(VECTORS, OWNER, n_features=4, n_entries=3)
    for feature in range(3):
        scores = scorer.scores(np.array([feature]), np.array([1.0]))
        assert int(np.argmax(scores)) == feature


def test_two_entries_get_opposite_weights() -> None:
    owner = np.array([0, 0, 1, 1, 1, 1])
    scorer = LinearScorer.train(VECTORS, owner, n_features=4, n_entries=2)
    assert int(np.argmax(scorer.scores(np.array([0]), np.array([1.0])))) == 0
    assert int(np.argmax(scorer.scores(np.array([2]), np.array([1.0])))) == 1
    for feature in range(4):
        scores = scorer.scores(np.array([feature]), np.array([1.0]))
        assert np.isclose(scores[0], -scores[1], atol=1e-5)


def test_one_entry_has_nothing_to_learn() -> None:
    scorer = LinearScorer.train(VECTORS[:2], np.array([0, 0]), n_features=4, n_entries=1)
    assert scorer.scores(np.array([0]), np.array([1.0])).tolist() == [0.0]


# Builds (or loads) the matcher from the cache folder argv[1] and prints whether scikit-learn got imported.
CACHED_RUN = """
import sys
from pathlib import Path
from bot.app import build_matcher
from bot.knowledge.loader import load_knowledge_strict
matcher = build_matcher(load_knowledge_strict(), Path(sys.argv[1]))
assert matcher.rank("me toca aguinaldo")[1]
print("sklearn" in sys.modules)
"""


def test_a_cached_matcher_answers_without_loading_scikit_learn(tmp_path: Path) -> None:
    # Restarts read the matcher from the cache; importing scikit-learn would cost them about a second.
    def run() -> str:
        command = [sys.executable, "-c", CACHED_RUN, str(tmp_path)]
        done = subprocess.run(
            command, check=True, capture_output=True, text=True, cwd=Path(__file__).parents[2]
        )
        return done.stdout.strip()

    assert run() == "True"  # the first run trains and fills the cache
    assert run() == "False"  # the second loads it

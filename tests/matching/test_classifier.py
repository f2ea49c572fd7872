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


def test_a_cached_matcher_answers_without_loading_scikit_learn(tmp_path: Path) -> None:
    # Restarts read the matcher from the cache; importing scikit-learn would cost them about a second.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bot.app import build_matcher\n"
        "from bot.knowledge.loader import load_knowledge_strict\n"
        "kb = load_knowledge_strict()\n"
        f"build_matcher(kb, Path({str(tmp_path)!r}))\n"
        "assert 'sklearn' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
    code = code.replace("'sklearn' in sys.modules", "'sklearn' not in sys.modules")
    code = code.replace(
        f"build_matcher(kb, Path({str(tmp_path)!r}))\n",
        f"m = build_matcher(kb, Path({str(tmp_path)!r}))\nassert m.rank('me toca aguinaldo')[1]\n",
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])

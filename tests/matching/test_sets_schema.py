"""The held-out evaluation sets (tests/data/relatos.yaml, tests/data/urgencia.yaml) keep their schema.

They were written without reading the knowledge base, to measure how users talk; these checks keep
later edits from breaking labels that an evaluation would silently misread.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge.model import PROBLEM_CODES

DATA = Path(__file__).resolve().parents[1] / "data"

PROBLEMS = frozenset(PROBLEM_CODES)  # the codes the labels may use are the ones the bot knows
DANGERS = frozenset(
    {
        "violencia",
        "acoso-sexual",
        "encierro",
        "intoxicacion",
        "calor",
        "accidente",
        "trabajo-infantil",
        "documentos-retenidos",
    }
)
AUDIENCES = frozenset({"hogar", "campo", "general", "desconocida"})
WHO = frozenset({"trabajadora", "empleadora", "otra"})
STORY_KEYS = frozenset({"texto", "problemas", "principal", "urgente", "audiencia", "quien", "real", "fuente"})
URGENCY_KEYS = frozenset({"texto", "urgente", "tipo", "fuente"})


def _load(name: str) -> list[dict[str, Any]]:
    items = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(items, list)
    assert all(isinstance(item, dict) for item in items)
    return items


STORIES = _load("relatos.yaml")
URGENCY = _load("urgencia.yaml")


def _duplicates(items: list[dict[str, Any]]) -> list[str]:
    # Case and spacing differences do not make a new test item.
    counts = Counter(" ".join(str(item["texto"]).lower().split()) for item in items)
    return [text for text, n in counts.items() if n > 1]


@pytest.mark.parametrize("index", range(len(STORIES)))
def test_each_story_is_well_formed(index: int) -> None:
    story = STORIES[index]
    assert set(story) <= STORY_KEYS, set(story) - STORY_KEYS
    assert isinstance(story["texto"], str) and story["texto"].strip()
    problems = story["problemas"]
    assert isinstance(problems, list) and problems
    assert set(problems) <= PROBLEMS, set(problems) - PROBLEMS
    assert len(set(problems)) == len(problems)
    assert story["principal"] in problems
    assert isinstance(story["urgente"], bool)
    assert story["audiencia"] in AUDIENCES
    assert story["quien"] in WHO
    assert isinstance(story["real"], bool)
    if story["real"]:
        assert str(story.get("fuente", "")).startswith(("http://", "https://"))
    else:
        assert "fuente" not in story
    if story["urgente"]:
        # Present danger is always about one of the danger problems, and it is answered first.
        assert story["principal"] in DANGERS


def test_stories_meet_the_targets() -> None:
    real = [s for s in STORIES if s["real"]]
    assert len(STORIES) >= 200
    assert 2 * len(real) >= len(STORIES)
    assert sum(s["audiencia"] == "campo" for s in STORIES) >= 40
    assert sum(s["quien"] == "empleadora" for s in STORIES) >= 20
    assert sum(len(s["problemas"]) >= 2 for s in STORIES) >= 60
    assert any(len(s["texto"]) >= 800 for s in STORIES)
    assert any(s["urgente"] for s in STORIES)
    assert _duplicates(STORIES) == []


@pytest.mark.parametrize("index", range(len(URGENCY)))
def test_each_urgency_message_is_well_formed(index: int) -> None:
    message = URGENCY[index]
    assert set(message) <= URGENCY_KEYS, set(message) - URGENCY_KEYS
    assert isinstance(message["texto"], str) and message["texto"].strip()
    assert isinstance(message["urgente"], bool)
    assert isinstance(message["tipo"], str) and message["tipo"].strip()
    if message["urgente"]:
        assert message["tipo"] in DANGERS
    if "fuente" in message:
        assert str(message["fuente"]).startswith(("http://", "https://"))


def test_urgency_set_meets_the_targets() -> None:
    urgent = sum(m["urgente"] for m in URGENCY)
    assert urgent >= 150
    assert len(URGENCY) - urgent >= 300
    assert _duplicates(URGENCY) == []


def test_the_two_sets_do_not_share_a_text() -> None:
    stories = {" ".join(s["texto"].lower().split()) for s in STORIES}
    assert not stories & {" ".join(m["texto"].lower().split()) for m in URGENCY}

from __future__ import annotations

import pytest

from bot.app import build_matcher
from bot.knowledge.loader import load_knowledge_strict
from bot.knowledge.model import KnowledgeBase
from bot.understanding import Understander


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_strict()


@pytest.fixture(scope="session")
def understander(kb: KnowledgeBase) -> Understander:
    return Understander(kb, build_matcher(kb))


@pytest.fixture(scope="session")
def rules_only(kb: KnowledgeBase, understander: Understander) -> Understander:
    """The understanding without the alarm's safety net (engine.Understander._safety_net): the rules."""
    return Understander(kb, understander.matcher, safety_net=False)

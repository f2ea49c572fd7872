"""The real knowledge base (its dated parameters), loaded once for the rule tests."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import load_knowledge_strict
from bot.knowledge.model import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_strict()

"""The checks as declared: names the knowledge base points at, short callback data, valid questions."""

from __future__ import annotations

import re

import pytest

from bot.checks import FLOWS
from bot.core.callbacks import Action, cb, parse
from bot.core.flows import Flow, Kind
from bot.knowledge.model import KnowledgeBase

NAMES = {
    "imss",
    "aguinaldo",
    "vacaciones",
    "finiquito",
    "maternidad",
    "guarderia",
    "pension",
    "salario_minimo",
}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def test_the_eight_checks_are_registered() -> None:
    assert set(FLOWS) == NAMES
    assert all(name == flow.name for name, flow in FLOWS.items())


def test_every_calculator_the_knowledge_points_at_exists(kb: KnowledgeBase) -> None:
    pointed = {e.calculator for e in kb.entries.values() if e.calculator}
    assert pointed <= set(FLOWS)
    assert pointed == NAMES  # and every check is offered under some answer


@pytest.mark.parametrize("flow", FLOWS.values(), ids=list(FLOWS))
def test_declaration(flow: Flow, kb: KnowledgeBase) -> None:
    assert flow.entry_id in kb.entries
    # Finiquito declares 11 (live-in and border zone, audit #3 and #15), but asks each only when it
    # matters: dias for pay by the day, cuarto_comida for domestic work, frontera when a premium is owed.
    assert len(flow.questions) <= 11
    assert len({q.id for q in flow.questions}) == len(flow.questions)
    for question in flow.questions:
        assert ID_RE.match(question.id), question.id
        assert question.prompt and question.label, question.id
        if question.kind is Kind.CHOICE:
            assert len(question.options) >= 2, question.id
        for option in question.options:
            assert re.match(r"^[a-z0-9_]+$", option.value), option.value
            data = cb(Action.FLOW, f"{question.id}.{option.value}")  # raises if over 64 bytes
            assert parse(data) is not None
    assert parse(cb(Action.CALCULATE, flow.name)) is not None

"""Button menus, built from the knowledge base alone."""

from __future__ import annotations

from bot.core import menus
from bot.core.callbacks import Action, cb
from bot.knowledge.loader import load_knowledge_strict

KB = load_knowledge_strict()


def _(text: str) -> str:
    return text


def test_topic_buttons_reach_every_area_two_per_row() -> None:
    rows = menus.topic_buttons(KB, _)
    data = [b.data for row in rows for b in row]
    assert data == [cb(Action.TOPICS, a.id) for a in KB.areas if a.entry_ids]
    assert all(1 <= len(row) <= 2 for row in rows)


def test_an_area_lists_its_questions_and_an_unknown_one_is_a_stale_button() -> None:
    area = KB.areas[0]
    reply = menus.area(KB, area.id, _)
    assert [b.data for row in reply.buttons[:-1] for b in row] == [
        cb(Action.ANSWER, e) for e in area.entry_ids
    ]
    assert menus.area(KB, "no-existe", _).text == menus.stale_button(KB, _).text


def test_without_calculators_the_menu_offers_topics() -> None:
    reply = menus.calculators(KB, {}, _)
    assert reply.buttons == menus.topic_buttons(KB, _)


def test_dont_know_offers_topics_and_a_person() -> None:
    data = [b.data for row in menus.dont_know(KB, _).buttons for b in row]
    assert cb(Action.HELP) in data and cb(Action.TOPICS, KB.areas[0].id) in data

"""{param:X} in answers: the value in force, or last year's with its year and a warning (audit #2)."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import KnowledgeBase
from bot.knowledge.render import render


def test_current_year_shows_the_plain_figure(kb: KnowledgeBase) -> None:
    text = render(kb, "Tu mínimo es {param:salario_minimo_hogar} al día.", dt.date(2026, 12, 31))
    assert text == "Tu mínimo es $342.47 al día."


def test_a_stale_yearly_figure_says_it_is_not_confirmed(kb: KnowledgeBase) -> None:
    text = render(kb, "Tu mínimo es {param:salario_minimo_general} al día.", dt.date(2027, 1, 5))
    assert text == "Tu mínimo es $315.04 (cifra de 2026; la de 2027 aún no está confirmada) al día."


def test_every_answer_with_a_yearly_figure_warns_in_the_new_year(kb: KnowledgeBase) -> None:
    day = dt.date(2027, 3, 1)
    for entry in kb.entries.values():
        text = render(kb, entry.answer, day)
        for name in kb.parameters:
            if f"{{param:{name}}}" in entry.answer and kb.parameters[name].stale_on(day):
                assert "aún no está confirmada" in text, entry.id

"""Whole messages: the problems of a story, the most serious first, each with its person's answer."""

from __future__ import annotations

from bot.knowledge.model import KnowledgeBase
from bot.understanding import Understander


def test_the_issue_story_leads_with_violence_then_dismissal_and_wages(understander: Understander) -> None:
    result = understander.understand(
        "Me exigió que me largara de la casa, pero yo no me iba porque no me había pagado. Fue entonces que "
        "me aventó monedas al piso, me empezó a empujar, me jaló del cabello y me sacó"
    )
    assert result.story and result.urgent == "urgente-violencia"
    assert result.main is not None and result.main.problem == "violencia"
    assert {"despido", "salario-no-pagado"} <= {f.problem for f in result.others}
    assert result.summary[0] == "violencia" and len(result.others) <= 3


def test_food_sold_and_taken_from_the_pay_is_a_deduction(understander: Understander) -> None:
    result = understander.understand(
        "el taco que les sobra también te lo venden, la señora dice: te lo rebajo de lo que te pago"
    )
    assert result.main is not None and result.main.problem == "descuentos"
    assert result.urgent is None


def test_an_employer_gets_the_employer_answer(understander: Understander, kb: KnowledgeBase) -> None:
    result = understander.understand(
        "tengo una empleada doméstica que tiene cuatro años trabajando conmigo. "
        "¿Qué debo hacer para despedirla de manera justa?"
    )
    assert result.employer and result.audience == "hogar"
    assert result.main is not None and result.main.problem == "despido"
    assert result.main.entry_id == kb.problems["despido"].answers["empleador"]


def test_a_farm_worker_gets_the_farm_answer(understander: Understander, kb: KnowledgeBase) -> None:
    result = understander.understand("soy jornalero me pagan 1500 a la semana, está bien?")
    assert result.audience == "campo" and not result.employer
    assert result.main is not None and result.main.problem == "salario-bajo"
    assert result.main.entry_id == kb.problems["salario-bajo"].answers["campo"]


def test_the_remembered_workplace_is_used_when_the_message_names_none(understander: Understander) -> None:
    text = "cuál es el salario mínimo?"
    assert understander.understand(text, audience_hint="campo").audience == "campo"
    found = understander.understand(text, audience_hint="campo").main
    assert found is not None and found.entry_id == "campo-salario-minimo"
    assert understander.understand("trabajo en una casa, " + text, audience_hint="campo").audience == "hogar"


def test_a_plain_question_keeps_the_matchers_answer(understander: Understander) -> None:
    result = understander.understand("me toca aguinaldo si entre en agosto?")
    assert not result.story and result.urgent is None and result.confident
    assert result.main is not None and result.main.entry_id == "aguinaldo-proporcional"

"""Stories and alarms end to end (issue 18): what she tells is answered most serious first, the rest is
offered, the alarm needs danger happening now, and where she works is remembered as a category."""

from __future__ import annotations

from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState
from tests.core.test_conversation import AT, all_data, run, text

VIOLENCE_STORY = (
    "Me exigió que me largara de la casa, pero yo no me iba porque no me había pagado. Fue entonces que me "
    "aventó monedas al piso, me empezó a empujar, me jaló del cabello y me sacó"
)


def test_a_story_of_violence_leads_with_the_alarm_and_offers_the_dismissal_and_the_wages(
    conversation: Conversation,
) -> None:
    outcome, state = run(conversation, Event(EventKind.TEXT, text=VIOLENCE_STORY, at=AT))
    first = outcome.replies[0]
    assert first.text.startswith("🚨") and "911" in first.text
    shown = text(outcome)
    assert "Entendí que preguntas por" in shown and "También veo" in shown
    offered = all_data(outcome)
    assert cb(Action.ANSWER, "urgente-violencia") in offered
    assert cb(Action.ANSWER, "hogar-despido") in offered
    assert state.work == "hogar"


def test_food_taken_from_the_pay_is_answered_as_a_deduction(conversation: Conversation) -> None:
    outcome, _ = run(
        conversation,
        Event(
            EventKind.TEXT,
            text="el taco que les sobra también te lo venden, la señora dice: te lo rebajo de lo que te pago",
            at=AT,
        ),
    )
    assert not text(outcome).startswith("🚨")
    answered = conversation.kb.problems["descuentos"].answers["hogar"]
    area = conversation.kb.entries[answered].area
    assert any(c.startswith(f"tema:{area}:{answered}") for c in outcome.counters) or cb(
        Action.ANSWER, answered
    ) in all_data(outcome)


def test_an_employer_asking_how_to_dismiss_gets_the_employers_answer(conversation: Conversation) -> None:
    outcome, _ = run(
        conversation,
        Event(
            EventKind.TEXT,
            text="tengo una empleada doméstica que tiene cuatro años trabajando conmigo. "
            "¿Qué debo hacer para despedirla de manera justa?",
            at=AT,
        ),
    )
    wanted = conversation.kb.problems["despido"].answers["empleador"]
    assert any(c.split("|")[0].endswith(f":{wanted}") for c in outcome.counters)


def test_harmless_questions_sharing_a_word_with_an_emergency_get_no_alarm(conversation: Conversation) -> None:
    # The other three look-alikes ("lavar el coche de la patrona"...) still get the alarm from the
    # safety net (bot/understanding/engine.py SAFETY_NET); the rules alone pass them (tests/understanding).
    for words in (
        "tengo miedo de que me corran si pido mi aguinaldo",
        "Me inscribo, y si se me rompe una pata o una mano, ¿a poco los patrones van a seguir pagando?",
    ):
        outcome, _ = run(conversation, Event(EventKind.TEXT, text=words, at=AT))
        assert "🚨" not in text(outcome), words


def test_the_workplace_said_once_is_used_for_the_next_question(conversation: Conversation) -> None:
    _, state = run(
        conversation, Event(EventKind.TEXT, text="trabajo en el corte de fresa en un rancho", at=AT)
    )
    assert state.work == "campo"
    outcome, state = run(conversation, Event(EventKind.TEXT, text="cuál es el salario mínimo?", at=AT), state)
    assert any("campo-salario-minimo" in c for c in outcome.counters)
    restored = UserState.from_dict(state.to_dict())
    assert restored.work == "campo"
    forgotten, after = run(conversation, Event(EventKind.COMMAND, command="borrar", at=AT), state)
    assert forgotten.forget_user and after.work is None

"""The calculator dialogue never traps her: a new question, "salir", a topic or /start leaves it (in pause,
with "Volver al cálculo"); an answer stays in it; a check waits 30 minutes, no more."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.replies import Outcome
from bot.core.state import UserState

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)
RESUME = cb(Action.RESUME, "aguinaldo")


class Chat:
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.state = UserState()
        self.last = Outcome(())
        self.at = AT

    def send(self, event: Event) -> str:
        self.last, state = self.conversation.handle(event, self.state)
        self.state = UserState.from_dict(state.to_dict())  # through the stored form, as in SQLite
        return "\n".join(r.text for r in self.last.replies)

    def tap(self, data: str) -> str:
        return self.send(Event(EventKind.BUTTON, data=data, at=self.at))

    def type(self, text: str) -> str:
        return self.send(Event(EventKind.TEXT, text=text, at=self.at))

    def command(self, name: str) -> str:
        return self.send(Event(EventKind.COMMAND, command=name, at=self.at))

    def data(self) -> list[str]:
        return [b.data for r in self.last.replies for row in r.buttons for b in row if b.data]

    def step(self) -> str:
        return self.state.flow.step if self.state.flow and not self.state.flow.paused else ""


@pytest.fixture
def chat(conversation: Conversation) -> Chat:
    started = Chat(conversation)
    started.tap(cb(Action.CALCULATE, "aguinaldo"))
    started.type("300")
    assert started.step() == "periodo"
    return started


@pytest.mark.parametrize(
    "question", ["cuánto es el salario mínimo?", "mejor quiero saber de mis vacaciones", "me toca aguinaldo?"]
)
def test_a_new_question_leaves_the_calculator_answers_it_and_offers_to_come_back(
    chat: Chat, question: str
) -> None:
    said = chat.type(question)
    assert chat.step() == "", "the calculator no longer takes her words as answers"
    assert "en pausa" in chat.last.replies[-1].text
    assert RESUME in chat.data()
    assert "Toca uno de los botones" not in said, "not re-asked as a wrong answer"
    back = chat.tap(RESUME)
    assert chat.step() == "periodo" and chat.state.flow and chat.state.flow.answers == {"salario": 300.0}
    assert "por día, por semana" in back


@pytest.mark.parametrize("words", ["salir", "menú", "ya no", "ya no quiero"])
def test_saying_so_leaves_the_calculator(chat: Chat, words: str) -> None:
    said = chat.type(words)
    assert chat.step() == "" and RESUME in chat.data()
    assert "Elige un tema" in said


@pytest.mark.parametrize("leave", ["topic", "start", "temas", "answer"])
def test_a_topic_button_or_a_command_pauses_the_calculator(chat: Chat, leave: str) -> None:
    if leave == "topic":
        chat.tap(cb(Action.TOPICS, "hogar"))
    elif leave == "answer":
        chat.tap(cb(Action.ANSWER, "vacaciones"))
    else:
        chat.command(leave)
    assert chat.step() == "" and RESUME in chat.data()
    after = chat.type("vacaciones")
    assert "Toca uno de los botones" not in after


def test_an_answer_or_a_mistyped_number_stays_in_the_calculator(chat: Chat) -> None:
    said = chat.type("300 pesos cada 2 dias")
    assert chat.step() == "periodo" and "⚠️" in said
    chat.type("Por día")
    assert chat.step() not in ("", "periodo")


def test_danger_inside_a_calculator_is_never_taken_as_a_wrong_answer(chat: Chat) -> None:
    said = chat.type("la señora me pega")
    assert chat.step() == "" and "911" in said and "Toca uno de los botones" not in said


def test_cancelar_still_ends_the_calculator(chat: Chat) -> None:
    chat.command("cancelar")
    assert chat.state.flow is None


def test_a_calculator_waits_thirty_minutes_then_the_next_message_is_a_new_question(chat: Chat) -> None:
    chat.at = AT + dt.timedelta(minutes=29)
    chat.type("Por día")
    assert chat.step() != "periodo" and chat.state.flow is not None
    chat.at += dt.timedelta(minutes=31)
    said = chat.type("2")
    assert chat.state.flow is None and "⚠️" not in said


def test_coming_back_after_it_expired_starts_it_again(chat: Chat) -> None:
    chat.type("salir")
    chat.at = AT + dt.timedelta(hours=1)
    said = chat.tap(RESUME)
    assert "se cerró" in said and chat.step() == "salario"

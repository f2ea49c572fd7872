"""Each check through the real conversation core: buttons, typed answers, going back, /cancelar, bad
answers re-asked, a restart in the middle, and questions that already carry the numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.checks import FLOWS
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.replies import Outcome
from bot.core.state import UserState

AT = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)  # 22 November 2026 in Mexico City


class Chat:
    """One user talking to the core; the state goes through its stored form after every step, as the
    SQLite store does, so every test also proves that a half-done check survives a restart."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.state = UserState()
        self.last = Outcome(())

    def send(self, event: Event) -> str:
        self.last, state = self.conversation.handle(event, self.state)
        self.state = UserState.from_dict(state.to_dict())
        return "\n".join(r.text for r in self.last.replies)

    def tap(self, data: str) -> str:
        return self.send(Event(EventKind.BUTTON, data=data, at=AT))

    def type(self, text: str) -> str:
        return self.send(Event(EventKind.TEXT, text=text, at=AT))

    def command(self, name: str) -> str:
        return self.send(Event(EventKind.COMMAND, command=name, at=AT))

    def buttons(self) -> list[str]:
        return [b.data for r in self.last.replies for row in r.buttons for b in row if b.data]

    def step(self) -> str:
        return self.state.flow.step if self.state.flow else ""


@pytest.fixture
def chat(conversation: Conversation) -> Chat:
    return Chat(conversation)


def test_calcular_offers_every_check(chat: Chat) -> None:
    chat.command("calcular")
    assert [cb(Action.CALCULATE, name) for name in FLOWS] == chat.buttons()


def test_aguinaldo_by_buttons_and_typing_with_bad_answers_re_asked(chat: Chat) -> None:
    assert "¿Cuánto te pagan?" in chat.tap("c:aguinaldo")
    for bad, problem in [("mucho", "No entendí el número"), ("-300", "negativo"), ("0", "al menos 1")]:
        reply = chat.type(bad)
        assert problem in reply and "¿Cuánto te pagan?" in reply and chat.step() == "salario"
    chat.type("$300")
    assert "f:periodo.diario" in chat.buttons()
    chat.tap("f:periodo.diario")
    chat.tap("f:dias.6")
    chat.tap("f:tiempo.entre")
    assert "todavía no llega" in chat.type("01/07/2030")
    assert "antes de este año" in chat.type("15/03/2025")
    result = chat.type("1 de julio de 2026")
    assert "$2,268.49" in result and "LFT 87" in result and "184 días" in result
    assert chat.state.flow is None
    assert any(c.startswith("calculo:aguinaldo") for c in chat.last.counters)
    assert {"c:aguinaldo", "a:aguinaldo-proporcional"} <= set(chat.buttons())


def test_back_undoes_the_last_answer_and_cancelar_leaves(chat: Chat) -> None:
    chat.tap("c:finiquito")
    chat.tap("f:trabajo.hogar")
    chat.tap("f:termino.despido")
    assert chat.step() == "salario" and "fb" in chat.buttons()
    assert "¿Cómo terminó el trabajo?" in chat.tap("fb")
    assert "termino" not in chat.state.flow.answers  # type: ignore[union-attr]
    chat.tap("f:salario.300")  # a button of another question: the current one is asked again
    assert chat.step() == "termino"
    assert "dejé el cálculo" in chat.command("cancelar")
    assert chat.state.flow is None
    assert "No hay nada que cancelar" in chat.command("cancelar")


SCRIPTS: dict[str, tuple[list[str], list[str]]] = {
    "imss": (
        ["f:trabajo.hogar", "f:modalidad.varias", "f:registro.pase", "15/03/2022"],
        ["✅ Sí.", "LSS 239-A fr. III", "16 de mayo de 2023", "un pase", "imss.gob.mx/denuncia"],
    ),
    "aguinaldo": (
        ["300", "f:periodo.diario", "f:dias.6", "f:tiempo.todo"],
        ["$4,500.00", "LFT 87", "20 de diciembre de 2026"],
    ),
    "vacaciones": (
        ["300", "f:periodo.diario", "f:dias.6", "f:situacion.sigo", "f:anios.3"],
        ["16 días", "$4,800.00", "$1,200.00", "LFT 76", "LFT 80"],
    ),
    "finiquito": (
        [
            "f:trabajo.hogar",
            "f:termino.despido",
            "342.47",
            "f:periodo.diario",
            "f:dias.6",
            "01/11/2024",
            "31/10/2026",
            "f:cuarto_comida.no",
            "f:frontera.no",
            "f:vacaciones.0",
        ],
        ["$63,012.14", "$30,822.30", "$13,698.80", "$8,219.28", "LFT 49 fr. IV", "LFT 518"],
    ),
    "salario_minimo": (
        ["f:trabajo.hogar", "2000", "f:periodo.semanal", "f:dias.6", "f:frontera.no", "f:fecha_pago.hoy"],
        ["❌ No.", "$397.29", "$342.47", "LFT 90"],
    ),
    "maternidad": (
        ["f:asegurada.si", "29", "342.47", "f:periodo.diario", "f:dias.6"],
        ["❌ No.", "LSS 103", "$28,767.48"],
    ),
    "guarderia": (
        ["f:asegurado.si", "01/10/2026", "f:trabajo.hogar"],
        ["✅ Sí.", "LSS 206", "30 de septiembre de 2030"],
    ),
    "pension": (
        ["f:regimen.97", "62", "860", "f:mujer.si"],
        ["❌ No.", "te faltan 15 semanas", "$3,100.00", "LSS transitorio 4°"],
    ),
}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_each_check_to_the_end(chat: Chat, name: str) -> None:
    steps, expected = SCRIPTS[name]
    chat.tap(cb(Action.CALCULATE, name))
    reply = ""
    for step in steps:
        assert chat.state.flow is not None, f"finished before {step}: {reply}"
        reply = chat.tap(step) if step.startswith("f:") else chat.type(step)
        assert "⚠️" not in reply, reply
    assert chat.state.flow is None, reply
    for piece in expected:
        assert piece in reply, f"{piece!r} not in:\n{reply}"
    assert "Calculado con las cifras vigentes al" in reply
    assert cb(Action.CALCULATE, name) in chat.buttons()  # "Calcular otra vez"


def test_a_question_with_the_numbers_asks_only_what_is_missing(chat: Chat) -> None:
    reply = chat.type("gano 300 diarios y trabajé todo el año, ¿cuánto es mi aguinaldo?")
    assert "anoté" in reply and "$300.00" in reply and "Por día" in reply
    assert chat.step() == "dias" and "f:dias.6" in chat.buttons()
    assert "$4,500.00" in chat.tap("f:dias.6")


def test_a_question_with_every_number_is_answered_at_once(chat: Chat) -> None:
    reply = chat.type("gano 2,100 a la semana y trabajé todo el año, ¿cuánto es mi aguinaldo?")
    assert "$4,500.00" in reply and chat.state.flow is None
    assert any(c.startswith("calculo:aguinaldo") for c in chat.last.counters)


def test_a_misread_prefill_can_be_undone(chat: Chat) -> None:
    chat.type("me pagan 2,000 a la semana, cuanto me toca de aguinaldo")
    assert chat.step() == "tiempo"
    chat.tap("fb")
    assert chat.step() == "periodo"


def test_questions_without_numbers_still_get_the_answer(chat: Chat) -> None:
    chat.type("cuanto me toca de aguinaldo")
    assert chat.state.flow is None


def test_answers_offer_their_calculator(chat: Chat) -> None:
    chat.tap(cb(Action.ANSWER, "imss-hogar-obligatorio"))
    assert cb(Action.CALCULATE, "imss") in chat.buttons()

"""End to end: the real `python -m bot run` process against the Bot API stand-in on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io
import itertools
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import soundfile

from bot.core.conversation import Conversation
from bot.i18n import Translator
from bot.voice import OPUS_RATE
from tests.conftest import BotProcess, start_bot, stop_bot
from tests.support import botapi
from tests.support.botapi import BotApiStandIn, Call

pytestmark = pytest.mark.asyncio(loop_scope="module")
_chats = itertools.count(5000)


@pytest.fixture(scope="module")
def api(module_standin: BotApiStandIn) -> BotApiStandIn:
    return module_standin


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running(api: BotApiStandIn, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    process = await start_bot(api, tmp_path_factory.mktemp("e2e") / "data")
    yield process
    await stop_bot(process)


def buttons(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def say(api: BotApiStandIn, update: dict[str, Any], chat_id: int) -> Call:
    before = len(api.calls)
    await api.push(update)
    call = await api.wait_for(
        lambda c: c.method in ("sendMessage", "sendVoice") and int(c.params["chat_id"]) == chat_id,
        after=before,
    )
    if call.method == "sendVoice":  # a spoken reply carries its text as the caption
        call.params["text"] = call.params.get("caption", "")
    return call


async def test_registers_the_command_menu(api: BotApiStandIn, running: BotProcess) -> None:
    commands = {c["command"] for c in api.sent("setMyCommands")[0].params["commands"]}
    assert {"start", "ayuda", "temas", "idioma", "privacidad", "borrar", "salir"} <= commands


async def test_start_greets_and_offers_topics_and_languages(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.message("/start", chat), chat)
    assert reply.params["text"].startswith("¡Hola!")
    data = [b.get("callback_data", "") for b in buttons(reply)]
    assert any(d.startswith("t:") for d in data), data
    assert "l" in data


async def test_start_with_topic_payload_opens_the_topic(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    before = len(api.calls)
    await api.push(botapi.message("/start tema-aguinaldo", chat))
    await api.wait_for(lambda c: c.method == "sendMessage" and "LFT 87" in c.params["text"], after=before)


async def test_answers_a_question_typed_as_people_type(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.message("cuanto me toca de aguinaldo??", chat), chat)
    assert "aguinaldo" in reply.params["text"].lower()
    assert "LFT 87" in reply.params["text"]


async def test_button_press_is_answered_and_shows_the_entry(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    before = len(api.calls)
    reply = await say(api, botapi.callback("a:aguinaldo", chat), chat)
    assert "LFT 87" in reply.params["text"]
    assert any(c.method == "answerCallbackQuery" for c in api.calls[before:])


async def test_an_ambiguous_question_offers_buttons_that_lead_to_answers(
    api: BotApiStandIn, running: BotProcess
) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.message("cuanto me toca", chat), chat)
    assert reply.params["text"].startswith("¿Quisiste decir")
    choices = [b["callback_data"] for b in buttons(reply) if b.get("callback_data", "").startswith("a:")]
    assert len(choices) == 3
    for data in choices:
        answer = await say(api, botapi.callback(data, chat), chat)
        assert "📌" in answer.params["text"]


async def test_an_out_of_scope_question_gets_the_honest_path_with_human_help(
    api: BotApiStandIn, running: BotProcess
) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.message("como saco mi rfc en el sat", chat), chat)
    assert reply.params["text"].startswith("No tengo una respuesta segura")
    data = [b.get("callback_data", "") for b in buttons(reply)]
    assert any(d.startswith("t:") for d in data) and "h" in data, data


async def test_forged_button_data_gets_a_polite_reply(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    before = len(api.calls)
    reply = await say(api, botapi.callback("zz:../../etc/passwd", chat), chat)
    assert "botón ya no funciona" in reply.params["text"]
    assert any(c.method == "answerCallbackQuery" for c in api.calls[before:])


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (botapi.sticker, "Solo puedo leer mensajes de texto"),
        (botapi.photo, "Solo puedo leer mensajes de texto"),
        (botapi.voice, "notas de voz"),
    ],
)
async def test_media_gets_guidance(
    api: BotApiStandIn, running: BotProcess, payload: Any, expected: str
) -> None:
    chat = next(_chats)
    reply = await say(api, payload(chat), chat)
    assert expected in reply.params["text"]
    assert buttons(reply), "guidance comes with topic buttons"


async def test_an_edited_message_is_answered_as_a_new_one(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.edited("cuanto me toca de aguinaldo", chat), chat)
    assert "LFT 87" in reply.params["text"]


@pytest.mark.parametrize("payload", [botapi.photo, botapi.document])
async def test_a_caption_is_read_as_the_question(
    api: BotApiStandIn, running: BotProcess, payload: Any
) -> None:
    chat = next(_chats)
    reply = await say(api, payload(chat, caption="cuanto me toca de aguinaldo?"), chat)
    assert "LFT 87" in reply.params["text"]


async def test_the_first_reply_is_short_with_four_buttons_at_most_and_no_link_preview(
    api: BotApiStandIn, running: BotProcess
) -> None:
    chat = next(_chats)
    reply = await say(api, botapi.message("me toca aguinaldo si entré en agosto?", chat), chat)
    text = reply.params["text"]
    before_basis, basis = text.rsplit("\n\n📌", 1)
    assert len(before_basis) <= 300 and "\n" not in basis.strip()
    assert 1 <= len(buttons(reply)) <= 4
    assert any(b.get("callback_data", "").startswith("d:") for b in buttons(reply))
    assert reply.params["link_preview_options"] == {"is_disabled": True}
    more = await say(api, botapi.callback(f"d:{buttons(reply)[0]['callback_data'][2:]}", chat), chat)
    assert "https://" in more.params["text"] and more.params["link_preview_options"] == {"is_disabled": True}


async def test_a_new_question_inside_a_calculator_leaves_it_and_offers_to_come_back(
    api: BotApiStandIn, running: BotProcess
) -> None:
    chat = next(_chats)
    before = len(api.calls)
    await api.push(botapi.callback("c:aguinaldo", chat))
    await api.wait_for(
        lambda c: c.method == "sendMessage" and "¿Cuánto te pagan?" in c.params["text"], after=before
    )
    before = len(api.calls)
    await api.push(botapi.message("cuánto es el salario mínimo?", chat))
    note = await api.wait_for(
        lambda c: (
            c.method == "sendMessage" and int(c.params["chat_id"]) == chat and "en pausa" in c.params["text"]
        ),
        after=before,
    )
    answered = [
        c for c in api.calls[before:] if c.method == "sendMessage" and int(c.params["chat_id"]) == chat
    ]
    assert "$315.04" in answered[0].params["text"], "the question is answered, not taken as the pay"
    assert [b["callback_data"] for b in buttons(note)] == ["r:aguinaldo"]
    back = await say(api, botapi.callback("r:aguinaldo", chat), chat)
    assert "Seguimos con tu cálculo" in back.params["text"]
    before = len(api.calls)
    await api.push(botapi.message("300", chat))
    await api.wait_for(
        lambda c: c.method == "sendMessage" and "por día, por semana" in c.params["text"], after=before
    )


async def test_a_follow_up_is_read_against_the_last_topic(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    await say(api, botapi.message("cuanto me toca de aguinaldo", chat), chat)
    reply = await say(api, botapi.message("¿y si solo voy 3 días?", chat), chat)
    assert reply.params["text"].startswith("🔎 Entendí que preguntas por: Aguinaldo")


async def test_group_answers_only_mentions_and_never_repeats_text(
    api: BotApiStandIn, running: BotProcess
) -> None:
    group = -next(_chats)
    before = len(api.calls)
    await api.push(botapi.message("mi patrona Rosa Pérez no me paga", group, user_id=42))
    secret = "mi patrona Rosa Pérez me debe el aguinaldo @cerrando_brechas_test_bot"
    reply = await say(api, botapi.message(secret, group, user_id=42), group)
    sent = [c for c in api.calls[before:] if c.method == "sendMessage" and int(c.params["chat_id"]) == group]
    assert len(sent) == 1, "the message without a mention got no answer"
    assert "Rosa" not in reply.params["text"] and "aguinaldo" not in reply.params["text"]
    assert any(b.get("url", "").startswith("https://t.me/cerrando_brechas_test_bot") for b in buttons(reply))


async def test_borrar_deletes_state_and_recent_messages(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    await say(api, botapi.message("/start", chat), chat)
    assert _user_rows(running.data_dir) >= 1
    rows_before = _user_rows(running.data_dir)
    before = len(api.calls)
    reply = await say(api, botapi.message("/borrar", chat), chat)
    assert reply.params["text"] == "Listo."
    deleted = [c for c in api.calls[before:] if c.method == "deleteMessages"]
    assert deleted and len(deleted[0].params["message_ids"]) >= 2
    assert _user_rows(running.data_dir) == rows_before - 1


async def test_blocking_the_bot_purges_the_user(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    await say(api, botapi.message("/start", chat), chat)
    rows = _user_rows(running.data_dir)
    await api.push(botapi.blocked(chat))
    # The purge runs beside other users' updates (nothing orders it before them): wait until it is done.
    for _ in range(150):
        if _user_rows(running.data_dir) == rows - 1:
            break
        await asyncio.sleep(0.1)
    assert _user_rows(running.data_dir) == rows - 1
    other = next(_chats)
    await say(api, botapi.message("/start", other), other)
    assert _user_rows(running.data_dir) == rows  # one removed, one added


def _user_rows(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "state.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM users").fetchone()[0])


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
async def test_listen_sends_a_valid_ogg_opus_voice_note(api: BotApiStandIn, running: BotProcess) -> None:
    chat = next(_chats)
    before = len(api.calls)
    await api.push(botapi.callback("v:aguinaldo", chat))
    call = await api.wait_for(
        lambda c: c.method == "sendVoice" and int(c.params["chat_id"]) == chat, after=before
    )
    audio = call.files["voice"]
    samples, rate = soundfile.read(io.BytesIO(audio))
    assert audio.startswith(b"OggS") and rate == OPUS_RATE and len(samples) / rate > 2


async def test_language_choice_persists_and_a_maya_question_gets_the_maya_answer(
    api: BotApiStandIn, running: BotProcess, conversation: Conversation
) -> None:
    chat = next(_chats)
    chosen = await say(api, botapi.callback("l:yua", chat), chat)
    assert "borrador" in chosen.params["text"]
    topics = await say(api, botapi.message("/temas", chat), chat)
    assert topics.params["text"] == Translator().gettext("yua")("Elige un tema:")
    translated = conversation.content.entries.get("yua", {})
    if not translated:
        pytest.skip("no Maya answers are translated yet")
    entry_id, maya = next((e, t) for e, t in translated.items() if t.phrasings)
    reply = await say(api, botapi.message(maya.phrasings[0], chat), chat)
    assert reply.params["text"].startswith(maya.answer.split("\n")[0][:30]), entry_id
    assert "📝" in reply.params["text"] and "x:" + entry_id in [
        b.get("callback_data") for b in buttons(reply)
    ]

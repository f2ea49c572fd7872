"""A Bot API stand-in on 127.0.0.1: enough of Telegram's HTTP API to run the real bot against it.

It answers getMe, getUpdates (long polling with offsets), sendMessage, editMessageText,
answerCallbackQuery, setMyCommands, sendVoice, deleteMessage(s) and friends, and records every call.
Tests inject updates shaped like real Telegram payloads and wait for what the bot sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "Cerrando Brechas",
    "username": "cerrando_brechas_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
DROP = -1  # fault status: close the connection without answering
SLOW = -2  # fault status: answer only after body["seconds"], so the client times out
JSON_FIELDS = {
    "reply_markup",
    "allowed_updates",
    "message_ids",
    "commands",
    "entities",
    "scope",
    "link_preview_options",
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    files: dict[str, bytes] = field(default_factory=dict)


class BotApiStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.confirmed_offset = 0
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._new_update = asyncio.Condition()
        self._new_call = asyncio.Condition()
        self.runner: web.AppRunner | None = None
        self.port = 0
        # Fault injection: method -> list of (status, body) answered before behaving normally.
        self.faults: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.faulted: list[str] = []

    # ------------------------------------------------------------------ server
    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._file)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _file(self, request: web.Request) -> web.Response:
        return web.Response(status=404)

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, bytes] = {}
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = value.file.read()
                else:
                    params[key] = value
        for key in list(params):
            if key in JSON_FIELDS and isinstance(params[key], str):
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(params[key])
        return params, files

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, files = await self._params(request)
        faults = self.faults.get(method)
        if faults:
            status, body = faults.pop(0)
            self.faulted.append(method)
            if status == DROP:
                # A dropped connection: the client sees the socket close with no response.
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=500)
            if status == SLOW:
                await asyncio.sleep(float(body.get("seconds", 30)))
                return web.json_response({"ok": True, "result": [] if method == "getUpdates" else True})
            return web.json_response(body, status=status)
        if method == "getUpdates":
            result: Any = await self._get_updates(params)
            return web.json_response({"ok": True, "result": result})
        call = Call(method, params, time.monotonic(), files)
        async with self._new_call:
            self.calls.append(call)
            self._new_call.notify_all()
        return web.json_response({"ok": True, "result": self._result(method, params)})

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "sendVoice", "editMessageText", "sendAudio", "sendPhoto"}:
            chat_id = int(params.get("chat_id", 0))
            message: dict[str, Any] = {
                "message_id": int(params.get("message_id") or next(self._message_ids)),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
            }
            if method == "sendVoice":
                message["voice"] = {"file_id": "v1", "file_unique_id": "uv1", "duration": 3}
            else:
                message["text"] = params.get("text", "")
            return message
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        if method == "getMyCommands":
            return []
        return True

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self.confirmed_offset = max(self.confirmed_offset, offset)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + min(timeout, 2.0)  # short polls keep tests snappy
        async with self._new_update:
            while not self.updates:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(self._new_update.wait(), remaining)
                except TimeoutError:
                    break
        self.calls.append(Call("getUpdates", params, time.monotonic()))
        return list(self.updates[: int(params.get("limit") or 100)])

    # ------------------------------------------------------------------ helpers for tests
    async def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **update}
        async with self._new_update:
            self.updates.append(update)
            self._new_update.notify_all()
        return update_id

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]

    async def wait_for(
        self, predicate: Callable[[Call], bool], timeout: float = 15.0, after: int = 0
    ) -> Call:
        """The first call (from index `after`) matching predicate; waits until it arrives."""
        deadline = time.monotonic() + timeout
        async with self._new_call:
            while True:
                for call in self.calls[after:]:
                    if predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("the bot did not make the expected call in time")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_call.wait(), remaining)

    async def wait_for_method(self, method: str, timeout: float = 15.0) -> Call:
        return await self.wait_for(lambda c: c.method == method, timeout)


# ---------------------------------------------------------------------- real-shaped payloads
def user(user_id: int = 111, language_code: str = "es") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Usuaria", "language_code": language_code}


def private_chat(chat_id: int = 111) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Usuaria"}


_message_ids = itertools.count(1)


def message(
    text: str | None = None, chat_id: int = 111, user_id: int | None = None, **extra: Any
) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": private_chat(chat_id) if chat_id > 0 else {"id": chat_id, "type": "group", "title": "Grupo"},
        "from": user(user_id or abs(chat_id)),
    }
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    msg.update(extra)
    return {"message": msg}


def callback(data: str, chat_id: int = 111, message_id: int = 1000) -> dict[str, Any]:
    return {
        "callback_query": {
            "id": f"cq{next(_message_ids)}",
            "from": user(chat_id),
            "chat_instance": "ci-1",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": private_chat(chat_id),
                "from": BOT_USER,
                "text": "…",
            },
        }
    }


def voice(chat_id: int = 111) -> dict[str, Any]:
    v = {
        "file_id": "AwACAgE",
        "file_unique_id": "AgAD",
        "duration": 4,
        "mime_type": "audio/ogg",
        "file_size": 9000,
    }
    return message(None, chat_id, voice=v)


def sticker(chat_id: int = 111) -> dict[str, Any]:
    s = {
        "file_id": "CAACAgI",
        "file_unique_id": "AgADs",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "😀",
    }
    return message(None, chat_id, sticker=s)


def photo(chat_id: int = 111, caption: str | None = None) -> dict[str, Any]:
    sizes = [{"file_id": "AgACAgE", "file_unique_id": "AQADp", "width": 90, "height": 90, "file_size": 1200}]
    extra: dict[str, Any] = {"caption": caption} if caption else {}
    return message(None, chat_id, photo=sizes, **extra)


def document(chat_id: int = 111, caption: str | None = None) -> dict[str, Any]:
    doc = {"file_id": "BQACAgE", "file_unique_id": "AgADd", "file_name": "recibo.pdf", "file_size": 5000}
    extra: dict[str, Any] = {"caption": caption} if caption else {}
    return message(None, chat_id, document=doc, **extra)


def edited(text: str, chat_id: int = 111) -> dict[str, Any]:
    msg = message(text, chat_id)["message"]
    msg["edit_date"] = int(time.time())
    return {"edited_message": msg}


def blocked(chat_id: int = 111) -> dict[str, Any]:
    return {
        "my_chat_member": {
            "chat": private_chat(chat_id),
            "from": user(chat_id),
            "date": int(time.time()),
            "old_chat_member": {"status": "member", "user": BOT_USER},
            "new_chat_member": {"status": "kicked", "user": BOT_USER, "until_date": 0},
        }
    }


def error(code: int, description: str, retry_after: int | None = None) -> tuple[int, dict[str, Any]]:
    """A Bot API error answer, as Telegram shapes it."""
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return code, body

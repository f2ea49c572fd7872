"""Receiving updates by webhook: Telegram's secret checked before the body is read, a size limit, 400 for
a body that is not an update, and each update_id handled once however often Telegram delivers it.

python-telegram-bot's own webhook server reads any body into memory before answering 403, answers 500 to
broken JSON and logs the raw update it cannot parse; this small aiohttp server puts the same updates on
the same queue without those faults.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.adapters.telegram_updates import without_unparseable
from bot.config import Config
from bot.store_api import StateStore

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # an update is a few kilobytes; Telegram's largest are far below a megabyte
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def webhook_app(
    application: Application[Any, Any, Any, Any, Any, Any], path: str, secret: str, store: StateStore
) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), secret.encode()):
            return web.Response(status=403)  # before reading a byte of the body
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.Response(status=413)
        try:
            data = json.loads(await request.read())
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413)
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="not JSON")
        items = without_unparseable([data], application.bot)
        if not items:
            return web.Response(status=400, text="not an update")
        if await asyncio.to_thread(store.handled, items[0]["update_id"]):
            return web.Response()  # a redelivery: already answered
        await application.update_queue.put(Update.de_json(items[0], application.bot))
        return web.Response()

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post(path, receive)
    return app


async def serve(
    application: Application[Any, Any, Any, Any, Any, Any],
    config: Config,
    store: StateStore,
    stopped: asyncio.Event,
) -> None:
    """Register the webhook and serve it until `stopped` is set (by the adapter's SIGTERM handler)."""
    assert config.webhook_url and config.webhook_secret
    async with application:
        await application.bot.set_webhook(
            config.webhook_url, secret_token=config.webhook_secret, allowed_updates=ALLOWED_UPDATES
        )
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        path = "/" + urlparse(config.webhook_url).path.lstrip("/")
        runner = web.AppRunner(webhook_app(application, path, config.webhook_secret, store), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, config.webhook_listen, config.webhook_port).start()
        log.info("webhook listening on port %d", config.webhook_port)
        await stopped.wait()
        await runner.cleanup()  # no new deliveries: Telegram retries them later
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    if application.post_shutdown is not None:
        await application.post_shutdown(application)

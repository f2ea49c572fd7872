"""The health and metrics server (BOT_HTTP_PORT): /healthz and /metrics, inside the bot's event loop.

Off unless BOT_HTTP_PORT is set. It listens on BOT_HTTP_LISTEN (127.0.0.1 unless told otherwise: the
metrics are anonymous, but nobody outside needs them) and says nothing about users.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.config import Config
from bot.ops import metrics
from bot.ops.health import Health, problem_of

log = logging.getLogger(__name__)
CHECK_TIMEOUT = 5.0

App = Any  # telegram.ext.Application; typed loosely so this module stays a thin add-on


def make_app(health: Health) -> web.Application:
    async def healthz(request: web.Request) -> web.Response:
        try:
            healthy, reason = await asyncio.wait_for(asyncio.to_thread(health.check), CHECK_TIMEOUT)
        except TimeoutError:
            healthy, reason = False, f"la revisión tardó más de {CHECK_TIMEOUT:.0f} s"
        return web.Response(status=200 if healthy else 503, text=reason + "\n")

    async def metrics_page(request: web.Request) -> web.Response:
        response = web.Response(body=generate_latest())
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    return app


class HttpServer:
    def __init__(self, health: Health, listen: str, port: int) -> None:
        self.app = make_app(health)
        self.listen = listen
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        runner = web.AppRunner(self.app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.listen, self.port).start()
        except OSError as exc:
            await runner.cleanup()
            log.error("BOT_HTTP_PORT: cannot listen on %s:%d (%s)", self.listen, self.port, exc.strerror)
            raise
        self._runner = runner
        log.info("health and metrics on http://%s:%d/healthz and /metrics", self.listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def _chain(
    hook: Callable[[App], Awaitable[None]] | None, extra: Callable[[], Awaitable[None]], first: bool
) -> Any:
    async def chained(application: App) -> None:
        if first:
            await extra()
        if hook is not None:
            await hook(application)
        if not first:
            await extra()

    return chained


def attach(application: App, config: Config, store: object) -> HttpServer | None:
    """Watches the update queue; with BOT_HTTP_PORT, also serves /healthz and /metrics from before the
    application's own post_init until after its post_shutdown."""
    metrics.watch_queue(application.update_queue.qsize)
    if config.http_port is None:
        return None

    def webhook_running() -> bool:
        return bool(application.running)  # webhook mode: bot.adapters.telegram_webhook runs the application

    webhook = webhook_running if config.webhook_url else None
    health = Health(problem_of(store), float(config.health_poll_age), webhook)
    server = HttpServer(health, config.http_listen, config.http_port)
    application.post_init = _chain(application.post_init, server.start, first=True)
    application.post_shutdown = _chain(application.post_shutdown, server.stop, first=False)
    return server

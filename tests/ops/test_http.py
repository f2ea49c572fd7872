from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import load_config
from bot.ops import metrics
from bot.ops.health import Health, problem_of
from bot.ops.http import attach, make_app
from bot.storage import Store


async def test_healthz_and_metrics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path)
    store.close()
    monkeypatch.setattr(metrics, "_last_poll", None)
    async with TestClient(TestServer(make_app(Health(problem_of(store))))) as client:
        response = await client.get("/healthz")
        assert response.status == 503
        assert "getUpdates" in await response.text()
        metrics.polled()
        response = await client.get("/healthz")
        assert response.status == 200
        assert (await response.text()).startswith("ok")
        response = await client.get("/metrics")
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        text = await response.text()
        assert "# TYPE bot_updates_total counter" in text
        assert "bot_update_seconds_bucket" in text


class FakeQueue:
    def qsize(self) -> int:
        return 3


class FakeApplication:
    def __init__(self) -> None:
        self.update_queue = FakeQueue()
        self.updater = None
        self.post_init = None
        self.post_shutdown = None


def test_attach_is_off_without_a_port_and_chains_the_hooks_with_one(tmp_path: Path) -> None:
    app = FakeApplication()
    store = Store(tmp_path)
    store.close()
    assert attach(app, load_config({}), store) is None
    assert app.post_init is None
    server = attach(app, load_config({"BOT_HTTP_PORT": "8089"}), store)
    assert server is not None and (server.listen, server.port) == ("127.0.0.1", 8089)
    assert app.post_init is not None and app.post_shutdown is not None

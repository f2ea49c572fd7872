from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from bot.ops import health, metrics
from bot.ops.health import Health, problem_of, store_problem
from bot.storage import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    store = Store(tmp_path / "data")
    store.close()
    return store.path


def test_a_writable_store_has_no_problem(db: Path) -> None:
    assert store_problem(db) is None
    assert not (db.parent / health.PROBE_FILE).exists()


def test_a_database_held_locked_is_reported(db: Path) -> None:
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        problem = store_problem(db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert problem is not None and "locked" in problem


def test_a_vanished_data_folder_is_reported(db: Path) -> None:
    db.parent.rename(db.parent.with_name("elsewhere"))
    problem = store_problem(db)
    assert problem is not None and "carpeta de datos" in problem


def test_a_missing_database_is_not_created_by_the_check(tmp_path: Path) -> None:
    problem = store_problem(tmp_path / "state.db")
    assert problem is not None and "state.db" in problem
    assert not (tmp_path / "state.db").exists()


def test_polling_health_follows_the_last_successful_get_updates(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(metrics, "_last_poll", None)
    check = Health(lambda: store_problem(db), max_poll_age=60)
    healthy, reason = check.check()
    assert not healthy and "todavía" in reason
    metrics.polled()
    assert check.check() == (True, "ok: polling, base de datos escribible")
    monkeypatch.setattr(metrics, "_last_poll", time.monotonic() - 61)
    healthy, reason = check.check()
    assert not healthy and "desde hace 61 s" in reason


def test_webhook_health_asks_whether_the_server_runs(db: Path) -> None:
    running = [True]
    check = Health(lambda: store_problem(db), webhook_running=lambda: running[0])
    assert check.check()[0]
    running[0] = False
    healthy, reason = check.check()
    assert not healthy and reason.startswith("webhook")


def test_a_store_with_its_own_check_is_asked_directly(db: Path) -> None:
    class Remote:
        def problem(self) -> str | None:
            return "PostgreSQL no responde"

    assert problem_of(Remote())() == "PostgreSQL no responde"
    store = Store(db.parent)
    try:
        assert problem_of(store)() is None
    finally:
        store.close()
    with pytest.raises(TypeError):
        problem_of(object())

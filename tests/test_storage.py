from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot.core.state import Context, FlowState, UserState
from bot.privacy import Pseudonymizer, load_secret
from bot.storage import Store

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def test_state_round_trip_and_forget(tmp_path: Path) -> None:
    store = Store(tmp_path)
    state = UserState(
        lang="es", lang_chosen=True, flow=FlowState("aguinaldo", {"salario": 300.0}, ["salario"])
    )
    store.save("k1", state, NOW, ["tema:x"])
    assert store.load("k1") == state
    store.forget("k1")
    assert store.load("k1") == UserState()
    assert store.counter_rows() == [("2026-11-22", "tema:x", 1)]


def test_purge_drops_idle_checks_then_idle_users(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save("busy", UserState(flow=FlowState("aguinaldo")), NOW)
    store.save("idle", UserState(lang_chosen=True), NOW - dt.timedelta(days=91))
    assert store.purge(NOW + dt.timedelta(hours=71)) == (1, 0)
    assert store.load("busy").flow is not None
    assert store.purge(NOW + dt.timedelta(hours=73)) == (0, 1)
    assert store.load("busy").flow is None


def test_purge_drops_the_half_hour_context_but_keeps_a_check_for_72_hours(tmp_path: Path) -> None:
    store = Store(tmp_path)
    context = Context("aguinaldo", {"salario": "300"}, NOW.timestamp())
    store.save("talking", UserState(context=context), NOW)
    store.save("both", UserState(flow=FlowState("aguinaldo"), context=context), NOW)
    store.purge(NOW + dt.timedelta(minutes=29))
    assert store.load("talking").context == context
    assert store.purge(NOW + dt.timedelta(minutes=31)) == (0, 0)
    assert store.load("talking").context is None
    both = store.load("both")
    assert both.context is None and both.flow is not None


def test_corrupt_store_is_moved_aside(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "state.db").write_bytes(b"this is not a database" * 100)
    store = Store(tmp_path)
    store.save("k", UserState(lang_chosen=True), NOW)
    assert store.load("k").lang_chosen
    assert list(tmp_path.glob("state.db.corrupt-*"))
    assert "moved to" in caplog.text


def test_damaged_record_falls_back_to_defaults(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("INSERT INTO users VALUES ('k', '{not json', NULL, 0)")
    assert store.load("k") == UserState()


def test_pseudonyms_are_keyed_and_stable(tmp_path: Path) -> None:
    secret = load_secret(tmp_path, None)
    assert load_secret(tmp_path, None) == secret
    assert (tmp_path / "secret.key").stat().st_mode & 0o777 == 0o600
    a, b = Pseudonymizer(secret), Pseudonymizer(b"another secret key of enough length")
    assert a.user_key(12345) == a.user_key("12345") != b.user_key(12345)
    assert "12345" not in a.user_key(12345)

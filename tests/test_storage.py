from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot.core.state import Context, FlowState, UserState
from bot.privacy import Pseudonymizer, SecretKeyError, load_secret
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


def _every_file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_forget_leaves_no_trace_in_any_file_wal_included(tmp_path: Path) -> None:
    """The raw files are read: the row must be gone from the database, its free pages and the WAL."""
    store = Store(tmp_path)
    key = "f" * 32
    for salary in range(25):  # many versions of the row, as a user answering a check leaves in the WAL
        state = UserState(lang="yua", flow=FlowState("aguinaldo", {"pago": f"{987650 + salary}"}))
        store.save(key, state, NOW)
    store.save("another-user-stays", UserState(), NOW)
    assert key.encode() in _every_file_bytes(tmp_path)
    store.forget(key)
    raw = _every_file_bytes(tmp_path)
    assert key.encode() not in raw
    assert b"98765" not in raw and b"aguinaldo" not in raw
    assert store.load("another-user-stays") == UserState()
    assert store.load(key) == UserState()
    store.close()


def test_retention_purge_leaves_no_trace_either(tmp_path: Path) -> None:
    store = Store(tmp_path)
    key = "e" * 32
    store.save(key, UserState(lang="tzo", flow=FlowState("vacaciones", {"pago": "4455667"})), NOW)
    gone, _ = store.purge(NOW + dt.timedelta(days=91), retention_days=90)
    assert gone == 1
    raw = _every_file_bytes(tmp_path)
    assert key.encode() not in raw and b"4455667" not in raw


@pytest.mark.parametrize("content", [b"", b"abc", b"0" * 40, b"z" * 64, b"\xff\xfe" * 40])
def test_a_damaged_secret_key_stops_instead_of_being_replaced(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "secret.key").write_bytes(content)
    with pytest.raises(SecretKeyError, match=r"secret\.key"):
        load_secret(tmp_path, None)
    assert (tmp_path / "secret.key").read_bytes() == content, "never replaced"


def test_an_unreadable_secret_key_stops(tmp_path: Path) -> None:
    load_secret(tmp_path, None)
    (tmp_path / "secret.key").unlink()
    (tmp_path / "secret.key").mkdir()  # unreadable as a file, even for root
    with pytest.raises(SecretKeyError, match="no se puede leer"):
        load_secret(tmp_path, None)


def test_one_damaged_page_costs_only_its_rows(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = Store(tmp_path)
    keys = [f"user-{n:03d}" for n in range(200)]
    for key in keys:  # about 8 users a page: the table spans some 25 pages
        store.save(key, UserState(lang="yua", flow=FlowState("aguinaldo", {"nota": "x" * 400})), NOW)
    store.close()
    raw = bytearray((tmp_path / "state.db").read_bytes())
    page = 4096
    middle = (len(raw) // page // 2) * page
    raw[middle + 8 : middle + page] = b"\xa5" * (page - 8)  # one leaf page in the middle, garbled
    (tmp_path / "state.db").write_bytes(bytes(raw))
    store = Store(tmp_path)
    alive = [k for k in keys if store.load(k).lang == "yua"]
    assert 150 <= len(alive) < 200, len(alive)
    assert "rows salvaged" in caplog.text and "unreadable rows lost" in caplog.text

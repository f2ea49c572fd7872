from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core.state import FlowState, UserState
from bot.ops import backup
from bot.ops.backup import BackupError
from bot.storage import Store

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def state_of(i: int) -> UserState:
    return UserState(lang="yua" if i % 2 else "es", welcomed=True, flow=FlowState("aguinaldo", {"n": i}))


def test_a_backup_taken_while_another_thread_writes_restores_every_state_it_holds(tmp_path: Path) -> None:
    live = Store(tmp_path / "live")
    written = threading.Event()
    stop = threading.Event()
    count = [0]

    def writer() -> None:
        while not stop.is_set():
            live.save(f"user-{count[0]}", state_of(count[0]), NOW, ["start|lang=es"])
            count[0] += 1
            if count[0] == 200:
                written.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert written.wait(30)
        before = count[0]
        summary = backup.backup(live.path.parent, tmp_path / "copia.db")
        after = count[0]
    finally:
        stop.set()
        thread.join()
        live.close()
    assert before <= summary.users <= after + 1
    assert not Path(str(summary.path) + "-wal").exists()

    restored_summary, aside = backup.restore(tmp_path / "new", summary.path)
    assert aside is None and restored_summary.users == summary.users
    restored = Store(tmp_path / "new")
    try:
        for i in range(summary.users):
            assert restored.load(f"user-{i}") == state_of(i)
        assert restored.load(f"user-{summary.users + 5}") == UserState()
        assert sum(n for _, _, n in restored.counter_rows()) == summary.users
    finally:
        restored.close()


def test_restore_refuses_what_is_not_a_database_of_ours(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    for bad, words in ((junk, "SQLite"), (other, "tabla users"), (tmp_path / "none.db", "no existe")):
        with pytest.raises(BackupError, match=words):
            backup.restore(tmp_path / "data", bad)
    assert not (tmp_path / "data" / "state.db").exists()


def test_restore_refuses_a_database_in_use_unless_forced_and_keeps_the_old_one(tmp_path: Path) -> None:
    source = Store(tmp_path / "source")
    source.save("from-backup", state_of(1), NOW)
    source.close()
    copy = backup.backup(tmp_path / "source", tmp_path / "copia.db").path

    running = Store(tmp_path / "data")
    running.save("current", state_of(2), NOW)
    try:
        with pytest.raises(BackupError, match="en uso"):
            backup.restore(tmp_path / "data", copy)
        assert running.load("current") == state_of(2)
        summary, aside = backup.restore(tmp_path / "data", copy, force=True)
        # The running store's own connection sees the restored data at once.
        assert running.load("from-backup") == state_of(1)
        assert running.load("current") == UserState()
    finally:
        running.close()
    assert summary.users == 1
    assert aside is not None and backup.problems(aside) == []
    kept = Store(tmp_path / "kept")
    kept.close()
    aside.replace(kept.path)
    kept = Store(tmp_path / "kept")
    assert kept.load("current") == state_of(2)
    kept.close()
    assert not backup.in_use(tmp_path / "data" / "state.db")


def test_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path / "data"))
    assert main(["backup", str(tmp_path / "copias")]) == 1
    assert "no hay base de datos" in capsys.readouterr().err
    store = Store(tmp_path / "data")
    store.save("u", state_of(3), NOW)
    store.close()
    assert main(["backup", str(tmp_path / "copias") + "/"]) == 0  # a missing folder, named as one
    assert "copia de 1 usuarios" in capsys.readouterr().out
    (copy,) = (tmp_path / "copias").glob("state-*.db")
    assert (tmp_path / "copias").stat().st_mode & 0o777 == 0o700
    assert copy.stat().st_mode & 0o777 == 0o600
    assert main(["restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "before-restore" in out and "restaurados 1 usuarios" in out

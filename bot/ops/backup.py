"""`python -m bot backup FILE` and `python -m bot restore FILE`: the state database, copied safely.

Backups use SQLite's online backup API, so they are consistent while the bot keeps writing. They hold
pseudonymous keys and unfinished checks, never message text, and never the pseudonymization key
(secret.key): a backup alone cannot be linked to Telegram ids. Keep the key (or BOT_SECRET) apart.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.storage import DB_FILE

REQUIRED_TABLES = {"users": {"user_key", "state", "last_seen"}, "counters": {"day", "key", "count"}}


class BackupError(Exception):
    """Something the operator must fix; the message says what, in one line."""


@contextlib.contextmanager
def _open(path: Path, mode: str) -> Iterator[sqlite3.Connection]:
    """A connection that never creates a missing file (mode ro or rw) and is always closed."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=5.0)
    db.isolation_level = None
    try:
        yield db
    finally:
        db.close()


def problems(path: Path) -> list[str]:
    """Why `path` is not a sound database of this bot (empty when it is)."""
    if not path.is_file():
        return [f"{path} no existe"]
    try:
        with _open(path, "ro") as db:
            check = [row[0] for row in db.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                return [f"{path} está dañada: {check[0]}"]
            found: list[str] = []
            for table, columns in REQUIRED_TABLES.items():
                have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
                if not have:
                    found.append(f"{path} no tiene la tabla {table}: no es una base de datos de este bot")
                elif missing := columns - have:
                    found.append(f"{path}: a la tabla {table} le faltan {', '.join(sorted(missing))}")
            return found
    except sqlite3.DatabaseError as exc:
        return [f"{path} no es una base de datos SQLite ({exc})"]


def in_use(path: Path) -> bool:
    """Whether another connection (a running bot) has the database open.

    A WAL database kept open by another process refuses an exclusive lock; nothing is written."""
    if not path.exists():
        return False
    try:
        with _open(path, "rw") as db:
            db.execute("PRAGMA busy_timeout=200")
            db.execute("PRAGMA locking_mode=EXCLUSIVE")
            db.execute("BEGIN EXCLUSIVE")
            db.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return True
    return False


def _copy(source: Path, target: Path, source_mode: str = "rw") -> None:
    """Source into a new file beside target, then renamed over it: a reader never sees half a copy."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with _open(source, source_mode) as src:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)  # all pages in one step: one consistent snapshot, writers not blocked (WAL)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                dst.close()
        os.chmod(partial, 0o600)
        if found := problems(partial):
            raise BackupError(found[0])
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class Summary:
    path: Path
    users: int
    size: int


def _summary(path: Path) -> Summary:
    with _open(path, "ro") as db:
        users = int(db.execute("SELECT count(*) FROM users").fetchone()[0])
    return Summary(path, users, path.stat().st_size)


def backup(data_dir: Path, target: Path, into_folder: bool = False) -> Summary:
    """Copies the database to `target`, or into the folder `target` under a dated name when it is a
    folder or `into_folder` is set (a missing folder is created, readable by its owner only)."""
    source = data_dir / DB_FILE
    if not source.is_file():
        raise BackupError(f"no hay base de datos en {source} (revisa BOT_DATA_DIR)")
    if into_folder or target.is_dir():
        target.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = target / f"state-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    _copy(source, target)
    return _summary(target)


def restore(data_dir: Path, source: Path, force: bool = False) -> tuple[Summary, Path | None]:
    """Puts `source` in place of the bot's database; the database it replaces is kept aside first.

    Returns the summary and where the old database was kept (None when there was none)."""
    if found := problems(source):
        raise BackupError(found[0])
    target = data_dir / DB_FILE
    if in_use(target) and not force:
        raise BackupError(
            f"{target} está en uso (¿el bot está corriendo?): detenlo primero, o usa --force para "
            "reemplazar los datos mientras corre"
        )
    aside = None
    data_dir.mkdir(parents=True, exist_ok=True)
    if target.exists():
        aside = target.with_name(f"{DB_FILE}.before-restore-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}")
        _copy(target, aside)
        # Into the live file through SQLite, not a rename: a running bot's open connection sees the
        # restored data instead of writing on into a deleted file.
        with _open(source, "ro") as src, _open(target, "rw") as dst:
            src.backup(dst)
        if found := problems(target):
            raise BackupError(found[0])
    else:
        _copy(source, target, source_mode="ro")
    return _summary(target), aside

"""Is the bot alive? Updates arriving (polling recent, or the webhook server up) and the store writable.

Each check returns None when fine, or one line saying what is wrong, for /healthz and for people.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.ops import metrics

PROBE_FILE = ".healthz-probe"


def store_problem(db_path: Path) -> str | None:
    """A one-byte file written and removed in the data folder, then a write lock taken and released in the
    database: catches a read-only or vanished volume, a full disk and a database stuck locked."""
    folder = db_path.parent
    probe = folder / PROBE_FILE
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"1")
        finally:
            os.close(fd)
        probe.unlink()
    except OSError as exc:
        return f"la carpeta de datos no acepta escritura: {exc.strerror or type(exc).__name__}"
    if not db_path.exists():
        return "no existe la base de datos state.db"
    try:
        # mode=rw: never creates a database where the bot's is missing
        db = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True, timeout=1.0)
        try:
            db.isolation_level = None
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
        finally:
            db.close()
    except sqlite3.Error as exc:
        return f"la base de datos no acepta escritura: {exc}"
    return None


def problem_of(store: object) -> Callable[[], str | None]:
    """The store's own check when it has one (PostgreSQL), otherwise the SQLite file check."""
    own = getattr(store, "problem", None)
    if callable(own):
        return own  # type: ignore[no-any-return]
    path = getattr(store, "path", None)
    if not isinstance(path, Path):
        raise TypeError(f"cannot check a {type(store).__name__}")
    return lambda: store_problem(path)


@dataclass
class Health:
    store_problem: Callable[[], str | None]
    max_poll_age: float = 60.0
    # Webhook mode: whether PTB's webhook server is running. None: long polling.
    webhook_running: Callable[[], bool] | None = None

    def updates_problem(self) -> str | None:
        if self.webhook_running is not None:
            return None if self.webhook_running() else "webhook: el servidor de webhook no está corriendo"
        age = metrics.seconds_since_poll()
        if age is None:
            return "polling: todavía no hay un getUpdates exitoso"
        if age > self.max_poll_age:
            return f"polling: sin un getUpdates exitoso desde hace {age:.0f} s"
        return None

    def check(self) -> tuple[bool, str]:
        """(healthy, one line). Blocking (SQLite): call it from a thread."""
        problems = [p for p in (self.updates_problem(), self.store_problem()) if p]
        if problems:
            return False, "; ".join(problems)
        mode = "webhook" if self.webhook_running is not None else "polling"
        return True, f"ok: {mode}, base de datos escribible"

"""User state and anonymous counters in SQLite (WAL) under BOT_DATA_DIR.

Rows are keyed by the pseudonymous user key; no message text is ever written here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from bot.core.state import UserState

log = logging.getLogger(__name__)
DB_FILE = "state.db"
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    flow_updated REAL,           -- unix time of the last answer in a check, for the 72 h purge
    last_seen REAL NOT NULL      -- unix time, for the retention purge
);
CREATE TABLE IF NOT EXISTS shared_questions (
    day TEXT NOT NULL,           -- no user key: a consented, scrubbed question cannot be traced back
    question TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, key)
);
"""


class Store:
    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DB_FILE
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            # A damaged file must not make the bot crash-loop: keep it aside for inspection, start fresh.
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            log.error(
                "state store unreadable (%s); moved to %s and starting fresh", type(exc).__name__, aside.name
            )
            self.path.rename(aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.rename(aside.with_name(aside.name + suffix))
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL survives a killed process (kill -9): the reply is sent after the commit reaches the
            # OS. Only a power cut could lose the last moments, and FULL would cost an fsync per message.
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def load(self, user_key: str) -> UserState:
        with self._lock:
            row = self._db.execute("SELECT state FROM users WHERE user_key = ?", (user_key,)).fetchone()
        if row is None:
            return UserState()
        try:
            return UserState.from_dict(json.loads(row[0]))
        except ValueError:
            return UserState()

    def save(self, user_key: str, state: UserState, now: dt.datetime, counters: Iterable[str] = ()) -> None:
        """State and counters in one transaction."""
        stamp = now.timestamp()
        # Marks the short-lived parts (a check in progress, the half-hour context) for the purge.
        flow_stamp = stamp if state.flow is not None or state.context is not None else None
        day = now.date().isoformat()
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.execute(
                    "INSERT INTO users (user_key, state, flow_updated, last_seen) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(user_key) DO UPDATE SET state = excluded.state, "
                    "flow_updated = excluded.flow_updated, last_seen = excluded.last_seen",
                    (user_key, json.dumps(state.to_dict(), ensure_ascii=False), flow_stamp, stamp),
                )
                for key in counters:
                    self._db.execute(
                        "INSERT INTO counters (day, key, count) VALUES (?, ?, 1) "
                        "ON CONFLICT(day, key) DO UPDATE SET count = count + 1",
                        (day, key),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def count(self, counters: Iterable[str], now: dt.datetime) -> None:
        day = now.date().isoformat()
        with self._lock:
            for key in counters:
                self._db.execute(
                    "INSERT INTO counters (day, key, count) VALUES (?, ?, 1) "
                    "ON CONFLICT(day, key) DO UPDATE SET count = count + 1",
                    (day, key),
                )

    def save_question(self, scrubbed: str, now: dt.datetime) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO shared_questions (day, question) VALUES (?, ?)",
                (now.date().isoformat(), scrubbed),
            )

    def shared_questions(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self._db.execute("SELECT day, question FROM shared_questions ORDER BY day"))

    def forget(self, user_key: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM users WHERE user_key = ?", (user_key,))

    def purge(
        self,
        now: dt.datetime,
        flow_hours: int = 72,
        retention_days: int = 90,
        question_days: int = 30,
        memory_minutes: int = 30,
    ) -> tuple[int, int]:
        """Drop the context of follow-ups after `memory_minutes` idle, unfinished checks after `flow_hours`
        idle, whole users after `retention_days` idle, and shared questions after `question_days`.
        Returns (users removed, checks dropped)."""
        stamp = now.timestamp()
        oldest_question = (now - dt.timedelta(days=question_days)).date().isoformat()
        flow_cutoff = stamp - flow_hours * 3600
        user_cutoff = stamp - retention_days * 86400
        dropped = 0
        with self._lock:
            gone = self._db.execute("DELETE FROM users WHERE last_seen < ?", (user_cutoff,)).rowcount
            self._db.execute("DELETE FROM shared_questions WHERE day < ?", (oldest_question,))
            idle = self._db.execute(
                "SELECT user_key, state, flow_updated FROM users WHERE flow_updated IS NOT NULL "
                "AND flow_updated < ?",
                (stamp - memory_minutes * 60,),
            ).fetchall()
            for user_key, raw, updated in idle:
                state = UserState.from_dict(json.loads(raw))
                state.context = None
                if state.flow is not None and updated < flow_cutoff:
                    state.flow = None
                    dropped += 1
                self._db.execute(
                    "UPDATE users SET state = ?, flow_updated = ? WHERE user_key = ?",
                    (
                        json.dumps(state.to_dict(), ensure_ascii=False),
                        updated if state.flow else None,
                        user_key,
                    ),
                )
        return gone, dropped

    def counter_rows(self) -> list[tuple[str, str, int]]:
        with self._lock:
            return list(self._db.execute("SELECT day, key, count FROM counters ORDER BY day, key"))

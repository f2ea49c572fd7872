"""User state and anonymous counters in SQLite (WAL) under BOT_DATA_DIR.

Rows are keyed by the pseudonymous user key. No message text is kept, except an update's own text in the
inbox between its arrival and its handling (bot/storage_delivery.py).
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
from bot.storage_delivery import Delivery, DeliveryLog
from bot.storage_repair import salvage

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
-- Updates between their arrival and the end of their handling, so a crash neither loses nor repeats one.
-- The payload (the update as Telegram sent it) is kept only until the update is handled; the bare row
-- stays a day to recognise a redelivery. Rows of a user go with /borrar.
CREATE TABLE IF NOT EXISTS inbox (
    update_id INTEGER PRIMARY KEY,
    user_key TEXT,
    payload TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    received REAL NOT NULL
);
-- Replies decided but not yet delivered: written with the state in one transaction, deleted once sent.
-- Holds the chat id Telegram needs to deliver; purged after a day and with /borrar.
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_key TEXT,
    chat_id INTEGER NOT NULL,
    message TEXT NOT NULL,
    created REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL,
    uncertain INTEGER NOT NULL DEFAULT 0  -- an earlier attempt timed out and may have been delivered
);
CREATE INDEX IF NOT EXISTS outbox_chat ON outbox (chat_id, id);
CREATE TABLE IF NOT EXISTS counters (
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, key)
);
"""


class Store(DeliveryLog):
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / DB_FILE
        self._lock = threading.Lock()
        self.in_memory = False
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.OperationalError) as exc:
            # A read-only or full data folder: answering needs no storage, so the bot goes on, and says so.
            log.error(
                "data folder %s is not writable (%s): running WITHOUT saving state until it is fixed "
                "(python -m bot doctor)",
                data_dir,
                getattr(exc, "strerror", None) or type(exc).__name__,
            )
            self.in_memory = True
            self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            self._db.executescript(SCHEMA)

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.OperationalError:
            raise  # cannot write (read-only, full disk): not damage, nothing to move aside
        except sqlite3.DatabaseError as exc:
            # A damaged file must not make the bot crash-loop: keep it aside for inspection, and start
            # again with every row that can still be read.
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            self.path.rename(aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.rename(aside.with_name(aside.name + suffix))
            db = self._connect()
            kept, lost = salvage(aside, db)
            log.error(
                "state store damaged (%s); moved to %s; %d rows salvaged, %d unreadable rows lost",
                type(exc).__name__,
                aside.name,
                kept,
                lost,
            )
            return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL survives a killed process (kill -9): the reply is sent after the commit reaches the
            # OS. Only a power cut could lose the last moments, and FULL would cost an fsync per message.
            db.execute("PRAGMA synchronous=NORMAL")
            # Deleted rows are overwritten with zeros, so /borrar leaves nothing readable in free pages.
            db.execute("PRAGMA secure_delete=ON")
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

    def save(
        self,
        user_key: str,
        state: UserState | None,
        now: dt.datetime,
        counters: Iterable[str] = (),
        delivery: Delivery | None = None,
    ) -> list[int]:
        """State (None: the user is forgotten), counters, the update marked handled and its replies queued
        for sending, in one transaction: after a crash either all of it happened or none did.

        Returns the outbox ids of the queued replies."""
        stamp = now.timestamp()
        day = now.date().isoformat()
        with self._lock:
            self._db.execute("BEGIN")
            try:
                if state is None:
                    self._forget(user_key)
                else:
                    self._db.execute(
                        "INSERT INTO users (user_key, state, flow_updated, last_seen) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(user_key) DO UPDATE SET state = excluded.state, "
                        "flow_updated = excluded.flow_updated, last_seen = excluded.last_seen",
                        (
                            user_key,
                            json.dumps(state.to_dict(), ensure_ascii=False),
                            # Marks the short-lived parts (a check in progress, the half-hour context)
                            # for the purge.
                            stamp if state.flow is not None or state.context is not None else None,
                            stamp,
                        ),
                    )
                self._count(counters, day)
                queued = self._deliver(user_key if state is not None else None, delivery, stamp)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if state is None:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return queued

    def _count(self, counters: Iterable[str], day: str) -> None:
        for key in counters:
            self._db.execute(
                "INSERT INTO counters (day, key, count) VALUES (?, ?, 1) "
                "ON CONFLICT(day, key) DO UPDATE SET count = count + 1",
                (day, key),
            )

    def count(self, counters: Iterable[str], now: dt.datetime, delivery: Delivery | None = None) -> list[int]:
        """Counters only (groups, where nothing about the user is kept), with the update's delivery."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._count(counters, now.date().isoformat())
                queued = self._deliver(None, delivery, now.timestamp())
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return queued

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
        """Delete the user's rows, then copy the WAL into the database and truncate it: until then, older
        versions of the rows (their pseudonym and state) are still readable in the -wal file."""
        with self._lock:
            self._forget(user_key)
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _forget(self, user_key: str) -> None:
        for table in ("users", "inbox", "outbox"):
            self._db.execute(f"DELETE FROM {table} WHERE user_key = ?", (user_key,))

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
            day_ago = stamp - 86400
            self._db.execute("DELETE FROM inbox WHERE done = 1 AND received < ?", (day_ago,))
            self._db.execute("DELETE FROM outbox WHERE created < ?", (day_ago,))
            if gone:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as in forget(): no old copies
        return gone, dropped

    def counter_rows(self) -> list[tuple[str, str, int]]:
        with self._lock:
            return list(self._db.execute("SELECT day, key, count FROM counters ORDER BY day, key"))

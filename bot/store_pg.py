"""User state and anonymous counters in PostgreSQL (DATABASE_URL), for several bot processes on one
database. Same rows as the SQLite store: pseudonymous keys, never message text.

Two processes may receive updates of the same user (webhook behind a load balancer, or a rolling
restart). `handle` makes one update's load → decide → save a single transaction that first takes an
advisory lock on the user, so one user's updates never interleave, and records the update_id, so an
update delivered twice is handled once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import psycopg

from bot.core.state import UserState
from bot.storage_delivery import Delivery

MIGRATION_LOCK = 7_243_001  # pg_advisory_lock key: one process migrates at a time
# Each step runs once, in order, in its own transaction; schema_version says how many ran. Append only.
MIGRATIONS = (
    """
    CREATE TABLE users (
        user_key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        flow_updated DOUBLE PRECISION,
        last_seen DOUBLE PRECISION NOT NULL
    );
    CREATE TABLE shared_questions (day TEXT NOT NULL, question TEXT NOT NULL);
    CREATE TABLE counters (
        day TEXT NOT NULL, key TEXT NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (day, key)
    );
    """,
    """
    CREATE TABLE handled_updates (update_id BIGINT PRIMARY KEY, handled_at DOUBLE PRECISION NOT NULL);
    CREATE INDEX users_last_seen ON users (last_seen);
    """,
)
COUNT_SQL = (
    "INSERT INTO counters (day, key, count) VALUES (%s, %s, 1) "
    "ON CONFLICT (day, key) DO UPDATE SET count = counters.count + 1"
)
Step = Callable[[UserState], tuple[UserState, Iterable[str]]]


class PgStore:
    def __init__(self, url: str, pool_size: int = 4) -> None:
        self.url = url
        self._pool: queue.LifoQueue[psycopg.Connection[Any]] = queue.LifoQueue()
        self._size = pool_size
        self._opened = 0
        self._opening = threading.Lock()
        self._all: list[psycopg.Connection[Any]] = []
        self.migrate()

    # ------------------------------------------------------------------ connections
    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            conn = self._pool.get_nowait()
        except queue.Empty:
            with self._opening:
                opening = self._opened < self._size
                self._opened += opening
            if opening:
                conn = psycopg.connect(self.url, autocommit=True)
                self._all.append(conn)
            else:
                conn = self._pool.get()
        try:
            if conn.closed:
                conn = psycopg.connect(self.url, autocommit=True)
                self._all.append(conn)
            yield conn
        finally:
            self._pool.put(conn)

    def close(self) -> None:
        for conn in self._all:
            conn.close()

    def migrate(self) -> int:
        """Brings the schema up to date; returns the version. Safe with several processes starting."""
        with self._connection() as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
            try:
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
                version = int(row[0]) if row and row[0] is not None else 0
                for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                    with conn.transaction():
                        conn.execute(sql)
                        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number,))
                return len(MIGRATIONS)
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    def problem(self) -> str | None:
        """For /healthz: None when a write transaction goes through."""
        try:
            with self._connection() as conn, conn.transaction():
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS healthz (x INTEGER)")
                conn.execute("SELECT 1 FROM schema_version FOR SHARE")
        except psycopg.Error as exc:
            return f"PostgreSQL no responde o no acepta escritura: {type(exc).__name__}"
        return None

    # ------------------------------------------------------------------ the StateStore protocol
    def load(self, user_key: str) -> UserState:
        with self._connection() as conn:
            row = conn.execute("SELECT state FROM users WHERE user_key = %s", (user_key,)).fetchone()
        return _state(row)

    def save(
        self,
        user_key: str,
        state: UserState | None,
        now: dt.datetime,
        counters: Iterable[str] = (),
        delivery: Delivery | None = None,
    ) -> list[int | None]:
        """State (None: forget the user), counters and the update marked handled, in one transaction.
        No outbox here yet: the replies are sent once, without retries after a crash (ids are None)."""
        with self._connection() as conn, conn.transaction():
            if state is None:
                conn.execute("DELETE FROM users WHERE user_key = %s", (user_key,))
                _count(conn, counters, now)
            else:
                _save(conn, user_key, state, now, counters)
            _claim(conn, delivery, now)
        return [None] * (len(delivery.messages) if delivery else 0)

    def count(
        self, counters: Iterable[str], now: dt.datetime, delivery: Delivery | None = None
    ) -> list[int | None]:
        with self._connection() as conn, conn.transaction():
            _count(conn, counters, now)
            _claim(conn, delivery, now)
        return [None] * (len(delivery.messages) if delivery else 0)

    def save_question(self, scrubbed: str, now: dt.datetime) -> None:
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO shared_questions (day, question) VALUES (%s, %s)",
                (now.date().isoformat(), scrubbed),
            )

    def shared_questions(self) -> list[tuple[str, str]]:
        with self._connection() as conn:
            rows = conn.execute("SELECT day, question FROM shared_questions ORDER BY day").fetchall()
        return [(str(day), str(question)) for day, question in rows]

    def forget(self, user_key: str) -> None:
        with self._connection() as conn:
            conn.execute("DELETE FROM users WHERE user_key = %s", (user_key,))

    def purge(
        self, now: dt.datetime, flow_hours: int = 72, retention_days: int = 90, question_days: int = 30
    ) -> tuple[int, int]:
        stamp = now.timestamp()
        oldest_question = (now - dt.timedelta(days=question_days)).date().isoformat()
        with self._connection() as conn, conn.transaction():
            gone = conn.execute("DELETE FROM users WHERE last_seen < %s", (stamp - retention_days * 86400,))
            conn.execute("DELETE FROM shared_questions WHERE day < %s", (oldest_question,))
            # Update ids only matter while Telegram could deliver them again (it keeps them 24 hours).
            conn.execute("DELETE FROM handled_updates WHERE handled_at < %s", (stamp - 7 * 86400,))
            stale = conn.execute(
                "SELECT user_key, state FROM users WHERE flow_updated IS NOT NULL AND flow_updated < %s "
                "FOR UPDATE",
                (stamp - flow_hours * 3600,),
            ).fetchall()
            for user_key, raw in stale:
                state = _state((raw,))
                state.flow = None
                conn.execute(
                    "UPDATE users SET state = %s, flow_updated = NULL WHERE user_key = %s",
                    (json.dumps(state.to_dict(), ensure_ascii=False), user_key),
                )
        return gone.rowcount, len(stale)

    def counter_rows(self) -> list[tuple[str, str, int]]:
        with self._connection() as conn:
            rows = conn.execute("SELECT day, key, count FROM counters ORDER BY day, key").fetchall()
        return [(str(day), str(key), int(count)) for day, key, count in rows]

    # ------------------------------------------------------------------ updates (no inbox or outbox yet)
    def accept(self, updates: Iterable[tuple[int, str | None, str]], now: dt.datetime) -> set[int]:
        """Fetched updates already handled (by this or another process); nothing else is recorded."""
        ids = [update_id for update_id, _key, _payload in updates]
        with self._connection() as conn:
            rows = conn.execute(
                "SELECT update_id FROM handled_updates WHERE update_id = ANY(%s)", (ids,)
            ).fetchall()
        return {int(row[0]) for row in rows}

    def handled(self, update_id: int) -> bool:
        with self._connection() as conn:
            row = conn.execute("SELECT 1 FROM handled_updates WHERE update_id = %s", (update_id,)).fetchone()
        return row is not None

    def mark_handled(self, update_id: int) -> None:
        with self._connection() as conn:
            _claim(conn, Delivery(update_id, 0), dt.datetime.now(dt.UTC))

    def unhandled(self) -> list[str]:
        return []

    def due(self, now: dt.datetime, limit: int = 50) -> list[tuple[int, int, str, int, bool]]:
        return []

    def sent(self, outbox_id: int) -> None:
        return None

    def retry_later(self, outbox_id: int, at: dt.datetime, uncertain: bool) -> None:
        return None

    def waiting_before(self, chat_id: int, outbox_id: int) -> bool:
        return False

    def reschedule_outbox(self, now: dt.datetime, ids: Iterable[int] | None = None) -> None:
        return None

    def checkpoint(self) -> None:
        return None

    # ------------------------------------------------------------------ several processes
    def handle(self, update_id: int, user_key: str, step: Step, now: dt.datetime) -> bool:
        """Runs `step` on the user's state and saves what it returns, exactly once per update_id and
        never at the same time as another update of the same user, in any process. False when the
        update was already handled (nothing is run)."""
        with self._connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (user_key,))
            claimed = conn.execute(
                "INSERT INTO handled_updates (update_id, handled_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (update_id, now.timestamp()),
            )
            if claimed.rowcount == 0:
                return False
            row = conn.execute("SELECT state FROM users WHERE user_key = %s", (user_key,)).fetchone()
            state, counters = step(_state(row))
            _save(conn, user_key, state, now, counters)
        return True


def _state(row: tuple[Any, ...] | None) -> UserState:
    if row is None:
        return UserState()
    try:
        return UserState.from_dict(json.loads(row[0]))
    except ValueError:
        return UserState()


def _save(
    conn: psycopg.Connection[Any], user_key: str, state: UserState, now: dt.datetime, counters: Iterable[str]
) -> None:
    stamp = now.timestamp()
    conn.execute(
        "INSERT INTO users (user_key, state, flow_updated, last_seen) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, "
        "flow_updated = excluded.flow_updated, last_seen = excluded.last_seen",
        (
            user_key,
            json.dumps(state.to_dict(), ensure_ascii=False),
            stamp if state.flow is not None else None,
            stamp,
        ),
    )
    _count(conn, counters, now)


def _count(conn: psycopg.Connection[Any], counters: Iterable[str], now: dt.datetime) -> None:
    day = now.date().isoformat()
    for key in counters:
        conn.execute(COUNT_SQL, (day, key))


def _claim(conn: psycopg.Connection[Any], delivery: Delivery | None, now: dt.datetime) -> None:
    if delivery is not None and delivery.update_id is not None:
        conn.execute(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (delivery.update_id, now.timestamp()),
        )

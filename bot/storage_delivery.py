"""The inbox and the outbox of the SQLite store: each update recorded from its arrival until it is handled,
each reply kept from the moment it is decided until Telegram accepted it (bot/adapters/telegram_delivery.py).

The tables are created with the rest of the schema in bot/storage.py; Store inherits these methods.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ParamSpec

log = logging.getLogger(__name__)
INLINE_GRACE = 60.0  # seconds the handler has to send a reply before the retry loop may take it
P = ParamSpec("P")


def best_effort(method: Callable[P, None]) -> Callable[P, None]:
    """For bookkeeping writes the answer does not depend on: a full disk or read-only file is logged,
    not raised, so the user still gets her answer."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            method(*args, **kwargs)
        except sqlite3.OperationalError as exc:
            log.warning("state store write skipped (%s)", type(exc).__name__)

    return wrapper


@dataclass(frozen=True)
class Delivery:
    """Where an update's replies go: the update handled (None when not from Telegram), the chat, and the
    rendered replies (see bot.core.replies.to_json)."""

    update_id: int | None
    chat_id: int
    messages: tuple[str, ...] = ()


class DeliveryLog:
    _db: sqlite3.Connection
    _lock: threading.Lock

    def _deliver(self, user_key: str | None, delivery: Delivery | None, stamp: float) -> list[int]:
        if delivery is None:
            return []
        if delivery.update_id is not None:
            self._db.execute(
                "INSERT INTO inbox (update_id, user_key, payload, done, received) VALUES (?, ?, NULL, 1, ?) "
                "ON CONFLICT(update_id) DO UPDATE SET payload = NULL, done = 1, user_key = excluded.user_key",
                (delivery.update_id, user_key, stamp),
            )
        return [
            int(
                self._db.execute(
                    "INSERT INTO outbox (user_key, chat_id, message, created, next_try) "
                    "VALUES (?, ?, ?, ?, ?)",
                    # The handler sends it at once; the retry loop only takes it if that has not worked.
                    (user_key, delivery.chat_id, message, stamp, stamp + INLINE_GRACE),
                ).lastrowid
                or 0
            )
            for message in delivery.messages
        ]

    # ------------------------------------------------------------------ inbox
    def accept(self, updates: Iterable[tuple[int, str | None, str]], now: dt.datetime) -> set[int]:
        """Record fetched updates (id, user key, payload) before their offset is confirmed to Telegram.

        Returns the ids already recorded: handled ones (a redelivery) or ones waiting from before a
        restart, which are handled from here; either way the fetched copy must not be handled again."""
        known: set[int] = set()
        with self._lock:
            self._db.execute("BEGIN")
            try:
                for update_id, user_key, payload in updates:
                    inserted = self._db.execute(
                        "INSERT OR IGNORE INTO inbox (update_id, user_key, payload, received) "
                        "VALUES (?, ?, ?, ?)",
                        (update_id, user_key, payload, now.timestamp()),
                    ).rowcount
                    if not inserted:
                        known.add(update_id)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return known

    def handled(self, update_id: int) -> bool:
        with self._lock:
            row = self._db.execute("SELECT done FROM inbox WHERE update_id = ?", (update_id,)).fetchone()
        return bool(row and row[0])

    def unhandled(self) -> list[str]:
        """Payloads of updates recorded but not handled (the process stopped or crashed), oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT payload FROM inbox WHERE done = 0 AND payload IS NOT NULL ORDER BY update_id"
            ).fetchall()
        return [row[0] for row in rows]

    # ------------------------------------------------------------------ outbox
    def due(self, now: dt.datetime, limit: int = 50) -> list[tuple[int, int, str, int, bool]]:
        """Replies waiting to be (re)sent: (id, chat id, message, attempts, uncertain)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, chat_id, message, attempts, uncertain FROM outbox WHERE next_try <= ? "
                "ORDER BY id LIMIT ?",
                (now.timestamp(), limit),
            ).fetchall()
        return [(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

    @best_effort
    def sent(self, outbox_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))

    def waiting_before(self, chat_id: int, outbox_id: int) -> bool:
        """Whether an older reply to this chat is still waiting: newer ones must not overtake it."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM outbox WHERE chat_id = ? AND id < ? LIMIT 1", (chat_id, outbox_id)
            ).fetchone()
        return row is not None

    @best_effort
    def reschedule_outbox(self, now: dt.datetime, ids: Iterable[int] | None = None) -> None:
        """Make waiting replies due now: all at start-up (no handler is sending anything), or `ids`."""
        with self._lock:
            if ids is None:
                self._db.execute("UPDATE outbox SET next_try = ? WHERE next_try > ?", (now.timestamp(),) * 2)
            else:
                self._db.executemany(
                    "UPDATE outbox SET next_try = ? WHERE id = ?", [(now.timestamp(), i) for i in ids]
                )

    @best_effort
    def mark_handled(self, update_id: int) -> None:
        """An update that needed no reply (ignored, or a membership change)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO inbox (update_id, payload, done, received) VALUES (?, NULL, 1, ?) "
                "ON CONFLICT(update_id) DO UPDATE SET payload = NULL, done = 1",
                (update_id, dt.datetime.now(dt.UTC).timestamp()),
            )

    @best_effort
    def checkpoint(self) -> None:
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @best_effort
    def retry_later(self, outbox_id: int, at: dt.datetime, uncertain: bool) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_try = ?, uncertain = MAX(uncertain, ?) "
                "WHERE id = ?",
                (at.timestamp(), int(uncertain), outbox_id),
            )

"""What the bot needs from a state store, whichever database holds it: SQLite (bot.storage.Store, one
process) or PostgreSQL (bot.store_pg.PgStore, several processes on one database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from bot.config import Config
from bot.core.state import UserState
from bot.storage_delivery import Delivery


class StateStore(Protocol):
    def load(self, user_key: str) -> UserState: ...

    def save(
        self,
        user_key: str,
        state: UserState | None,
        now: dt.datetime,
        counters: Iterable[str] = (),
        delivery: Delivery | None = None,
    ) -> Sequence[int | None]: ...

    def count(
        self, counters: Iterable[str], now: dt.datetime, delivery: Delivery | None = None
    ) -> Sequence[int | None]: ...

    def save_question(self, scrubbed: str, now: dt.datetime) -> None: ...

    def shared_questions(self) -> list[tuple[str, str]]: ...

    def forget(self, user_key: str) -> None: ...

    def purge(
        self, now: dt.datetime, flow_hours: int = 72, retention_days: int = 90, question_days: int = 30
    ) -> tuple[int, int]: ...

    def counter_rows(self) -> list[tuple[str, str, int]]: ...

    def close(self) -> None: ...

    # Updates and replies between arrival and delivery (see bot.storage): each update handled once, each
    # reply kept until sent.
    def accept(self, updates: Iterable[tuple[int, str | None, str]], now: dt.datetime) -> set[int]: ...

    def handled(self, update_id: int) -> bool: ...

    def mark_handled(self, update_id: int) -> None: ...

    def unhandled(self) -> list[str]: ...

    def due(self, now: dt.datetime, limit: int = 50) -> list[tuple[int, int, str, int, bool]]: ...

    def sent(self, outbox_id: int) -> None: ...

    def retry_later(self, outbox_id: int, at: dt.datetime, uncertain: bool) -> None: ...

    def waiting_before(self, chat_id: int, outbox_id: int) -> bool: ...

    def reschedule_outbox(self, now: dt.datetime, ids: Iterable[int] | None = None) -> None: ...

    def checkpoint(self) -> None: ...


def open_store(config: Config) -> StateStore:
    """PostgreSQL when DATABASE_URL is set, otherwise SQLite in BOT_DATA_DIR."""
    if config.database_url:
        try:
            from bot.store_pg import PgStore
        except ImportError:
            raise SystemExit(
                "DATABASE_URL: falta psycopg; instálalo con: pip install 'cerrando-brechas[postgres]'"
            ) from None
        return PgStore(config.database_url)
    from bot.storage import Store

    return Store(config.data_dir)


if TYPE_CHECKING:  # mypy proves both implementations keep to the protocol
    from bot.storage import Store
    from bot.store_pg import PgStore

    def _sqlite(store: Store) -> StateStore:
        return store

    def _postgres(store: PgStore) -> StateStore:
        return store

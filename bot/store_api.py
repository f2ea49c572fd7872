"""What the bot needs from a state store, whichever database holds it: SQLite (bot.storage.Store, one
process) or PostgreSQL (bot.store_pg.PgStore, several processes on one database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from bot.config import Config
from bot.core.state import UserState


class StateStore(Protocol):
    def load(self, user_key: str) -> UserState: ...

    def save(
        self, user_key: str, state: UserState, now: dt.datetime, counters: Iterable[str] = ()
    ) -> None: ...

    def count(self, counters: Iterable[str], now: dt.datetime) -> None: ...

    def save_question(self, scrubbed: str, now: dt.datetime) -> None: ...

    def shared_questions(self) -> list[tuple[str, str]]: ...

    def forget(self, user_key: str) -> None: ...

    def purge(
        self, now: dt.datetime, flow_hours: int = 72, retention_days: int = 90, question_days: int = 30
    ) -> tuple[int, int]: ...

    def counter_rows(self) -> list[tuple[str, str, int]]: ...

    def close(self) -> None: ...


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

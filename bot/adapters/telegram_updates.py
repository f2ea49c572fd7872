"""Updates that python-telegram-bot cannot parse are skipped, never fatal, and never logged with content.

PTB parses a whole getUpdates batch at once: one update it cannot read (a Bot API server of another
version, a field missing) fails the batch, the offset is never confirmed, the same batch is fetched again
forever and every retry logs the raw JSON of up to 100 users' messages. Here each update is checked on its
own; one that does not parse is replaced by a bare `{"update_id": N}`, so the offset moves past it and the
handler sees an empty update, which it ignores.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

log = logging.getLogger(__name__)


def without_unparseable(items: list[Any], bot: Any) -> list[Any]:
    """The batch with each update that does not parse replaced by its bare id (or dropped, if it has none).

    Logged by id and update type only: no text, no names, no user or chat ids.
    """
    kept: list[Any] = []
    for item in items:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if not isinstance(update_id, int):
            log.warning("skipped an update without a usable update_id")
            continue
        try:
            Update.de_json(item, bot)
        except Exception as exc:  # any parse failure: the library raises KeyError, TypeError, ValueError...
            kinds = ",".join(sorted(k for k in item if k != "update_id")) or "none"
            log.warning("skipped update %d of type %s: %s", update_id, kinds[:80], type(exc).__name__)
            kept.append({"update_id": update_id})
            continue
        kept.append(item)
    return kept


Intake = Callable[[list[Any]], list[Any]]


class TolerantBot(ExtBot[Any]):
    """Checks each fetched update on its own, then hands the batch to `intake` (which records it durably)
    before python-telegram-bot confirms its offset to Telegram with the next getUpdates."""

    def __init__(self, *args: Any, intake: Intake | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self.intake = intake

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = without_unparseable(result, self)
            if self.intake is not None and result:
                result = await asyncio.to_thread(self.intake, result)
        return result


def user_id_of(item: dict[str, Any]) -> int | None:
    """The sender of a raw update, for its pseudonymous key in the inbox (never stored as is)."""
    for field_name in ("message", "edited_message", "callback_query", "my_chat_member"):
        part = item.get(field_name)
        sender = part.get("from") if isinstance(part, dict) else None
        if isinstance(sender, dict) and isinstance(sender.get("id"), int):
            return int(sender["id"])
    return None


DUPLICATE = "cb_duplicate"  # marks a fetched update already recorded: the handler ignores it

"""Sending replies to Telegram so that each one arrives once, in order, within Telegram's limits.

Every reply is first written to the store's outbox, in the same transaction as the user's new state (see
BotService.handle), then sent here and deleted from the outbox once Telegram accepted it. A reply that
could not be sent stays in the outbox and is retried with backoff (or after Telegram's `retry_after`)
until delivered or a day old, also after a restart.

Timeouts: a send that timed out may have reached Telegram. It is not repeated at once; it is retried
once the retry loop picks it up, with long timeouts (LONG_TIMEOUT), so a slow API gives at most one
duplicate instead of one per attempt.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.app import BotService
from bot.core.replies import Reply, from_json
from bot.ops import metrics

log = logging.getLogger(__name__)
T = TypeVar("T")

INLINE_ATTEMPTS = 3  # connection errors retried at once, before the reply waits in the outbox
LONG_TIMEOUT = 30.0
MAX_BACKOFF = 20.0  # so a reply arrives within a minute once the faults end
PRIVATE_SPACING = 1.0  # Telegram: about one message per second in a private chat
GROUP_SPACING = 3.0  # and 20 a minute in a group
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a link card makes a short answer long


class Pacer:
    """Spaces the messages of each chat as Telegram asks (a token bucket per chat): a reply of two
    messages goes out at once, a longer run at one a second (one every 3 s in a group). Different chats
    are not slowed down; the overall rate is the rate limiter's."""

    BURST = 2.0

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._chats: dict[int, tuple[float, float]] = {}  # chat id -> (tokens, when counted)
        self._clock, self._sleep = clock, sleep

    async def wait(self, chat_id: int) -> None:
        spacing = GROUP_SPACING if chat_id < 0 else PRIVATE_SPACING
        now = self._clock()
        tokens, then = self._chats.get(chat_id, (self.BURST, now))
        tokens = min(self.BURST, tokens + (now - then) / spacing) - 1.0
        self._chats[chat_id] = (tokens, now)
        if len(self._chats) > 10_000:  # forget chats whose bucket is full again
            self._chats = {c: v for c, v in self._chats.items() if now - v[1] < spacing * self.BURST}
        if tokens < 0:
            await self._sleep(-tokens * spacing)


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, url=b.url)
                if b.url
                else InlineKeyboardButton(b.label, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


def backoff(attempts: int) -> float:
    return float(min(MAX_BACKOFF, 2.0**attempts) * random.uniform(0.75, 1.25))


async def connection_retries(call: Callable[[], Awaitable[T]]) -> T:
    """Retry a send whose connection failed before it could reach Telegram; a timeout is not retried here."""
    for attempt in range(INLINE_ATTEMPTS):
        try:
            return await call()
        except (TimedOut, BadRequest):
            raise
        except NetworkError:
            if attempt == INLINE_ATTEMPTS - 1:
                raise
            metrics.send_retried()
            await asyncio.sleep(0.25 * 2**attempt * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")


class Sender:
    def __init__(
        self,
        service: BotService,
        on_sent: Callable[[int, int], None],
        on_blocked: Callable[[int], Awaitable[None]],
    ) -> None:
        self.service = service
        self.pacer = Pacer()
        self._on_sent = on_sent  # (chat id, message id): remembered for /salir
        self._on_blocked = on_blocked  # chat id of a private chat whose user blocked the bot
        self._retrying = asyncio.Lock()

    async def send(self, bot: Bot, chat_id: int, reply: Reply, long_timeouts: bool = False) -> Message:
        await self.pacer.wait(chat_id)
        timeouts: dict[str, Any] = (
            {"read_timeout": LONG_TIMEOUT, "write_timeout": LONG_TIMEOUT} if long_timeouts else {}
        )
        speaker = self.service.speaker
        if reply.audio is not None and speaker is not None:
            audio = await asyncio.to_thread(speaker.speak, reply.audio.text, reply.audio.lang)
            if audio is not None:
                call = partial(
                    bot.send_voice, chat_id, audio, caption=reply.text[:1024], reply_markup=markup(reply)
                )
                return await connection_retries(partial(call, **timeouts))
        call = partial(
            bot.send_message, chat_id, reply.text, reply_markup=markup(reply), link_preview_options=NO_PREVIEW
        )
        return await connection_retries(partial(call, **timeouts))

    async def deliver(self, bot: Bot, chat_id: int, replies: list[tuple[int | None, Reply]]) -> None:
        """Send an update's replies in order; what fails waits in the outbox, after the failed one.

        An outbox id of None: the store could not be written, so the reply is sent once, as before the
        outbox existed."""
        store = self.service.store
        if not replies:
            return
        first = replies[0][0]
        if first is not None and await asyncio.to_thread(store.waiting_before, chat_id, first):
            # An older reply to this chat waits for a retry (or from before a restart): these go after it.
            store.reschedule_outbox(dt.datetime.now(dt.UTC), [i for i, _reply in replies if i is not None])
            return
        for position, (outbox_id, reply) in enumerate(replies):
            outcome = await self._attempt(bot, chat_id, outbox_id, reply, long_timeouts=False, attempts=0)
            if outcome == "blocked":
                return
            if outcome == "later":
                # Keep the order: the replies after the failed one wait for it.
                later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=backoff(1))
                for waiting_id, _reply in replies[position + 1 :]:
                    if waiting_id is not None:
                        store.retry_later(waiting_id, later, uncertain=False)
                return

    async def _attempt(
        self, bot: Bot, chat_id: int, outbox_id: int | None, reply: Reply, long_timeouts: bool, attempts: int
    ) -> str:
        store: Any = self.service.store if outbox_id is not None else _NoOutbox()
        try:
            sent = await self.send(bot, chat_id, reply, long_timeouts)
        except Forbidden:
            metrics.send_failed("forbidden")
            store.sent(outbox_id)
            if chat_id > 0:
                await self._on_blocked(chat_id)
            return "blocked"
        except BadRequest as exc:
            metrics.send_failed("bad_request")
            # Telegram will refuse it again: drop it rather than retry forever.
            log.warning("reply refused by Telegram (%s); dropped", type(exc).__name__)
            store.sent(outbox_id)
            return "dropped"
        except RetryAfter as exc:
            metrics.send_failed("flood_limit")
            wait = exc.retry_after if isinstance(exc.retry_after, int | float) else exc.retry_after.seconds
            store.retry_later(outbox_id, _in(float(wait)), uncertain=False)
            return "later"
        except TimedOut:
            metrics.send_failed("timeout")
            store.retry_later(outbox_id, _in(backoff(attempts)), uncertain=True)
            return "later"
        except TelegramError as exc:
            metrics.send_failed("network")
            log.warning("send failed (%s); kept for retry", type(exc).__name__)
            store.retry_later(outbox_id, _in(backoff(attempts)), uncertain=False)
            return "later"
        store.sent(outbox_id)
        metrics.reply_sent()
        self._on_sent(chat_id, sent.message_id)
        return "sent"

    async def retry_due(self, bot: Bot) -> int:
        """Send what waits in the outbox and is due, oldest first; returns how many were delivered."""
        if self._retrying.locked():
            return 0
        async with self._retrying:
            rows = await asyncio.to_thread(self.service.store.due, dt.datetime.now(dt.UTC))
            delivered = 0
            stuck: set[int] = set()
            for outbox_id, chat_id, message, attempts, uncertain in rows:
                if chat_id in stuck:
                    continue  # an earlier reply of this chat failed: keep the order
                outcome = await self._attempt(
                    bot,
                    chat_id,
                    outbox_id,
                    from_json(message),
                    long_timeouts=uncertain,
                    attempts=attempts + 1,
                )
                if outcome == "sent":
                    delivered += 1
                elif outcome == "later":
                    stuck.add(chat_id)
            return delivered


class _NoOutbox:
    """Stands for the outbox when the store could not be written: nothing to delete or reschedule."""

    def sent(self, outbox_id: int | None) -> None:
        return None

    def retry_later(self, outbox_id: int | None, at: dt.datetime, uncertain: bool) -> None:
        log.warning("a reply could not be sent and could not be kept for a retry (store not writable)")


def _in(seconds: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)

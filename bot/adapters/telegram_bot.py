"""The Telegram adapter: updates become core events, core replies become messages. Nothing else.

All decisions about what to say live in bot.core; this module only translates and sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import secrets
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

from telegram import (
    BotCommand,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    ContextTypes,
    TypeHandler,
)

from bot.adapters import telegram_webhook
from bot.adapters.aiohttp_request import AiohttpRequest
from bot.adapters.telegram_delivery import Sender, connection_retries
from bot.adapters.telegram_updates import DUPLICATE, TolerantBot, user_id_of
from bot.app import BotService
from bot.config import Config
from bot.core.events import ChatKind, Event, EventKind, Media
from bot.core.router import command_menu
from bot.ops import http as ops_http
from bot.ops import metrics
from bot.ops.polling import ObservedPollingRequest

log = logging.getLogger(__name__)

DELETABLE_SECONDS = 47 * 3600  # Telegram lets bots delete messages younger than 48 hours
RECENT_PER_CHAT = 200
MEDIA_FIELDS = (
    ("sticker", Media.STICKER),
    ("photo", Media.PHOTO),
    ("voice", Media.VOICE),
    ("audio", Media.AUDIO),
    ("video_note", Media.VIDEO_NOTE),
    ("video", Media.VIDEO),
    ("animation", Media.ANIMATION),
    ("document", Media.DOCUMENT),
    ("location", Media.LOCATION),
    ("venue", Media.LOCATION),
    ("contact", Media.CONTACT),
    ("poll", Media.POLL),
)


# Enough in flight to hide Telegram's round trip at hundreds of replies per second; more only makes the
# HTTP connection pool slower to scan.
MAX_CONCURRENT_UPDATES = 128
SEND_TIMEOUT = 10.0
T = TypeVar("T")


class PerUserOrder(BaseUpdateProcessor):
    """Different users are served concurrently; one user's updates are handled strictly in order.

    PTB handles one update at a time by default, which caps throughput at about one reply per round trip.
    Tasks start in arrival order and asyncio locks are fair, so each user's queue keeps its order.
    """

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _order_key(update)
        if key is None:
            await coroutine
            return
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def _order_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None


class RecentMessages:
    """Ids of recent messages per chat, in memory only, so /salir and /borrar can delete them."""

    def __init__(self) -> None:
        self._chats: dict[int, deque[tuple[int, float]]] = {}

    def add(self, chat_id: int, message_id: int) -> None:
        self._chats.setdefault(chat_id, deque(maxlen=RECENT_PER_CHAT)).append((message_id, time.monotonic()))

    def take(self, chat_id: int) -> list[int]:
        now = time.monotonic()
        recent = self._chats.pop(chat_id, deque())
        return [mid for mid, at in recent if now - at < DELETABLE_SECONDS]


class TelegramAdapter:
    def __init__(self, service: BotService) -> None:
        self.service = service
        self.recent = RecentMessages()
        self.background: set[asyncio.Task[None]] = set()
        self.sender = Sender(service, self.recent.add, self._forget)
        self.stopping = False  # set on SIGTERM/SIGINT: hand back what is not handled yet

    # ---------------------------------------------------------------- update -> event
    def to_event(self, update: Update, username: str | None) -> tuple[int, int, Event] | None:
        """(user id, chat id, event), or None for updates the bot deliberately ignores."""
        if update.callback_query is not None:
            query = update.callback_query
            message = query.message
            chat_id = message.chat.id if message is not None else query.from_user.id
            group = message is not None and message.chat.type != ChatType.PRIVATE
            event = Event(
                EventKind.BUTTON,
                data=query.data or "",
                chat=ChatKind.GROUP if group else ChatKind.PRIVATE,
                language_hint=query.from_user.language_code,
            )
            return query.from_user.id, chat_id, event
        # An edited message is answered as a new one: she corrected her question and waits for the answer.
        message = update.message or update.edited_message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return None
        group = message.chat.type != ChatType.PRIVATE
        chat = ChatKind.GROUP if group else ChatKind.PRIVATE
        hint = message.from_user.language_code
        user_id, chat_id = message.from_user.id, message.chat.id
        # A photo or a document with a caption: the caption is her question (a photo of a payslip with
        # "¿esto está bien?"); the picture itself is not read.
        text = message.text or message.caption or ""
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            name, _, target = head.partition("@")
            if target and username and target.lower() != username.lower():
                return None  # a command for another bot in a group
            event = Event(EventKind.COMMAND, command=name.lower(), text=args, chat=chat, language_hint=hint)
            return user_id, chat_id, event
        if text:
            addressed = not group or _mentions(message, username)
            return (
                user_id,
                chat_id,
                Event(EventKind.TEXT, text=text, chat=chat, addressed=addressed, language_hint=hint),
            )
        for field_name, media in MEDIA_FIELDS:
            if getattr(message, field_name, None):
                addressed = not group or _mentions(message, username)
                return user_id, chat_id, Event(EventKind.MEDIA, media=media, chat=chat, addressed=addressed)
        if group:
            return None  # service messages in groups (joins, titles...) need no answer
        return user_id, chat_id, Event(EventKind.MEDIA, media=Media.OTHER, chat=chat, language_hint=hint)

    # ---------------------------------------------------------------- handlers
    @metrics.timed_update
    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self.stopping or update.api_kwargs.get(DUPLICATE):
            # Stopping: left unhandled in the inbox and handled after the restart. A duplicate: a copy of
            # an update recorded before (handled, or waiting from before a restart).
            return
        store = self.service.store
        if await asyncio.to_thread(store.handled, update.update_id):
            return  # a webhook redelivery
        if update.my_chat_member is not None:
            await self._on_membership(update)
            await asyncio.to_thread(store.mark_handled, update.update_id)
            return
        if update.callback_query is not None:
            # Every press is answered, even forged or stale ones, so the button stops spinning.
            try:
                await update.callback_query.answer()
            except TelegramError as exc:
                log.warning("answerCallbackQuery failed: %s", type(exc).__name__)
        converted = self.to_event(update, context.bot.username if context.bot else None)
        if converted is None:
            await asyncio.to_thread(store.mark_handled, update.update_id)
            return
        user_id, chat_id, event = converted
        incoming = update.message or update.edited_message
        if incoming is not None and event.chat is ChatKind.PRIVATE:
            self.recent.add(chat_id, incoming.message_id)
        # A millisecond or two of CPU: run inline. A thread hop cost more than it saved, because the GIL
        # and the store's lock made the threads wait on each other.
        outcome, queued = self.service.handle(user_id, event, update.update_id, chat_id)
        metrics.outcome(outcome.counters)
        if outcome.wipe_chat:
            await self._wipe(context, chat_id)
        await self.sender.deliver(context.bot, chat_id, list(zip(queued, outcome.replies, strict=True)))

    async def _on_membership(self, update: Update) -> None:
        member = update.my_chat_member
        if member is None or member.chat.type != ChatType.PRIVATE:
            return
        if member.new_chat_member.status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
            # The user blocked the bot: nothing of theirs should outlive that.
            await self._forget(member.from_user.id)

    async def _forget(self, user_id: int) -> None:
        key = self.service.pseudonyms.user_key(user_id)
        await asyncio.to_thread(self.service.forget, key)

    def intake(self, items: list[Any]) -> list[Any]:
        """Record a fetched batch before its offset is confirmed; copies of recorded updates are marked."""
        records = []
        for item in items:
            user = user_id_of(item)
            key = self.service.pseudonyms.user_key(user) if user is not None else None
            records.append((item["update_id"], key, json.dumps(item, ensure_ascii=False)))
        try:
            known = self.service.store.accept(records, dt.datetime.now(dt.UTC))
        except sqlite3.Error as exc:
            # Not recorded (full disk, read-only file): handled anyway, only without the crash guarantee.
            log.error("could not record fetched updates (%s)", type(exc).__name__)
            return items
        return [
            {"update_id": i["update_id"], DUPLICATE: True} if i["update_id"] in known else i for i in items
        ]

    async def _wipe(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
        ids = self.recent.take(chat_id)
        for start in range(0, len(ids), 100):
            try:
                await context.bot.delete_messages(chat_id, ids[start : start + 100])
            except (BadRequest, Forbidden) as exc:
                log.info("could not delete some messages: %s", type(exc).__name__)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        code = secrets.token_hex(4)
        error = context.error
        # The error code and type only: exception messages can contain user text.
        log.error("error %s: %s", code, type(error).__name__ if error else "unknown")
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(
                    update.effective_chat.id,
                    f"Perdón, algo salió mal de mi lado (código {code}). Intenta de nuevo en un momento.",
                )


def _mentions(message: Message, username: str | None) -> bool:
    if username is None:
        return False
    text = (message.text or message.caption or "").lower()
    if f"@{username.lower()}" in text:
        return True
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.username == username)


def build_application(
    config: Config, service: BotService, on_stop: Callable[[], None] | None = None
) -> Application[Any, Any, Any, Any, Any, Any]:
    """`on_stop` is called on SIGTERM/SIGINT to end the run loop (polling: PTB's own stop_running)."""
    if not config.telegram_token:
        raise ValueError("TELEGRAM_TOKEN is required")
    adapter = TelegramAdapter(service)
    bot = TolerantBot(
        config.telegram_token,
        intake=adapter.intake,
        base_url=config.api_base_url or "https://api.telegram.org/bot",
        base_file_url=config.api_file_url or "https://api.telegram.org/file/bot",
        # Telegram answers a send in well under a second; a longer wait only happens when it is slow, and
        # a timeout then means a possible duplicate (see telegram_delivery), so the wait is generous.
        request=AiohttpRequest(
            connection_pool_size=MAX_CONCURRENT_UPDATES + 8,
            read_timeout=SEND_TIMEOUT,
            write_timeout=SEND_TIMEOUT,
        ),
        get_updates_request=ObservedPollingRequest(connection_pool_size=1, read_timeout=30.0),
        # One send every 1/rate seconds rather than bursts of `rate` at once; RetryAfter is waited out.
        rate_limiter=AIORateLimiter(
            overall_max_rate=1, overall_time_period=1 / config.rate_limit, max_retries=3
        ),
    )
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = ApplicationBuilder().bot(bot)

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        # initialize() already asked getMe; the command menu is set while polling starts, not before.
        service.conversation.bot_username = config.bot_username or application.bot.username

        async def set_commands() -> None:
            try:
                await connection_retries(
                    partial(application.bot.set_my_commands, [BotCommand(c, d) for c, d in command_menu()])
                )
            except TelegramError as exc:
                log.warning("could not set the command menu: %s", type(exc).__name__)

        def stop(signum: int) -> None:
            # Updates not handled yet stay in the inbox and are handled after the restart, so stopping
            # takes seconds (what is in flight), not the time to drain a backlog.
            log.info("stopping on signal %d", signum)
            adapter.stopping = True
            (on_stop or application.stop_running)()

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(signum, stop, signum)
        # What a previous run recorded but did not handle or deliver: handled and sent now.
        await asyncio.to_thread(service.store.reschedule_outbox, dt.datetime.now(dt.UTC))
        for payload in await asyncio.to_thread(service.store.unhandled):
            await application.update_queue.put(Update.de_json(json.loads(payload), application.bot))
        # Kept on the adapter so the tasks are not garbage-collected before they run.
        adapter.background.add(asyncio.create_task(set_commands()))
        adapter.background.add(asyncio.create_task(asyncio.to_thread(service.conversation.warm_up)))

    async def post_stop(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        # Start-up chores still running at shutdown (a quick restart) are cancelled, not left dangling.
        for task in adapter.background:
            task.cancel()
        await asyncio.gather(*adapter.background, return_exceptions=True)

    application = builder.post_init(post_init).post_stop(post_stop).concurrent_updates(PerUserOrder()).build()
    application.add_handler(TypeHandler(Update, adapter.on_update))
    application.add_error_handler(adapter.on_error)
    if application.job_queue is not None:

        async def purge(context: ContextTypes.DEFAULT_TYPE) -> None:
            gone, stale = await asyncio.to_thread(
                service.store.purge, dt.datetime.now(dt.UTC), 72, config.retention_days
            )
            if gone or stale:
                log.info("purge: %d users removed, %d unfinished checks dropped", gone, stale)

        # Every 10 minutes: the half-hour context of follow-ups must not linger much past its half hour.
        application.job_queue.run_repeating(purge, interval=600, first=30)

        async def retry(context: ContextTypes.DEFAULT_TYPE) -> None:
            await adapter.sender.retry_due(context.bot)

        async def checkpoint(context: ContextTypes.DEFAULT_TYPE) -> None:
            # Handled updates' text is gone from the tables; this also clears older copies from the WAL.
            await asyncio.to_thread(service.store.checkpoint)

        application.job_queue.run_repeating(retry, interval=2, first=1)
        application.job_queue.run_repeating(checkpoint, interval=60, first=60)
    ops_http.attach(application, config, service.store)
    return application


def run(config: Config, service: BotService) -> None:
    if config.webhook_url:
        stopped = asyncio.Event()
        application = build_application(config, service, on_stop=stopped.set)
        asyncio.run(telegram_webhook.serve(application, config, service.store, stopped))
    else:
        build_application(config, service).run_polling(allowed_updates=telegram_webhook.ALLOWED_UPDATES)

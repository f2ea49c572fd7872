"""The Telegram adapter: updates become core events, core replies become messages. Nothing else.

All decisions about what to say live in bot.core; this module only translates and sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    ContextTypes,
    TypeHandler,
)

from bot.adapters.aiohttp_request import AiohttpRequest
from bot.app import BotService
from bot.config import Config
from bot.core.events import ChatKind, Event, EventKind, Media
from bot.core.replies import Outcome, Reply
from bot.core.router import command_menu

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
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


SEND_ATTEMPTS = 4
# Enough in flight to hide Telegram's round trip at hundreds of replies per second; more only makes the
# HTTP connection pool slower to scan.
MAX_CONCURRENT_UPDATES = 128
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


async def with_retries(call: Callable[[], Awaitable[T]], attempts: int = SEND_ATTEMPTS) -> T:
    """Retry network failures and timeouts with exponential backoff and jitter; never a bad request.

    Flood limits (429) are handled by AIORateLimiter, which waits the retry_after Telegram asks for.
    """
    for attempt in range(attempts):
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(min(8.0, 0.25 * 2**attempt) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")


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
    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.my_chat_member is not None:
            await self._on_membership(update)
            return
        if update.callback_query is not None:
            # Every press is answered, even forged or stale ones, so the button stops spinning.
            try:
                await update.callback_query.answer()
            except TelegramError as exc:
                log.warning("answerCallbackQuery failed: %s", type(exc).__name__)
        converted = self.to_event(update, context.bot.username if context.bot else None)
        if converted is None:
            return
        user_id, chat_id, event = converted
        incoming = update.message or update.edited_message
        if incoming is not None and event.chat is ChatKind.PRIVATE:
            self.recent.add(chat_id, incoming.message_id)
        # A millisecond or two of CPU: run inline. A thread hop cost more than it saved, because the GIL
        # and the store's lock made the threads wait on each other.
        outcome = self.service.process(user_id, event)
        await self.send(context, chat_id, outcome, user_id)

    async def _on_membership(self, update: Update) -> None:
        member = update.my_chat_member
        if member is None or member.chat.type != ChatType.PRIVATE:
            return
        if member.new_chat_member.status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
            # The user blocked the bot: nothing of theirs should outlive that.
            await self._forget(member.from_user.id)

    async def send(
        self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, outcome: Outcome, user_id: int
    ) -> None:
        if outcome.wipe_chat:
            await self._wipe(context, chat_id)
        for reply in outcome.replies:
            audio = None
            if reply.audio is not None and self.service.speaker is not None:
                audio = await asyncio.to_thread(self.service.speaker.speak, reply.audio.text)
            try:
                if audio is not None:
                    send = partial(
                        context.bot.send_voice,
                        chat_id,
                        audio,
                        caption=reply.text[:1024],
                        reply_markup=_markup(reply),
                    )
                else:
                    send = partial(
                        context.bot.send_message,
                        chat_id,
                        reply.text,
                        reply_markup=_markup(reply),
                        # A preview of the source's site would bury the short answer under a big card.
                        link_preview_options=NO_PREVIEW,
                    )
                sent = await with_retries(send)
            except Forbidden:
                # The user blocked the bot (403): nothing of theirs should outlive that.
                await self._forget(user_id)
                return
            if not outcome.wipe_chat:
                self.recent.add(chat_id, sent.message_id)

    async def _forget(self, user_id: int) -> None:
        key = self.service.pseudonyms.user_key(user_id)
        await asyncio.to_thread(self.service.store.forget, key)

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


def _markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    rows = [
        [
            InlineKeyboardButton(b.label, url=b.url)
            if b.url
            else InlineKeyboardButton(b.label, callback_data=b.data)
            for b in row
        ]
        for row in reply.buttons
    ]
    return InlineKeyboardMarkup(rows)


def build_application(config: Config, service: BotService) -> Application[Any, Any, Any, Any, Any, Any]:
    if not config.telegram_token:
        raise ValueError("TELEGRAM_TOKEN is required")
    adapter = TelegramAdapter(service)
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(config.telegram_token)
        .rate_limiter(AIORateLimiter(overall_max_rate=config.rate_limit, max_retries=3))
    )
    if config.api_base_url and config.api_file_url:
        builder = builder.base_url(config.api_base_url).base_file_url(config.api_file_url)

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        # initialize() already asked getMe; the command menu is set while polling starts, not before.
        service.conversation.bot_username = config.bot_username or application.bot.username

        async def set_commands() -> None:
            try:
                await with_retries(
                    partial(
                        application.bot.set_my_commands,
                        [BotCommand(c, d) for c, d in command_menu()],
                    )
                )
            except TelegramError as exc:
                log.warning("could not set the command menu: %s", type(exc).__name__)

        # Kept on the adapter so the tasks are not garbage-collected before they run.
        adapter.background.add(asyncio.create_task(set_commands()))
        adapter.background.add(asyncio.create_task(asyncio.to_thread(service.conversation.warm_up)))

    builder = builder.request(
        AiohttpRequest(connection_pool_size=MAX_CONCURRENT_UPDATES + 8)
    ).get_updates_request(AiohttpRequest(connection_pool_size=1, read_timeout=30.0))

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
            import datetime as dt

            gone, stale = await asyncio.to_thread(
                service.store.purge, dt.datetime.now(dt.UTC), 72, config.retention_days
            )
            if gone or stale:
                log.info("purge: %d users removed, %d unfinished checks dropped", gone, stale)

        # Every 10 minutes: the half-hour context of follow-ups must not linger much past its half hour.
        application.job_queue.run_repeating(purge, interval=600, first=30)
    return application


ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def run(config: Config, service: BotService) -> None:
    application = build_application(config, service)
    if config.webhook_url:
        path = urlparse(config.webhook_url).path.lstrip("/")
        application.run_webhook(
            listen=config.webhook_listen,
            port=config.webhook_port,
            url_path=path,
            webhook_url=config.webhook_url,
            secret_token=config.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)

"""Assembles the parts (knowledge, matcher, languages, checks, storage) the adapters share."""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from bot.checks import FLOWS
from bot.config import Config
from bot.content_i18n import ContentTranslations
from bot.core.conversation import Conversation
from bot.core.events import ChatKind, Event
from bot.core.replies import Outcome, to_json
from bot.core.state import UserState
from bot.i18n import Translator
from bot.knowledge.loader import DEFAULT_DIR, load_knowledge_strict
from bot.knowledge.model import KnowledgeBase
from bot.matching.audience import AudienceCues
from bot.matching.language_guess import LanguageGuesser
from bot.matching.matcher import LazyMatcher, Matcher
from bot.matching.normalize import Normalizer
from bot.privacy import Pseudonymizer, load_secret
from bot.storage_delivery import Delivery
from bot.store_api import StateStore, open_store
from bot.voice import Speaker

log = logging.getLogger(__name__)
MATCHING_CODE = ("matcher.py", "normalize.py", "stopwords.py", "audience.py", "classifier.py", "sparse.py")


def build_matcher(kb: KnowledgeBase, cache_dir: Path | None = None) -> Matcher:
    """The Spanish matcher, built now; with `cache_dir`, reused from disk while its inputs are unchanged."""
    return spanish_matcher(kb, cache_dir).matcher


def spanish_matcher(kb: KnowledgeBase, cache_dir: Path | None = None) -> LazyMatcher:
    """The Spanish matcher, loaded from `cache_dir` when cached there, otherwise built on first use."""
    phrasings = [(e.id, p) for e in kb.entries.values() for p in (e.title, *e.phrasings)]
    normalizer = Normalizer.from_tables(kb.synonyms)
    audience = AudienceCues(kb.synonyms.get("audiencias", {}), normalizer)
    only_if = {e.id: e.only_if for e in kb.entries.values() if e.only_if}
    build = partial(
        Matcher, phrasings, normalizer, audience=audience, out_of_scope=kb.out_of_scope, only_if=only_if
    )
    inputs = (phrasings, sorted(kb.synonyms.items()), kb.out_of_scope, sorted(only_if.items()))
    return cached_matcher("es", inputs, build, normalizer, cache_dir)


def cached_matcher(
    name: str, inputs: object, build: Callable[[], Matcher], normalizer: Normalizer, cache_dir: Path | None
) -> LazyMatcher:
    """A matcher read from `cache_dir` while its `inputs` and the matching code are unchanged, otherwise
    built (and cached) on first use.

    Building one means training a classifier (scikit-learn); restarts load the cache instead and never
    import it. The cache holds only data derived from the knowledge base, never anything about users.
    """
    if cache_dir is None:
        return LazyMatcher(build)
    digest = hashlib.sha256(repr(inputs).encode())
    for module in MATCHING_CODE:
        digest.update((Path(__file__).parent / "matching" / module).read_bytes())
    path = cache_dir / f"matcher-{name}-{digest.hexdigest()[:20]}.pickle"
    lazy = LazyMatcher(partial(_build_and_cache, build, path))
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Matcher):
            cached.normalize = normalizer
            lazy._matcher = cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    return lazy


def _build_and_cache(build: Callable[[], Matcher], path: Path) -> Matcher:
    matcher = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = path.name.rsplit("-", 1)[0]  # "matcher-es": older versions of this matcher only
        for old in path.parent.glob(f"{prefix}-*.pickle"):
            old.unlink()
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(matcher, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # a read-only data folder only costs start-up time
    return matcher


def build_conversation(
    knowledge_dir: Path = DEFAULT_DIR,
    bot_username: str | None = None,
    voice_available: bool = False,
    cache_dir: Path | None = None,
) -> Conversation:
    kb = load_knowledge_strict(knowledge_dir)
    translator = Translator()
    content = ContentTranslations.load(kb)
    normalizer = Normalizer.from_tables(kb.synonyms)
    synonyms = sorted(kb.synonyms.items())
    language_matchers = {
        code: cached_matcher(
            code, (phrasings, synonyms), partial(Matcher, phrasings, normalizer), normalizer, cache_dir
        )
        for code in content.entries
        if (phrasings := content.phrasings(code))
    }
    return Conversation(
        kb=kb,
        matcher=spanish_matcher(kb, cache_dir),
        translator=translator,
        flows=FLOWS,
        bot_username=bot_username,
        voice_available=voice_available,
        content=content,
        language_matchers=language_matchers,
        guesser=LanguageGuesser(lambda: language_samples(kb, content)),
    )


def language_samples(kb: KnowledgeBase, content: ContentTranslations) -> dict[str, list[str]]:
    """Text known to be in each language: Spanish phrasings, and each language's translated answers and
    phrasings. A thousand Spanish phrasings give a stable profile; all of them only cost start-up time."""
    spanish = [p for e in kb.entries.values() for p in e.phrasings]
    samples: dict[str, list[str]] = {"es": spanish[:: max(1, len(spanish) // 1000)]}
    for code, entries in content.entries.items():
        texts = [t for e in entries.values() for t in (e.answer, *e.phrasings)]
        if texts:
            samples[code] = texts
    return samples


@dataclass
class BotService:
    """One user's event through the core, with their state loaded before and saved before replying."""

    conversation: Conversation
    store: StateStore
    pseudonyms: Pseudonymizer
    speaker: Speaker | None = None
    _last_storage_error: float = -1e9

    @classmethod
    def from_config(cls, config: Config) -> BotService:
        speaker = Speaker(config.data_dir / "audio")
        conversation = build_conversation(
            config.knowledge_dir or DEFAULT_DIR,
            config.bot_username,
            speaker.available,
            config.matcher_cache,
        )
        store = open_store(config)
        return cls(
            conversation, store, Pseudonymizer(load_secret(config.data_dir, config.bot_secret)), speaker
        )

    def process(self, user_id: int | str, event: Event) -> Outcome:
        return self.handle(user_id, event)[0]

    def handle(
        self, user_id: int | str, event: Event, update_id: int | None = None, chat_id: int | None = None
    ) -> tuple[Outcome, list[int | None]]:
        """The event through the core. With a `chat_id`, the replies are queued in the outbox in the same
        transaction as the new state (and the update marked handled), and their outbox ids returned.

        If the store cannot be written (a full disk, a read-only file), the answer still goes out: its
        outbox ids are None and nothing is saved."""
        key = self.pseudonyms.user_key(user_id)
        try:
            state = self.store.load(key)
        except sqlite3.Error as exc:
            self._storage_failed(exc)
            state = UserState()
        outcome, new_state = self.conversation.handle(replace(event, user=key), state)
        delivery = None
        if chat_id is not None:
            messages = tuple(to_json(reply) for reply in outcome.replies)
            delivery = Delivery(update_id, chat_id, messages)
        try:
            if outcome.shared_question:
                self.store.save_question(outcome.shared_question, event.at)
            if event.chat is ChatKind.GROUP:
                return outcome, list(self.store.count(outcome.counters, event.at, delivery))
            if outcome.forget_user:
                self.conversation.pending_shares.forget(key)
                return outcome, list(self.store.save(key, None, event.at, outcome.counters, delivery))
            return outcome, list(self.store.save(key, new_state, event.at, outcome.counters, delivery))
        except sqlite3.Error as exc:
            self._storage_failed(exc)
            return outcome, [None] * len(outcome.replies)

    def _storage_failed(self, exc: sqlite3.Error) -> None:
        now = time.monotonic()
        if now - self._last_storage_error > 60:  # one clear line a minute, not one per message
            self._last_storage_error = now
            log.error(
                "state store not writable (%s): answering without saving; check the disk and run "
                "python -m bot doctor",
                str(exc).split(":")[0][:60],
            )

    def forget(self, key: str) -> None:
        """Everything about one pseudonymous user: the stored state and a question waiting for consent."""
        self.conversation.pending_shares.forget(key)
        self.store.forget(key)

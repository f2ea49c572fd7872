"""Assembly: the matcher cache is reused only while knowledge and matching code are unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bot.app import BotService, build_conversation, build_matcher
from bot.core.events import Event, EventKind
from bot.knowledge.loader import load_knowledge_strict
from bot.matching.matcher import LazyMatcher
from bot.privacy import Pseudonymizer
from bot.storage import Store

KB = load_knowledge_strict()


def test_the_cached_matcher_answers_like_a_fresh_one(tmp_path: Path) -> None:
    fresh = build_matcher(KB)
    first = build_matcher(KB, tmp_path)
    assert len(list(tmp_path.glob("matcher-*.pickle"))) == 1
    cached = build_matcher(KB, tmp_path)
    for question in ("me toca aginaldo", "me corrieron de la casa", "receta de pozole"):
        assert cached.rank(question) == fresh.rank(question) == first.rank(question)


def test_a_knowledge_change_replaces_the_cache(tmp_path: Path) -> None:
    build_matcher(KB, tmp_path)
    before = set(tmp_path.glob("matcher-*.pickle"))
    entry = KB.entries["aguinaldo"]
    changed = dataclasses.replace(entry, phrasings=(*entry.phrasings, "cuando cae mi aguinaldo navideño"))
    kb = dataclasses.replace(KB, entries={**KB.entries, "aguinaldo": changed})
    matcher = build_matcher(kb, tmp_path)
    after = set(tmp_path.glob("matcher-*.pickle"))
    assert after and after != before and len(after) == 1
    assert matcher.rank("cuando cae mi aguinaldo navideño")[1][0].entry_id == "aguinaldo"


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    build_matcher(KB, tmp_path)
    for path in tmp_path.glob("matcher-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert build_matcher(KB, tmp_path).rank("aguinaldo")[1]


def test_every_language_matcher_is_cached_and_a_restart_needs_no_training(tmp_path: Path) -> None:
    first = build_conversation(cache_dir=tmp_path)
    first.warm_up()
    names = {p.name.split("-")[1] for p in tmp_path.glob("matcher-*.pickle")}
    assert names == {"es", *first.language_matchers}
    again = build_conversation(cache_dir=tmp_path)
    # Loaded from the cache: built before any question, and answering like the first.
    assert again.matcher._matcher is not None
    assert all(m._matcher is not None for m in again.language_matchers.values() if isinstance(m, LazyMatcher))
    assert again.matcher.rank("me toca aginaldo") == first.matcher.rank("me toca aginaldo")


def test_borrar_drops_a_question_waiting_for_consent(tmp_path: Path) -> None:
    import datetime as dt

    from bot.app import BotService
    from bot.core.callbacks import Action, cb
    from bot.core.events import Event, EventKind
    from bot.privacy import Pseudonymizer
    from bot.storage import Store

    at = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    service = BotService(build_conversation(), Store(tmp_path), Pseudonymizer(b"k" * 64))
    service.process(7, Event(EventKind.TEXT, text="donde compro semillas de maiz baratas", at=at))
    service.process(7, Event(EventKind.COMMAND, command="borrar", at=at))
    service.process(7, Event(EventKind.BUTTON, data=cb(Action.SHARE, "y"), at=at))
    assert service.store.shared_questions() == []


def _service(store: Store) -> BotService:
    return BotService(build_conversation(), store, Pseudonymizer(b"k" * 64))


def test_a_full_disk_does_not_stop_the_answers(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = Store(tmp_path)
    service = _service(store)
    at = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    service.handle(5, Event(EventKind.COMMAND, command="start", at=at), 1, 5)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from now on
    for n in range(40):  # enough writes to need a new page
        outcome, queued = service.handle(
            5, Event(EventKind.TEXT, text="cuanto me toca de aguinaldo", at=at), 2 + n, 5
        )
        assert outcome.replies and len(queued) == len(outcome.replies)
    assert None in queued, "the store refused: the replies go out without the outbox"
    assert "not writable" in caplog.text


def test_an_unusable_data_folder_keeps_the_bot_answering(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be")  # as good as read-only, even for root
    store = Store(blocked)
    assert store.in_memory
    assert "not writable" in caplog.text
    at = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    outcome = _service(store).process(5, Event(EventKind.TEXT, text="cuanto me toca de aguinaldo", at=at))
    assert "aguinaldo" in outcome.replies[0].text.lower()

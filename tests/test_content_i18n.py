"""Knowledge content in other languages: export, import, fuzzy fallback, drafts, matching and detection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from bot import content_i18n
from bot.app import language_samples
from bot.content_i18n import ContentTranslations, content_path
from bot.core.callbacks import Action, cb
from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState
from bot.i18n import po_path
from bot.matching.language_guess import LanguageGuesser
from bot.matching.matcher import Matcher
from bot.matching.normalize import Normalizer

AT = dt.datetime(2026, 11, 22, 18, tzinfo=dt.UTC)
MAYA_ANSWER = "Ka'ach u aguinaldo: 15 k'iin (LFT 87). Yaan u bo'otik ka'alikil 20 u diciembre."
MAYA_PHRASES = [
    "bix u aguinaldo ku bo'otik ten",
    "ba'ax aguinaldo ku ts'abal ti' in meyaj",
    "tu'ux in aguinaldo",
]


def fill(
    path: Path, entry_id: str, title: str, answer: str, phrases: list[str], status: str = "estado: borrador"
) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context == f"{entry_id}:titulo":
            message.string, message.user_comments = title, [status]
        elif message.context == f"{entry_id}:respuesta":
            message.string, message.user_comments = answer, [status]
        elif message.context == f"{entry_id}:frases":
            message.string, message.user_comments = "\n".join(phrases), [status]
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


@pytest.fixture
def locales(tmp_path: Path, conversation: Conversation) -> Path:
    directory = tmp_path / "locales"
    content_i18n.export(conversation.kb, "yua", ["aguinaldo"], directory)
    fill(content_path("yua", directory), "aguinaldo", "Aguinaldo (maaya)", MAYA_ANSWER, MAYA_PHRASES)
    return directory


def with_content(conversation: Conversation, directory: Path) -> Conversation:
    content = ContentTranslations.load(conversation.kb, directory)
    matcher = Matcher(content.phrasings("yua"), Normalizer.from_tables(conversation.kb.synonyms))
    samples = language_samples(conversation.kb, content)
    # One translated entry is too little text for a language profile; the Maya interface drafts add more.
    with po_path("yua").open("rb") as handle:
        samples["yua"] = samples.get("yua", []) + [
            str(m.string) for m in read_po(handle) if m.id and m.string
        ]
    return dataclasses.replace(
        conversation, content=content, language_matchers={"yua": matcher}, guesser=LanguageGuesser(samples)
    )


def test_export_has_title_answer_and_phrasings_per_entry_in_priority_order(
    conversation: Conversation, tmp_path: Path
) -> None:
    path, entries, fuzzy = content_i18n.export(conversation.kb, "tzo", ["aguinaldo", "vacaciones"], tmp_path)
    assert entries == len(conversation.kb.entries) and fuzzy == 0
    with path.open("rb") as handle:
        contexts = [m.context for m in read_po(handle) if m.id]
    assert contexts[:3] == ["aguinaldo:titulo", "aguinaldo:respuesta", "aguinaldo:frases"]
    assert len(contexts) == 3 * len(conversation.kb.entries)


def test_priority_takes_the_most_asked_and_every_area(conversation: Conversation) -> None:
    order = content_i18n.priority(conversation.kb, ["aguinaldo"] * 5 + ["vacaciones"] * 3)
    assert order[0] == "aguinaldo" and len(order) == 40
    assert {conversation.kb.entries[e].area for e in order} == {a.id for a in conversation.kb.areas}


def test_a_translated_entry_is_shown_as_a_draft_with_the_spanish_one_tap_away(
    conversation: Conversation, locales: Path
) -> None:
    bot = with_content(conversation, locales)
    state = UserState(lang="yua", lang_chosen=True)
    outcome, _ = bot.handle(Event(EventKind.BUTTON, data=cb(Action.ANSWER, "aguinaldo"), at=AT), state)
    reply = outcome.replies[0]
    assert reply.text.startswith(MAYA_ANSWER.split(":")[0]) and "📝" in reply.text
    data = [b.data for row in reply.buttons for b in row]
    assert cb(Action.SPANISH, "aguinaldo") in data
    spanish, _ = bot.handle(Event(EventKind.BUTTON, data=cb(Action.SPANISH, "aguinaldo"), at=AT), state)
    assert "15 días de salario" in spanish.replies[0].text and "📝" not in spanish.replies[0].text


def test_a_reviewed_translation_names_its_reviewer(conversation: Conversation, locales: Path) -> None:
    fill(
        content_path("yua", locales),
        "aguinaldo",
        "Aguinaldo (maaya)",
        MAYA_ANSWER,
        MAYA_PHRASES,
        "estado: revisado por Juana Pat, 2026-11-20",
    )
    bot = with_content(conversation, locales)
    outcome, _ = bot.handle(
        Event(EventKind.BUTTON, data=cb(Action.ANSWER, "aguinaldo"), at=AT),
        UserState(lang="yua", lang_chosen=True),
    )
    assert "Juana Pat" in outcome.replies[0].text and "📝" not in outcome.replies[0].text


def test_when_the_spanish_changes_the_translation_goes_fuzzy_and_spanish_shows(
    conversation: Conversation, locales: Path
) -> None:
    entry = conversation.kb.entries["aguinaldo"]
    changed = dataclasses.replace(entry, answer=entry.answer + "\nNueva frase.")
    kb = dataclasses.replace(conversation.kb, entries={**conversation.kb.entries, "aguinaldo": changed})
    _, _, fuzzy = content_i18n.export(kb, "yua", ["aguinaldo"], locales)
    assert fuzzy >= 1
    assert ContentTranslations.load(kb, locales).get("yua", "aguinaldo") is None
    bot = with_content(dataclasses.replace(conversation, kb=kb), locales)
    outcome, _ = bot.handle(
        Event(EventKind.BUTTON, data=cb(Action.ANSWER, "aguinaldo"), at=AT),
        UserState(lang="yua", lang_chosen=True),
    )
    assert outcome.replies[0].text.startswith("🌐")
    more, _ = bot.handle(
        Event(EventKind.BUTTON, data=cb(Action.DETAILS, "aguinaldo"), at=AT),
        UserState(lang="yua", lang_chosen=True),
    )
    assert "Nueva frase." in more.replies[0].text


def test_a_question_in_maya_gets_the_maya_answer(conversation: Conversation, locales: Path) -> None:
    bot = with_content(conversation, locales)
    state = UserState(lang="yua", lang_chosen=True)
    outcome, _ = bot.handle(Event(EventKind.TEXT, text="bix u aguinaldo ku bo'otik ten?", at=AT), state)
    assert MAYA_ANSWER.split(":")[0] in outcome.replies[0].text


def test_a_message_in_another_language_offers_to_switch(conversation: Conversation, locales: Path) -> None:
    bot = with_content(conversation, locales)
    outcome, state = bot.handle(
        Event(EventKind.TEXT, text="ba'ax aguinaldo ku ts'abal ti' in meyaj", at=AT), UserState()
    )
    offer = outcome.replies[0]
    assert "Maaya t'aan" in offer.text
    assert cb(Action.LANGUAGE, "yua") in [b.data for row in offer.buttons for b in row]
    assert state.lang == "es", "only a hint: the user decides"
    spanish, _ = bot.handle(Event(EventKind.TEXT, text="cuanto me toca de aguinaldo", at=AT), UserState())
    assert "Maaya" not in spanish.replies[0].text


def test_import_refuses_changed_placeholders_and_copies_good_work(
    conversation: Conversation, tmp_path: Path
) -> None:
    directory = tmp_path / "locales"
    content_i18n.export(conversation.kb, "tzh", ["salario-minimo"], directory)
    work = tmp_path / "de-la-traductora.po"
    shutil.copy(content_path("tzh", directory), work)
    entry = conversation.kb.entries["salario-minimo"]
    fill(work, "salario-minimo", "Salario mínimo (tseltal)", "Sin marcador", ["a", "b", "c"])
    copied, problems = content_i18n.import_file(work, "tzh", directory)
    assert copied == 0 and any("marcadores" in p for p in problems)
    placeholders = " ".join(sorted(set(content_i18n.PLACEHOLDER_RE.findall(entry.answer))))
    fill(work, "salario-minimo", "Salario mínimo (tseltal)", f"Tseltal {placeholders}", ["a", "b", "c"])
    copied, problems = content_i18n.import_file(work, "tzh", directory)
    assert problems == [] and copied == 3
    assert ContentTranslations.load(conversation.kb, directory).get("tzh", "salario-minimo") is not None


def test_real_translations_keep_every_number_url_and_citation(conversation: Conversation) -> None:
    """A translation may not drop or change an amount, a phone number, a date, a URL or a cited law.

    (It may write a Spanish number word as digits: "cada quince días" as "15 k'iin".)
    """
    import re
    from collections import Counter

    facts = re.compile(r"\d+(?:[.,]\d+)*|https?://[^\s,;)]+|www\.[^\s,;)]+|\b(?:LFT|LSS)\b")
    lost = []
    for code, entries in conversation.content.entries.items():
        for entry_id, translated in entries.items():
            spanish = Counter(facts.findall(conversation.kb.entries[entry_id].answer))
            missing = spanish - Counter(facts.findall(translated.answer))
            if missing:
                lost.append(f"{code}:{entry_id}: {sorted(missing)}")
    assert not lost

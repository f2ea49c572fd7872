"""Every URL and phone number the bot gives comes from the fact sheet or the law README (never invented)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.knowledge.loader import DEFAULT_DIR, load_knowledge

KB, _ = load_knowledge()
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s)»,;]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gob\.mx|org\.mx|mx|org)(?:/[^\s)»,;]*)?"
)
PHONE_RE = re.compile(r"(?<![\d/.-])(?:\*\d{3}|\d{3} \d{3} \d{4}|\d{2} \d{4} \d{4}|0\d{2}|911)(?![\d/.-])")


def url_key(url: str) -> str:
    url = url.lower().split("://", 1)[-1].removeprefix("www.")
    return url.rstrip("/.")


@pytest.fixture
def sources(shared_dir: Path) -> str:
    sheet = (shared_dir / "research" / "facts-2026.md").read_text(encoding="utf-8")
    readme = (shared_dir / "law" / "README.md").read_text(encoding="utf-8")
    return (sheet + readme).lower()


def texts_with_urls() -> list[tuple[str, str]]:
    found = [(e.id, s.url) for e in KB.entries.values() for s in e.sources]
    found += [(e.id, u) for e in KB.entries.values() for u in URL_RE.findall(e.answer)]
    raw = (DEFAULT_DIR / "organizaciones.yaml").read_text(encoding="utf-8")
    found += [("organizaciones.yaml", u) for u in URL_RE.findall(raw)]
    return found


def test_urls_come_from_the_fact_sheet(sources: str) -> None:
    unknown = [(where, url) for where, url in texts_with_urls() if url_key(url) not in sources]
    assert not unknown


def test_phone_numbers_come_from_the_fact_sheet(sources: str) -> None:
    raw = (DEFAULT_DIR / "organizaciones.yaml").read_text(encoding="utf-8")
    texts = [(e.id, e.answer) for e in KB.entries.values()] + [("organizaciones.yaml", raw)]
    unknown = [
        (where, phone) for where, text in texts for phone in PHONE_RE.findall(text) if phone not in sources
    ]
    assert not unknown

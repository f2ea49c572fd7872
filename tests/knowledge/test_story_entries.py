"""The entries added for the problems real stories raise (issue 18): present, sourced, and, when urgent,
opening with what to do now."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.core.conversation import Conversation
from bot.core.events import Event, EventKind
from bot.core.state import UserState
from bot.knowledge.loader import load_knowledge_strict
from bot.knowledge.render import render

KB = load_knowledge_strict()
REVIEWED = dt.date(2026, 12, 4)
AT = dt.datetime(2026, 12, 4, 18, tzinfo=dt.UTC)

# id -> area file it belongs in. The story-understanding code maps problems to these ids.
STORY_ENTRIES = {
    "descuentos-salario": "derechos",
    "salario-retenido": "derechos",
    "campo-destajo": "campo",
    "campo-enganchador": "campo",
    "campo-golpe-de-calor": "urgente",
    "campo-mordedura": "urgente",
    "hogar-aislamiento": "hogar",
    "empece-de-nina": "hogar",
    "empleador-despedir": "hogar",
    "trabajadora-enferma": "imss_prestaciones",
}
OFFICIAL = ("diputados.gob.mx", "imss.gob.mx", "gob.mx", "conciliacionlaboral.org.mx")
ROMAN = re.compile(r" fr\. ([IVXL]+(?: Bis| Ter)?)$")


@pytest.mark.parametrize("entry_id", sorted(STORY_ENTRIES))
def test_story_entry_is_in_its_area_and_sourced(entry_id: str) -> None:
    entry = KB.entries[entry_id]
    assert entry.area == STORY_ENTRIES[entry_id]
    assert len(entry.phrasings) >= 12
    assert any(c.startswith(("LFT ", "LSS ")) for c in entry.legal_basis)
    assert entry.sources and all(any(o in s.url for o in OFFICIAL) for s in entry.sources)
    assert entry.reviewed >= REVIEWED and entry.in_force_since <= REVIEWED
    first = render(KB, entry.answer, REVIEWED).strip().split("\n", 1)[0]
    assert len(first) <= 160, first


@pytest.mark.parametrize("entry_id", [e for e in sorted(STORY_ENTRIES) if KB.entries[e].urgent])
def test_urgent_story_entries_start_with_what_to_do_now(entry_id: str) -> None:
    first = KB.entries[entry_id].answer.strip().split("\n", 1)[0]
    assert "911" in first
    assert re.search(r"\b(llama|ve ya|busca)\b", first), first


def test_the_heat_and_bite_entries_are_the_urgent_ones() -> None:
    assert {e for e in STORY_ENTRIES if KB.entries[e].urgent} == {"campo-golpe-de-calor", "campo-mordedura"}


def article_texts(law_file: Path) -> dict[str, str]:
    """Article key ("283", "331 ter") -> its text; several blocks may share a key (transitory articles)."""
    texts: dict[str, str] = {}
    lines = law_file.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("### Artículo "):
            continue
        number = re.sub(r"(?<=\d)[oº]$", "", line.removeprefix("### Artículo ").strip())
        body: list[str] = []
        for following in lines[i + 1 :]:
            if following.startswith("### "):
                break
            body.append(following)
        suffix = re.match(r"\s*(Bis|Ter|Quáter)\b", body[0]) if body else None
        key = f"{number} {suffix[1]}".lower() if suffix else number.lower()
        texts[key] = texts.get(key, "") + "\n" + "\n".join(body)
    return texts


def test_cited_fractions_exist_in_the_article(shared_dir: Path) -> None:
    # kb check verifies the article; here the fraction too, for the entries written against the text.
    laws = {law: article_texts(shared_dir / "law" / f"{law}.md") for law in ("LFT", "LSS")}
    missing = []
    for entry_id in STORY_ENTRIES:
        for citation in KB.entries[entry_id].legal_basis:
            law, _, rest = citation.partition(" ")
            fraction = ROMAN.search(rest)
            if law not in laws or not fraction:
                continue
            article = ROMAN.sub("", rest).lower()
            body = laws[law].get(article, "")
            if not re.search(rf"(?m)(^|\s){fraction[1]}[.\-]", body):
                missing.append((entry_id, citation))
    assert not missing


@pytest.mark.parametrize(
    ("question", "urgent"),
    [
        ("me pico un alacran en el surco y se me duerme la boca", "campo-mordedura"),
        ("a mi compañero le dio golpe de calor en el corte", "campo-golpe-de-calor"),
    ],
)
def test_heat_and_bites_get_the_urgent_banner_first(
    conversation: Conversation, question: str, urgent: str
) -> None:
    outcome, _ = conversation.handle(Event(EventKind.TEXT, text=question, at=AT), UserState())
    what_to_do_now = render(conversation.kb, conversation.kb.entries[urgent].answer, AT.date()).split("\n")[0]
    assert what_to_do_now in outcome.replies[0].text

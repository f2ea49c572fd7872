"""Replies that show knowledge: an entry with its legal basis and next steps, or read aloud."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.core import menus
from bot.core.callbacks import Action, cb
from bot.core.events import Event, Media
from bot.core.replies import Audio, Button, Outcome, Reply, fit
from bot.core.state import UserState
from bot.formatting import date_long
from bot.i18n import Gettext
from bot.knowledge.model import Entry
from bot.knowledge.render import render
from bot.voice import reading_note

if TYPE_CHECKING:
    import datetime as dt

    from bot.core.conversation import Conversation

EMPLOYER_CARD = "tarjeta-empleador"
OFFICIAL_SUFFIXES = (".gob.mx", "gob.mx", ".ilo.org", "ilo.org")
OFFICIAL_HOSTS = {"conciliacionlaboral.org.mx", "onu.org.mx"}


SHORT_REPLY = 300  # characters of the first reply before the basis line: two or three short sentences
MAX_BUTTONS = 4  # under an answer; more is a wall on a small screen
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def show_entry(
    core: Conversation, entry_id: str, state: UserState, event: Event, spanish: bool = False, lead: str = ""
) -> Outcome:
    entry = core.kb.entries.get(entry_id)
    _ = core.gettext(state)
    if entry is None:
        return Outcome((Reply(_("Todavía no tengo esa información."), menus.topic_buttons(core.kb, _)),))
    return Outcome(
        (entry_reply(core, entry, state, event.today, spanish, lead),),
        counters=(f"tema:{entry.area}:{entry.id}",),
    )


def split_first(text: str, limit: int = SHORT_REPLY, sentences: int = 3) -> tuple[str, str]:
    """The first sentences of `text` that fit in `limit` characters (at most `sentences`), and the rest.
    A first sentence longer than the limit is cut at a word, with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text, ""
    cut = 0
    for count, boundary in enumerate(_SENTENCE_END.finditer(text), 1):
        if boundary.start() > limit or count > sentences:
            break
        cut = boundary.start()
    if cut == 0:
        cut = text.rfind(" ", 0, limit - 1)
        cut = cut if cut > 0 else limit - 1
        return text[:cut].rstrip() + "…", "…" + text[cut:].strip()
    return text[:cut].strip(), text[cut:].strip()


def _body(
    core: Conversation, entry: Entry, state: UserState, today: dt.date, spanish: bool
) -> tuple[str, str]:
    """The answer as she reads it (translated where a translation exists), and a note about its language."""
    _ = core.gettext(state)
    translated = None if spanish or state.lang == "es" else core.content.get(state.lang, entry.id)
    body = render(core.kb, translated.answer if translated else entry.answer, today)
    if translated and not translated.reviewed:
        # Never present a draft as reviewed; the Spanish original is one tap away.
        return body, "📝 " + _(
            "Traducción en borrador, todavía sin revisar. Toca «Ver en español» para el original."
        )
    if translated:
        note = _("Traducción revisada por {who} ({when}).")
        return body, "✅ " + note.format(who=translated.reviewed_by, when=translated.reviewed_on)
    if state.lang != "es" and not spanish:
        return body, "🌐 " + _("Esta respuesta todavía no está en tu idioma; aquí está en español.")
    return body, ""


def basis_line(entry: Entry, _: Gettext) -> str:
    """The legal basis in one short line: 📌 LFT 87 · vigente desde 1975 · revisado 22-11-2026."""
    return _("📌 {basis} · vigente desde {year} · revisado {date}").format(
        basis=", ".join(entry.legal_basis),
        year=entry.in_force_since.year,
        date=entry.reviewed.strftime("%d-%m-%Y"),
    )


def entry_reply(
    core: Conversation,
    entry: Entry,
    state: UserState,
    today: dt.date,
    spanish: bool = False,
    lead: str = "",
) -> Reply:
    """The first reply to a question: two or three sentences, the basis in one line, at most four buttons
    ("Ver más" has the rest). `lead` says in a few words what was understood, when we were not sure."""
    _ = core.gettext(state)
    if entry.id == EMPLOYER_CARD:  # a card to forward whole
        return details_reply(core, entry, state, today, spanish)
    body, note = _body(core, entry, state, today, spanish)
    first, _rest = split_first(body, SHORT_REPLY - len(lead))
    before, after = (note, "") if note.startswith("🌐") else ("", note)
    text = "\n\n".join(p for p in (lead, before, first, after, basis_line(entry, _)) if p)
    buttons = [Button("➕ " + _("Ver más"), cb(Action.DETAILS, entry.id))]
    if core.voice_available:
        buttons.append(Button("🔊 " + _("Escuchar"), cb(Action.LISTEN, entry.id)))
    if note and not note.startswith("🌐"):
        buttons.append(Button("🇲🇽 " + _("Ver en español"), cb(Action.SPANISH, entry.id)))
    if entry.calculator and entry.calculator in core.flows:
        buttons.append(
            Button("🧮 " + _(core.flows[entry.calculator].title), cb(Action.CALCULATE, entry.calculator))
        )
    rows = [tuple(buttons[:2]), *((b,) for b in buttons[2:MAX_BUTTONS])]
    if len(buttons) <= MAX_BUTTONS - 2:
        rows.append(feedback_buttons(entry.id))
    return Reply(fit(text), tuple(rows))


def feedback_buttons(entry_id: str) -> tuple[Button, ...]:
    """«¿Te sirvió?» as two thumbs: counted per entry, never per person."""
    return (
        Button("👍", cb(Action.USEFUL, f"{entry_id}.y")),
        Button("👎", cb(Action.USEFUL, f"{entry_id}.n")),
    )


def details_reply(
    core: Conversation, entry: Entry, state: UserState, today: dt.date, spanish: bool = False
) -> Reply:
    """«Ver más»: the rest of the answer, what is not verified, the full legal basis and the source."""
    _ = core.gettext(state)
    body, note = _body(core, entry, state, today, spanish)
    _first, rest = split_first(body)
    if entry.id == EMPLOYER_CARD:
        rest = body
    footer = _("📌 Base legal: {basis}. Vigente desde {since}. Revisado: {reviewed}.").format(
        basis=", ".join(entry.legal_basis),
        since=date_long(entry.in_force_since),
        reviewed=date_long(entry.reviewed),
    )
    if entry.sources:
        url = entry.sources[0].url
        label = _("🔗 Fuente oficial: {url}") if is_official(url) else _("🔗 Fuente: {url}")
        footer += "\n" + label.format(url=url)
    parts = [rest, note, "⚠️ " + entry.not_verified if entry.not_verified else "", footer]
    text = "\n\n".join(p for p in parts if p)
    # One next step (the calculator, the employer's card or a related answer), «¿Te sirvió?», a person.
    nexts: list[Button] = []
    if entry.calculator and entry.calculator in core.flows:
        title = _(core.flows[entry.calculator].title)
        nexts.append(Button("🧮 " + title, cb(Action.CALCULATE, entry.calculator)))
    if "hogar" in entry.audience and entry.id != EMPLOYER_CARD and EMPLOYER_CARD in core.kb.entries:
        nexts.append(Button("📄 " + _("Tarjeta para tu empleadora"), cb(Action.EMPLOYER)))
    related = [r for r in entry.related if r in core.kb.entries]
    nexts.extend(Button("➡️ " + core.kb.entries[r].title, cb(Action.ANSWER, r)) for r in related)
    rows = [row for row in (tuple(nexts[:1]), feedback_buttons(entry.id), (menus.human_button(_),)) if row]
    return Reply(fit(text), tuple(rows), forwardable=entry.id == EMPLOYER_CARD)


def listen(core: Conversation, entry_id: str, state: UserState, event: Event) -> Reply:
    _ = core.gettext(state)
    entry = core.kb.entries.get(entry_id)
    if entry is None or not core.voice_available:
        return menus.stale_button(core.kb, _)
    translated = core.content.get(state.lang, entry.id) if state.lang != "es" else None
    spoken = spoken_text(render(core.kb, translated.answer if translated else entry.answer, event.today))
    caption = "🔊 " + (translated.title if translated else entry.title)
    note = reading_note(state.lang, translated is not None, _)  # which voice reads, and in which language
    if note:
        caption += "\n" + note
    # Spanish text is read by the Spanish voice, whatever language she chose.
    lang = state.lang if translated else "es"
    return Reply(caption, audio=Audio(spoken, lang, f"{entry.id}.{lang}"))


def urgent_first(core: Conversation, entry_id: str, event: Event, lang: str = "es") -> Reply:
    """The first line of an urgent entry, shown before anything else, with a button to the whole of it.

    In another language, the draft's first line comes first and the Spanish one under it: what to do
    now and whom to call must not depend on a translation nobody has reviewed yet."""
    entry = core.kb.entries[entry_id]
    first = render(core.kb, entry.answer, event.today).strip().split("\n", 1)[0]
    translated = core.content.get(lang, entry_id) if lang != "es" else None
    if translated is None:
        return Reply("🚨 " + first, ((Button("🚨 " + entry.title, cb(Action.ANSWER, entry.id)),),))
    own = render(core.kb, translated.answer, event.today).strip().split("\n", 1)[0]
    return Reply(
        "🚨 " + own + "\n(" + first + ")",
        ((Button("🚨 " + translated.title, cb(Action.ANSWER, entry.id)),),),
    )


def media(core: Conversation, event: Event, state: UserState) -> Outcome:
    """Something we cannot read (a voice note, a sticker, a location): say what we can do instead."""
    _ = core.gettext(state)
    if event.media in (Media.VOICE, Media.AUDIO, Media.VIDEO_NOTE):
        text = _(
            "Todavía no puedo escuchar notas de voz. Escribe tu pregunta con pocas palabras, o toca un tema:"
        )
    elif event.media in (Media.LOCATION, Media.CONTACT):
        text = _(
            "No necesito tu ubicación ni tus contactos, y no los guardo. Escribe tu pregunta o toca un tema:"
        )
    else:
        text = _("Solo puedo leer mensajes de texto. Escribe tu pregunta o toca un tema:")
    audio = None
    if core.voice_available and event.media in (Media.VOICE, Media.AUDIO, Media.VIDEO_NOTE):
        # Someone who sends a voice note may read little: say it aloud too.
        audio = Audio(spoken_text(text), state.lang, f"no-escucho.{state.lang}")
    return Outcome((Reply(text, menus.topic_buttons(core.kb, _), audio=audio),))


def is_official(url: str) -> bool:
    """Government and international bodies' sites; a newspaper is a source but not an official one."""
    host = (urlparse(url).hostname or "").removeprefix("www.")
    return host.endswith(OFFICIAL_SUFFIXES) or host in OFFICIAL_HOSTS


_URL_RE = re.compile(r"(https?://|www\.)\S+")


def spoken_text(text: str) -> str:
    """What a voice reads: no links spelt out letter by letter, no bullet symbols."""
    text = _URL_RE.sub("", text).replace("•", ",").replace("📌", "").replace("🔗", "")
    return " ".join(text.split())

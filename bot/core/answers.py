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
from bot.knowledge.model import Entry
from bot.knowledge.render import render

if TYPE_CHECKING:
    import datetime as dt

    from bot.core.conversation import Conversation

EMPLOYER_CARD = "tarjeta-empleador"
OFFICIAL_SUFFIXES = (".gob.mx", "gob.mx", ".ilo.org", "ilo.org")
OFFICIAL_HOSTS = {"conciliacionlaboral.org.mx", "onu.org.mx"}


def show_entry(
    core: Conversation, entry_id: str, state: UserState, event: Event, spanish: bool = False
) -> Outcome:
    entry = core.kb.entries.get(entry_id)
    _ = core.gettext(state)
    if entry is None:
        return Outcome((Reply(_("Todavía no tengo esa información."), menus.topic_buttons(core.kb, _)),))
    return Outcome(
        (entry_reply(core, entry, state, event.today, spanish),),
        counters=(f"tema:{entry.area}:{entry.id}",),
    )


def entry_reply(
    core: Conversation, entry: Entry, state: UserState, today: dt.date, spanish: bool = False
) -> Reply:
    _ = core.gettext(state)
    translated = None if spanish or state.lang == "es" else core.content.get(state.lang, entry.id)
    body = render(core.kb, translated.answer if translated else entry.answer, today)
    if translated and not translated.reviewed:
        # Never present a draft as reviewed; the Spanish original is one tap away.
        body += "\n\n📝 " + _(
            "Traducción en borrador, todavía sin revisar. Toca «Ver en español» para el original."
        )
    elif translated:
        body += "\n\n✅ " + _("Traducción revisada por {who} ({when}).").format(
            who=translated.reviewed_by, when=translated.reviewed_on
        )
    elif state.lang != "es" and not spanish:
        body = "🌐 " + _("Esta respuesta todavía no está en tu idioma; aquí está en español.") + "\n\n" + body
    basis = ", ".join(entry.legal_basis)
    footer = _("📌 Base legal: {basis}. Vigente desde {since}. Revisado: {reviewed}.").format(
        basis=basis, since=date_long(entry.in_force_since), reviewed=date_long(entry.reviewed)
    )
    source = ""
    if entry.sources:
        url = entry.sources[0].url
        label = _("🔗 Fuente oficial: {url}") if is_official(url) else _("🔗 Fuente: {url}")
        source = label.format(url=url)
    parts = [body]
    if entry.not_verified:
        parts.append("⚠️ " + entry.not_verified)
    parts.append(footer + ("\n" + source if source else ""))
    text = "\n\n".join(parts)
    rows: list[tuple[Button, ...]] = []
    if translated:
        rows.append((Button("🇲🇽 " + _("Ver en español"), cb(Action.SPANISH, entry.id)),))
    if core.voice_available:
        rows.append((Button("🔊 " + _("Escuchar"), cb(Action.LISTEN, entry.id)),))
    if entry.calculator and entry.calculator in core.flows:
        flow = core.flows[entry.calculator]
        rows.append((Button("🧮 " + _(flow.title), cb(Action.CALCULATE, flow.name)),))
    related = [r for r in entry.related if r in core.kb.entries][:3]
    rows.extend((Button("➡️ " + core.kb.entries[r].title, cb(Action.ANSWER, r)),) for r in related)
    if "hogar" in entry.audience and entry.id != EMPLOYER_CARD and EMPLOYER_CARD in core.kb.entries:
        rows.append((Button("📄 " + _("Tarjeta para tu empleadora"), cb(Action.EMPLOYER)),))
    rows.append(
        (
            Button("📚 " + _("Temas"), cb(Action.TOPICS)),
            Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),
        )
    )
    return Reply(fit(text), tuple(rows), forwardable=entry.id == EMPLOYER_CARD)


def listen(core: Conversation, entry_id: str, state: UserState, event: Event) -> Reply:
    _ = core.gettext(state)
    entry = core.kb.entries.get(entry_id)
    if entry is None or not core.voice_available:
        return menus.stale_button(core.kb, _)
    translated = core.content.get(state.lang, entry.id) if state.lang != "es" else None
    spoken = spoken_text(render(core.kb, translated.answer if translated else entry.answer, event.today))
    caption = "🔊 " + (translated.title if translated else entry.title)
    if state.lang != "es":
        # No speech voice exists for these languages: say which voice reads, and in which language.
        caption += "\n" + (
            _("Lo lee una voz en español, con la traducción en borrador.")
            if translated
            else _("Esta respuesta todavía no está en tu idioma: la escuchas en español.")
        )
    return Reply(caption, audio=Audio(spoken, state.lang, f"{entry.id}.{state.lang}"))


def urgent_first(core: Conversation, entry_id: str, event: Event) -> Reply:
    """The first line of an urgent entry, shown before anything else, with a button to the whole of it."""
    entry = core.kb.entries[entry_id]
    first = render(core.kb, entry.answer, event.today).strip().split("\n", 1)[0]
    return Reply("🚨 " + first, ((Button("🚨 " + entry.title, cb(Action.ANSWER, entry.id)),),))


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

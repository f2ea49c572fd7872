"""Greetings, thanks, goodbyes and calls for help ("hola necesito ayuda", "ayuda porfa", "😭🙏"): a kind
reply with the topics, never "no sé"."""

from __future__ import annotations

from bot.core import menus, texts
from bot.core.replies import Reply
from bot.i18n import Gettext
from bot.knowledge.model import KnowledgeBase
from bot.matching.normalize import fold

GREETING_WORDS = {
    "hola", "holi", "ola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "que", "tal", "hey",
    "oiga", "oye", "disculpe", "disculpa", "saludos", "senora", "senorita", "joven", "amiga", "amigo",
}  # fmt: skip
HELP_WORDS = {
    "ayuda", "ayudame", "ayudeme", "ayudenme", "ayudar", "necesito", "ocupo", "quiero", "porfa", "porfavor",
    "por", "favor", "auxilio", "apoyo", "alguien", "me", "puede", "pueden", "puedes", "una", "un", "pregunta",
    "duda", "tengo", "informacion", "info", "orientacion", "y", "a", "de", "urge", "urgente", "plis", "pls",
}  # fmt: skip
HELP_CORE = {
    "ayuda",
    "ayudame",
    "ayudeme",
    "ayudenme",
    "ayudar",
    "auxilio",
    "apoyo",
    "orientacion",
    "pregunta",
    "duda",
}
# Crying, praying, sad: she is asking for help even without a word.
DISTRESS = set("😭😢🥺🙏😞😔💔😿😩😫😰😥")


def kind_of(text: str) -> str | None:
    """ "help": a call for help with nothing else in it; "hello": a bare greeting or emoji; else None."""
    words = fold(text).split()
    if not words:
        if any(ch in DISTRESS for ch in text):
            return "help"
        return "hello" if text.strip() and not any(ch.isalnum() for ch in text) else None
    if not set(words) <= GREETING_WORDS | HELP_WORDS:
        return None
    if set(words) & HELP_CORE or any(ch in DISTRESS for ch in text):
        return "help"
    return "hello" if set(words) <= GREETING_WORDS else None


def help_reply(kb: KnowledgeBase, _: Gettext) -> Reply:
    text = "💜 " + _("Aquí estoy.") + "\n" + _("Escribe tu pregunta o toca un tema.")
    return Reply(text, (*menus.topic_buttons(kb, _), (menus.human_button(_),)))


def reply(kb: KnowledgeBase, intent: str, _: Gettext) -> Reply:
    """The reply to a small-talk intent: `charla` in knowledge/sinonimos.yaml, or `kind_of` above."""
    if intent == "help":
        return help_reply(kb, _)
    if intent == "gracias":
        return Reply(_("¡Con gusto! Si tienes otra pregunta, aquí estoy."), menus.topic_buttons(kb, _))
    if intent == "adios":
        return Reply(_("¡Cuídate! Aquí estaré cuando me necesites."))
    return texts.welcome(kb, _, first_time=False)

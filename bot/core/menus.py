"""Button menus: topics, an area's questions, languages, calculators, and the honest "I don't know"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.core.callbacks import Action, cb
from bot.core.flows import Flow
from bot.core.replies import Button, Reply
from bot.i18n import LANGUAGES, Gettext
from bot.knowledge.model import KnowledgeBase


def topic_buttons(kb: KnowledgeBase, _: Gettext) -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(f"{a.emoji} {_(a.title)}", cb(Action.TOPICS, a.id)) for a in kb.areas if a.entry_ids]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


def topics(kb: KnowledgeBase, _: Gettext) -> Reply:
    return Reply(_("Elige un tema:"), topic_buttons(kb, _))


def area(kb: KnowledgeBase, area_id: str, _: Gettext) -> Reply:
    found = kb.area(area_id)
    if found is None:
        return stale_button(kb, _)
    rows = [(Button(kb.entries[e].title, cb(Action.ANSWER, e)),) for e in found.entry_ids]
    rows.append((Button("⬅️ " + _("Temas"), cb(Action.TOPICS)),))
    return Reply(f"{found.emoji} {_(found.title)}\n" + _("Elige una pregunta:"), tuple(rows))


def language_menu(languages: Iterable[str], _: Gettext) -> Reply:
    buttons = [Button(LANGUAGES[c].button, cb(Action.LANGUAGE, c)) for c in languages if c in LANGUAGES]
    rows = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
    return Reply(_("¿En qué idioma quieres que te conteste?"), rows)


def calculators(kb: KnowledgeBase, flows: Mapping[str, Flow], _: Gettext) -> Reply:
    if not flows:
        return Reply(_("Todavía no tengo calculadoras. Mientras, toca un tema:"), topic_buttons(kb, _))
    rows = tuple((Button("🧮 " + _(f.title), cb(Action.CALCULATE, f.name)),) for f in flows.values())
    return Reply(_("¿Qué quieres calcular?"), rows)


def stale_button(kb: KnowledgeBase, _: Gettext) -> Reply:
    return Reply(
        _("Ese botón ya no funciona. No pasa nada: elige un tema o escribe tu pregunta."),
        topic_buttons(kb, _),
    )


def human_button(_: Gettext) -> Button:
    return Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP))


def dont_know(kb: KnowledgeBase, _: Gettext) -> Reply:
    text = _(
        "No tengo una respuesta segura para eso, y prefiero no adivinar. Puedes tocar un tema, "
        "escribir tu pregunta con otras palabras o hablar con una persona que te oriente."
    )
    rows = (*topic_buttons(kb, _), (Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),))
    return Reply(text, rows)

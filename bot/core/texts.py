"""The bot's standing texts: welcome, help and the privacy notice."""

from __future__ import annotations

from bot.core.callbacks import Action, cb
from bot.core.menus import topic_buttons
from bot.core.replies import Button, Reply
from bot.i18n import Gettext
from bot.knowledge.model import KnowledgeBase, Organization
from bot.organizations import contact_lines


def welcome(
    kb: KnowledgeBase, _: Gettext, first_time: bool, organization: Organization | None = None
) -> Reply:
    text = _(
        "¡Hola! Te explico tus derechos si trabajas en una casa o en el campo: IMSS, salario, "
        "aguinaldo, vacaciones, despido y cuidados.\n\n"
        "Escribe tu pregunta como quieras, o toca un tema."
    )
    if organization is not None:
        text += "\n\n🤝 " + _("Llegaste por el enlace de {name}.").format(name=organization.name)
        if organization.contacts:
            text += " " + _("Su contacto:") + "\n" + contact_lines(organization)
    if first_time:
        text += "\n\n" + privacy_short(_)
        if organization is not None:
            text += " " + _(
                "También guardo por qué enlace llegaste, para mostrarte primero a {name}."
            ).format(name=organization.short_name)
    buttons = [*topic_buttons(kb, _), (Button("🗣️ " + _("Idioma / Language"), cb(Action.LANGUAGE)),)]
    if organization is not None:
        buttons.append((Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),))
    return Reply(text, tuple(buttons))


def help_body(_: Gettext, commands: str) -> str:
    """How to ask, then the commands (one line each, from the table in bot/core/router.py)."""
    return (
        _(
            "Puedes escribir tu pregunta con tus palabras, por ejemplo: «¿me toca aguinaldo?» o "
            "«mi patrona no me quiere inscribir al seguro»."
        )
        + "\n\n"
        + _("Comandos:")
        + "\n"
        + commands
    )


def help_reply(kb: KnowledgeBase, _: Gettext, commands: str) -> Reply:
    buttons = (
        *topic_buttons(kb, _),
        (Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),),
    )
    return Reply(help_body(_, commands), buttons)


def privacy_short(_: Gettext) -> str:
    return _(
        "🔒 No guardo lo que escribes. Solo guardo tu idioma y, si haces un cálculo, tus respuestas "
        "mientras lo terminas. Para borrar todo: /borrar. Más en /privacidad."
    )


def privacy_full(_: Gettext) -> str:
    return _(
        "🔒 Aviso de privacidad\n\n"
        "Qué guardo: tu idioma, si ya viste este aviso, la organización por la que llegaste (si usaste "
        "su enlace) y, si haces un cálculo, tus respuestas a sus preguntas. Nada más. Si pides hablar "
        "con una persona y me dices dónde trabajas, no lo guardo ni se lo paso a nadie.\n\n"
        "Qué NO guardo: tus mensajes, tu nombre, tu teléfono ni datos de tu empleadora. Tu cuenta de "
        "Telegram se guarda cifrada con una clave secreta, no con tu número.\n\n"
        "Por cuánto tiempo: las respuestas de un cálculo sin terminar se borran a las 72 horas; todo lo "
        "demás, a los 90 días sin usar el bot.\n\n"
        "Para qué: solo para contestarte. Contamos cuántas preguntas hay por tema, sin saber quién "
        "preguntó. Si no sé contestar, te pregunto si quieres compartir tu pregunta sin datos "
        "personales; solo se guarda si dices que sí, y máximo 30 días.\n\n"
        "Tus derechos (Ley Federal de Protección de Datos Personales en Posesión de los Particulares): "
        "puedes ver, corregir o borrar tus datos y oponerte a su uso. Con /borrar se borra todo al "
        "instante. Con /salir se borran los mensajes recientes de este chat."
    )


def privacy_reply(_: Gettext) -> Reply:
    memory = _(
        "Por 30 minutos también recuerdo el último tema y los números que me diste (como tu pago o tus "
        "días de trabajo), para entender tu siguiente pregunta. No guardo tus palabras."
    )
    # The half-hour memory of follow-ups (bot/core/context.py) goes right after "what I keep".
    parts = privacy_full(_).split("\n\n")
    parts.insert(min(2, len(parts)), memory)
    buttons = ((Button("🗑️ " + _("Borrar todo lo que sabes de mí"), cb(Action.FORGET)),),)
    return Reply("\n\n".join(parts), buttons)

"""The one table of commands and button actions, and what each does.

The help text and Telegram's command menu are derived from COMMANDS, so a command cannot exist without
being listed, or be listed without existing. Handlers take the state and return a new one; they never
change the caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.core import answers, dialogue, freetext, handoff, menus, texts
from bot.core.callbacks import Action, Callback, parse
from bot.core.events import Event
from bot.core.replies import Outcome, Reply
from bot.core.state import UserState
from bot.i18n import N_, Gettext

if TYPE_CHECKING:
    from bot.core.conversation import Conversation

Turn = tuple[Outcome, UserState]
Handler = Callable[["Conversation", Event, UserState, str], Turn]


# ---------------------------------------------------------------------- handlers
def start(core: Conversation, event: Event, state: UserState, payload: str) -> Turn:
    """/start, maybe with a deep-link payload: a language (lang-yua), a topic (tema-aguinaldo) or an
    organization's code."""
    counters = ["start"]
    payload = payload.strip().lower()
    if payload.startswith("lang-") and payload[5:] in core.translator.languages:
        state = replace(state, lang=payload[5:], lang_chosen=True)
    elif not state.lang_chosen and event.language_hint:
        hint = event.language_hint.split("-")[0].lower()
        if hint in core.translator.languages:
            state = replace(state, lang=hint)
    _ = core.gettext(state)
    first_time = not state.welcomed
    state = replace(state, welcomed=True)
    organization = None
    if payload and not payload.startswith(("lang-", "tema-")):
        organization = core.kb.organization(payload)
        if organization is not None:
            state = replace(state, org=organization.code)
            counters.append("llegada")
    replies = [texts.welcome(core.kb, _, first_time, organization)]
    topic = payload[5:] if payload.startswith("tema-") else ""
    if topic in core.kb.entries:
        replies.extend(answers.show_entry(core, topic, state, event).replies)
        counters.append(f"deeplink:tema-{topic}")
    elif topic and core.kb.area(topic):
        replies.append(menus.area(core.kb, topic, _))
        counters.append(f"deeplink:tema-{topic}")
    return Outcome(tuple(replies), counters=tuple(counters)), state


def _reply(make: Callable[[Conversation, Gettext], Reply]) -> Handler:
    """A handler that only shows a standing reply and keeps the state."""

    def handler(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
        return Outcome((make(core, core.gettext(state)),)), state

    return handler


def menu(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return Outcome((texts.welcome(core.kb, core.gettext(state), first_time=False),)), state


def topics(core: Conversation, event: Event, state: UserState, area: str) -> Turn:
    _ = core.gettext(state)
    return Outcome((menus.area(core.kb, area, _) if area else menus.topics(core.kb, _),)), state


def answer(core: Conversation, event: Event, state: UserState, entry_id: str) -> Turn:
    if entry_id not in core.kb.entries:
        return stale(core, event, state, entry_id)
    return answers.show_entry(core, entry_id, state, event), state


def spanish(core: Conversation, event: Event, state: UserState, entry_id: str) -> Turn:
    if entry_id not in core.kb.entries:
        return stale(core, event, state, entry_id)
    return answers.show_entry(core, entry_id, state, event, spanish=True), state


def details(core: Conversation, event: Event, state: UserState, entry_id: str) -> Turn:
    entry = core.kb.entries.get(entry_id)
    if entry is None:
        return stale(core, event, state, entry_id)
    return Outcome((answers.details_reply(core, entry, state, event.today),)), state


def useful(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    """«¿Te sirvió?»: one anonymous count per entry and verdict; a 👎 offers other ways to find help."""
    entry_id, _sep, verdict = arg.rpartition(".")
    if entry_id not in core.kb.entries or verdict not in ("y", "n"):
        return stale(core, event, state, arg)
    _ = core.gettext(state)
    if verdict == "y":
        reply = Reply(_("¡Qué bueno! Gracias por decirme."))
    else:
        text = _(
            "Gracias por decirme. Puedes buscar en los temas, preguntar con otras palabras o hablar con "
            "una persona."
        )
        reply = Reply(text, (*menus.topic_buttons(core.kb, _), (menus.human_button(_),)))
    return Outcome((reply,), counters=(f"util:{entry_id}:{'si' if verdict == 'y' else 'no'}",)), state


def employer(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return answers.show_entry(core, answers.EMPLOYER_CARD, state, event), state


def listen(core: Conversation, event: Event, state: UserState, entry_id: str) -> Turn:
    return Outcome((answers.listen(core, entry_id, state, event),)), state


def language(core: Conversation, event: Event, state: UserState, code: str) -> Turn:
    if not code:
        return Outcome((menus.language_menu(core.translator.languages, core.gettext(state)),)), state
    if code not in core.translator.languages:
        return stale(core, event, state, code)
    state = replace(state, lang=code, lang_chosen=True)
    _ = core.gettext(state)
    if code == "es":
        text = _("Listo, te contesto en español.")
    elif core.translator.reviewed(code):
        text = _("Listo. Te contesto en tu idioma donde ya hay traducción; lo demás sigue en español.")
    else:
        # Never present a draft as reviewed: the note is in Spanish too, so anyone can read it.
        text = (
            _("Listo. Te contesto en tu idioma donde ya hay traducción; lo demás sigue en español.")
            + "\n\n📝 "
            + _("Esta traducción es un borrador: todavía no la revisa una persona hablante.")
            + "\n(Traducción en borrador, sin revisar. Puedes volver al español con /idioma.)"
        )
    return Outcome((Reply(text, menus.topic_buttons(core.kb, _)),), counters=(f"idioma:{code}",)), state


def human_help(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return handoff.human_help(core.kb, arg, state, core.gettext(state)), state


def calculate(core: Conversation, event: Event, state: UserState, name: str) -> Turn:
    if not name:
        return Outcome((menus.calculators(core.kb, core.flows, core.gettext(state)),)), state
    return dialogue.start(core, name, state, event)


def _flow(action: Action) -> Handler:
    """An answer button, "back" or "leave" inside a calculator."""

    def handler(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
        return dialogue.button(core, Callback(action, arg), state, event)

    return handler


def resume(core: Conversation, event: Event, state: UserState, name: str) -> Turn:
    return dialogue.resume(core, name, state, event)


def cancel(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return dialogue.cancel(core, state)


def share(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return freetext.share(core, arg, event, state), state


def forget(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    _ = core.gettext(state)
    # Neutral wording on purpose: someone else may read the screen.
    return Outcome((Reply(_("Listo.")),), forget_user=True, wipe_chat=True), UserState()


def wipe(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    _ = core.gettext(state)
    return Outcome((Reply(_("Listo.")),), wipe_chat=True), state


def stale(core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    return Outcome((menus.stale_button(core.kb, core.gettext(state)),)), state


help_reply = _reply(lambda core, _: texts.help_reply(core.kb, _, help_lines(_)))
privacy = _reply(lambda core, _: texts.privacy_reply(_))
none_of_these = _reply(lambda core, _: menus.dont_know(core.kb, _))


# ---------------------------------------------------------------------- the table
@dataclass(frozen=True)
class Command:
    name: str
    description: str  # msgid: one line in the help text and in Telegram's command menu
    run: Handler
    in_help: bool = True  # a line of the help text (then `description` is a msgid)
    in_menu: bool = True  # in Telegram's command menu
    takes_argument: bool = False  # /start's deep-link payload; other commands ignore what follows


COMMANDS: tuple[Command, ...] = (
    # Telegram's command menu is set once, in Spanish: /start and /ayuda, which the help text does not
    # list, need no translation.
    Command("start", "Empezar y ver los temas", start, takes_argument=True, in_help=False),
    Command("temas", N_("ver los temas"), topics),
    Command("calcular", N_("calcular aguinaldo, vacaciones y más"), calculate),
    Command("empleador", N_("tarjeta con las obligaciones de tu empleadora"), employer),
    Command("ayuda", "Cómo preguntar", help_reply, in_help=False),
    Command("idioma", N_("cambiar el idioma"), language),
    Command("privacidad", N_("qué guardo y por cuánto tiempo"), privacy),
    Command("borrar", N_("borrar todo lo que sé de ti"), forget),
    Command("salir", N_("borrar esta conversación de la pantalla"), wipe),
    Command("cancelar", "Dejar un cálculo", cancel, in_help=False, in_menu=False),
)
BY_NAME = {c.name: c for c in COMMANDS}

BUTTONS: dict[Action, Handler] = {
    Action.MENU: menu,
    Action.TOPICS: topics,
    Action.ANSWER: answer,
    Action.LANGUAGE: language,
    Action.HELP: human_help,
    Action.PRIVACY: privacy,
    Action.FORGET: forget,
    Action.EMPLOYER: employer,
    Action.CALCULATE: calculate,
    Action.FLOW: _flow(Action.FLOW),
    Action.FLOW_BACK: _flow(Action.FLOW_BACK),
    Action.FLOW_CANCEL: _flow(Action.FLOW_CANCEL),
    Action.NONE_OF_THESE: none_of_these,
    Action.RESUME: resume,
    Action.DETAILS: details,
    Action.USEFUL: useful,
    Action.SHARE: share,
    Action.SPANISH: spanish,
    Action.LISTEN: listen,
}


def command_menu() -> list[tuple[str, str]]:
    """(name, description) for Telegram's command menu, in the table's order, in Spanish."""
    return [(c.name, c.description[:1].upper() + c.description[1:]) for c in COMMANDS if c.in_menu]


def help_lines(_: Gettext) -> str:
    return "\n".join(f"/{c.name} - {_(c.description)}" for c in COMMANDS if c.in_help)


# What may happen during a calculator without leaving it; anything else pauses it (see `_leaving`).
KEEPS_CALCULATOR = {"cancelar", "borrar", "salir", "idioma"}
IN_CALCULATOR = {
    Action.FLOW,
    Action.FLOW_BACK,
    Action.FLOW_CANCEL,
    Action.RESUME,
    Action.FORGET,
    Action.USEFUL,
}


def on_command(core: Conversation, event: Event, state: UserState) -> Turn:
    command = BY_NAME.get(event.command)
    if command is None:
        _ = core.gettext(state)
        text = _("No conozco ese comando.") + "\n\n" + texts.help_body(_, help_lines(_))
        return Outcome((Reply(text, menus.topic_buttons(core.kb, _)),)), state
    argument = event.text if command.takes_argument else ""
    if command.name in KEEPS_CALCULATOR:
        return command.run(core, event, state, argument)
    return _leaving(command.run, core, event, state, argument)


def on_button(core: Conversation, event: Event, state: UserState) -> Turn:
    callback = parse(event.data)
    if callback is None:
        return stale(core, event, state, "")
    handler = BUTTONS.get(callback.action, stale)
    if callback.action in IN_CALCULATOR or callback.action is Action.LANGUAGE:
        return handler(core, event, state, callback.arg)
    return _leaving(handler, core, event, state, callback.arg)


def _leaving(handler: Handler, core: Conversation, event: Event, state: UserState, arg: str) -> Turn:
    """A topic, a menu or another answer in the middle of a calculator: the calculator waits in pause
    (the reply says so and offers to go back) instead of taking her next words as its answer."""
    if not dialogue.active(state):
        return handler(core, event, state, arg)
    note, paused = dialogue.pause(core, state)
    outcome, new_state = handler(core, event, paused, arg)
    if note is None or new_state.flow != paused.flow:  # the handler started or ended a calculator
        return outcome, new_state
    return replace(outcome, replies=(*outcome.replies, note)), new_state

"""The conversation core: one event and the user's state in, the replies and the new state out.

Everything the bot says is decided in bot/core; the Telegram and terminal adapters only translate.
A message goes: adapter → Conversation.handle (errors, counters) → route (group, command, button, media,
text) → router.py's table (commands, buttons) or freetext.py (what she wrote) → answers.py (entries) or
dialogue.py (calculators).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bot.content_i18n import ContentTranslations
from bot.core import answers, context, dialogue, freetext, menus, router
from bot.core import flows as flow_engine
from bot.core.counters import tag
from bot.core.events import ChatKind, Event, EventKind
from bot.core.replies import Button, Outcome, Reply
from bot.core.state import UserState
from bot.i18n import Gettext, Translator
from bot.knowledge.model import KnowledgeBase
from bot.matching.language_guess import LanguageGuesser
from bot.matching.matcher import LazyMatcher, Matcher
from bot.matching.urgent import UrgentSignals
from bot.privacy import PendingShares
from bot.understanding import Understander

log = logging.getLogger(__name__)

COMMANDS = tuple(c.name for c in router.COMMANDS)
Turn = tuple[Outcome, UserState]


@dataclass
class Conversation:
    kb: KnowledgeBase
    matcher: Matcher | LazyMatcher
    translator: Translator = field(default_factory=Translator)
    flows: Mapping[str, flow_engine.Flow] = field(default_factory=dict)
    bot_username: str | None = None
    voice_available: bool = False  # espeak-ng is installed: offer "Escuchar" and speak voice-note replies
    content: ContentTranslations = field(default_factory=ContentTranslations)
    language_matchers: Mapping[str, Matcher | LazyMatcher] = field(default_factory=dict)  # per language
    guesser: LanguageGuesser | None = None
    # Unanswered questions waiting for the user's yes/no to share them: in memory only, never stored.
    pending_shares: PendingShares = field(default_factory=lambda: PendingShares())

    def __post_init__(self) -> None:
        # Reads a whole message: its problems, where she works, and whether someone is in danger now.
        self.understander = Understander(self.kb, self.matcher)
        # Danger words in the six indigenous languages (drafts, locales/<code>/senales_urgentes.yaml).
        self.urgent_signals = UrgentSignals.load(self.kb)

    def gettext(self, state: UserState) -> Gettext:
        return self.translator.gettext(state.lang)

    def warm_up(self) -> None:
        """Build what is built on first use, so the first users after a start do not wait for it."""
        self.matcher.match("aguinaldo")  # first: on a first start this trains the Spanish matcher
        if self.guesser is not None:
            self.guesser.guess("warm up the language profiles")
        for matcher in self.language_matchers.values():
            matcher.match("aguinaldo")

    def handle(self, event: Event, state: UserState) -> Turn:
        """Never raises for any input: an internal error becomes a kind apology and the state is kept."""
        try:
            outcome, new_state = self._route(event, state)
            return self._tag_counters(outcome, new_state, event), new_state
        except Exception as exc:
            # Type and frames only: an exception's message can quote what the user wrote.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("core error %s on %s event\n%s", type(exc).__name__, event.kind.value, frames)
            _ = self.gettext(state)
            text = _("Perdón, algo falló de mi lado. Intenta de nuevo o toca un tema.")
            return Outcome((Reply(text, menus.topic_buttons(self.kb, _)),)), state

    def _route(self, event: Event, state: UserState) -> Turn:
        if event.chat is ChatKind.GROUP:
            return self._group(event, state), state
        state = context.current(dialogue.expire(state, event), event)
        if event.kind is EventKind.COMMAND:
            outcome, state = router.on_command(self, event, state)
        elif event.kind is EventKind.BUTTON:
            outcome, state = router.on_button(self, event, state)
        elif event.kind is EventKind.MEDIA:
            outcome = answers.media(self, event, state)
        else:
            outcome, state = freetext.handle(self, event, state)
        return outcome, self._remember_topic(outcome, state, event)

    def _remember_topic(self, outcome: Outcome, state: UserState, event: Event) -> UserState:
        """The entry just answered (or the calculator's), for a follow-up; not after /borrar."""
        if outcome.forget_user:
            return state
        if state.flow is not None and not state.flow.paused and state.flow.name in self.flows:
            entry_id = self.flows[state.flow.name].entry_id
            if entry_id and entry_id != context.topic(state):
                return context.remember(state, event, topic=entry_id)
        for counter in outcome.counters:
            if counter.startswith("tema:"):
                return context.remember(state, event, topic=counter.rsplit(":", 1)[-1])
            flow = (
                self.flows.get(counter.removeprefix("calculo:")) if counter.startswith("calculo:") else None
            )
            if flow is not None and flow.entry_id:
                return context.remember(state, event, topic=flow.entry_id)
        return state

    def _tag_counters(self, outcome: Outcome, state: UserState, event: Event) -> Outcome:
        """Add the language and the organization code to each counter key (see bot/core/counters.py)."""
        if not outcome.counters or event.chat is ChatKind.GROUP:
            return outcome
        organization = self.kb.organization(state.org) if state.org else None
        org = organization.code if organization else None
        return replace(outcome, counters=tuple(tag(c, state.lang, org) for c in outcome.counters))

    def _group(self, event: Event, state: UserState) -> Outcome:
        """In a group: only a pointer to a private chat, never an answer others could read."""
        if not event.addressed:
            return Outcome(())
        _ = self.gettext(state)
        text = _(
            "Hola. Para cuidar tu privacidad, solo contesto preguntas en un chat privado conmigo. "
            "Ahí nadie más ve lo que preguntas."
        )
        buttons: tuple[tuple[Button, ...], ...] = ()
        if self.bot_username:
            buttons = ((Button(_("Abrir chat privado"), url=f"https://t.me/{self.bot_username}"),),)
        return Outcome((Reply(text, buttons),))


__all__ = ["COMMANDS", "Conversation"]

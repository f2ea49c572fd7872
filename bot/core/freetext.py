"""Free text: what she wrote, understood. Small talk, a question in her language, an urgent situation,
a question that carries its numbers (a calculator), a match in the knowledge base, or an honest "no sé".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core import answers, context, dialogue, menus, smalltalk, stories
from bot.core.callbacks import Action, cb
from bot.core.events import Event
from bot.core.replies import Button, Outcome, Reply
from bot.core.state import UserState
from bot.i18n import LANGUAGES, Gettext
from bot.matching.matcher import Band, MatchResult
from bot.matching.normalize import fold
from bot.privacy import scrub
from bot.understanding import Understanding
from bot.understanding.engine import MIN_SCORE as SURE

if TYPE_CHECKING:
    from bot.core.conversation import Conversation

Turn = tuple[Outcome, UserState]


def handle(core: Conversation, event: Event, state: UserState) -> Turn:
    _ = core.gettext(state)
    text = event.text.strip()
    if not text:
        return Outcome(
            (Reply(_("Escribe tu pregunta o toca un tema."), menus.topic_buttons(core.kb, _)),)
        ), state
    if dialogue.active(state):
        if dialogue.is_answer(core, text, state, event) or not _leaves_calculator(core, text):
            return dialogue.text_answer(core, text, state, event)
        note, paused = dialogue.pause(core, state)
        rest = _without_exit_words(text)
        if rest == fold(text):
            outcome, new_state = _understand(core, text, paused, event, _)
        elif len(rest.split()) < 3:  # "salir", "ya no quiero": only leaving
            outcome, new_state = Outcome((menus.topics(core.kb, _),)), paused
        else:
            outcome, new_state = _understand(core, rest, paused, event, _)
        if note is None or new_state.flow != paused.flow:  # another calculator started
            return outcome, new_state
        return replace(outcome, replies=(*outcome.replies, note)), new_state
    return _understand(core, text, state, event, _)


# Words that mean "not this anymore" inside a calculator, folded; "mejor quiero saber de vacaciones"
# leaves it and asks about the rest.
EXIT_WORDS = re.compile(
    r"^(ya no quiero|no quiero|ya no|mejor no|mejor|salirme|salir|me salgo|menu|inicio|cancelar|cancela"
    r"|dejalo|olvidalo|otra cosa|otra pregunta|regresar|regresame)\b\s*"
)


def _leaves_calculator(core: Conversation, text: str) -> bool:
    """Text that is not an answer leaves the check when it says so ("salir", "ya no") or asks about
    something we know. Text with digits stays: it is a mistyped answer to re-ask, not a new question."""
    folded = fold(text)
    if EXIT_WORDS.match(folded) or folded in core.kb.synonyms.get("charla", {}):
        return True
    if core.understander.urgent(text):
        return True  # danger is never taken as a wrong answer
    if any(ch.isdigit() for ch in text):
        return False
    result = core.matcher.match(text)
    return core.matcher.thresholds.accepts(result.band) or (
        result.band is Band.ASK and len(folded.split()) >= 3
    )


def _without_exit_words(text: str) -> str:
    return EXIT_WORDS.sub("", fold(text)).strip()


def _understand(core: Conversation, text: str, state: UserState, event: Event, _: Gettext) -> Turn:
    """What she wrote, answered; a danger written in one of the indigenous languages leads the reply."""
    outcome, state = _read(core, text, state, event, _)
    signal = core.urgent_signals.find(text, state.lang)
    if signal is None or signal.lang == "es":
        return outcome, state  # Spanish danger words are weighed by the urgency detector, with negation
    if any(r.text.startswith("🚨") for r in outcome.replies):
        return outcome, state
    banner = answers.urgent_first(core, signal.entry_id, event, signal.lang)
    return Outcome((banner, *outcome.replies), counters=outcome.counters), state


def _read(core: Conversation, text: str, state: UserState, event: Event, _: Gettext) -> Turn:
    small_talk = core.kb.synonyms.get("charla", {}).get(fold(text)) or smalltalk.kind_of(text)
    if small_talk:
        return Outcome((smalltalk.reply(core.kb, small_talk, _),)), state
    in_language = _match_in_language(core, text, state, event, _)
    if in_language is not None:
        return in_language, state
    state = context.remember(state, event, facts=context.facts_in(text))
    result, about = context.read(core, text, state)
    workplace = state.work or context.facts(state).get("trabajo")
    understood = core.understander.understand(text, audience_hint=workplace)
    state = stories.remember_work(state, understood)
    urgent = understood.urgent  # decided over the whole message, never by the matcher's candidates
    if not urgent:
        started = dialogue.prefilled(core, text, result, state, event, about)
        if started is not None:
            return started
    if understood.story and understood.main and not about:
        outcome = stories.story(core, understood, state, event, _)
    else:
        outcome = _answer_match(core, result, state, event, _, bool(about), None if about else understood)
    if result.band is Band.UNKNOWN and not understood.main and event.user:
        core.pending_shares.put(event.user, text, event.at.timestamp())
        outcome = Outcome((*outcome.replies, _ask_to_share(_)), counters=outcome.counters)
    answered = next((c.rsplit(":", 1)[-1] for c in outcome.counters if c.startswith("tema:")), None)
    if urgent and answered != urgent and not (understood.story and understood.main and not about):
        banner = answers.urgent_first(core, urgent, event, state.lang)
        outcome = Outcome((banner, *outcome.replies), counters=outcome.counters)
    return outcome, state


def _match_in_language(
    core: Conversation, text: str, state: UserState, event: Event, _: Gettext
) -> Outcome | None:
    """A question typed in the user's language (or in another supported one, which we then offer)."""
    guessed = core.guesser.guess(text) if core.guesser and state.lang == "es" else None
    lang = state.lang if state.lang != "es" else guessed
    matcher = core.language_matchers.get(lang or "")
    result = matcher.match(text) if matcher else None
    shown: tuple[Reply, ...] = ()
    if result is not None and result.band is Band.ANSWER and result.best:
        reader = UserState(lang=lang or state.lang)
        shown = (answers.entry_reply(core, core.kb.entries[result.best.entry_id], reader, event.today),)
    if guessed and guessed in LANGUAGES:
        language = LANGUAGES[guessed]
        offer = Reply(
            _("¿Quieres que te conteste en {language}?").format(language=language.button),
            (
                (
                    Button(_("Sí"), cb(Action.LANGUAGE, guessed)),
                    Button(_("No, en español"), cb(Action.LANGUAGE, "es")),
                ),
            ),
        )
        return Outcome((offer, *shown), counters=(f"idioma-detectado:{guessed}",))
    if shown:
        assert result is not None and result.best is not None
        entry = core.kb.entries[result.best.entry_id]
        return Outcome(shown, counters=(f"tema:{entry.area}:{entry.id}",))
    return None


def _answer_match(
    core: Conversation,
    result: MatchResult,
    state: UserState,
    event: Event,
    _: Gettext,
    follow_up: bool = False,
    understood: Understanding | None = None,
) -> Outcome:
    if follow_up and result.best:  # read with the last topic: say how it was understood
        return _answer_first(core, result, state, event, _)
    main = understood.main if understood else None
    entry_id = result.best.entry_id if result.best else None
    if main and entry_id and core.understander.problem_of.get(entry_id) == main.problem:
        entry_id = main.entry_id  # the same problem's entry for her workplace, or for an employer
    if result.band is Band.ANSWER and entry_id:
        shown = answers.show_entry(core, entry_id, state, event)
        return stories.also(core, shown, understood, _) if understood else shown
    if result.band is Band.LIKELY and entry_id:
        shown = _answer_first(core, result, state, event, _, entry_id)
        return stories.also(core, shown, understood, _) if understood else shown
    if understood and main and main.score >= SURE:  # her words name a problem the matcher hesitates on
        if not understood.others:
            return _answer_first(core, result, state, event, _, main.entry_id)
        lead = "🔎 " + _("Entendí que preguntas por: {title}.").format(
            title=core.kb.entries[main.entry_id].title
        )
        return stories.also(
            core, answers.show_entry(core, main.entry_id, state, event, lead=lead), understood, _
        )
    if result.band is Band.ASK:
        rows = [
            (Button(core.kb.entries[c.entry_id].title, cb(Action.ANSWER, c.entry_id)),)
            for c in result.candidates
            if c.entry_id in core.kb.entries
        ]
        rows.append((Button(_("Ninguna de estas"), cb(Action.NONE_OF_THESE)),))
        return Outcome((Reply(_("¿Quisiste decir...?"), tuple(rows)),), counters=("duda",))
    return Outcome((menus.dont_know(core.kb, _),), counters=("sin-respuesta",))


def _answer_first(
    core: Conversation,
    result: MatchResult,
    state: UserState,
    event: Event,
    _: Gettext,
    entry_id: str | None = None,
) -> Outcome:
    """Probably this entry (the best candidate unless `entry_id` is given): answer it, say in a few words
    what was understood, and offer the other candidates."""
    assert entry_id is not None or result.best is not None
    entry = core.kb.entries[entry_id or (result.best.entry_id if result.best else "")]
    lead = "🔎 " + _("Entendí que preguntas por: {title}.").format(title=entry.title)
    if entry.title.endswith(("?", "!", ".")):  # "…por: ¿Quién paga el IMSS?." reads badly
        lead = lead.removesuffix(".")
    shown = answers.show_entry(core, entry.id, state, event, lead=lead)
    others = [
        c.entry_id for c in result.candidates if c.entry_id in core.kb.entries and c.entry_id != entry.id
    ]
    if not others:
        return shown
    rows = tuple((Button(core.kb.entries[e].title, cb(Action.ANSWER, e)),) for e in others)
    return replace(shown, replies=(*shown.replies, Reply(_("¿O preguntabas por…?"), rows)))


def _ask_to_share(_: Gettext) -> Reply:
    text = _(
        "¿Me dejas guardar tu pregunta para mejorar el bot? Le quito números, nombres y datos "
        "personales, no guardo quién la hizo y se borra en 30 días."
    )
    buttons = ((Button(_("Sí, compártela"), cb(Action.SHARE, "y")), Button(_("No"), cb(Action.SHARE, "n"))),)
    return Reply(text, buttons)


def share(core: Conversation, answer: str, event: Event, state: UserState) -> Outcome:
    """Her yes or no to keeping an unanswered question, scrubbed of personal data, for 30 days."""
    _ = core.gettext(state)
    question = core.pending_shares.pop(event.user, event.at.timestamp())
    topics = menus.topic_buttons(core.kb, _)
    if answer != "y":
        return Outcome((Reply(_("Está bien, no la guardo."), topics),))
    if question is None:
        return Outcome((Reply(_("Ya no tengo esa pregunta. Si quieres, escríbela de nuevo."), topics),))
    return Outcome(
        (Reply(_("Gracias. La guardé sin datos personales."), topics),), shared_question=scrub(question)
    )

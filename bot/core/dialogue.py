"""The calculator dialogue: start a check, ask its questions one by one, take answers, show the result.

The flow engine (bot/core/flows.py) knows the questions and validates answers; this module only turns its
steps into replies. Every function returns a new UserState; the caller's state is never changed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core import context, menus
from bot.core import flows as flow_engine
from bot.core.callbacks import Action, Callback, cb
from bot.core.events import Event
from bot.core.replies import Button, Outcome, Reply, fit
from bot.core.result_text import render_result
from bot.core.state import FlowState, UserState
from bot.matching.matcher import Band, MatchResult
from bot.rules.result import Result

if TYPE_CHECKING:
    from bot.core.conversation import Conversation

Turn = tuple[Outcome, UserState]
PATIENCE_SECONDS = 30 * 60  # a check left unanswered this long is over: the next message is a new question


def _timed(flow_state: FlowState, event: Event) -> FlowState:
    return replace(flow_state, at=event.at.timestamp(), paused=False)


def start(core: Conversation, name: str, state: UserState, event: Event) -> Turn:
    """A calculator from its button: what she already said in the last half hour is filled in (and shown,
    and undone with "Atrás" if misread)."""
    _ = core.gettext(state)
    flow = core.flows.get(name)
    if flow is None:
        return Outcome((menus.stale_button(core.kb, _),)), state
    answers, _problems = flow_engine.fill(flow, context.facts(state), event.today)
    lead = Reply(_(flow.intro) + _understood(core, flow, answers, state))
    started = replace(state, flow=_timed(flow_engine.start(flow, answers), event))
    return next_step(core, flow, started, event, lead=(lead,))


def _understood(
    core: Conversation, flow: flow_engine.Flow, answers: dict[str, object], state: UserState
) -> str:
    if not answers:
        return ""
    _ = core.gettext(state)
    lines = "\n".join(
        f"• {_(q.label or q.prompt)}: {flow_engine.shown_value(q, answers[q.id], _)}"
        for q in flow.questions
        if q.id in answers
    )
    return "\n\n" + _("Con lo que me dijiste, anoté:") + "\n" + lines


def prefilled(
    core: Conversation, text: str, match: MatchResult, state: UserState, event: Event, about: str = ""
) -> Turn | None:
    """A question that already carries its numbers ("gano 300 diarios y trabajé todo el año, ¿cuánto es
    mi aguinaldo?") starts the calculator of the entry it is about with what was said (and what she said
    in the last half hour), and asks only what is missing (or answers at once). Numbers are taken out
    for matching: they only add noise. `about` is the question read with its context, for follow-ups."""
    if not any(ch.isdigit() for ch in text):
        return None
    words = core.matcher.match(re.sub(r"\$?\d[\d.,]*", " ", about or text))
    found = next((r for r in (words, match) if r.band is not Band.UNKNOWN and r.best), None)
    entry = core.kb.entries.get(found.best.entry_id) if found and found.best else None
    flow = core.flows.get(entry.calculator or "") if entry and not entry.urgent else None
    if flow is None or flow.prefill is None:
        return None
    said, _problems = flow_engine.fill(flow, flow.prefill(text), event.today)
    if not said:
        return None
    answers, _problems = flow_engine.fill(flow, {**context.facts(state), **flow.prefill(text)}, event.today)
    _ = core.gettext(state)
    lead = Reply(_(flow.intro) + _understood(core, flow, answers, state))
    started = replace(state, flow=_timed(flow_engine.start(flow, answers), event))
    return next_step(core, flow, started, event, lead=(lead,))


def text_answer(core: Conversation, text: str, state: UserState, event: Event) -> Turn:
    """Text typed while a check is waiting for an answer."""
    assert state.flow is not None
    flow = core.flows.get(state.flow.name)
    if flow is None:
        return Outcome((menus.stale_button(core.kb, core.gettext(state)),)), replace(state, flow=None)
    return _answer(core, flow, text, state, event)


def button(core: Conversation, callback: Callback, state: UserState, event: Event) -> Turn:
    """An answer button, "back" or "leave" inside a check."""
    if state.flow is None or (flow := core.flows.get(state.flow.name)) is None:
        return Outcome((menus.stale_button(core.kb, core.gettext(state)),)), replace(state, flow=None)
    if callback.action is Action.FLOW_CANCEL:
        return cancel(core, state)
    if callback.action is Action.FLOW_BACK:
        backed = _timed(flow_engine.back(flow, state.flow.copy()), event)
        return next_step(core, flow, replace(state, flow=backed), event)
    step, _sep, value = callback.arg.partition(".")
    if step != state.flow.step:  # a button of an earlier question: ignore it, repeat the current one
        return next_step(core, flow, replace(state, flow=_timed(state.flow, event)), event)
    return _answer(core, flow, value, state, event)


def _answer(core: Conversation, flow: flow_engine.Flow, raw: str, state: UserState, event: Event) -> Turn:
    assert state.flow is not None
    _ = core.gettext(state)
    try:
        answered = flow_engine.answer(flow, state.flow.copy(), raw[:200], event.today)
    except flow_engine.Invalid as problem:
        return next_step(core, flow, state, event, error=_(problem.message).format(**problem.params))
    return next_step(core, flow, replace(state, flow=_timed(answered, event)), event)


def is_answer(core: Conversation, text: str, state: UserState, event: Event) -> bool:
    """Whether text typed during a check is an answer to its question: it validates (a number, a date,
    an option) by the flow engine's own rules."""
    flow = core.flows.get(state.flow.name) if state.flow else None
    question = flow.question(state.flow.step) if flow and state.flow else None
    if question is None or state.flow is None:
        return False
    try:
        flow_engine.validate_answer(question, text[:200], state.flow.answers, event.today)
    except flow_engine.Invalid:
        return False
    return True


def expire(state: UserState, event: Event) -> UserState:
    """A check waits 30 minutes for an answer; after that her next message starts afresh."""
    if state.flow is not None and event.at.timestamp() - state.flow.at > PATIENCE_SECONDS:
        return replace(state, flow=None)
    return state


def active(state: UserState) -> bool:
    return state.flow is not None and not state.flow.paused


def pause(core: Conversation, state: UserState) -> tuple[Reply | None, UserState]:
    """She left the check to ask something else: keep it, say so, and offer to come back to it."""
    if state.flow is None or state.flow.paused or state.flow.name not in core.flows:
        return None, state
    _ = core.gettext(state)
    note = Reply(
        "⏸️ " + _("Dejé tu cálculo en pausa. Cuando quieras, sigues donde ibas."),
        ((Button("↩️ " + _("Volver al cálculo"), cb(Action.RESUME, state.flow.name)),),),
    )
    return note, replace(state, flow=replace(state.flow, paused=True))


def resume(core: Conversation, name: str, state: UserState, event: Event) -> Turn:
    """Back to the paused check, at the question where she left it; a check that expired starts again."""
    _ = core.gettext(state)
    flow = core.flows.get(name)
    if flow is None:
        return Outcome((menus.stale_button(core.kb, _),)), state
    if state.flow is None or state.flow.name != name:
        lead = Reply(_("Ese cálculo ya se cerró. Empecemos otra vez."))
        started = replace(state, flow=_timed(flow_engine.start(flow), event))
        return next_step(core, flow, started, event, lead=(lead,))
    resumed = replace(state, flow=_timed(state.flow, event))
    return next_step(core, flow, resumed, event, lead=(Reply(_("Seguimos con tu cálculo.")),))


def next_step(
    core: Conversation,
    flow: flow_engine.Flow,
    state: UserState,
    event: Event,
    error: str = "",
    lead: tuple[Reply, ...] = (),
) -> Turn:
    """The next question, or the result when everything is known."""
    assert state.flow is not None
    _ = core.gettext(state)
    question = flow_engine.next_question(flow, state.flow)
    if question is None:
        result = flow.evaluate(state.flow.answers, event.today, core.kb)
        reply = _result_reply(core, result, flow, state)
        return Outcome((*lead, reply), counters=(f"calculo:{flow.name}",)), replace(state, flow=None)
    text = _(question.prompt)
    if question.hint:
        text += "\n" + _(question.hint)
    if error:
        text = "⚠️ " + error + "\n\n" + text
    rows: list[tuple[Button, ...]] = [
        (Button(_(o.label), cb(Action.FLOW, f"{question.id}.{o.value}")),) for o in question.options
    ]
    controls = [Button("❌ " + _("Salir del cálculo"), cb(Action.FLOW_CANCEL))]
    if state.flow.history:
        controls.insert(0, Button("⬅️ " + _("Atrás"), cb(Action.FLOW_BACK)))
    rows.append(tuple(controls))
    return Outcome((*lead, Reply(text, tuple(rows)))), state


def cancel(core: Conversation, state: UserState) -> Turn:
    _ = core.gettext(state)
    text = _("Listo, dejé el cálculo.") if state.flow is not None else _("No hay nada que cancelar.")
    reply = Reply(text + " " + _("¿Qué quieres hacer?"), menus.topic_buttons(core.kb, _))
    return Outcome((reply,)), replace(state, flow=None)


def _result_reply(core: Conversation, result: Result, flow: flow_engine.Flow, state: UserState) -> Reply:
    _ = core.gettext(state)
    rows: list[tuple[Button, ...]] = [
        (Button("🔁 " + _("Calcular otra vez"), cb(Action.CALCULATE, flow.name)),)
    ]
    entry_id = result.related_entry or flow.entry_id
    if entry_id and entry_id in core.kb.entries:
        rows.append((Button("📖 " + core.kb.entries[entry_id].title, cb(Action.ANSWER, entry_id)),))
    rows.append((Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),))
    return Reply(fit(render_result(result, _)), tuple(rows))

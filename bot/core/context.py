"""The last half hour of a conversation: the last topic and the facts she gave (pay, days a week, years,
where she works), so a follow-up ("¿y si solo voy 3 días?", "¿y en el campo?") is read against them.

Only numbers and categories are kept, never her words; /borrar drops them with everything else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.checks import prefill
from bot.core.events import Event
from bot.core.state import Context, UserState

MEMORY_SECONDS = 30 * 60
# The facts several calculators share; read by the same extractors the calculators use.
_FACTS = prefill.combine(
    prefill.work, prefill.wage, prefill.days_per_week, prefill.years_of_service, prefill.ending
)
_SAFE_VALUE = re.compile(r"^[a-z0-9.,]{1,12}$")  # a number or a category word: nothing she could be named by
_FOLLOW_UP = re.compile(r"^(y|e|pero|entonces|o sea|tambien|y si|y en|y con|y cuando|y cuanto|y que)\b")


def current(state: UserState, event: Event) -> UserState:
    """The state without a context older than 30 minutes."""
    if state.context is not None and event.at.timestamp() - state.context.at > MEMORY_SECONDS:
        return replace(state, context=None)
    return state


def facts_in(text: str) -> dict[str, str]:
    """Numbers and categories said in a message (as calculator answers, still to be validated)."""
    return {k: v for k, v in _FACTS(text).items() if _SAFE_VALUE.match(v)}


def remember(
    state: UserState, event: Event, facts: dict[str, str] | None = None, topic: str = ""
) -> UserState:
    """Add what was just said or answered; every message keeps the context 30 more minutes."""
    if not facts and not topic:
        return state
    old = state.context or Context()
    merged = {**old.facts, **(facts or {})}
    return replace(state, context=Context(topic or old.topic, merged, event.at.timestamp()))


def facts(state: UserState) -> dict[str, str]:
    return dict(state.context.facts) if state.context else {}


def topic(state: UserState) -> str:
    return state.context.topic if state.context else ""


def follow_up(folded: str) -> int:
    """2: it opens like a follow-up ("¿y si renuncio?", "pero solo voy 3 días"); 1: it is short enough to
    be one ("en el campo"); 0: it stands alone."""
    if _FOLLOW_UP.match(folded):
        return 2
    return 1 if len(folded.split()) <= 4 else 0

"""The last half hour of a conversation: the last topic and the facts she gave (pay, days a week, years,
where she works), so a follow-up ("¿y si solo voy 3 días?", "¿y en el campo?") is read against them.

Only numbers and categories are kept, never her words; /borrar drops them with everything else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.checks import prefill
from bot.core.events import Event
from bot.core.state import Context, UserState
from bot.matching.matcher import Band, Candidate, MatchResult
from bot.matching.normalize import fold

if TYPE_CHECKING:
    from bot.core.conversation import Conversation

MEMORY_SECONDS = 30 * 60
SURE_ALONE = 0.5  # a decision value this high names its own topic ("¿y si renuncio?"): no context needed
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


def read(core: Conversation, text: str, state: UserState) -> tuple[MatchResult, str]:
    """The question alone, or read against the last topic when it is a follow-up: "¿y en el campo?" after
    the minimum wage is the farm workers' minimum wage; "¿y si solo voy 3 días?" after the aguinaldo is
    still the aguinaldo. Returns the match and the text it was read as ("" when read alone)."""
    result = core.matcher.match(text)
    last = core.kb.entries.get(topic(state))
    how = follow_up(fold(text))
    sure = result.band is Band.ANSWER and result.best is not None and result.best.decision >= SURE_ALONE
    if last is None or how == 0 or sure or (how == 1 and result.band is Band.ANSWER):
        return result, ""
    about = f"{last.title} {text}"
    workplace = prefill.work(text).get("trabajo")
    # The same topic for that workplace: a related entry only for it, or one of the general entry's.
    entries = core.kb.entries
    general = [r for r in last.related if r in entries and "general" in entries[r].audience]
    pool = [*last.related, *(s for g in general for s in entries[g].related)]
    sibling = next((r for r in pool if r in entries and entries[r].audience == (workplace,)), None)
    if workplace and last.audience != (workplace,) and sibling:
        others = tuple(c for c in result.candidates if c.entry_id != sibling)[:2]
        return MatchResult(Band.LIKELY, (Candidate(sibling, 100.0), *others), result.normalized), about
    with_topic = core.matcher.match(about)
    if core.matcher.thresholds.accepts(with_topic.band):
        return with_topic, about
    return result, ""

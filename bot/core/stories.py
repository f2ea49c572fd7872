"""A message read whole (bot/understanding): the most serious problem answered first, the others offered
under «También veo», and in a few words what was understood so she can correct it. A story is answered
here; a plain question keeps the matcher's answer, with the entry for her workplace or for an employer."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core import answers
from bot.core.callbacks import Action, cb
from bot.core.events import Event
from bot.core.replies import Button, Outcome, Reply
from bot.core.state import UserState
from bot.i18n import Gettext
from bot.knowledge.model import AUDIENCES
from bot.understanding import Understanding

if TYPE_CHECKING:
    from bot.core.conversation import Conversation


def remember_work(state: UserState, understood: Understanding) -> UserState:
    """Keep where she works (a category: hogar, campo or general), so a later question is read for it."""
    if understood.audience in AUDIENCES and understood.audience != state.work:
        return replace(state, work=understood.audience)
    return state


def story(
    core: Conversation, understood: Understanding, state: UserState, event: Event, _: Gettext
) -> Outcome:
    """The main problem's answer, led by what was understood; then «También veo» with one button per other
    problem (at most three)."""
    assert understood.main is not None
    titles = [core.kb.entries[f.entry_id].title for f in (understood.main, *understood.others)]
    lead = "🔎 " + _("Entendí que preguntas por: {title}.").format(title="; ".join(titles))
    if understood.urgent:
        # Danger first: what to do now, then what else she told, one tap each.
        banner = answers.urgent_first(core, understood.urgent, event, state.lang)
        rest = also(core, Outcome((banner,)), understood, _, lead)
        return replace(rest, counters=(*rest.counters, f"urgente:{understood.urgent}"))
    shown = answers.show_entry(core, understood.main.entry_id, state, event, lead=lead)
    return also(core, shown, understood, _)


def also(
    core: Conversation, shown: Outcome, understood: Understanding, _: Gettext, lead: str = ""
) -> Outcome:
    """«También veo»: the other problems she told, one button each, under the answer."""
    main = understood.main.entry_id if understood.main and not understood.urgent else ""
    others = [f.entry_id for f in understood.others if f.entry_id != main and f.entry_id in core.kb.entries]
    if understood.urgent and understood.main and understood.main.entry_id != understood.urgent:
        others.insert(0, understood.main.entry_id)
    if not others:
        return replace(shown, replies=(*shown.replies, Reply(lead))) if lead else shown
    rows = tuple((Button(core.kb.entries[e].title, cb(Action.ANSWER, e)),) for e in others[:3])
    text = "\n\n".join(p for p in (lead, _("También veo:")) if p)
    return replace(shown, replies=(*shown.replies, Reply(text, rows)))

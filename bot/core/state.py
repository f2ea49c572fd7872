"""What the bot remembers about one (pseudonymous) user between messages. Never message text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot.knowledge.model import AUDIENCES


@dataclass
class FlowState:
    """A questionnaire in progress: which one, which question, and the answers given so far."""

    name: str
    answers: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # question ids answered, for "go back"
    step: str = ""
    # Question id -> [msgid, params] of what was assumed to read that answer ("tomé el 1 de marzo").
    notes: dict[str, Any] = field(default_factory=dict)
    at: float = 0.0  # unix time of the last answer (or of the start): a check waits 30 minutes, no more
    paused: bool = False  # she left it to ask something else; "Volver al cálculo" resumes it

    def copy(self) -> FlowState:
        """The flow engine updates a FlowState in place: it gets a copy, so the caller's state stays."""
        return FlowState(
            self.name,
            dict(self.answers),
            list(self.history),
            self.step,
            dict(self.notes),
            self.at,
            self.paused,
        )

    @classmethod
    def from_dict(cls, data: Any) -> FlowState | None:
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            return None
        answers = data.get("answers")
        history = data.get("history")
        notes = data.get("notes")
        return cls(
            name=data["name"],
            answers=dict(answers) if isinstance(answers, dict) else {},
            history=[h for h in history if isinstance(h, str)] if isinstance(history, list) else [],
            step=str(data["step"]) if isinstance(data.get("step"), str) else "",
            notes=dict(notes) if isinstance(notes, dict) else {},
            at=float(data["at"]) if isinstance(data.get("at"), int | float) else 0.0,
            paused=data.get("paused") is True,
        )


@dataclass
class Context:
    """What the last messages were about, for follow-ups ("¿y si solo voy 3 días?"): the last answer's
    entry and the facts she said, as numbers and categories only (never her words). 30 minutes."""

    topic: str = ""  # entry id of the last answer
    facts: dict[str, str] = field(default_factory=dict)  # question id -> "300", "diario", "campo"...
    at: float = 0.0  # unix time of the last message that set it

    @classmethod
    def from_dict(cls, data: Any) -> Context | None:
        if not isinstance(data, dict):
            return None
        facts = data.get("facts")
        return cls(
            topic=str(data["topic"]) if isinstance(data.get("topic"), str) else "",
            facts={str(k): str(v) for k, v in facts.items()} if isinstance(facts, dict) else {},
            at=float(data["at"]) if isinstance(data.get("at"), int | float) else 0.0,
        )


@dataclass
class UserState:
    lang: str = "es"
    lang_chosen: bool = False
    welcomed: bool = False  # has seen the short privacy notice of the first /start
    org: str | None = None  # deep-link code of the organization the user arrived through
    flow: FlowState | None = None
    context: Context | None = None
    work: str | None = None  # where she works, as a category (hogar, campo, general), to read later questions

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> UserState:
        """Tolerates old or damaged records: anything unexpected falls back to the default."""
        if not isinstance(data, dict):
            return cls()
        state = cls()
        if isinstance(data.get("lang"), str):
            state.lang = data["lang"]
        state.lang_chosen = data.get("lang_chosen") is True
        state.welcomed = data.get("welcomed") is True
        if isinstance(data.get("org"), str):
            state.org = data["org"]
        state.flow = FlowState.from_dict(data.get("flow"))
        state.context = Context.from_dict(data.get("context"))
        if data.get("work") in AUDIENCES:
            state.work = data["work"]
        return state

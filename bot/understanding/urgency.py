"""Is someone in danger right now? Decided over the whole message by its words, never by which answers
the matcher finds close: sharing a word with an emergency ("lavar el coche de la patrona", "miedo de que
me corran") is not one.

The evidence is a danger cue (problemas.yaml `peligro`, sinonimos.yaml `senales_urgentes`) said as
happening: not denied ("no me pega"), not hypothetical ("si se me rompe una mano", "¿me pueden quitar
mis papeles?") and not long ago ("hace años me pegó"). A cue in the past tense still counts ("me empujó y
me sacó", "me caí de la escalera"): it just happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase
from bot.understanding.text import CueSet, Hit, compile_cues, cue_set


@dataclass(frozen=True)
class Alarm:
    problem: str  # problem code
    entry_id: str  # the urgent entry to show first
    hit: Hit | None  # None when raised by the safety net (engine.Understander._safety_net)


# Said anywhere, these keep an alarm even when the message also asks about rights: it is happening now.
_NOW_RE = re.compile(
    r"\b(?:ahorita|ahora|ayuda|ayudame|auxilio|urgente|rapido|sangr\w*|no puedo (?:mover|caminar|respirar)|"
    r"me duele mucho|que hago)\b"
)


class UrgencyDetector:
    def __init__(self, kb: KnowledgeBase) -> None:
        # (problem code, urgent entry, pattern), in the order of problemas.yaml: the most serious first.
        self.rules: list[tuple[str, str, CueSet]] = []
        self.over = {p.code: compile_cues(p.over) for p in kb.problems.values() if p.over}
        self.unless = {p.code: compile_cues(p.unless) for p in kb.problems.values() if p.unless}
        for problem in kb.problems.values():
            if problem.urgent and problem.danger:
                self.rules.append((problem.code, problem.urgent, cue_set(problem.danger)))
        by_entry: dict[str, list[str]] = {}
        for cue, entry_id in kb.synonyms.get("senales_urgentes", {}).items():
            if entry_id in kb.entries and kb.entries[entry_id].urgent:
                by_entry.setdefault(entry_id, []).append(cue)
        # Signals of a more specific urgent entry than their problem's (a bite, under "accident").
        self.specific: list[tuple[str, str, CueSet]] = []
        for entry_id, cues in by_entry.items():
            owner = kb.problem_of(entry_id)
            if owner is not None:
                self.rules.append((owner.code, entry_id, cue_set(cues)))
                if entry_id != owner.urgent:
                    self.specific.append((owner.code, entry_id, cue_set(cues)))

    def detect(self, parts: list[str]) -> Alarm | None:
        """The danger happening now in these clauses (text.clauses()), if any."""
        whole = " ".join(parts)
        now = bool(_NOW_RE.search(whole))
        for code, entry_id, cues in self.rules:
            over = self.over.get(code)
            if over is not None and not now and over.search(whole):
                continue  # it happened and she asks what she is owed
            for hit in cues.find(parts, self.unless.get(code)):
                if hit.happening:
                    return Alarm(code, self._more_specific(code, parts) or entry_id, hit)
        return None

    def _more_specific(self, code: str, parts: list[str]) -> str | None:
        for owner, entry_id, cues in self.specific:
            if owner == code and any(hit.happening for hit in cues.find(parts, self.unless.get(code))):
                return entry_id
        return None

"""A story cut into clauses, and cue phrases found in it with what surrounds them.

People tell several things at once ("me corrió, no me pagó y me empujó"); each clause is about one of
them. Whether a cue counts depends on its clause: "no me pega", "si me pega", "hace años me pegó" and
"tengo miedo de que me corran" do not say it is happening.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.matching.normalize import fold

MAX_CHARS = 4096  # Telegram's longest message; a story is read whole
MAX_CLAUSE_WORDS = 40  # a longer run without punctuation is cut into windows of this many words

# Where one thing said ends and another starts. Commas alone are too frequent inside one thing.
_SENTENCE_RE = re.compile(r"[.!?;:\n…]+|\s[-–—]\s")
_CLAUSE_RE = re.compile(
    r",?\s+\b(?:pero|aunque|entonces|despues|luego|y luego|y despues|ademas|y ademas|tambien|y tambien|"
    r"porque|pues|asi que|y encima|encima|y aparte|aparte|o sea)\b\s+"
)

# Said just before a cue in its clause, these undo it.
_NEGATION_RE = re.compile(r"\b(?:no|nunca|jamas|ni|tampoco|sin que)\s+(?:(?!y\b|pero\b|que\b)\S+\s+){0,2}$")
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:si|y si|por si|en caso de que|en caso de|que pasa si|que hago si|que tal si|miedo (?:de |a )?que|"
    r"me da miedo que|temo que|puede que|podria|podrian|pueden|puede|se vale que|es legal que|"
    r"a poco|llegara a|llegaran a|cuando me|si algun dia)\b"
)
_DISTANT_RE = re.compile(
    r"\bhace (?:\d+|un|una|unos|unas|muchos|muchas|varios|varias|dos|tres|cuatro|cinco) "
    r"(?:anos?|meses|mes|semanas?)\b|\bcuando (?:era|tenia|estaba chica|estaba chico)\b|"
    r"\b(?:de nina|de nino|de chica|de chiquita|de joven|mi (?:trabajo|patrona|patron) anterior|"
    r"en otro trabajo|en mi otro trabajo|el ano pasado|hace tiempo|antes me|una vez)\b"
)


def clauses(text: str) -> list[str]:
    """The message (up to MAX_CHARS) as folded clauses, in order."""
    found: list[str] = []
    for sentence in _SENTENCE_RE.split(text[:MAX_CHARS]):
        folded = fold(sentence)
        if not folded:
            continue
        for part in _CLAUSE_RE.split(" " + folded):
            words = part.split()
            for start in range(0, len(words), MAX_CLAUSE_WORDS):
                if chunk := " ".join(words[start : start + MAX_CLAUSE_WORDS]):
                    found.append(chunk)
    return found


def compile_cues(cues: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for many cue phrases. In a cue, a word ending in * matches any ending of it, and a lone
    * stands for one to three words ("me pagan * a la semana")."""
    parts = []
    for cue in cues:
        words = []
        for raw in cue.split():
            if raw == "*":
                words.append(r"(?:\S+ ){1,3}?")
                continue
            prefix = raw.endswith("*")
            word = re.escape(fold(raw.rstrip("*")))
            words.append(word + (r"\w*" if prefix else "") + " ")
        if words:
            parts.append("".join(words).rstrip(" "))
    if not parts:
        return None
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


@dataclass(frozen=True)
class Hit:
    clause: int  # index in clauses()
    start: int
    end: int
    negated: bool
    hypothetical: bool
    distant: bool

    @property
    def affirmed(self) -> bool:
        """Said as true: not denied (past or hypothetical still say it is a problem)."""
        return not self.negated

    @property
    def happening(self) -> bool:
        """Said as happening now or just now: the only kind of hit that raises an alarm."""
        return not (self.negated or self.hypothetical or self.distant)


def find(pattern: re.Pattern[str] | None, parts: list[str]) -> list[Hit]:
    if pattern is None:
        return []
    hits = []
    for index, clause in enumerate(parts):
        for match in pattern.finditer(clause):
            before = clause[: match.start()]
            hits.append(
                Hit(
                    index,
                    match.start(),
                    match.end(),
                    negated=bool(_NEGATION_RE.search(before)),
                    hypothetical=bool(_HYPOTHETICAL_RE.search(before)),
                    distant=bool(_DISTANT_RE.search(clause)),
                )
            )
    return hits

"""A story cut into clauses, and cue phrases found in it with what surrounds them.

People tell several things at once ("me corrió, no me pagó y me empujó"); each clause is about one of
them. Whether a cue counts depends on its clause: "no me pega", "si me pega", "hace años me pegó" and
"tengo miedo de que me corran" do not say it is happening.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.matching.normalize import fold

MAX_CHARS = 4096  # Telegram's longest message; a story is read whole
MAX_CLAUSE_WORDS = 40  # a longer run without punctuation is cut into windows of this many words

# Where one thing said ends and another starts. Commas alone are too frequent inside one thing.
_SENTENCE_RE = re.compile(r"[.!?;:\n…]+|\s[-–—]\s|,\s*(?=y\s+\S+\s+\S+)")
_CLAUSE_RE = re.compile(
    r",?\s+\b(?:pero|aunque|entonces|despues|luego|y luego|y despues|ademas|y ademas|tambien|y tambien|"
    r"porque|pues|asi que|y aparte|aparte|o sea)\b\s+"
)

# Said just before a cue in its clause, these undo it.
_NEGATION_RE = re.compile(
    r"\b(?:no|nunca|jamas|ni|tampoco|sin que)\s+(?:(?:me|te|se|nos|le|les|lo|la|los|las|ya|ha|han|he|habia|"
    r"habian|mas|siempre)\s+){0,2}$"
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:si|y si|por si|en caso de que|en caso de|que pasa si|que hago si|que tal si|miedo (?:de |a )?que|"
    r"me da miedo que|temo que|puede que|podria|podrian|pueden|puede|se vale que|es legal que|"
    r"a poco|llegara a|llegaran a|si algun dia|como (?:prevenir|evitar|se evita|se previene)|"
    r"prevenir|evitar|que es|que son|que significa|se considera|cuenta como|es delito)\b"
)
_DISTANT_RE = re.compile(
    r"(?<!desde )\bhace (?:\d+|un|una|unos|unas|muchos|muchas|varios|varias|dos|tres|cuatro|cinco) "
    r"(?:anos?|meses|mes|semanas?)\b|\bcuando (?:era|tenia|estaba chica|estaba chico)\b|"
    r"\b(?:de nina|de nino|de chica|de chiquita|de joven|mi (?:trabajo|patrona|patron) anterior|"
    r"en otro trabajo|en mi otro trabajo|el ano pasado|hace tiempo|antes me|una vez|empece|comence|"
    r"empezamos)\b"
)


# Single letters that stand for a word in messages typed fast ("m corrio", "t lo rebajo").
_SHORT_FORMS = {"m": "me", "t": "te"}


def clauses(text: str, spelling: Mapping[str, str] | None = None) -> list[str]:
    """The message (up to MAX_CHARS) as folded clauses, in order, with SMS forms and misspellings written
    out word by word (`spelling`: sinonimos.yaml `sms` and `errores`, folded)."""
    table = {**_SHORT_FORMS, **(spelling or {})}
    found: list[str] = []
    for sentence in _SENTENCE_RE.split(text[:MAX_CHARS]):
        folded = " ".join(table.get(w, w) for w in fold(sentence).split())
        if not folded:
            continue
        for part in _CLAUSE_RE.split(" " + folded):
            words = part.split()
            for start in range(0, len(words), MAX_CLAUSE_WORDS):
                if chunk := " ".join(words[start : start + MAX_CLAUSE_WORDS]):
                    found.append(chunk)
    return found


# "me pega" also as "me está pegando", "me quiso pegar", "me empezó a empujar": an object pronoun, then
# one of these, then the cue's verb.
_PRONOUNS = {"me", "nos", "la", "lo", "le", "les"}
_AUXILIARY = (
    r"(?:(?:esta|estan|estaba|estaban|sigue|siguen|ha|han|habia|habian|quiso|quisieron|quiere|quieren|"
    r"intento|intentaron|trato de|va a|van a|iba a|empezo a|empieza a|empezaron a|volvio a|acaba de) )?"
)
_TOKEN_RE = re.compile(r"\([^)]*\)|\S+")  # words, and (a|b c) groups that may hold spaces
_UNDER_15 = r"(?:[1-9]|1[0-4]|ocho|nueve|diez|once|doce|trece|catorce)"  # the {menor} token: under 15


def compile_cues(cues: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for many cue phrases. In a cue, a word ending in * matches any ending of it, a lone *
    stands for one to three words ("me pagan * a la semana"), ... for any words of the same clause, (a|b)
    for either word, {menor} for an age under 15, and a cue that starts with an object pronoun ("me peg*")
    also matches with an auxiliary verb between ("me está pegando", "me quiso pegar")."""
    parts = []
    for cue in cues:
        words = []
        tokens = _TOKEN_RE.findall(cue)
        for position, raw in enumerate(tokens):
            if raw == "*":
                words.append(r"(?:\S+ ){1,3}?")
                continue
            if raw == "...":
                words.append(r"(?:\S+ )*?")
                continue
            if raw == "{menor}":
                words.append(_UNDER_15 + " ")
                continue
            if raw.startswith("(") and raw.endswith(")"):
                choices = "|".join(
                    re.escape(fold(c.rstrip("*"))).replace("\\ ", " ") + (r"\w*" if c.endswith("*") else "")
                    for c in raw[1:-1].split("|")
                )
                words.append(f"(?:{choices}) ")
                continue
            prefix = raw.endswith("*")
            word = re.escape(fold(raw.rstrip("*")))
            words.append(word + (r"\w*" if prefix else "") + " ")
            if position == 0 and raw in _PRONOUNS and len(tokens) > 1 and tokens[1].endswith("*"):
                words.append(_AUXILIARY)
        if words:
            parts.append("".join(words).rstrip(" "))
    if not parts:
        return None
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


@dataclass(frozen=True)
class CueSet:
    """Cue phrases, and pairs "A + B": B counts only when A is also said somewhere in the message ("tiene
    mis papeles" + "no me los da")."""

    single: re.Pattern[str] | None
    pairs: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()

    def find(self, parts: list[str], unless: re.Pattern[str] | None = None) -> list[Hit]:
        hits = find(self.single, parts, unless)
        for first, second in self.pairs:
            if any(h.affirmed for h in find(first, parts, unless)):
                hits += find(second, parts, unless)
        return hits


def cue_set(cues: Iterable[str]) -> CueSet:
    cues = list(cues)
    pairs = []
    for cue in cues:
        if " + " in cue:
            first, second = (compile_cues([half]) for half in cue.split(" + ", 1))
            if first is not None and second is not None:
                pairs.append((first, second))
    return CueSet(compile_cues(c for c in cues if " + " not in c), tuple(pairs))


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


def calm(text: str) -> bool:
    """The message is hypothetical or about long ago somewhere ("si me pasa algo", "hace años")."""
    return bool(_HYPOTHETICAL_RE.search(text) or _DISTANT_RE.search(text))


def distant(clause: str) -> bool:
    """The clause tells something long past ("hace años", "cuando era niña")."""
    return bool(_DISTANT_RE.search(clause))


def find(
    pattern: re.Pattern[str] | None, parts: list[str], unless: re.Pattern[str] | None = None
) -> list[Hit]:
    """Where the cues are, with their context; none in a clause that `unless` matches, in it or in the
    next one, which often says why ("tiene mi INE, porque me está tramitando el seguro")."""
    if pattern is None:
        return []
    hits = []
    for index, clause in enumerate(parts):
        if unless is not None and any(unless.search(c) for c in parts[index : index + 2]):
            continue  # "me pegó el covid", "no me deja salir temprano": the cue means something else here
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

"""What a message is about: its problems, the most serious first, each with the entry that answers it.

A question ("¿me toca aguinaldo?") is one problem, found by the matcher. A story is several: it is cut
into clauses (text.py), each clause goes through the matcher, and cue words of problemas.yaml find what
the matcher misses in long, colloquial sentences ("el taco que les sobra te lo rebajo de lo que te pago").
The problems are put in order of severity (danger, deadline, money, information), each gets the entry for
where she works and for who she is (the employer has her own answers), and the urgency detector
(urgency.py) alone decides whether danger goes first as an alarm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge.model import EMPLOYER, SEVERITIES, KnowledgeBase, ProblemKind
from bot.matching.audience import AudienceCues
from bot.matching.matcher import Band, LazyMatcher, Matcher, MatchResult
from bot.matching.normalize import Normalizer
from bot.understanding.text import MAX_CHARS, CueSet, calm, clauses, compile_cues, cue_set, distant
from bot.understanding.urgency import Alarm, UrgencyDetector
from bot.understanding.who import audience_of, is_employer

_Pattern = re.Pattern[str] | None
OTHER = "otro"
SAFETY_NET = True  # see Understander._safety_net: the lead decides whether to keep it
SAFETY_NET_CHARS = 300  # what the matcher read of a message before issue 18
MAX_OTHERS = 3
DEFAULT_AUDIENCE = "hogar"  # the bot is first for domestic workers: a problem with no workplace said
STORY_CLAUSES = 2  # from this many clauses a message is read as a story, clause by clause
MIN_CLAUSE_WORDS = 3  # shorter clauses ("fue", "y ya") say nothing the matcher can use
# Scores in [0, 1]: how sure we are the message tells this problem.
DANGER_SCORE = 1.0  # a danger cue said as true
CUE_SCORE = 0.6  # one cue word of the problem; each more adds CUE_STEP
CUE_STEP = 0.1
ANSWER_SCORE = 0.8  # the matcher would answer this clause with an entry of the problem
ASK_SCORE = 0.45  # the matcher hesitates: counts only with a cue beside it
BOTH_BONUS = 0.1  # matcher and cue agree
MIN_SCORE = 0.55  # under this a problem is not shown
PAST_WEIGHT = 0.7  # a clause about long ago ("hace años", "cuando era niña") counts less


@dataclass(frozen=True)
class Finding:
    problem: str  # a code of knowledge/problemas.yaml
    entry_id: str  # the entry that answers it for this person
    score: float  # 0-1, how sure


@dataclass(frozen=True)
class Understanding:
    main: Finding | None
    others: tuple[Finding, ...]  # at most MAX_OTHERS, in the order to offer them
    urgent: str | None  # the urgent entry to show first when someone is in danger now
    audience: str | None  # hogar, campo, general, or None when not said and not remembered
    employer: bool  # written by someone who employs
    story: bool  # read clause by clause
    match: MatchResult | None = None  # a question's match of the whole message (None for a story)
    summary: tuple[str, ...] = field(default=())  # the problem codes understood, in order

    @property
    def confident(self) -> bool:
        """The main problem is answered without the matcher's other candidates beside it."""
        if self.urgent or self.story:
            return self.main is not None
        return self.match is not None and self.match.band is Band.ANSWER


@dataclass
class _Evidence:
    score: float = 0.0
    entry_id: str | None = None  # the matcher's entry, when it found this problem
    strong: bool = False  # a cue said it in words (not only the matcher)
    over: bool = False  # the danger is over and she asks what she is owed (problemas.yaml `pasado`)

    def add(self, score: float, entry_id: str | None = None, strong: bool = False) -> None:
        if entry_id and (self.entry_id is None or score >= self.score):
            self.entry_id = entry_id
        self.score = max(self.score, score)
        self.strong = self.strong or strong


class Understander:
    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher | LazyMatcher,
        normalizer: Normalizer | None = None,
        safety_net: bool = SAFETY_NET,
    ) -> None:
        self.kb = kb
        self.safety_net = safety_net
        self.matcher = matcher
        self.normalize = normalizer or Normalizer.from_tables(kb.synonyms)
        self.audience_cues = AudienceCues(kb.synonyms.get("audiencias", {}), self.normalize)
        self.urgency = UrgencyDetector(kb)
        self.problem_of = {e: p.code for p in reversed(kb.problems.values()) for e in p.entries}
        self.over = {p.code: pattern for p in kb.problems.values() if (pattern := compile_cues(p.over))}
        self.cues: list[tuple[ProblemKind, CueSet, CueSet, _Pattern]] = [
            (p, cue_set(p.cues), cue_set(p.danger), compile_cues(p.unless)) for p in kb.problems.values()
        ]

    def understand(self, text: str, *, audience_hint: str | None = None) -> Understanding:
        text = text[:MAX_CHARS]
        parts = clauses(text, self.normalize.tokens)
        story = len([p for p in parts if len(p.split()) >= MIN_CLAUSE_WORDS]) >= STORY_CLAUSES
        folded = " ".join(parts)
        audience = audience_of(self.normalize(text), self.audience_cues, audience_hint, folded)
        employer = is_employer(folded)
        alarm = self.urgency.detect(parts) or self._safety_net(text, parts)
        evidence: dict[str, _Evidence] = {}

        for problem, cues, danger, unless in self.cues:
            said = [h for h in cues.find(parts, unless) if h.affirmed]
            # Long ago ("hace años me gritaba") is still a problem told, but not the one to answer first.
            if dangers := [h for h in danger.find(parts, unless) if h.affirmed]:
                recent = any(not h.distant for h in dangers)
                score = DANGER_SCORE if recent else CUE_SCORE
                evidence.setdefault(problem.code, _Evidence()).add(score, strong=recent)
            elif said:
                score = min(CUE_SCORE + CUE_STEP * (len(said) - 1), 0.9)
                recent = any(not h.distant for h in said)
                evidence.setdefault(problem.code, _Evidence()).add(score, strong=recent)
        cue_scores = {code: e.score for code, e in evidence.items()}
        folded_over = [(code, p) for code, p in self.over.items() if code in evidence and p.search(folded)]
        for code, _pattern in folded_over:
            evidence[code].over = alarm is None or alarm.problem != code

        match = None
        guess: MatchResult | None = None  # a story's surest clause, when nothing else is found
        if story:
            told = [c for c in parts if len(c.split()) >= MIN_CLAUSE_WORDS]
            for clause, result in zip(told, self.matcher.match_many(told), strict=True):
                weight = PAST_WEIGHT if distant(clause) else 1.0
                self._add_match(result, evidence, cue_scores, weight)
                if result.best and (
                    guess is None or guess.best is None or result.best.decision > guess.best.decision
                ):
                    guess = result
        else:
            match = self.matcher.match(text)
            self._add_match(match, evidence, cue_scores)

        findings = {
            code: Finding(code, entry_id, round(e.score, 3))
            for code, e in evidence.items()
            if e.score >= MIN_SCORE and (entry_id := self._entry_for(code, e.entry_id, audience, employer))
        }
        order = sorted(findings, key=lambda code: self._order(code, evidence[code]))
        main_code: str | None = order[0] if order else None
        if not story and match is not None and match.band is Band.ANSWER and match.best:
            # A question the matcher is sure about: its answer leads; cue words add what else it mentions.
            top = self.problem_of.get(match.best.entry_id, OTHER)
            entry_id = self._entry_for(top, match.best.entry_id, audience, employer) or match.best.entry_id
            findings[top] = Finding(top, entry_id, findings[top].score if top in findings else ASK_SCORE)
            main_code = top
        elif (
            not findings
            and (unsure := match if not story else guess)
            and unsure.band is Band.ASK
            and unsure.best
        ):
            # Unsure and nothing else said: the matcher's best guess leads, offered with its alternatives.
            top = self.problem_of.get(unsure.best.entry_id, OTHER)
            entry_id = self._entry_for(top, unsure.best.entry_id, audience, employer) or unsure.best.entry_id
            findings[top] = Finding(top, entry_id, ASK_SCORE)
            main_code = top
        urgent = None
        if alarm is not None:
            urgent = alarm.entry_id
            main_code = alarm.problem
            findings[alarm.problem] = Finding(alarm.problem, alarm.entry_id, DANGER_SCORE)
        main = findings.get(main_code) if main_code else None
        # One button per answer: two problems answered by the same entry (until a new entry is written)
        # show it once.
        seen = {main.entry_id} if main else set()
        others_list: list[Finding] = []
        for code in order:
            finding = findings.get(code)
            if code in (main_code, OTHER) or finding is None or finding.entry_id in seen:
                continue
            seen.add(finding.entry_id)
            others_list.append(finding)
        others = tuple(others_list[:MAX_OTHERS])
        summary = tuple(f.problem for f in (main, *others) if f is not None)
        return Understanding(main, others, urgent, audience, employer, story, match, summary)

    def urgent(self, text: str) -> str | None:
        """Only the alarm: the urgent entry when someone is in danger now."""
        parts = clauses(text[:MAX_CHARS], self.normalize.tokens)
        alarm = self.urgency.detect(parts) or self._safety_net(text, parts)
        return alarm.entry_id if alarm else None

    def _safety_net(self, text: str, parts: list[str]) -> Alarm | None:
        """The alarm the bot raised before issue 18, kept as a safety net because the rules above alone
        missed emergencies that it caught (held-out tests/data/urgencia.yaml and relatos.yaml: 72 of 174
        missed alone, 31 with it, 32 before; false alarms 33, 96 and 145 of 517): an urgent entry among
        the matcher's closest candidates for the start of the message, unless the message is hypothetical
        or long past. It brings back some old false alarms ("¿tengo que lavar el coche de la patrona?").
        SAFETY_NET = False leaves the rules alone."""
        if not self.safety_net or not parts or calm(" ".join(parts)):
            return None
        result = self.matcher.match(text[:SAFETY_NET_CHARS])
        if result.band is Band.UNKNOWN or result.best is None:
            return None
        close = result.best.decision - self.matcher.thresholds.margin
        for candidate in result.candidates:
            entry = self.kb.entries.get(candidate.entry_id)
            code = self.problem_of.get(candidate.entry_id)
            if entry and entry.urgent and code and candidate.decision >= close:
                return Alarm(code, entry.id, None)
        return None

    def _add_match(
        self, result: MatchResult, evidence: dict[str, _Evidence], cues: dict[str, float], weight: float = 1.0
    ) -> None:
        if result.band is Band.UNKNOWN or result.best is None:
            return
        code = self.problem_of.get(result.best.entry_id)
        if code is None:
            return
        score = ANSWER_SCORE if result.band is Band.ANSWER else ASK_SCORE
        if code in cues:
            score = max(score, cues[code]) + BOTH_BONUS
        evidence.setdefault(code, _Evidence()).add(min(score, 1.0) * weight, result.best.entry_id)

    def _order(self, code: str, evidence: _Evidence) -> tuple[int, float]:
        """The most serious problem first, then the surest."""
        problem = self.kb.problems.get(code)
        rank = problem.rank if problem else len(SEVERITIES)
        if problem and problem.severity == "peligro" and not evidence.strong:
            rank = SEVERITIES.index("informacion")  # the matcher alone does not make a danger
        elif problem and problem.severity == "peligro" and evidence.over:
            rank = SEVERITIES.index("dinero")  # it is over and she asks what she is owed
        return rank, -evidence.score

    def _entry_for(self, code: str, matched: str | None, audience: str | None, employer: bool) -> str | None:
        problem = self.kb.problems.get(code)
        if problem is None:
            return matched
        general_answer = problem.answers.get(audience or DEFAULT_AUDIENCE)
        # An employer gets the employer's answer instead of any of the workers' sibling answers.
        if (
            employer
            and EMPLOYER in problem.answers
            and (matched is None or matched in problem.answers.values())
        ):
            return problem.answers[EMPLOYER]
        sibling = matched in problem.answers.values() and general_answer and audience is not None
        if matched and not sibling and (audience is None or audience in self.kb.entries[matched].audience):
            return matched
        return general_answer or matched

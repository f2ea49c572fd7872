"""Anonymous counter keys: what happened, in which language, through which organization's link. Never who.

A key is the event, then optional dimensions, separated by `|`:

    tema:derechos:aguinaldo|lang=es|org=sinactraho

Events (what the core emits):
    start                     /start
    llegada                   /start through an organization's link (the org is in the `org` dimension)
    deeplink:tema-<id>        /start through a topic link
    tema:<area>:<entry>       an answer shown (typed question, button or topic link)
    calculo:<flow>            a calculation finished
    duda                      a question with several possible answers ("¿Quisiste decir...?")
    sin-respuesta             a question the bot could not answer
    persona:<work>            the list of people to contact (work: hogar, campo or general)
    idioma:<code>             the language changed
    util:<entry>:si|no        «¿Te sirvió?» under an answer: 👍 or 👎

Dimensions: `lang` (the language the bot answered in) and `org` (the deep-link code the user arrived
through, absent when none). The storage adds the day; there is no user column anywhere, so a count can
never be traced to a person. Keys written before dimensions existed have none and still parse.
"""

from __future__ import annotations

from dataclasses import dataclass

SEPARATOR = "|"
QUESTION_PREFIXES = ("tema:", "calculo:")
QUESTION_EVENTS = ("duda", "sin-respuesta")


@dataclass(frozen=True)
class CounterKey:
    event: str
    lang: str = ""
    org: str = ""

    def encode(self) -> str:
        parts = [self.event]
        if self.lang:
            parts.append(f"lang={self.lang}")
        if self.org:
            parts.append(f"org={self.org}")
        return SEPARATOR.join(parts)

    @property
    def is_question(self) -> bool:
        """Events that are a question asked: answers shown, calculations, doubtful and unanswered ones."""
        return self.event.startswith(QUESTION_PREFIXES) or self.event in QUESTION_EVENTS

    @property
    def topic(self) -> str:
        """The topic of a question: the entry id, `calculo:<flow>`, `duda` or `sin-respuesta`."""
        if self.event.startswith("tema:"):
            return self.event.rsplit(":", 1)[-1]
        return self.event


def tag(event: str, lang: str, org: str | None) -> str:
    return CounterKey(event, lang, org or "").encode()


def parse(key: str) -> CounterKey:
    event, *dimensions = key.split(SEPARATOR)
    values = dict(d.partition("=")[::2] for d in dimensions)
    return CounterKey(event, values.get("lang", ""), values.get("org", ""))

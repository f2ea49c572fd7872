"""Who is telling: where she works (a house, the fields, elsewhere) and whether she is the one who employs.

Where comes from the cue words of sinonimos.yaml `audiencias`, counted over the whole message, and
otherwise from what the conversation remembers. The employer's point of view comes from how people who
employ talk: "tengo una empleada", "la despido", "cómo la inscribo", "cuánto le tengo que pagar".
"""

from __future__ import annotations

import re
from collections import Counter

from bot.matching.audience import AudienceCues

_WORKER = (
    r"(?:empleada|empleado|trabajadora|trabajador|muchacha|muchacho|nana|ninera|cocinera|chacha|"
    r"sirvienta|senora que|persona que|chica que|joven que|jardinero|chofer|jornaleros?|trabajadores)"
)
_EMPLOYER_RE = re.compile(
    rf"\b(?:tengo (?:una|un|a una|a un|dos|tres) {_WORKER}|mi {_WORKER}|(?:contrate|contratar|contrato) a "
    r"(?:una|un)|(?:la|lo|les|las|los) (?:despido|despedi|corro|inscribo|inscribi|doy de alta|di de alta|"
    r"registro|registre|aseguro|asegure|contrate|tengo que pagar|debo pagar|pago)|"
    r"(?:despedirla|despedirlo|correrla|correrlo|inscribirla|inscribirlo|registrarla|registrarlo|"
    r"asegurarla|asegurarlo|darla de alta|darlo de alta|contratarla|contratarlo)|"
    r"(?:cuanto|que) le (?:tengo que|debo|tendria que) (?:pagar|dar)(?! al\b| a la\b)|"
    r"(?:trabaja|trabajando|trabajado) conmigo|trabaja en mi casa|viene a mi casa|"
    r"soy (?:patrona|patron|empleadora|empleador|la patrona|el patron)|"
    r"como (?:patrona|patron|empleadora|empleador))\b"
)


def is_employer(folded: str) -> bool:
    """The message is written by someone who employs (folded text, see normalize.fold)."""
    return bool(_EMPLOYER_RE.search(folded))


# How people name the place when no cue word of sinonimos.yaml `audiencias` is there: "la señora", "la
# patrona" are a house's; the foreman and the furrow are the fields'. Only read when those say nothing.
_FALLBACK = {
    "hogar": re.compile(
        r"\b(?:la senora|la patrona|mi patrona|el senor de la casa|de planta|la familia|sus hijos|sus ninos|"
        r"la abuelita|el abuelito|los ninos de la)\b"
    ),
    "campo": re.compile(
        r"\b(?:capataz|mayordomo|surco|cuadrilla|troque|galeron|la raya|jornalera|corte de)\b"
    ),
}


def audience_of(normalized: str, cues: AudienceCues | None, hint: str | None, folded: str = "") -> str | None:
    """hogar, campo or general: the most named in the message (normalized text), else the hint."""
    if cues is None:
        return hint
    counts = Counter({a: len(p.findall(normalized)) for a, p in cues.patterns.items()})
    if not any(counts.values()):
        counts = Counter({a: len(p.findall(folded)) for a, p in _FALLBACK.items()})
    ranked = [(a, n) for a, n in counts.most_common() if n]
    if not ranked:
        return hint
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        tied = {ranked[0][0], ranked[1][0]}
        return hint if hint in tied else None
    return ranked[0][0]

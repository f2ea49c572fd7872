"""Small readers of a Result for the assertions."""

from __future__ import annotations

from bot.rules.result import Result


def spanish(message: str) -> str:
    return message


def amounts(result: Result) -> dict[str, float]:
    return {a.label.render(spanish): a.value for a in result.amounts}


def citations(result: Result) -> list[str]:
    return [r.citation for r in result.reasons]


def text(result: Result) -> str:
    parts = [result.summary, *(r.text for r in result.reasons), *result.not_checked, *result.next_steps]
    return "\n".join(m.render(spanish) for m in parts)

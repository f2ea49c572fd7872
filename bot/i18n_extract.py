"""A Babel extractor for the interface text declared as data (checks, results, errors).

pybabel's Python extractor only sees positional arguments of `_()`-like calls; the checks declare their
questions as `Question(id, prompt, ..., hint=..., label=...)`, options as `Option(value, label)`, results
as `Msg(text, ...)` and re-asks as `Invalid(text)`. This extractor reads those too. It is named in
babel.cfg, so `pybabel extract -F babel.cfg` uses it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import IO, Any

# call name -> (positional indexes, keyword names) that hold user-facing text
TEXT_ARGUMENTS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "_": ((0,), ()),
    "N_": ((0,), ()),
    "Msg": ((0,), ("msgid",)),
    "Invalid": ((0,), ("message",)),
    "Question": ((1,), ("prompt", "hint", "label", "assumption")),
    "Option": ((1,), ("label",)),
    "Flow": ((1, 2), ("title", "intro")),
}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literal(node: ast.expr) -> str | None:
    """A plain string, including implicitly concatenated literals ("a " "b")."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract_bot(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method: yields (line, funcname, message, comments)."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name not in TEXT_ARGUMENTS:
            continue
        positions, names = TEXT_ARGUMENTS[name]
        candidates = [node.args[i] for i in positions if i < len(node.args)]
        candidates += [k.value for k in node.keywords if k.arg in names]
        for candidate in candidates:
            text = _literal(candidate)
            if text and text.strip():
                # An empty function name tells Babel the whole string is the message (no keyword spec).
                yield candidate.lineno, "", text, []

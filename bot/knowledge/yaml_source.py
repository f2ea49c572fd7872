"""YAML reading that remembers where each mapping came from, so problems can say `file:line`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict[str, Any]):
    """A mapping read from YAML, with the line (1-based) of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (several times faster at start-up), the pure-Python one otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        # A YAML 1.1 key such as `no:` or `2026:` is not a string; keep it so the checker can report it.
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlProblem(ValueError):
    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def read_yaml(path: Path) -> Any:
    """Parse one file; a syntax error becomes a YamlProblem with the line and a plain explanation."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(path, 1, f"el archivo no está en UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise YamlProblem(
            path, 0, f"no se pudo leer el archivo ({exc.strerror or type(exc).__name__})"
        ) from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(path, line, f"YAML inválido: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(path, 1, f"YAML inválido: {exc}") from None

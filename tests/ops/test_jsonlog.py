from __future__ import annotations

import json
import logging

from bot.ops.jsonlog import JsonFormatter


def record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("bot.test", logging.WARNING, __file__, 1, message, args, info)


def test_one_json_object_per_line_with_time_level_logger_and_message() -> None:
    line = JsonFormatter().format(record("purge: %d users removed", 3))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "bot.test"
    assert entry["message"] == "purge: 3 users removed"
    assert entry["time"].endswith("+00:00")


def test_an_exception_gives_its_type_and_places_never_its_message() -> None:
    try:
        raise ValueError("mi patrona Rosa no me paga")
    except ValueError as exc:
        caught = exc
    line = JsonFormatter().format(record("error abc123: %s", "ValueError", exc=caught))
    entry = json.loads(line)
    assert entry["error"] == "ValueError"
    assert any("test_jsonlog.py" in place for place in entry["where"])
    assert "Rosa" not in line

"""BOT_LOG_FORMAT=json: one JSON object per line (time, level, logger, message) for log collectors.

The message is the same one the text format prints, and the bot never logs user text. An exception adds
its type and the code locations of its traceback, never its message: exception messages can quote
what a user wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import traceback


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            error_type, _, trace = record.exc_info
            entry["error"] = error_type.__name__
            entry["where"] = [
                f"{frame.filename}:{frame.lineno} {frame.name}" for frame in traceback.extract_tb(trace)
            ]
        return json.dumps(entry, ensure_ascii=False)

"""Logging set-up. Third-party loggers stay at WARNING: httpx logs request URLs, which hold the token."""

from __future__ import annotations

import logging

QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "aiohttp")
# python-telegram-bot logs the raw JSON of an update it cannot parse ("Received data was %r"), which holds
# users' messages, names and ids. Such records keep their level and logger, but lose the data.
RAW_DATA_MARK = "Received data was"


class RawUpdateRedactor(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram") and RAW_DATA_MARK in str(record.msg):
            record.msg = str(record.msg).split(RAW_DATA_MARK, 1)[0] + "Received data was withheld (privacy)."
            record.args = ()
            if record.exc_info and record.exc_info[0] is not None:
                # The exception's message can quote the data too: keep its type only.
                record.msg += f" ({record.exc_info[0].__name__})"
            record.exc_info = None
            record.exc_text = None
        return True


def setup_logging(level: str, log_format: str = "text") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(RawUpdateRedactor())
    if log_format == "json":
        from bot.ops.jsonlog import JsonFormatter

        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)

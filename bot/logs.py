"""Logging set-up. Third-party loggers stay at WARNING: httpx logs request URLs, which hold the token."""

from __future__ import annotations

import logging

QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "aiohttp")


def setup_logging(level: str, log_format: str = "text") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_format == "json":
        from bot.ops.jsonlog import JsonFormatter

        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)

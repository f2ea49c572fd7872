"""Logging set-up. Third-party loggers stay at WARNING: httpx logs request URLs, which hold the token."""

from __future__ import annotations

import logging

QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "aiohttp")


def setup_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)

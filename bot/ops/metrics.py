"""Prometheus metrics of the Telegram bot. Counts of what happened, never who: no label holds a user,
a chat, a message or an entry; `kind` and `reason` take a handful of fixed values.

The adapter calls the small functions below; /metrics (bot.ops.http) serves the default registry, which
also carries the process collector's memory, CPU and open-file figures.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from typing import Any, ParamSpec

from prometheus_client import Counter, Gauge, Histogram

from bot import __version__
from bot.core import counters

P = ParamSpec("P")

UPDATES = Counter("bot_updates", "Telegram updates handled (every kind, including ignored ones)")
UPDATE_ERRORS = Counter("bot_update_errors", "Updates whose handling raised an error")
IN_PROGRESS = Gauge("bot_updates_in_progress", "Updates being handled right now")
LATENCY = Histogram(
    "bot_update_seconds",
    "Time from the start of handling an update to its last reply sent",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
REPLIES = Counter("bot_replies_sent", "Messages and voice notes sent")
RETRIES = Counter("bot_send_retries", "Bot API calls retried after a network failure or time-out")
FAILURES = Counter("bot_send_failures", "Bot API calls given up on", ["reason"])
OUTCOMES = Counter(
    "bot_outcomes",
    "What the core did with a question: answer, did_you_mean, no_answer (the honest «no sé»), calculation",
    ["kind"],
)
QUEUE = Gauge("bot_update_queue_depth", "Updates received from Telegram and waiting to be handled")
LAST_POLL = Gauge("bot_last_poll_timestamp_seconds", "Unix time of the last successful getUpdates")
INFO = Gauge("bot_info", "The running version", ["version"])
INFO.labels(version=__version__).set(1)

FAILURE_REASONS = ("network", "bad_request", "forbidden", "other")
OUTCOME_KINDS = {"duda": "did_you_mean", "sin-respuesta": "no_answer"}
for _reason in FAILURE_REASONS:  # every series exists from the start, at zero, so rates work at once
    FAILURES.labels(reason=_reason)
for _kind in ("answer", "did_you_mean", "no_answer", "calculation"):
    OUTCOMES.labels(kind=_kind)


def timed_update(
    handler: Callable[P, Awaitable[None]],
) -> Callable[P, Coroutine[Any, Any, None]]:
    """Wraps the adapter's update handler: counts it, times it and counts it as an error if it raises."""

    @functools.wraps(handler)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        UPDATES.inc()
        started = time.perf_counter()
        with IN_PROGRESS.track_inprogress(), UPDATE_ERRORS.count_exceptions():
            try:
                await handler(*args, **kwargs)
            finally:
                LATENCY.observe(time.perf_counter() - started)

    return wrapper


def outcome(keys: Iterable[str]) -> None:
    """Counts an outcome from the core's anonymous counter keys (bot.core.counters)."""
    for key in keys:
        event = counters.parse(key).event
        if event.startswith("tema:"):
            OUTCOMES.labels(kind="answer").inc()
        elif event.startswith("calculo:"):
            OUTCOMES.labels(kind="calculation").inc()
        elif event in OUTCOME_KINDS:
            OUTCOMES.labels(kind=OUTCOME_KINDS[event]).inc()


def reply_sent() -> None:
    REPLIES.inc()


def send_retried() -> None:
    RETRIES.inc()


def send_failed(reason: str) -> None:
    FAILURES.labels(reason=reason if reason in FAILURE_REASONS else "other").inc()


_last_poll: float | None = None  # time.monotonic() of the last successful getUpdates


def polled() -> None:
    """A getUpdates call succeeded: polling is alive (read by /healthz)."""
    global _last_poll
    _last_poll = time.monotonic()
    LAST_POLL.set(time.time())


def seconds_since_poll() -> float | None:
    return None if _last_poll is None else time.monotonic() - _last_poll


def watch_queue(depth: Callable[[], int]) -> None:
    QUEUE.set_function(lambda: float(depth()))

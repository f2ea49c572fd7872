from __future__ import annotations

import pytest
from prometheus_client import REGISTRY

from bot.core.counters import tag
from bot.ops import metrics


def value(name: str, **labels: str) -> float:
    found = REGISTRY.get_sample_value(name, labels)
    return 0.0 if found is None else found


def test_outcomes_are_counted_by_kind_from_the_cores_counter_keys() -> None:
    before = {k: value("bot_outcomes_total", kind=k) for k in ("answer", "did_you_mean", "no_answer")}
    calc_before = value("bot_outcomes_total", kind="calculation")
    metrics.outcome(
        [
            tag("tema:derechos:aguinaldo", "es", "sinactraho"),
            tag("duda", "es", None),
            tag("sin-respuesta", "nhe", None),
            tag("sin-respuesta", "es", None),
            tag("calculo:aguinaldo", "es", None),
            tag("start", "es", None),  # not a question: no outcome
        ]
    )
    assert value("bot_outcomes_total", kind="answer") == before["answer"] + 1
    assert value("bot_outcomes_total", kind="did_you_mean") == before["did_you_mean"] + 1
    assert value("bot_outcomes_total", kind="no_answer") == before["no_answer"] + 2
    assert value("bot_outcomes_total", kind="calculation") == calc_before + 1


async def test_timed_update_counts_times_and_counts_errors() -> None:
    updates, errors = value("bot_updates_total"), value("bot_update_errors_total")
    observed = value("bot_update_seconds_count")

    @metrics.timed_update
    async def handler(fail: bool) -> None:
        if fail:
            raise ValueError("boom")

    await handler(False)
    with pytest.raises(ValueError):
        await handler(True)
    assert value("bot_updates_total") == updates + 2
    assert value("bot_update_errors_total") == errors + 1
    assert value("bot_update_seconds_count") == observed + 2
    assert value("bot_updates_in_progress") == 0


def test_send_failures_keep_a_fixed_set_of_reasons() -> None:
    other = value("bot_send_failures_total", reason="other")
    metrics.send_failed("something new")
    assert value("bot_send_failures_total", reason="other") == other + 1
    assert value("bot_send_failures_total", reason="something new") == 0


def test_poll_age_and_queue_depth() -> None:
    metrics.polled()
    age = metrics.seconds_since_poll()
    assert age is not None and 0 <= age < 60
    assert value("bot_last_poll_timestamp_seconds") > 1_600_000_000
    metrics.watch_queue(lambda: 7)
    assert value("bot_update_queue_depth") == 7

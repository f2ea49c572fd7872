"""What running as a service costs: the metric hooks per update, one /healthz check, and a backup.

    .venv/bin/python -m benchmarks.bench_ops
Prints microseconds of metric bookkeeping per update, milliseconds per health check (a file probe and
a SQLite write lock), and seconds and MB/s for `backup` and `restore` of a database of 100,000 users.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from bot.core.counters import tag
from bot.core.state import FlowState, UserState
from bot.ops import backup, metrics
from bot.ops.health import Health, problem_of
from bot.storage import Store

USERS = 100_000
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def metric_hooks(rounds: int = 50_000) -> float:
    """Microseconds per update: the handler wrapper, one outcome and one reply counted."""
    keys = (tag("tema:derechos:aguinaldo", "es", "sinactraho"),)

    @metrics.timed_update
    async def handler() -> None:
        metrics.outcome(keys)
        metrics.reply_sent()

    async def run() -> float:
        started = time.perf_counter()
        for _ in range(rounds):
            await handler()
        return time.perf_counter() - started

    async def bare() -> float:
        async def nothing() -> None:
            return None

        started = time.perf_counter()
        for _ in range(rounds):
            await nothing()
        return time.perf_counter() - started

    return (asyncio.run(run()) - asyncio.run(bare())) / rounds * 1e6


def fill(store: Store) -> None:
    db = store._db
    db.execute("BEGIN")
    for i in range(USERS):
        state = UserState(
            lang="es", welcomed=True, flow=FlowState("aguinaldo", {"salario": i}) if i % 3 else None
        )
        db.execute(
            "INSERT INTO users (user_key, state, flow_updated, last_seen) VALUES (?, ?, ?, ?)",
            (f"{i:064x}", json.dumps(state.to_dict()), None, NOW.timestamp()),
        )
    db.execute("COMMIT")


def main() -> None:
    print(f"metric hooks per update: {metric_hooks():.1f} µs")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = Store(root / "data")
        fill(store)
        metrics.polled()
        health = Health(problem_of(store))
        times = []
        for _ in range(50):
            started = time.perf_counter()
            assert health.check()[0]
            times.append(time.perf_counter() - started)
        print(
            f"/healthz check: median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms"
        )
        started = time.perf_counter()
        summary = backup.backup(root / "data", root / "copia.db")
        took = time.perf_counter() - started
        mb = summary.size / 1e6
        print(f"backup of {summary.users:,} users ({mb:.1f} MB) with the bot's store open: {took:.2f} s")
        store.close()
        started = time.perf_counter()
        backup.restore(root / "restored", summary.path)
        print(f"restore into an empty folder (checks included): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()

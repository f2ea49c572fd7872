"""The real bot process against the Bot API stand-in with simulated users and added API latency.

    .venv/bin/python -m benchmarks.bench_throughput [--users 1000] [--updates 50000] [--latency-ms 100]
                                                    [--rate R]

Prints: time from start to first poll, replies per second, p50/p95/p99 time in the bot (from the update
being handed to the bot by getUpdates to its reply reaching the API), and the bot's resident memory
sampled along the run. Targets (issue 7): >= 300 replies/s, p95 < 100 ms, flat memory over 50,000
updates, start to first poll < 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.conftest import bot_env
from tests.support import botapi
from tests.support.botapi import BotApiStandIn

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ["/temas", "cuanto me toca de aguinaldo", "me corrieron sin pagarme", "hola", "/privacidad"]


class TimedStandIn(BotApiStandIn):
    """The stand-in plus added latency on every call but getUpdates, and per-chat delivery times."""

    def __init__(self, latency: float) -> None:
        super().__init__()
        self.latency = latency
        self.delivered: dict[int, deque[float]] = defaultdict(deque)
        self.in_bot: list[float] = []
        self.timeline: list[tuple[float, float]] = []
        self.replies = 0
        self.first_poll: float | None = None
        self._seen: set[int] = set()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.first_poll is None:
            self.first_poll = time.monotonic()
        updates = await super()._get_updates(params)
        now = time.monotonic()
        for update in updates:
            if update["update_id"] not in self._seen:
                self._seen.add(update["update_id"])
                self.delivered[update["message"]["chat"]["id"]].append(now)
        return updates

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "sendMessage":
            params, _ = await self._params(request)
            queue = self.delivered.get(int(params["chat_id"]))
            if queue:
                delivered = queue.popleft()
                self.in_bot.append(time.monotonic() - delivered)
                self.timeline.append((delivered, self.in_bot[-1]))
            self.replies += 1
            await asyncio.sleep(self.latency)
            return web.json_response({"ok": True, "result": self._result(method, params)})
        if method != "getUpdates":
            await asyncio.sleep(self.latency)
        return await super()._handle(request)


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


async def run(users: int, updates: int, latency: float, rate: float) -> None:
    api = TimedStandIn(latency)
    await api.start()
    data = Path(tempfile.mkdtemp(prefix="cb-bench-"))
    # Telegram's own cap (30/s) is enforced by the rate limiter in production; lifted here so the figure
    # measures the bot, not the limiter.
    env = bot_env(api, data, BOT_LOG_LEVEL="WARNING", BOT_RATE_LIMIT="5000")
    # First start with an empty data folder, then a restart (what a deployment does after an update or a
    # crash): the restart reuses the matcher cached in the data folder.
    for label in ("first start, empty data folder", "restart"):
        api.first_poll = None
        started = time.monotonic()
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=ROOT, env=env)
        while api.first_poll is None:
            await asyncio.sleep(0.01)
        print(f"start to first poll ({label}): {api.first_poll - started:.2f} s")
        if label != "restart":
            process.terminate()
            await process.wait()
    rng = random.Random(1)
    memory: list[tuple[int, float]] = []
    sent = 0
    run_start = time.monotonic()
    # Updates are offered at a steady rate (users write at their own pace); with --rate 0, as fast as the
    # bot takes them, keeping at most 1,500 waiting.
    while sent < updates:
        burst = min(5 if rate else 50, updates - sent)  # small bursts: a steady stream, not waves
        for _ in range(burst):
            chat = 10_000 + rng.randrange(users)
            await api.push(botapi.message(rng.choice(MESSAGES), chat))
        sent += burst
        if rate:
            ahead = run_start + sent / rate - time.monotonic()
            if ahead > 0:
                await asyncio.sleep(ahead)
        while sent - api.replies > 1500:
            await asyncio.sleep(0.01)
        if sent % 5000 < burst:
            memory.append((sent, rss_mb(process.pid)))
    while api.replies < updates and time.monotonic() - run_start < 600:
        await asyncio.sleep(0.05)
    elapsed = time.monotonic() - run_start
    memory.append((updates, rss_mb(process.pid)))
    process.terminate()
    await process.wait()
    await api.stop()
    times = sorted(api.in_bot)
    offered = f"offered at {rate:.0f}/s" if rate else "offered as fast as taken"
    print(f"updates: {updates} from {users} users, {offered}, API latency {latency * 1000:.0f} ms per call")
    print(f"replies: {api.replies} in {elapsed:.1f} s = {api.replies / elapsed:.0f} replies/s")
    if times:

        def pct(q: float) -> float:
            return times[min(len(times) - 1, int(len(times) * q))] * 1000

        p50 = statistics.median(times) * 1000
        print(f"time in the bot: p50 {p50:.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms")
    if api.timeline:
        start = api.timeline[0][0]
        windows: dict[int, list[float]] = defaultdict(list)
        for delivered, spent in api.timeline:
            windows[int((delivered - start) // 5)].append(spent)
        worst = max(windows, key=lambda w: max(windows[w]))
        steady = sorted(spent for delivered, spent in api.timeline if delivered - start >= 10)
        if steady:
            p95 = steady[min(len(steady) - 1, int(len(steady) * 0.95))] * 1000
            print(f"after the first 10 s: p50 {statistics.median(steady) * 1000:.1f} ms, p95 {p95:.1f} ms")
        print(
            "slowest 5-second window: "
            f"{worst * 5}-{worst * 5 + 5} s, max {max(windows[worst]) * 1000:.0f} ms, "
            f"{sum(1 for t in api.in_bot if t > 0.1)} of {len(api.in_bot)} updates over 100 ms"
        )
    print("resident memory of the bot (updates sent: MB): " + ", ".join(f"{n}: {m:.0f}" for n, m in memory))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=50_000)
    parser.add_argument("--latency-ms", type=float, default=100)
    parser.add_argument(
        "--rate", type=float, default=0, help="updates offered per second (0: as fast as taken)"
    )
    args = parser.parse_args()
    asyncio.run(run(args.users, args.updates, args.latency_ms / 1000, args.rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())

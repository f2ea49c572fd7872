"""The fault suite: the real bot process against the Bot API stand-in, with faults injected.

    .venv/bin/python -m benchmarks.bench_faults [--profile NAME ...] [--users 50] [--kills 25]

Profiles: kill9 (kill -9 and restart, again and again, under load), 5xx (half of the sends fail for 10 s),
429 (a 9-second flood-limit storm), drops (30 % of connections dropped for 10 s), slow (every send takes
6 s for 10 s; --slow 11 goes above the 10 s send timeout), poison (unparseable updates among the good
ones) and stop (SIGTERM with a backlog of 1,200 messages, then a restart).

Each user sends messages that get exactly one reply each. Printed per profile: messages sent, lost (no
reply within a minute after the faults end), duplicated (more replies than messages), and for `stop` the
seconds SIGTERM took. Targets (issue 14): 0 lost, 0 duplicated across 25 kill -9 restarts; everything
answered once within a minute after any fault profile; a stop within 10 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.conftest import ROOT, bot_env
from tests.support import botapi
from tests.support.botapi import BotApiStandIn

ONE_REPLY = ("/privacidad", "/ayuda", "/temas")  # each answered with exactly one message


class FaultyStandIn(BotApiStandIn):
    """Random faults on sendMessage while `until` is in the future."""

    def __init__(self) -> None:
        super().__init__()
        self.mode = ""
        self.until = 0.0
        self.rng = random.Random(7)
        self.slow = 6.0

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "sendMessage" and time.monotonic() < self.until:
            fault = self._fault()
            if fault is not None:
                self.faults.setdefault(method, []).insert(0, fault)
        return await super()._handle(request)

    def _fault(self) -> tuple[int, dict[str, Any]] | None:
        if self.mode == "5xx" and self.rng.random() < 0.5:
            return botapi.error(500, "Internal Server Error")
        if self.mode == "429":
            return botapi.error(429, "Too Many Requests: retry after 1", retry_after=1)
        if self.mode == "drops" and self.rng.random() < 0.3:
            return (botapi.DROP, {})
        if self.mode == "slow":
            return (botapi.DELAY, {"seconds": self.slow})
        return None


async def start(api: BotApiStandIn, data: Path, log: Path) -> asyncio.subprocess.Process:
    env = bot_env(api, data, BOT_LOG_LEVEL="WARNING", BOT_RATE_LIMIT="300")
    handle = log.open("ab")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=handle, stderr=handle
    )
    handle.close()
    await api.wait_for(lambda c: c.method == "setMyCommands", timeout=120)
    return process


def counts(api: BotApiStandIn, sent: dict[int, int]) -> tuple[int, int]:
    replies: dict[int, int] = {}
    for call in api.sent("sendMessage"):
        chat = int(call.params["chat_id"])
        replies[chat] = replies.get(chat, 0) + 1
    lost = sum(max(0, n - replies.get(chat, 0)) for chat, n in sent.items())
    duplicated = sum(max(0, replies.get(chat, 0) - n) for chat, n in sent.items())
    return lost, duplicated


async def settle(api: BotApiStandIn, sent: dict[int, int], timeout: float = 60.0) -> tuple[int, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and counts(api, sent)[0]:
        await asyncio.sleep(0.5)
    await asyncio.sleep(3)  # time for a late duplicate to show
    return counts(api, sent)


async def send_load(api: BotApiStandIn, sent: dict[int, int], users: int, per_user: int, base: int) -> None:
    for round_ in range(per_user):
        for user in range(users):
            chat = base + user
            await api.push(botapi.message(ONE_REPLY[round_ % len(ONE_REPLY)], chat))
            sent[chat] = sent.get(chat, 0) + 1
        await asyncio.sleep(0.05)


async def profile_faults(mode: str, users: int, folder: Path, slow: float) -> str:
    api = FaultyStandIn()
    api.slow = slow
    await api.start()
    process = await start(api, folder / "data", folder / "bot.log")
    sent: dict[int, int] = {}
    try:
        api.mode, api.until = mode, time.monotonic() + (9 if mode == "429" else 10)
        await send_load(api, sent, users, 3, 10_000)
        while time.monotonic() < api.until:
            await asyncio.sleep(0.2)
        lost, duplicated = await settle(api, sent)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
        await api.stop()
    return f"{mode:7} sent {sum(sent.values()):5}  lost {lost:4}  duplicated {duplicated:4}"


async def profile_poison(users: int, folder: Path) -> str:
    api = BotApiStandIn()
    await api.start()
    process = await start(api, folder / "data", folder / "bot.log")
    sent: dict[int, int] = {}
    try:
        for user in range(users):
            bad = botapi.message("Me llamo Rosalba", 20_000 + user)
            del bad["message"]["date"]
            await api.push(bad)
            await api.push(botapi.message("/ayuda", 20_000 + user))
            sent[20_000 + user] = 1
        lost, duplicated = await settle(api, sent)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
        await api.stop()
    leaked = "Rosalba" in (folder / "bot.log").read_text(errors="replace")
    figures = f"sent {sum(sent.values()):5}  lost {lost:4}  duplicated {duplicated:4}"
    return f"poison  {figures}  text in log: {leaked}"


async def profile_kill9(users: int, kills: int, folder: Path) -> str:
    api = BotApiStandIn()
    await api.start()
    data, log = folder / "data", folder / "bot.log"
    process = await start(api, data, log)
    sent: dict[int, int] = {}
    rng = random.Random(11)
    try:
        for kill in range(kills):
            load = asyncio.create_task(send_load(api, sent, users, 2, 30_000 + (kill % 5) * users))
            await asyncio.sleep(rng.uniform(0.2, 1.5))
            process.kill()
            await process.wait()
            await load
            process = await start(api, data, log)
        lost, duplicated = await settle(api, sent)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
        await api.stop()
    return f"kill9   sent {sum(sent.values()):5}  lost {lost:4}  duplicated {duplicated:4}  ({kills} kills)"


async def profile_stop(folder: Path) -> str:
    api = BotApiStandIn()
    await api.start()
    data, log = folder / "data", folder / "bot.log"
    process = await start(api, data, log)
    sent: dict[int, int] = {}
    await send_load(api, sent, 400, 3, 40_000)  # 1,200 messages
    await api.wait_for(lambda c: c.method == "sendMessage")
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    await process.wait()
    took = time.monotonic() - began
    process = await start(api, data, log)
    try:
        lost, duplicated = await settle(api, sent)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
        await api.stop()
    figures = f"sent {sum(sent.values()):5}  lost {lost:4}  duplicated {duplicated:4}"
    return f"stop    {figures}  SIGTERM took {took:.1f} s"


async def main(args: argparse.Namespace) -> None:
    for name in args.profile:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            if name == "kill9":
                line = await profile_kill9(args.users, args.kills, folder)
            elif name == "poison":
                line = await profile_poison(args.users, folder)
            elif name == "stop":
                line = await profile_stop(folder)
            else:
                line = await profile_faults(name, args.users, folder, args.slow)
            print(line, flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    profiles = ["kill9", "5xx", "429", "drops", "slow", "poison", "stop"]
    parser.add_argument("--profile", nargs="+", default=profiles, choices=profiles)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--slow", type=float, default=6.0, help="seconds per send in the slow profile")
    asyncio.run(main(parser.parse_args()))

"""The PostgreSQL store, on a throwaway server started for these tests (skipped when PostgreSQL or psycopg
is not installed). CB_TEST_DATABASE_URL points them at an existing, empty database instead."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from bot.core.state import FlowState, UserState

psycopg = pytest.importorskip("psycopg")
from bot.store_pg import MIGRATIONS, PgStore  # noqa: E402

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    if os.environ.get("CB_TEST_DATABASE_URL"):
        yield os.environ["CB_TEST_DATABASE_URL"]
        return
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="cbpg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        if (
            shutil.which("runuser") is None
            or subprocess.run(["id", "postgres"], capture_output=True).returncode
        ):
            pytest.skip("running as root without a postgres user")
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    try:
        subprocess.run(
            [*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "postgres"],
            check=True,
            capture_output=True,
        )
        options = f"-k {folder} -c listen_addresses='' -p 5439 -c fsync=off"
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start"],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start a PostgreSQL server: {exc.stderr.decode(errors='replace')[-300:]}")
    try:
        yield f"postgresql://postgres@/postgres?host={folder}&port=5439"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def url(server: str) -> Iterator[str]:
    """A fresh database for each test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield server.replace("/postgres?", f"/{name}?")
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def state_of(n: int) -> UserState:
    return UserState(lang="tzh", welcomed=True, flow=FlowState("aguinaldo", {"n": n}))


def test_it_keeps_what_the_sqlite_store_keeps(url: str) -> None:
    store = PgStore(url)
    try:
        assert store.load("nadie") == UserState()
        store.save("u1", state_of(1), NOW, ["start|lang=es", "start|lang=es"])
        store.count(["duda|lang=es"], NOW)
        store.save_question("cuanto es de aguinaldo", NOW)
        assert store.load("u1") == state_of(1)
        assert store.counter_rows() == [("2026-12-01", "duda|lang=es", 1), ("2026-12-01", "start|lang=es", 2)]
        assert store.shared_questions() == [("2026-12-01", "cuanto es de aguinaldo")]
        assert store.purge(NOW + dt.timedelta(hours=73)) == (0, 1)
        assert store.load("u1").flow is None and store.load("u1").lang == "tzh"
        assert store.purge(NOW + dt.timedelta(days=91)) == (1, 0)
        store.save("u2", state_of(2), NOW)
        store.forget("u2")
        assert store.load("u2") == UserState()
        assert store.problem() is None
    finally:
        store.close()


def test_migrations_run_once_and_a_second_process_finds_the_schema_ready(url: str) -> None:
    first, second = PgStore(url), PgStore(url)
    try:
        with psycopg.connect(url) as conn:
            versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY 1")]
        assert versions == list(range(1, len(MIGRATIONS) + 1))
    finally:
        first.close()
        second.close()


def _increment(state: UserState) -> tuple[UserState, Iterable[str]]:
    flow = state.flow or FlowState("aguinaldo", {"n": 0})
    flow.answers["n"] = int(flow.answers.get("n", 0)) + 1
    state.flow = flow
    return state, ["tema:derechos:aguinaldo|lang=es"]


def _worker(url: str, updates: list[tuple[int, str]], results: multiprocessing.Queue[int]) -> None:
    store = PgStore(url, pool_size=2)
    handled = sum(store.handle(update_id, user, _increment, NOW) for update_id, user in updates)
    store.close()
    results.put(handled)


def test_two_processes_handle_each_update_once_and_never_lose_a_users_change(url: str) -> None:
    PgStore(url).close()  # schema ready before the race
    users = ["a", "b", "c"]
    updates = [(update_id, users[update_id % 3]) for update_id in range(1, 121)]
    # Both processes get every update (as after a redelivery), in different orders.
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue[int] = context.Queue()
    processes = [
        context.Process(target=_worker, args=(url, order, results))
        for order in (updates, list(reversed(updates)))
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    assert results.get(timeout=5) + results.get(timeout=5) == len(updates)
    store = PgStore(url)
    try:
        for user in users:
            state = store.load(user)
            assert state.flow is not None and state.flow.answers["n"] == 40
        assert store.counter_rows() == [("2026-12-01", "tema:derechos:aguinaldo|lang=es", 120)]
        assert not store.handle(7, "a", _increment, NOW), "an update already handled is not run again"
    finally:
        store.close()


async def test_the_real_bot_on_postgresql(url: str, tmp_path: Path) -> None:
    from tests.conftest import start_bot, stop_bot
    from tests.support import botapi
    from tests.support.botapi import BotApiStandIn
    from tests.test_e2e_ops import free_port, wait_status
    from tests.test_e2e_reliability import wait_answers

    api = BotApiStandIn()
    await api.start()
    port = free_port()
    bot = await start_bot(api, tmp_path / "data", DATABASE_URL=url, BOT_HTTP_PORT=str(port))
    try:
        await api.push(botapi.message("/start", 511))
        await api.push(botapi.message("/idioma", 511))
        await wait_answers(api, 511, 2)
        assert (await wait_status(port, 200)).startswith("ok: polling")
    finally:
        await stop_bot(bot)
        await api.stop()
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
        (state,) = conn.execute("SELECT state FROM users").fetchone()
    assert "511" not in state
    assert not (tmp_path / "data" / "state.db").exists(), "no SQLite database beside PostgreSQL"

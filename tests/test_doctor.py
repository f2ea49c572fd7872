"""`python -m bot doctor` as an operator runs it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.conftest import ROOT, TEST_TOKEN
from tests.support.botapi import BotApiStandIn

DAY = "2026, 12, 4"


async def doctor(env: dict[str, str]) -> tuple[int, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "BOT_"))}
    # `python -m bot doctor` on a fixed day: review dates and yearly figures must not age the test.
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        f"import datetime, sys; from bot import doctor; sys.exit(doctor.main(today=datetime.date({DAY})))",
        cwd=ROOT,
        env={**base, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode()


async def test_all_good_against_the_stand_in(standin: BotApiStandIn, tmp_path: Path) -> None:
    code, out = await doctor(
        {
            "TELEGRAM_TOKEN": TEST_TOKEN,
            "TELEGRAM_BASE_URL": f"http://127.0.0.1:{standin.port}/bot",
            "BOT_DATA_DIR": str(tmp_path),
        }
    )
    assert code == 0, out
    assert "conectado como @cerrando_brechas_test_bot" in out and "entries" in out
    assert any(c.method == "getMe" for c in standin.calls)


def test_yearly_figures_are_noted_from_1_december_and_when_stale(tmp_path: Path) -> None:
    import datetime as dt

    from bot import doctor as doctor_module
    from bot.config import load_config

    config = load_config({"BOT_DATA_DIR": str(tmp_path)})
    mark, line = doctor_module.check_yearly_values(config, dt.date(2026, 11, 30))
    assert mark == doctor_module.OK and "al día" in line
    mark, line = doctor_module.check_yearly_values(config, dt.date(2026, 12, 1))
    assert (
        mark == doctor_module.NOTE and "salario_minimo_hogar (2027)" in line and "uma_diaria (2027)" in line
    )
    mark, line = doctor_module.check_yearly_values(config, dt.date(2027, 2, 10))
    assert mark == doctor_module.NOTE and "no están confirmadas" in line  # a note: the bot still runs


async def test_unreachable_telegram_and_bad_config_say_what_to_fix(tmp_path: Path) -> None:
    code, out = await doctor(
        {
            "TELEGRAM_TOKEN": TEST_TOKEN,
            "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
            "BOT_DATA_DIR": str(tmp_path),
        }
    )
    assert code == 1 and "✗ no se pudo hablar con Telegram" in out and "TELEGRAM_BASE_URL" in out
    code, out = await doctor({"BOT_LOG_LEVEL": "RUIDOSO"})
    assert code == 1 and "BOT_LOG_LEVEL" in out and "Traceback" not in out


async def test_unwritable_data_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out = await doctor({"BOT_DATA_DIR": str(blocker / "data")})
    assert code == 1 and "BOT_DATA_DIR" in out


def test_a_damaged_secret_key_is_reported(tmp_path: Path) -> None:
    from bot.config import load_config
    from bot.doctor import FAIL, check_data_dir

    (tmp_path / "secret.key").write_text("0123")  # truncated
    status, message = check_data_dir(load_config({"BOT_DATA_DIR": str(tmp_path)}))
    assert status == FAIL and "secret.key" in message
    assert (tmp_path / "secret.key").read_text() == "0123"

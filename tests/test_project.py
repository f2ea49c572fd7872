"""The promises of the README and the packaging: two commands, CI runs the same, a lintable Dockerfile."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the quickstart has a shell block"
    return [line.split("#")[0].strip() for line in block.group(1).strip().splitlines()]


def test_quickstart_is_exactly_two_commands() -> None:
    commands = quickstart_commands()
    assert commands == ["python3 dev.py bot", "python3 dev.py test"]


def test_ci_runs_the_readme_test_command_and_nothing_different() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    executed = [line.strip() for line in script.splitlines() if line.strip().startswith("exec ")]
    assert executed == ["exec " + quickstart_commands()[1]]


def test_every_configuration_variable_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = (ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    variables = set(re.findall(r'"((?:TELEGRAM|WEBHOOK|BOT)_[A-Z_]+)"', config))
    assert variables >= {
        "TELEGRAM_TOKEN",
        "TELEGRAM_BASE_URL",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "BOT_DATA_DIR",
    }
    missing = [v for v in variables if f"`{v}`" not in readme and v not in readme]
    assert not missing


def test_dockerfile_lints_clean() -> None:
    beside_python = Path(sys.executable).with_name("hadolint")
    hadolint = str(beside_python) if beside_python.exists() else shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_with_a_data_volume() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim", dockerfile, re.M)
    assert re.search(r"^USER (?!root)\S+", dockerfile, re.M)
    assert 'VOLUME ["/data"]' in dockerfile
    assert '"run"' in dockerfile

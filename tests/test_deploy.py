"""The deployment files: the dependency lock, the Dockerfile, compose.yaml and the systemd unit, checked by
their own tools where this machine has them and by structure everywhere."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
UNIT = ROOT / "deploy" / "cerrando-brechas.service"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins() -> list[tuple[str, str, str | None, int]]:
    """(name, version, marker, number of hashes) for each pin of the lock."""
    found: list[tuple[str, str, str | None, int]] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            found.append((canonicalize_name(match.group(1)), match.group(2), match.group(3), 0))
        elif line.strip().startswith("--hash=sha256:") and found:
            name, version, marker, hashes = found[-1]
            found[-1] = (name, version, marker, hashes + 1)
    return found


def applicable_pins() -> dict[str, str]:
    return {
        name: version for name, version, marker, _ in pins() if marker is None or Marker(marker).evaluate()
    }


def test_the_lock_pins_every_dependency_of_pyproject_within_its_range_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = applicable_pins()
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in requirements.lock: run python3 dev.py lock"
        assert requirement.specifier.contains(locked[name]), f"{name}=={locked[name]} outside {spec}"
    assert all(hashes > 0 for *_, hashes in pins())
    header = LOCK.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "python3 dev.py lock" in header and "--generate-hashes" in header


def test_this_environment_runs_the_locked_versions() -> None:
    if (ROOT / ".venv" / ".cerrando-brechas-unlocked").exists():
        pytest.skip("dev.py could not install requirements.lock on this platform")
    if not sys.prefix.startswith(str(ROOT / ".venv")):
        pytest.skip("not running in dev.py's .venv")
    wrong = {
        name: (version, metadata.version(name))
        for name, version in applicable_pins().items()
        if metadata.version(name) != version
    }
    assert not wrong, f"installed versions differ from requirements.lock (locked, installed): {wrong}"


def dockerfile_stages() -> list[str]:
    lines = (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines(keepends=True)
    text = "".join(line for line in lines if not line.lstrip().startswith("#"))
    return re.split(r"^(?=FROM )", text, flags=re.M)[1:]


def test_the_image_is_built_in_two_stages_from_the_lock_and_checks_its_health() -> None:
    builder, final = dockerfile_stages()
    assert re.search(r"^FROM python:3\.\d+-slim AS builder", builder, re.M)
    assert "--require-hashes -r /tmp/requirements.lock" in builder
    assert "pip install" not in final and "gcc" not in final, "installing belongs to the builder stage"
    assert "COPY --from=builder /opt/venv /opt/venv" in final
    port = re.search(r"BOT_HTTP_PORT=(\d+)", final)
    assert port and re.search(rf"^EXPOSE .*\b{port.group(1)}\b", final, re.M)
    assert "BOT_HTTP_LISTEN=0.0.0.0" in final
    healthcheck = re.search(r"^HEALTHCHECK .*?CMD (\[.*?\])$", final, re.M | re.S)
    assert healthcheck and "/healthz" in healthcheck.group(1) and "urllib" in healthcheck.group(1)
    assert "curl" not in final


def compose() -> dict[str, object]:
    loaded = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_compose_runs_the_bot_as_a_service() -> None:
    spec = compose()
    services = spec["services"]
    assert isinstance(services, dict)
    bot = services["bot"]
    assert bot["build"] == "."
    assert bot["restart"] == "unless-stopped"
    assert bot["env_file"]
    assert bot["stop_grace_period"] == "15s"
    assert any(str(v).endswith(":/data") for v in bot["volumes"])
    assert bot["environment"]["BOT_DATA_DIR"] == "/data"
    port = bot["environment"]["BOT_HTTP_PORT"]
    test = " ".join(bot["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/healthz" in test and "urllib" in test
    assert isinstance(spec["volumes"], dict)
    assert set(spec["volumes"]) == {v.split(":")[0] for v in bot["volumes"]}


def test_compose_validates_with_docker_compose(tmp_path: Path) -> None:
    if shutil.which("docker-compose"):
        command = ["docker-compose"]
    elif (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], check=False).returncode == 0
    ):
        command = ["docker", "compose"]
    else:
        pytest.skip("neither docker compose nor docker-compose is installed")
    shutil.copy(ROOT / "compose.yaml", tmp_path / "compose.yaml")
    (tmp_path / "bot.env").write_text("TELEGRAM_TOKEN=123456789:TEST-token_for-the-stand-in-only\n")
    result = subprocess.run(
        [*command, "-f", str(tmp_path / "compose.yaml"), "config", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def unit() -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key, []).append(value)
    return settings


def test_the_systemd_unit_restarts_on_failure_as_a_confined_user() -> None:
    settings = unit()
    assert settings["Restart"] == ["on-failure"]
    assert settings["User"] and settings["User"] != ["root"]
    assert settings["EnvironmentFile"]
    assert settings["NoNewPrivileges"] == ["yes"]
    assert settings["ProtectSystem"] == ["strict"]
    data_dir = [v.split("=", 1)[1] for v in settings["Environment"] if v.startswith("BOT_DATA_DIR=")]
    assert data_dir and settings["ReadWritePaths"] == data_dir
    stop = re.fullmatch(r"(\d+)s", settings["TimeoutStopSec"][0])
    assert stop and int(stop.group(1)) >= 15


def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # The one thing that cannot exist here is the installed interpreter: point ExecStart at this one.
    text = UNIT.read_text(encoding="utf-8").replace("/opt/cerrando-brechas/.venv/bin/python", sys.executable)
    copy = tmp_path / UNIT.name
    copy.write_text(text, encoding="utf-8")
    result = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cerrando-brechas" not in result.stderr, result.stderr


def test_every_variable_the_deployment_files_set_is_one_the_bot_reads() -> None:
    config = (ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    known = set(re.findall(r'"((?:TELEGRAM|WEBHOOK|BOT)_[A-Z_]+)"', config))
    for path in (ROOT / "Dockerfile", ROOT / "compose.yaml", UNIT):
        used = set(re.findall(r"\b((?:TELEGRAM|WEBHOOK|BOT)_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
        assert used - known == set(), f"{path.name} sets variables the bot never reads"

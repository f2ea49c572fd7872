#!/usr/bin/env python3
"""The two commands of the README, with nothing but Python 3.11+ installed.

    python3 dev.py bot [ARGS...]    starts the bot (terminal chat without TELEGRAM_TOKEN, Telegram with it)
    python3 dev.py test [ARGS...]   runs ruff, mypy and the whole pytest suite (ARGS go to pytest)
    python3 dev.py lock             regenerates requirements.lock (pinned versions with hashes)

On first use (and whenever pyproject.toml or requirements.lock changes) it creates `.venv` and installs
the project into it, the run-time dependencies at the versions of requirements.lock, so a fresh clone
needs no other step.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".cerrando-brechas-installed"
LOCK = ROOT / "requirements.lock"
UNLOCKED = VENV / ".cerrando-brechas-unlocked"  # present when the lock could not be installed here
LOCK_COMMAND = [
    *("-m", "uv", "pip", "compile", "pyproject.toml", "--extra", "postgres"),
    *("--generate-hashes", "--universal", "--python-version", "3.11", "--no-header", "--quiet", "-o"),
]


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    if LOCK.exists():
        digest.update(LOCK.read_bytes())
    return f"{digest.hexdigest()} {sys.version_info.major}.{sys.version_info.minor}"


def ensure_venv() -> Path:
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text() == wanted_stamp():
        return python
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 the user has
        sys.exit("Cerrando Brechas necesita Python 3.11 o más reciente.")
    if not python.exists():
        print("Preparando el entorno (.venv), solo la primera vez...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Instalando dependencias...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    UNLOCKED.unlink(missing_ok=True)
    if LOCK.exists():
        locked = subprocess.run([*pip, "--require-hashes", "-r", str(LOCK)], cwd=ROOT, check=False)
        if locked.returncode != 0:
            print("requirements.lock no se pudo instalar aquí; se instalan versiones sin fijar.", flush=True)
            UNLOCKED.write_text("requirements.lock could not be installed on this platform\n")
    run_or_exit([*pip, "-e", f"{ROOT}[dev]"])
    # The question matcher is trained now, so the first `bot ask` or chat answers at once.
    # Not fatal: with a broken knowledge file the tests must still run and say what is wrong.
    print("Preparando el buscador de respuestas...", flush=True)
    subprocess.run([str(python), "-m", "bot", "kb", "cache"], cwd=ROOT, check=False)
    STAMP.write_text(wanted_stamp())
    return python


def run_or_exit(cmd: list[str]) -> None:
    result = subprocess.run(cmd, cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"bot", "test", "lock"}:
        print(__doc__)
        return 2
    python = str(ensure_venv())
    command, rest = argv[0], argv[1:]
    if command == "lock":
        run_or_exit([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "uv"])
        lock = LOCK.with_suffix(".tmp")
        run_or_exit([python, *LOCK_COMMAND, str(lock)])
        # The comment block at the top of the old lock (how to regenerate it) is kept.
        old = LOCK.read_text().splitlines(keepends=True) if LOCK.exists() else []
        header = "".join(itertools.takewhile(lambda line: line.startswith("#"), old))
        LOCK.write_text(header + lock.read_text())
        lock.unlink()
        print(f"{LOCK.name} regenerado; revisa el diff y ejecuta python3 dev.py test")
        return 0
    if command == "bot":
        run_or_exit([python, "-m", "bot", "i18n", "compile", "--quiet"])
        os.chdir(ROOT)
        if os.name == "nt":
            return subprocess.run([python, "-m", "bot", *rest], check=False).returncode
        os.execv(python, [python, "-m", "bot", *rest])
    steps = [
        [python, "-m", "ruff", "check", "bot", "tests", "benchmarks", "dev.py"],
        [python, "-m", "ruff", "format", "--check", "bot", "tests", "benchmarks", "dev.py"],
        [python, "-m", "mypy"],
        [python, "-m", "bot", "i18n", "compile", "--quiet"],
        [python, "-m", "pytest", *rest],
    ]
    for step in steps:
        print(
            "$", " ".join(Path(step[0]).name if i == 0 else part for i, part in enumerate(step)), flush=True
        )
        run_or_exit(step)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

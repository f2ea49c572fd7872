#!/usr/bin/env python3
"""The two commands of the README, with nothing but Python 3.11+ installed.

    python3 dev.py bot [ARGS...]    starts the bot (terminal chat without TELEGRAM_TOKEN, Telegram with it)
    python3 dev.py test [ARGS...]   runs ruff, mypy and the whole pytest suite (ARGS go to pytest)

On first use (and whenever pyproject.toml changes) it creates `.venv` and installs the project into it,
so a fresh clone needs no other step.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".cerrando-brechas-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {sys.version_info.major}.{sys.version_info.minor}"


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
    if not argv or argv[0] not in {"bot", "test"}:
        print(__doc__)
        return 2
    python = str(ensure_venv())
    command, rest = argv[0], argv[1:]
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

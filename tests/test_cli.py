"""The command line as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __version__

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "BOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_bad_configuration_is_one_clear_line(tmp_path: Path) -> None:
    result = run("chat", env={"TELEGRAM_TOKEN": "oops", "BOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_TOKEN" in lines[0] and "Traceback" not in result.stderr


def test_run_without_token_says_what_is_missing(tmp_path: Path) -> None:
    result = run("run", env={"BOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2 and "TELEGRAM_TOKEN" in result.stdout


def test_ask_prints_one_answer(tmp_path: Path) -> None:
    result = run("ask", "cuanto me toca de aguinaldo?", env={"BOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0
    assert "aguinaldo" in result.stdout.lower() and "LFT 87" in result.stdout


def test_without_token_the_bot_starts_the_terminal_chat(tmp_path: Path) -> None:
    result = run(env={"BOT_DATA_DIR": str(tmp_path)}, stdin="cuanto me toca de aguinaldo\n")
    assert result.returncode == 0
    assert "¡Hola!" in result.stdout and "LFT 87" in result.stdout


def test_terminal_chat_buttons_are_lettered_options(tmp_path: Path) -> None:
    # /temas lists the areas; "a" opens the first area; "a" again opens its first entry.
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin="/temas\na\na\n")
    assert result.returncode == 0
    assert "[a]" in result.stdout and "Elige una pregunta" in result.stdout and "📌" in result.stdout


@pytest.mark.parametrize("choice", ["a", "b", "c"])
def test_terminal_chat_ambiguous_question_offers_three_answers(tmp_path: Path, choice: str) -> None:
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin=f"cuanto me toca\n{choice}\n")
    offer = result.stdout.split("¿Quisiste decir...?", 1)[1]
    assert "[c]" in offer.split(">", 1)[0] and "Ninguna de estas" in offer
    assert "📌" in offer


def test_terminal_chat_out_of_scope_gets_the_honest_path(tmp_path: Path) -> None:
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin="como saco mi rfc en el sat\n")
    assert "No tengo una respuesta segura" in result.stdout and "Hablar con una persona" in result.stdout


def test_terminal_chat_survives_bad_input(tmp_path: Path) -> None:
    lines = ["99", "", "😀😀😀", "x" * 5000, "/borrar", "/nada", "hola"]
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert "No conozco ese comando" in result.stdout
    assert "No tengo una respuesta segura" in result.stdout  # "99" is read as text, never as an option
    assert result.stdout.count("¡Hola!") >= 2  # still answering after all of it


def test_in_the_terminal_a_typed_number_is_a_value_never_an_option(tmp_path: Path) -> None:
    # The aguinaldo check asks for the pay, then the period (buttons), then the days a week (buttons):
    # "3" must be 3 days, not the third button ("4 días").
    lines = ["/calcular", "a", "300", "a", "3"]
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Por día" in result.stdout
    after_days = result.stdout.rsplit("¿Cuántos días a la semana", 1)[1]
    assert "Toca uno de los botones" not in after_days and "⚠️" not in after_days


def test_broken_knowledge_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    broken.mkdir()
    (broken / "roto.yaml").write_text("area: roto\nentradas:\n  - id: [sin cerrar\n", encoding="utf-8")
    env = {"BOT_DATA_DIR": str(tmp_path / "data"), "BOT_KNOWLEDGE_DIR": str(broken)}
    for args in (("ask", "hola"), ("chat",), ("kb", "check")):
        result = run(*args, env=env)
        assert result.returncode != 0, args
        assert re.search(r"roto.yaml:\d+: YAML inválido", result.stderr), result.stderr
        assert "Traceback" not in result.stderr


def test_kb_cache_trains_the_matcher_once_so_ask_only_loads_it(tmp_path: Path) -> None:
    env = {"BOT_DATA_DIR": str(tmp_path / "data"), "BOT_CACHE_DIR": str(tmp_path / "cache")}
    built = run("kb", "cache", env=env)
    assert built.returncode == 0, built.stderr
    cached = list((tmp_path / "cache").glob("matcher-es-*.pickle"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    answered = run("ask", "cuanto me toca de aguinaldo", env=env)
    assert "LFT 87" in answered.stdout
    assert cached[0].stat().st_mtime_ns == stamp, "ask read the cache instead of training again"
    assert not (tmp_path / "data" / "cache").exists()
    # Without `kb cache` (a knowledge change), the first ask trains and leaves the cache for the next.
    fresh = {**env, "BOT_CACHE_DIR": str(tmp_path / "fresh")}
    assert "LFT 87" in run("ask", "cuanto me toca de aguinaldo", env=fresh).stdout
    assert list((tmp_path / "fresh").glob("matcher-es-*.pickle"))


def test_terminal_chat_a_new_question_leaves_the_calculator_and_it_can_be_resumed(tmp_path: Path) -> None:
    lines = ["/calcular", "a", "cuánto es el salario mínimo?", "300"]
    result = run("chat", env={"BOT_DATA_DIR": str(tmp_path)}, stdin="\n".join(lines) + "\n")
    assert "$315.04" in result.stdout and "en pausa" in result.stdout and "Volver al cálculo" in result.stdout
    # "300" after leaving is a new message, not the pay: the check waits until she taps "Volver al cálculo".
    assert "¿Esa cantidad es por día" not in result.stdout

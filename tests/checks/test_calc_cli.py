"""`python -m bot calc`: the same validation and the same result as in the chat, as text or JSON."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import calc_cli
from bot.checks import FLOWS
from bot.knowledge.model import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "BOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "calc", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def call(kb: KnowledgeBase, name: str | None, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = calc_cli.main(kb, name, list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_aguinaldo_as_json() -> None:
    result = run(
        "aguinaldo",
        "--salario",
        "300",
        "--periodo",
        "diario",
        "--dias",
        "6",
        "--tiempo",
        "todo",
        "--json",
        "--fecha",
        "2026-11-22",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["calculo"] == "aguinaldo" and data["veredicto"] == "monto"
    assert data["montos"] == [{"concepto": "Aguinaldo (15 días de salario)", "monto": 4500.0}]
    assert data["fecha_de_calculo"] == "2026-11-22"
    assert {"razon", "base_legal"} <= set(data["razones"][0])


def test_finiquito_prints_the_same_text_as_the_bot() -> None:
    result = run(
        "finiquito",
        "--trabajo",
        "hogar",
        "--termino",
        "despido",
        "--salario",
        "342.47",
        "--periodo",
        "diario",
        "--dias",
        "6",
        "--inicio",
        "2024-11-01",
        "--fin",
        "31/10/2026",
        "--cuarto_comida",
        "no",
        "--frontera",
        "no",
        "--vacaciones",
        "0",
        "--fecha",
        "2026-11-22",
    )
    assert result.returncode == 0, result.stderr
    assert "🧮 Te deben al menos $63,012.14" in result.stdout
    assert "(LFT 49 fr. IV)" in result.stdout
    assert "Calculado con las cifras vigentes al 22 de noviembre de 2026." in result.stdout


def test_missing_fields_are_listed_with_their_options() -> None:
    result = run("aguinaldo", "--salario", "300")
    assert result.returncode == 2
    assert "Faltan datos" in result.stderr and "--periodo" in result.stderr
    assert "diario = Por día" in result.stderr and "--tiempo" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_check_lists_the_available_ones() -> None:
    result = run("nada")
    assert result.returncode == 2 and "salario_minimo" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--salario", "mucho"), "--salario: No entendí el número"),
        (("--salario", "-5"), "negativo"),
        (("--salario", "300", "--periodo", "anual"), "--periodo: Toca uno de los botones"),
        (("--salario", "300", "--color", "rojo"), "No conozco estos campos: --color rojo"),
        (("--fecha", "ayer"), "--fecha"),
    ],
)
def test_bad_values_are_clear_errors(kb: KnowledgeBase, args: tuple[str, ...], message: str) -> None:
    code, out, err = call(kb, "aguinaldo", *args)
    assert code == 2 and out == "" and message in err


def test_future_dates_are_refused(kb: KnowledgeBase) -> None:
    code, _out, err = call(
        kb,
        "guarderia",
        "--asegurado",
        "si",
        "--nacimiento",
        "2027-01-01",
        "--trabajo",
        "otro",
        "--fecha",
        "2026-11-22",
    )
    assert code == 2 and "todavía no llega" in err


def test_a_date_without_figures_is_a_clear_error(kb: KnowledgeBase) -> None:
    code, _out, err = call(
        kb,
        "vacaciones",
        "--salario",
        "300",
        "--periodo",
        "mensual",
        "--anios",
        "2",
        "--situacion",
        "sigo",
        "--fecha",
        "2020-05-01",
    )
    assert code == 2 and "No tengo las cifras" in err


def test_fields_that_do_not_apply_are_ignored_with_a_note(kb: KnowledgeBase) -> None:
    code, out, err = call(
        kb,
        "aguinaldo",
        "--salario",
        "9000",
        "--periodo",
        "mensual",
        "--dias",
        "3",
        "--tiempo",
        "todo",
        "--fecha",
        "2026-11-22",
    )
    assert code == 0 and "$4,500.00" in out and "Ignoré --dias" in err


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_every_calculator_parses_its_own_fields_and_the_cli_options(kb: KnowledgeBase, name: str) -> None:
    """Audit #32: the question id `fecha` clashed with --fecha and `calc salario_minimo` crashed."""
    code, _out, err = call(kb, name, "--fecha", "2026-11-22", "--json")
    assert code == 2 and "Faltan datos" in err and "Traceback" not in err
    flow = FLOWS[name]
    assert not {q.id for q in flow.questions} & {"fecha", "json", "help", "h"}


def test_salario_minimo_runs_from_the_cli() -> None:
    result = run(
        "salario_minimo",
        "--trabajo",
        "hogar",
        "--salario",
        "300",
        "--periodo",
        "diario",
        "--frontera",
        "no",
        "--fecha_pago",
        "hoy",
        "--fecha",
        "2026-11-22",
    )
    assert result.returncode == 0, result.stderr
    assert "❌ No." in result.stdout and "$42.47" in result.stdout


def test_salario_minimo_in_2027_says_the_minimum_is_not_confirmed(kb: KnowledgeBase) -> None:
    """Audit #2: on 10-02-2027, $350 a day got a firm "sí" against the 2026 minimum."""
    args = ("--trabajo", "hogar", "--salario", "350", "--periodo", "diario", "--frontera", "no")
    code, out, err = call(kb, "salario_minimo", *args, "--fecha_pago", "hoy", "--fecha", "2027-02-10")
    assert code == 0, err
    assert "✅" not in out and "🟡" in out
    assert "el de 2027 aún no está confirmado" in out and "⏳ Cálculo provisional" in out
    code, out, err = call(
        kb, "salario_minimo", *args, "--fecha_pago", "hoy", "--fecha", "2027-02-10", "--json"
    )
    data = json.loads(out)
    assert data["provisional"] is True and data["veredicto"] == "probablemente"
    assert "2027" in data["aviso_provisional"]

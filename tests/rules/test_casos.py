"""Worked examples computed by hand from the law (tests/casos/*.yaml, format in tests/casos/README.md).

Each case goes through the same path as `python -m bot calc` (flows.fill, then the flow's evaluate) and is
its own test. A broken file, an unknown field or an unknown question fails with the file and the case.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.checks import FLOWS
from bot.core import flows
from bot.core.result_text import render_result
from bot.i18n import Translator
from bot.knowledge.model import KnowledgeBase
from bot.rules.result import Result, Verdict

CASES_DIR = Path(__file__).resolve().parents[1] / "casos"
FILE_KEYS = {"calculadora", "casos"}
CASE_KEYS = {"nombre", "fecha", "datos", "esperado", "base_legal", "origen"}
EXPECTED_KEYS = {"veredicto", "montos", "provisional", "contiene", "no_contiene"}
VERDICTS = {v.value for v in Verdict}


class CaseError(Exception):
    """A case file that cannot be run as written; the message names the file and the case."""


@dataclass(frozen=True)
class Case:
    where: str  # "aguinaldo.yaml, caso 3 «...»"
    flow: str
    today: dt.date
    data: dict[str, str]
    verdict: str
    amounts: dict[str, float] | None  # None: not checked; {}: the result must have no amounts
    provisional: bool | None
    contains: tuple[str, ...]
    absent: tuple[str, ...]
    legal: tuple[str, ...]


def _raw(value: Any) -> str:
    """A YAML value as the command line would take it: `no` read as false is "no", dates ISO."""
    if isinstance(value, bool):
        return "si" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _texts(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseError(f"{where}: '{key}' debe ser una lista de textos")
    return tuple(value)


def _case(item: Any, flow_name: str, where: str) -> Case:
    if not isinstance(item, dict):
        raise CaseError(f"{where}: cada caso debe ser un mapa con {sorted(CASE_KEYS)}")
    unknown = set(item) - CASE_KEYS
    missing = CASE_KEYS - set(item)
    if unknown or missing:
        raise CaseError(f"{where}: campos desconocidos {sorted(unknown)}; faltan {sorted(missing)}")
    flow = FLOWS[flow_name]
    try:
        today = dt.date.fromisoformat(_raw(item["fecha"]))
    except ValueError:
        raise CaseError(f"{where}: 'fecha' debe ser AAAA-MM-DD, no {item['fecha']!r}") from None
    data = item["datos"]
    if not isinstance(data, dict):
        raise CaseError(f"{where}: 'datos' debe ser un mapa pregunta: valor")
    ids = [q.id for q in flow.questions]
    if set(data) - set(ids):
        raise CaseError(
            f"{where}: preguntas desconocidas {sorted(set(data) - set(ids))}; las de {flow_name}: {ids}"
        )
    expected = item["esperado"]
    if not isinstance(expected, dict) or set(expected) - EXPECTED_KEYS or "veredicto" not in expected:
        raise CaseError(f"{where}: 'esperado' necesita 'veredicto' y solo admite {sorted(EXPECTED_KEYS)}")
    if expected["veredicto"] not in VERDICTS:
        raise CaseError(f"{where}: veredicto {expected['veredicto']!r}; usa uno de {sorted(VERDICTS)}")
    amounts = expected.get("montos")
    if amounts is not None and (
        not isinstance(amounts, dict) or not all(isinstance(v, int | float) for v in amounts.values())
    ):
        raise CaseError(f"{where}: 'montos' debe ser un mapa etiqueta: pesos")
    provisional = expected.get("provisional")
    if provisional is not None and not isinstance(provisional, bool):
        raise CaseError(f"{where}: 'provisional' debe ser true o false")
    if not isinstance(item["origen"], str) or not item["origen"].strip():
        raise CaseError(f"{where}: 'origen' debe decir de dónde sale el caso y la cuenta a mano")
    return Case(
        where=where,
        flow=flow_name,
        today=today,
        data={str(k): _raw(v) for k, v in data.items()},
        verdict=expected["veredicto"],
        amounts=None if amounts is None else {str(k): float(v) for k, v in amounts.items()},
        provisional=provisional,
        contains=_texts(expected.get("contiene"), where, "contiene"),
        absent=_texts(expected.get("no_contiene"), where, "no_contiene"),
        legal=_texts(item["base_legal"], where, "base_legal"),
    )


def load(path: Path) -> list[Case | CaseError]:
    """The cases of one file; a problem that stops the whole file is one CaseError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [CaseError(f"{path.name}: YAML mal escrito: {exc}")]
    if not isinstance(data, dict) or set(data) != FILE_KEYS:
        return [CaseError(f"{path.name}: el archivo necesita exactamente {sorted(FILE_KEYS)}")]
    if data["calculadora"] not in FLOWS:
        return [CaseError(f"{path.name}: calculadora {data['calculadora']!r}; hay {sorted(FLOWS)}")]
    if not isinstance(data["casos"], list) or not data["casos"]:
        return [CaseError(f"{path.name}: 'casos' debe ser una lista con al menos un caso")]
    cases: list[Case | CaseError] = []
    for number, item in enumerate(data["casos"], 1):
        name = item.get("nombre", "") if isinstance(item, dict) else ""
        where = f"{path.name}, caso {number} «{name}»"
        try:
            cases.append(_case(item, data["calculadora"], where))
        except CaseError as problem:
            cases.append(problem)
    return cases


def run(case: Case, kb: KnowledgeBase) -> tuple[Result | None, list[str]]:
    """The result (None if it could not be computed) and every way it differs from the expectation."""
    flow = FLOWS[case.flow]
    answers, invalid = flows.fill(flow, case.data, case.today)
    problems = [f"datos.{k}: {p.message.format(**p.params)}" for k, p in invalid.items()]
    problems += [f"datos.{k}: no aplica con las otras respuestas" for k in case.data.keys() - answers.keys()]
    problems += [
        f"falta datos.{q.id} ({q.prompt})"
        for q in flow.questions
        if q.id not in answers and q.id not in invalid and flows.applies(q, answers)
    ]
    if problems:
        return None, problems
    try:
        result = flow.evaluate(answers, case.today, kb)
    except KeyError as exc:
        return None, [f"no hay cifras vigentes el {case.today}: {exc}"]
    _ = Translator().gettext("es")
    shown = render_result(result, _)
    if result.verdict.value != case.verdict:
        problems.append(f"veredicto {result.verdict.value!r}, se esperaba {case.verdict!r}")
    labels = {a.label.render(_): a.value for a in result.amounts}
    if case.amounts == {} and labels:
        problems.append(f"se esperaba ningún monto y hay {labels}")
    for piece, expected in (case.amounts or {}).items():
        found = [label for label in labels if piece in label]
        if len(found) != 1:
            problems.append(f"monto «{piece}»: {len(found)} etiquetas lo contienen; hay {sorted(labels)}")
        elif abs(round(labels[found[0]], 2) - expected) >= 0.005:
            problems.append(f"monto «{found[0]}»: {labels[found[0]]:.2f}, se esperaba {expected:.2f}")
    provisional = getattr(result, "provisional", False)  # Result.provisional may not exist yet
    if case.provisional is not None and bool(provisional) != case.provisional:
        problems.append(f"provisional {provisional}, se esperaba {case.provisional}")
    problems += [f"el texto no contiene «{p}»" for p in case.contains if p not in shown]
    problems += [f"el texto contiene «{p}»" for p in case.absent if p in shown]
    citations = [r.citation for r in result.reasons]
    problems += [
        f"base legal {c!r} no está entre las razones {citations}"
        for c in case.legal
        if not any(cited == c or cited.startswith(c + " ") for cited in citations)
    ]
    return result, problems


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9.]+", "-", plain).strip("-")[:60]


def _params() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for number, case in enumerate(load(path), 1):
            name = case.where.split("«", 1)[-1].rstrip("»") if isinstance(case, Case) else "error"
            params.append(pytest.param(case, id=f"{path.stem}-{number:02d}-{_slug(name)}"))
    return params


@pytest.mark.parametrize("case", _params())
def test_worked_example(kb: KnowledgeBase, case: Case | CaseError) -> None:
    if isinstance(case, CaseError):
        pytest.fail(str(case), pytrace=False)
    result, problems = run(case, kb)
    if problems:
        shown = render_result(result, Translator().gettext("es")) if result else ""
        pytest.fail(f"{case.where}:\n  - " + "\n  - ".join(problems) + f"\n\n{shown}", pytrace=False)


# ------------------------------------------------------------------ the runner itself
def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "prueba.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
calculadora: aguinaldo
casos:
  - nombre: "todo el año"
    fecha: 2026-11-30
    datos: {salario: 400, periodo: diario, dias: 6, tiempo: todo}
    esperado: {veredicto: monto, montos: {Aguinaldo: 6000.00}, contiene: ["20 de diciembre de 2026"]}
    base_legal: ["LFT 87"]
    origen: "15 × 400"
"""


def test_a_good_case_passes_and_a_wrong_amount_is_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    (case,) = load(_write(tmp_path, GOOD))
    assert isinstance(case, Case) and run(case, kb)[1] == []
    (wrong,) = load(_write(tmp_path, GOOD.replace("6000.00", "6000.01").replace('"LFT 87"', '"LFT 8"')))
    assert isinstance(wrong, Case)
    problems = run(wrong, kb)[1]
    assert "monto «Aguinaldo (15 días de salario)»: 6000.00, se esperaba 6000.01" in problems
    assert any("base legal 'LFT 8'" in p for p in problems)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("dias: 6", "dia: 6"), "prueba.yaml, caso 1 «todo el año»: preguntas desconocidas ['dia']"),
        (("origen:", "origin:"), "prueba.yaml, caso 1 «todo el año»: campos desconocidos ['origin']"),
        (("veredicto: monto", "veredicto: mucho"), "caso 1 «todo el año»: veredicto 'mucho'"),
        (("calculadora: aguinaldo", "calculadora: aguinaldos"), "prueba.yaml: calculadora 'aguinaldos'"),
        (("datos: {", "datos: {{"), "prueba.yaml: YAML mal escrito"),
    ],
)
def test_a_malformed_case_names_the_file_and_the_case(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    (problem,) = load(_write(tmp_path, GOOD.replace(*change)))
    assert isinstance(problem, CaseError) and message in str(problem)


def test_answers_that_are_missing_or_do_not_apply_are_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    (case,) = load(
        _write(
            tmp_path, GOOD.replace(", dias: 6", "").replace("tiempo: todo", "tiempo: todo, fin: 2026-01-01")
        )
    )
    assert isinstance(case, Case)
    problems = run(case, kb)[1]
    assert "datos.fin: no aplica con las otras respuestas" in problems and any(
        "falta datos.dias" in p for p in problems
    )


def test_no_read_as_false_by_yaml_is_the_answer_no() -> None:
    assert (_raw(False), _raw(True), _raw(dt.date(2026, 1, 2)), _raw(400)) == (
        "no",
        "si",
        "2026-01-02",
        "400",
    )

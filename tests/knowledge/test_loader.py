"""Loading: every structural problem becomes `file:line: message`, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import KnowledgeError, load_knowledge, load_knowledge_strict

PARAMS = """
salario_minimo_general:
  descripcion: x
  unidad: pesos_dia
  anual: true
  valores:
    - {desde: 2025-01-01, valor: 278.80, estado: VERIFIED-SECONDARY, fuente: x}
    - {desde: 2026-01-01, valor: 315.04, estado: VERIFIED-SECONDARY, fuente: x}
"""

ENTRY = """
area: prueba
titulo: Prueba
entradas:
  - id: una-entrada
    titulo: Una entrada
    frases: [uno, dos, tres, cuatro, cinco, seis, siete, ocho]
    respuesta: "El mínimo es {param:salario_minimo_general}."
    base_legal: ["LFT 90"]
    fuentes:
      - url: https://www.diputados.gob.mx/LeyesBiblio/pdf/LFT.pdf
        consultado: 2026-11-20
    vigente_desde: 2026-01-01
    revisado: 2026-11-20
"""


def write(tmp_path: Path, area: str, params: str = PARAMS) -> Path:
    (tmp_path / "prueba.yaml").write_text(area, encoding="utf-8")
    (tmp_path / "parametros.yaml").write_text(params, encoding="utf-8")
    return tmp_path


def messages(tmp_path: Path) -> list[str]:
    return [str(p) for p in load_knowledge(tmp_path)[1]]


def test_a_valid_file_loads(tmp_path: Path) -> None:
    kb, problems = load_knowledge(write(tmp_path, ENTRY))
    assert problems == []
    entry = kb.entries["una-entrada"]
    assert entry.area == "prueba" and len(entry.phrasings) == 8
    assert kb.parameters["salario_minimo_general"].values[-1].value == 315.04


def test_broken_yaml_reports_file_and_line(tmp_path: Path) -> None:
    found = messages(write(tmp_path, ENTRY.replace("frases: [uno,", "frases: [uno, : ,")))
    assert any(m.startswith(str(tmp_path / "prueba.yaml") + ":") and "YAML inválido" in m for m in found), (
        found
    )


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        ("titulo: Una entrada", "titulo: no"),  # YAML 1.1: no -> False
        ("titulo: Una entrada", "titulo: 01234"),  # a number, not the text "01234"
        ("titulo: Una entrada", "titulo: 12:30"),  # sexagesimal: 750
    ],
)
def test_yaml_11_traps_are_reported_with_their_line(tmp_path: Path, replace: str, expected: str) -> None:
    found = messages(write(tmp_path, ENTRY.replace(replace, expected)))
    line = ENTRY.splitlines().index("    titulo: Una entrada") + 1
    assert any(f"prueba.yaml:{line}: 'titulo' debe ser texto" in m and "comillas" in m for m in found), found


def test_phrasing_read_as_boolean_is_reported(tmp_path: Path) -> None:
    found = messages(write(tmp_path, ENTRY.replace("frases: [uno,", "frases: [no,")))
    assert any("'frases' elemento 1" in m for m in found), found


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (("frases: [uno, dos, tres, cuatro, cinco, seis, siete, ocho]", "frases: [uno]"), "al menos 8"),
        (("    revisado: 2026-11-20\n", ""), "falta la fecha 'revisado'"),
        (("id: una-entrada", "id: Una Entrada"), "inválido"),
        (("    revisado: 2026-11-20", "    revisado: ayer"), "AAAA-MM-DD"),
        (
            ("    revisado: 2026-11-20", "    revisado: 2026-11-20\n    color: rojo"),
            "campo desconocido 'color'",
        ),
        (("area: prueba", "area: otra"), "no coincide con el nombre del archivo"),
    ],
)
def test_schema_problems(tmp_path: Path, change: tuple[str, str], fragment: str) -> None:
    found = messages(write(tmp_path, ENTRY.replace(*change)))
    assert any(fragment in m for m in found), found


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, ENTRY)
    (tmp_path / "otra.yaml").write_text(ENTRY.replace("area: prueba", "area: otra"), encoding="utf-8")
    assert any("id repetido 'una-entrada'" in m for m in messages(tmp_path))


def test_strict_loading_raises_a_readable_error(tmp_path: Path) -> None:
    write(tmp_path, "area: [")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge_strict(tmp_path)
    assert "prueba.yaml:" in str(error.value)


def test_parameter_value_in_force_by_date(tmp_path: Path) -> None:
    import datetime as dt

    kb, _ = load_knowledge(write(tmp_path, ENTRY))
    assert kb.number("salario_minimo_general", dt.date(2025, 12, 31)) == 278.80
    assert kb.number("salario_minimo_general", dt.date(2026, 1, 1)) == 315.04
    with pytest.raises(KeyError):
        kb.number("salario_minimo_general", dt.date(2024, 12, 31))


def test_out_of_scope_questions_are_loaded_and_checked(tmp_path: Path) -> None:
    write(tmp_path, ENTRY)
    (tmp_path / "fuera_de_alcance.yaml").write_text('preguntas:\n  - "como saco mi rfc"\n', encoding="utf-8")
    kb, problems = load_knowledge(tmp_path)
    assert problems == [] and kb.out_of_scope == ("como saco mi rfc",)
    assert "una-entrada" in kb.entries  # the file is not read as an area
    (tmp_path / "fuera_de_alcance.yaml").write_text("preguntas: como saco mi rfc\n", encoding="utf-8")
    assert any("fuera_de_alcance.yaml" in m and "preguntas" in m for m in messages(tmp_path))


def test_an_audience_cue_must_name_a_known_audience(tmp_path: Path) -> None:
    write(tmp_path, ENTRY)
    (tmp_path / "sinonimos.yaml").write_text(
        "audiencias:\n  casa: hogar\n  mina: mineria\n", encoding="utf-8"
    )
    found = messages(tmp_path)
    assert len(found) == 1 and "'mina'" in found[0] and "sinonimos.yaml:3" in found[0]

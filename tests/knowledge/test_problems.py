"""knowledge/problemas.yaml: problems, their answers per audience, and the checks on them."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.loader import load_knowledge, load_knowledge_strict
from bot.knowledge.model import PROBLEM_CODES
from tests.knowledge.test_loader import ENTRY, write

PROBLEMS = """
problemas:
  despido:
    gravedad: plazo
    respuesta:
      hogar: [hogar-despido-futuro, una-entrada]
      empleador: empleador-despedir
    senales: [me corrio]
sin_problema: []
"""


def load(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    (write(tmp_path, ENTRY) / "problemas.yaml").write_text(text, encoding="utf-8")
    kb, problems = load_knowledge(tmp_path)
    return kb, [str(p) for p in problems]


def test_a_missing_entry_is_skipped_with_a_warning_and_the_next_one_stands_in(tmp_path: Path) -> None:
    kb, found = load(tmp_path, PROBLEMS)
    assert all("aviso" in f for f in found), found
    assert any("'hogar-despido-futuro' no existe" in f for f in found)
    assert any("'empleador-despedir' no existe" in f for f in found)
    despido = kb.problems["despido"]  # type: ignore[attr-defined]
    assert despido.answers == {"hogar": "una-entrada"}
    # A stand-in answers for the missing entry without becoming part of the problem.
    assert kb.problem_of("una-entrada") is None  # type: ignore[attr-defined]


def test_unknown_codes_severities_and_fields_are_errors(tmp_path: Path) -> None:
    text = PROBLEMS.replace("despido:", "despedida:")
    assert any("problema 'despedida' desconocido" in f and "aviso" not in f for f in load(tmp_path, text)[1])
    text = PROBLEMS.replace("gravedad: plazo", "gravedad: mucha")
    assert any("'gravedad' debe ser" in f for f in load(tmp_path, text)[1])
    text = PROBLEMS.replace("    senales:", "    señales:")
    assert any("campo desconocido 'señales'" in f for f in load(tmp_path, text)[1])


def test_an_entry_in_no_problem_is_reported(tmp_path: Path) -> None:
    assert any("'una-entrada' no está en ningún problema" in f for f in load(tmp_path, PROBLEMS)[1])
    text = PROBLEMS.replace("[hogar-despido-futuro, una-entrada]", "una-entrada")
    assert not any("ningún problema" in f for f in load(tmp_path, text)[1])


def test_the_real_problems_cover_every_code_and_every_entry() -> None:
    kb = load_knowledge_strict()
    assert set(kb.problems) == set(PROBLEM_CODES)
    _kb, problems = load_knowledge()
    assert not [p for p in problems if "ningún problema" in p.message]
    for problem in kb.problems.values():
        if problem.code != "otro":
            assert {"hogar", "campo", "general"} <= set(problem.answers), problem.code
        assert (problem.urgent is not None) == (problem.severity == "peligro"), problem.code

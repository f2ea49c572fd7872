"""`python -m bot kb check` on the real knowledge base, and on small broken ones."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.knowledge import checker
from bot.knowledge.loader import DEFAULT_DIR, load_knowledge
from tests.knowledge.test_loader import ENTRY, write

TODAY = dt.date(2026, 12, 4)  # the latest content review (revisado dates must not be in the future)


def test_the_real_knowledge_base_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert checker.main(DEFAULT_DIR, TODAY) == 0, capsys.readouterr().err
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    match = re.match(r"([\d,]+) entries, ([\d,]+) phrasings, (\d+) languages?", summary)
    assert match, summary


def problems(tmp_path: Path, area: str, law_dir: Path | None = None) -> list[str]:
    kb, found = load_knowledge(write(tmp_path, area))
    return [str(p) for p in found + checker.check(kb, TODAY, law_dir)]


def test_missing_follow_up_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, ENTRY + "    relacionadas: [no-existe]\n")
    assert any("relacionada 'no-existe' no existe" in m for m in found)


def test_stale_review_date_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, ENTRY.replace("revisado: 2026-11-20", "revisado: 2025-06-01"))
    assert any("más de 12 meses" in m for m in found)


def test_bad_url_is_an_error(tmp_path: Path) -> None:
    found = problems(
        tmp_path, ENTRY.replace("https://www.diputados.gob.mx/LeyesBiblio/pdf/LFT.pdf", "www sin esquema")
    )
    assert any("URL mal formada" in m for m in found)


def test_unknown_parameter_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, ENTRY.replace("{param:salario_minimo_general}", "{param:no_existe}"))
    assert any("parámetro 'no_existe' no existe" in m for m in found)


def test_missing_value_for_the_current_year(tmp_path: Path) -> None:
    kb, _ = load_knowledge(write(tmp_path, ENTRY))
    found = [str(p) for p in checker.check(kb, dt.date(2027, 3, 1), None)]
    assert any("falta el valor de 2027" in m for m in found)


def test_colliding_phrasings_across_entries(tmp_path: Path) -> None:
    second = ENTRY.split("entradas:\n", 1)[1].replace("id: una-entrada", "id: otra-entrada")
    found = problems(tmp_path, ENTRY + second.replace("uno, dos", "UNO!!, doss"))
    assert any("es igual a una de 'una-entrada'" in m for m in found)


def test_cited_articles_must_exist_in_the_law(tmp_path: Path, shared_dir: Path) -> None:
    law_dir = shared_dir / "law"
    assert not [m for m in problems(tmp_path, ENTRY, law_dir) if "artículo" in m]
    found = problems(tmp_path, ENTRY.replace('"LFT 90"', '"LFT 9999"'), law_dir)
    assert any("'LFT 9999' no existe en el texto de la LFT" in m for m in found)


def test_article_index_reads_suffixes(shared_dir: Path) -> None:
    lft = checker.article_index(shared_dir / "law" / "LFT.md")
    lss = checker.article_index(shared_dir / "law" / "LSS.md")
    assert {"87", "331", "331 bis", "331 ter", "279 quater", "22 bis"} <= lft
    assert {"239-a", "239-h", "5 a", "101"} <= lss
    assert "343-e" in lft and "331 quater" not in lft

"""`python -m bot kb eval` on stories and alarms: it runs, it reads the labelled files, and the development
stories stay understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching import evaluation as matcher_eval
from bot.understanding import Understander
from bot.understanding.evaluation import (
    STORIES_FILE,
    URGENCY_FILE,
    evaluate_stories,
    load_stories,
    load_urgency,
)

DEV = Path(__file__).parent / "data"


def test_kb_eval_prints_story_and_alarm_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        matcher_eval.main(
            stories=str(DEV / "dev_relatos.yaml"), urgency=str(DEV / "dev_urgencia.yaml"), details=True
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "top-1" in out
    assert "relatos (dev_relatos.yaml, " in out and "problema principal primero" in out
    assert "urgencia (dev_urgencia.yaml): falsas alarmas " in out and "emergencias perdidas 0/" in out
    assert "urgencia (preguntas comunes): falsas alarmas" in out


def test_the_development_stories_stay_understood(understander: Understander) -> None:
    report = evaluate_stories(load_stories(DEV / "dev_relatos.yaml"), understander)
    assert report.total >= 50
    assert report.main_first / report.total >= 0.75, report.misses
    assert report.any_on_screen / report.total >= 0.9
    assert report.missed == 0


def test_unknown_problem_codes_in_a_labelled_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "relatos.yaml"
    path.write_text("- {texto: hola, problemas: [despedida], principal: despedida}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="despedida"):
        load_stories(path)


@pytest.mark.skipif(not STORIES_FILE.exists() or not URGENCY_FILE.exists(), reason="held-out sets not merged")
def test_the_held_out_sets_load() -> None:
    assert load_stories(STORIES_FILE) and load_urgency(URGENCY_FILE)

"""Reports: small counts hidden everywhere, CSV and chart written, no user identifier in any output."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from PIL import Image

from bot import report
from bot.app import BotService
from bot.config import Config
from bot.core.counters import parse, tag
from bot.core.events import Event, EventKind
from bot.core.state import UserState
from bot.knowledge.loader import load_knowledge_strict
from bot.matching.normalize import Normalizer
from bot.privacy import Pseudonymizer
from bot.storage import Store
from tests.test_cli import run

USER_KEY_RE = re.compile(rb"[0-9a-f]{32}")
MONDAY = dt.date(2026, 11, 2)


@pytest.fixture(scope="module")
def normalize() -> Normalizer:
    return Normalizer.from_tables(load_knowledge_strict().synonyms)


def rows(*items: tuple[dt.date, str, int]) -> list[tuple[str, str, int]]:
    return [(day.isoformat(), key, count) for day, key, count in items]


def test_counter_keys_round_trip() -> None:
    key = tag("tema:derechos:aguinaldo", "es", "sinactraho")
    assert key == "tema:derechos:aguinaldo|lang=es|org=sinactraho"
    parsed = parse(key)
    assert (parsed.event, parsed.lang, parsed.org, parsed.topic) == (
        "tema:derechos:aguinaldo",
        "es",
        "sinactraho",
        "aguinaldo",
    )
    assert parsed.is_question
    assert parse("start").lang == "" and not parse("start").is_question
    assert parse("tema:x:y").is_question  # keys written before dimensions existed
    assert tag("duda", "es", None) == "duda|lang=es"


def test_small_counts_are_hidden_and_rare_rows_merged(normalize: Normalizer) -> None:
    data = rows(
        (MONDAY, "tema:derechos:aguinaldo|lang=es|org=sinactraho", 6),
        (MONDAY, "tema:urgente:urgente-violencia|lang=es|org=sinactraho", 1),
        (MONDAY, "tema:hogar:hogar-contrato|lang=es", 2),
        (MONDAY + dt.timedelta(days=14), "sin-respuesta|lang=es", 3),
        (MONDAY, "start|lang=es|org=sinactraho", 9),
        (MONDAY, "llegada|lang=es|org=sinactraho", 4),
    )
    built = report.build(data, [], normalize)
    assert built.total == 12
    assert built.topics == [("aguinaldo", 6), (report.OTHERS, 6)]
    assert built.organizations == [("sinactraho", 7), (report.NO_ORG, 5)]
    assert [count for _, count in built.weeks] == [9, 0, 3]  # the empty week in between is there
    text = report.render_text(built)
    assert "urgente-violencia" not in text and "hogar-contrato" not in text  # rare topics are not named
    assert re.search(r"2026-W47 .*<5", text) and re.search(r"2026-W46 .*<5", text)
    assert re.search(r"Llegadas por el enlace.*<5", text) and re.search(r"Inicios.*\b9\b", text)
    for line in text.splitlines():
        numbers = re.findall(r"(?<![\w<-])(\d+)\s*$", line)
        assert not numbers or int(numbers[0]) >= report.MIN_COUNT, line


def test_filters_by_organization_and_date(normalize: Normalizer) -> None:
    data = rows(
        (MONDAY, "tema:derechos:aguinaldo|lang=es|org=sinactraho", 6),
        (MONDAY, "tema:derechos:aguinaldo|lang=es", 7),
        (MONDAY + dt.timedelta(days=10), "tema:derechos:vacaciones|lang=es|org=sinactraho", 5),
    )
    only_org = report.build(data, [], normalize, org="SINACTRAHO")
    assert only_org.total == 11 and only_org.organizations == [("sinactraho", 11)]
    later = report.build(data, [], normalize, since=MONDAY + dt.timedelta(days=7))
    assert later.total == 5 and later.topics == [("vacaciones", 5)]


def test_shared_questions_are_grouped_and_small_groups_keep_their_text_hidden(normalize: Normalizer) -> None:
    questions = [
        "me pueden correr por estar embarazada",
        "me pueden correr por estar embarazada?",
        "me corren por embarazada",
        "me pueden correr si estoy embarazada",
        "Me pueden despedir por estar embarazada",
        "cuanto cobra una niñera en [número]",
        "que hago con el perro de la patrona",
    ]
    groups = report.group_questions(questions, normalize)
    assert groups[0][1] >= 5 and "embarazada" in groups[0][0]
    built = report.build([], [("2026-11-20", q) for q in questions], normalize)
    text = report.render_text(built)
    assert "embarazada" in text
    assert "niñera" not in text and "perro" not in text
    assert "texto oculto" in text


def test_empty_report_says_so(normalize: Normalizer) -> None:
    text = report.render_text(report.build([], [], normalize))
    assert "Total de preguntas: <5" in text and "(ninguna)" in text


def fill_store(data_dir: Path) -> None:
    """Real users through the real service (pseudonymous 32-hex keys), and a few direct counters."""
    service = BotService.from_config(Config(data_dir=data_dir, bot_secret="x" * 32))
    at = dt.datetime(2026, 11, 20, 18, tzinfo=dt.UTC)
    for user in range(7):
        service.process(user, Event(EventKind.COMMAND, command="start", text="sinactraho", at=at))
        service.process(user, Event(EventKind.BUTTON, data="a:aguinaldo", at=at))
        service.process(user, Event(EventKind.BUTTON, data="h:hogar.cdmx", at=at))
    service.process(99, Event(EventKind.BUTTON, data="a:aguinaldo", at=at))
    service.store.save_question("me pueden correr por estar embarazada", at)
    service.store.close()
    store = Store(data_dir)
    keys = [row[0] for row in store._db.execute("SELECT user_key FROM users")]
    assert len(keys) == 8 and all(re.fullmatch(r"[0-9a-f]{32}", k) for k in keys)
    store.close()


def test_report_command_end_to_end_writes_csv_and_png_without_identifiers(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill_store(data_dir)
    secret_keys = {Pseudonymizer(b"x" * 32).user_key(u) for u in (*range(7), 99)}
    out_csv, out_png = tmp_path / "r" / "informe.csv", tmp_path / "r" / "semanas.png"
    result = run("report", "--csv", str(out_csv), "--png", str(out_png), env={"BOT_DATA_DIR": str(data_dir)})
    assert result.returncode == 0, result.stderr
    assert "aguinaldo" in result.stdout and "sinactraho" in result.stdout
    assert re.search(r"aguinaldo\s+8\b", result.stdout)
    assert "<5" in result.stdout  # the one user without the link, and the lone shared question
    assert "embarazada" not in result.stdout
    with out_csv.open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["tabla", "clave", "preguntas"]
    assert ["tema", "aguinaldo", "8"] in table
    assert all(r[2] == "<5" or int(r[2]) >= 5 for r in table[1:])
    with Image.open(out_png) as image:
        assert image.format == "PNG" and image.width > 300
    outputs = [result.stdout.encode(), result.stderr.encode(), out_csv.read_bytes(), out_png.read_bytes()]
    for blob in outputs:
        assert not USER_KEY_RE.search(blob)
        assert not any(k.encode() in blob for k in secret_keys)


def test_report_filters_from_the_command_line(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill_store(data_dir)
    result = run(
        "report", "--org", "sinactraho", "--since", "2026-11-01", env={"BOT_DATA_DIR": str(data_dir)}
    )
    assert result.returncode == 0, result.stderr
    assert "solo el enlace de la organización 'sinactraho'" in result.stdout
    assert re.search(r"aguinaldo\s+7\b", result.stdout)
    assert "(sin organización)" not in result.stdout


def test_report_without_data_is_a_clear_message(tmp_path: Path) -> None:
    result = run("report", env={"BOT_DATA_DIR": str(tmp_path / "nada")})
    assert result.returncode == 1 and "Todavía no hay datos" in result.stdout
    assert not (tmp_path / "nada").exists()


def test_bad_date_is_a_clear_error(tmp_path: Path) -> None:
    result = run("report", "--since", "ayer", env={"BOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2 and "AAAA-MM-DD" in result.stderr


def test_counters_table_has_no_user_column(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save("0" * 32, UserState(), dt.datetime(2026, 11, 22, tzinfo=dt.UTC), ["start|lang=es"])
    columns = [row[1] for row in store._db.execute("PRAGMA table_info(counters)")]
    store.close()
    assert columns == ["day", "key", "count"]


def test_te_sirvio_is_counted_per_answer_with_small_counts_hidden(normalize: Normalizer) -> None:
    data = rows(
        (MONDAY, "util:aguinaldo:si|lang=es", 7),
        (MONDAY, "util:aguinaldo:no|lang=es", 2),
        (MONDAY, "util:vacaciones:no|lang=es", 1),
        (MONDAY, "tema:derechos:aguinaldo|lang=es", 9),
    )
    built = report.build(data, [], normalize)
    assert built.total == 9, "a 👍 is not a question"
    assert built.useful == [("aguinaldo 👍", 7), (report.OTHERS, 3)]
    text = report.render_text(built)
    assert "¿Te sirvió?" in text and "vacaciones" not in text

"""Flyers: the QR code decodes back to the link, the page has its print size, Spanish renders."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops

from bot import flyer
from bot.flyer import FLYER_SIZE, FlyerText, make_flyer, qr_code
from bot.knowledge.loader import load_knowledge_strict
from tests.test_cli import run

LINK = "https://t.me/cerrando_brechas_bot?start=sinactraho"


def decoded(path: Path) -> list[str]:
    with Image.open(path) as image:
        return [r.text for r in zxingcpp.read_barcodes(image)]


def test_qr_code_decodes_back_to_the_link(tmp_path: Path) -> None:
    path = make_flyer(FlyerText("SINACTRAHO", LINK, "Sindicato Nacional", "Contacto: x"), tmp_path / "v.png")
    assert decoded(path) == [LINK]


def test_flyer_is_a6_at_300_dpi(tmp_path: Path) -> None:
    path = make_flyer(FlyerText("SINACTRAHO", LINK), tmp_path / "sub" / "v.png")
    with Image.open(path) as image:
        assert image.size == FLYER_SIZE and image.format == "PNG"
        assert round(image.info["dpi"][0]) == 300


def test_long_names_and_links_still_fit_and_decode(tmp_path: Path) -> None:
    long_link = "https://t.me/cerrando_brechas_bot?start=" + "x" * 64
    text = FlyerText(
        "Una organización con un nombre larguísimo " * 3, long_link, "Subtítulo " * 20, "c " * 60
    )
    assert decoded(make_flyer(text, tmp_path / "v.png")) == [long_link]


def test_qr_is_a_regular_qr_code_with_error_correction() -> None:
    symbol = qr_code(LINK)
    assert not symbol.is_micro and symbol.error in {"M", "Q", "H"}


def test_the_font_has_spanish_letters() -> None:
    face = flyer.font(40)
    tofu = face.getmask("\u0378")  # an unassigned code point: the "missing glyph" box
    for letter in "áéíóúñÑ¿¡ü":
        mask = face.getmask(letter)
        same_size = mask.size == tofu.size
        if same_size:
            a = Image.frombytes("L", mask.size, bytes(mask))
            b = Image.frombytes("L", tofu.size, bytes(tofu))
            assert ImageChops.difference(a, b).getbbox() is not None, letter


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flyer, "_font_file", lambda bold: None)
    flyer.font.cache_clear()
    try:
        with pytest.raises(flyer.FlyerError, match="DejaVu"):
            flyer.font(41)
    finally:
        flyer.font.cache_clear()


def test_main_for_an_organization_and_a_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = load_knowledge_strict()
    assert flyer.main(kb, "@cerrando_brechas_bot", "SINACTRAHO", None, tmp_path / "o.png") == 0
    assert decoded(tmp_path / "o.png") == [LINK]
    assert flyer.main(kb, "cerrando_brechas_bot", None, "aguinaldo", tmp_path / "t.png") == 0
    assert decoded(tmp_path / "t.png") == ["https://t.me/cerrando_brechas_bot?start=tema-aguinaldo"]
    out = capsys.readouterr().out
    assert LINK in out and "tema-aguinaldo" in out
    assert flyer.main(kb, "cerrando_brechas_bot", "no-existe", None, tmp_path / "x.png") == 2
    assert flyer.main(kb, "cerrando_brechas_bot", None, "no-existe", tmp_path / "x.png") == 2
    assert flyer.main(kb, "bad name!", "sinactraho", None, tmp_path / "x.png") == 2
    assert not (tmp_path / "x.png").exists()


def test_link_command_line(tmp_path: Path) -> None:
    out = tmp_path / "volante.png"
    result = run(
        "link", "--org", "sinactraho", "--out", str(out), env={"BOT_USERNAME": "cerrando_brechas_bot"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == LINK
    assert decoded(out) == [LINK]


def test_link_without_a_username_says_how_to_set_it(tmp_path: Path) -> None:
    result = run("link", "--org", "sinactraho", "--out", str(tmp_path / "v.png"))
    assert result.returncode == 2
    assert "BOT_USERNAME" in result.stdout and "--bot" in result.stdout
    assert "Traceback" not in result.stderr and not (tmp_path / "v.png").exists()

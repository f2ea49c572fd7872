"""A printable flyer: the organization's name, one line on what the bot does, and a QR code of the link.

The QR code is made by segno (no hand-written encoding); Pillow lays out the page. A6 at 300 dpi, so it
prints sharp on a home printer, four to a letter sheet.
"""

from __future__ import annotations

import functools
import importlib.util
import io
from dataclasses import dataclass
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

from bot.knowledge.model import KnowledgeBase
from bot.organizations import USERNAME_RE, deep_link, topic_payload

FLYER_SIZE = (1240, 1748)  # A6 portrait at 300 dpi
MARGIN = 90
QR_TARGET = 760  # pixels the QR code should take, quiet zone included
INK = (33, 33, 33)
ACCENT = (91, 42, 134)
WHITE = (255, 255, 255)
TAGLINE = "Tus derechos si trabajas en una casa o en el campo: IMSS, salario, aguinaldo y más."
SCAN = "Escanea el código con la cámara de tu teléfono"
FOOTER = "Es gratis y no te pide tu nombre."
SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)

Font = ImageFont.FreeTypeFont


@dataclass(frozen=True)
class FlyerText:
    title: str  # the organization's short name, or the topic's title
    link: str
    subtitle: str = ""  # the organization's full name when it differs from the title
    contact: str = ""  # one verified contact line of the organization, if it has one


def qr_code(link: str) -> segno.QRCode:
    """A regular (not micro) QR code with medium error correction, boosted when it costs no size."""
    return segno.make_qr(link, error="m", boost_error=True)


def _font_file(bold: bool) -> Path | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    candidates = [d / name for d in SYSTEM_FONT_DIRS]
    spec = importlib.util.find_spec("matplotlib")  # ships DejaVu: a fallback on slim images without fonts
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / name)
    return next((c for c in candidates if c.is_file()), None)


class FlyerError(RuntimeError):
    pass


@functools.cache
def font(size: int, bold: bool = False) -> Font:
    # Not Pillow's default font: it has no accents or ñ, and a flyer with boxes for letters is useless.
    path = _font_file(bold)
    if path is None:
        raise FlyerError(
            "No encontré la fuente DejaVu Sans (viene con matplotlib): instala las dependencias."
        )
    return ImageFont.truetype(str(path), size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: Font, width: int) -> list[str]:
    """Words to lines no wider than `width` pixels (a single long word, e.g. a link, stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=face) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _fitting(draw: ImageDraw.ImageDraw, text: str, sizes: tuple[int, ...], width: int, bold: bool) -> Font:
    """The largest size at which no single word is wider than the page."""
    for size in sizes:
        face = font(size, bold)
        if all(draw.textlength(word, font=face) <= width for word in text.split()):
            return face
    return font(sizes[-1], bold)


def _line_height(face: Font) -> int:
    ascent, descent = face.getmetrics()
    return int((ascent + descent) * 1.2)


def _centered(
    draw: ImageDraw.ImageDraw, lines: list[str], face: Font, top: int, fill: tuple[int, ...]
) -> int:
    """Draw centered lines from `top`; returns the y below the last one."""
    for line in lines:
        x = (FLYER_SIZE[0] - draw.textlength(line, font=face)) / 2
        draw.text((x, top), line, font=face, fill=fill)
        top += _line_height(face)
    return top


@dataclass
class _Block:
    lines: list[str]
    face: Font
    fill: tuple[int, int, int]
    gap: int  # space above the block

    @property
    def height(self) -> int:
        return self.gap + _line_height(self.face) * len(self.lines)


def render(text: FlyerText) -> Image.Image:
    """Measure every text block first, then give the QR code the room that is left (up to QR_TARGET)."""
    width, height = FLYER_SIZE
    inner = width - 2 * MARGIN
    page = Image.new("RGB", FLYER_SIZE, WHITE)
    draw = ImageDraw.Draw(page)

    title_font = _fitting(draw, text.title, (96, 84, 72, 60, 48), inner, bold=True)
    header = [_Block(wrap(draw, text.title, title_font, inner)[:3], title_font, WHITE, 60)]
    if text.subtitle and text.subtitle != text.title:
        header.append(_Block(wrap(draw, text.subtitle, font(36), inner)[:3], font(36), WHITE, 16))
    band = sum(b.height for b in header) + 60

    shown_link = text.link.removeprefix("https://")
    body_top = [_Block(wrap(draw, TAGLINE, font(46), inner), font(46), INK, 50)]
    link_font = _fitting(draw, shown_link, (34, 30, 26, 22), inner, bold=False)
    body_bottom = [
        _Block(wrap(draw, SCAN, font(38, bold=True), inner), font(38, bold=True), INK, 20),
        _Block([shown_link], link_font, ACCENT, 6),
        _Block(wrap(draw, FOOTER, font(32), inner), font(32), INK, 30),
    ]
    if text.contact:
        body_bottom.append(_Block(wrap(draw, text.contact, font(32), inner), font(32), INK, 4))
    used = band + sum(b.height for b in (*body_top, *body_bottom)) + 60  # 60: bottom margin
    room = min(QR_TARGET, height - used - 40)

    symbol = qr_code(text.link)
    modules = symbol.symbol_size(border=4)[0]
    buffer = io.BytesIO()
    symbol.save(buffer, kind="png", scale=max(room // modules, 4), border=4)
    buffer.seek(0)
    with Image.open(buffer) as raw:
        qr = raw.convert("RGB")

    draw.rectangle((0, 0, width, band), fill=ACCENT)
    y = 0
    for block in header:
        y = _centered(draw, block.lines, block.face, y + block.gap, block.fill)
    y = band
    for block in body_top:
        y = _centered(draw, block.lines, block.face, y + block.gap, block.fill)
    spare = height - 60 - y - qr.height - sum(b.height for b in body_bottom)
    y += max(20, spare // 2)
    page.paste(qr, ((width - qr.width) // 2, y))
    y += qr.height
    for block in body_bottom:
        y = _centered(draw, block.lines, block.face, y + block.gap, block.fill)
    return page


def make_flyer(text: FlyerText, path: Path) -> Path:
    """Write the flyer as PNG (with its print resolution) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    render(text).save(path, format="PNG", dpi=(300, 300))
    return path


def main(
    kb: KnowledgeBase, username: str | None, org: str | None, topic: str | None, out: Path | None
) -> int:
    """`python -m bot link`: print the deep link and write its flyer."""
    if not username:
        print(
            "Falta el nombre de usuario del bot para armar el enlace. Defínelo con la variable "
            "BOT_USERNAME=mi_bot (el @usuario que te dio @BotFather, sin la @) o usa --bot mi_bot."
        )
        return 2
    username = username.lstrip("@")
    if not USERNAME_RE.match(username):
        print(f"'{username}' no es un nombre de usuario de Telegram válido (letras, números y _; 5 a 32).")
        return 2
    if org:
        organization = kb.organization(org)
        if organization is None:
            codes = ", ".join(o.code for o in kb.organizations) or "(ninguno)"
            print(f"No conozco la organización '{org}'. Códigos en knowledge/organizaciones.yaml: {codes}")
            return 2
        payload = organization.code
        contact = next((c.value for c in organization.contacts if c.kind == "web"), "")
        if not contact and organization.contacts:
            contact = organization.contacts[0].value
        text = FlyerText(
            title=organization.short_name,
            subtitle=organization.name,
            link=deep_link(username, payload),
            contact=f"Contacto de {organization.short_name}: {contact}" if contact else "",
        )
    elif topic:
        entry = kb.entries.get(topic)
        area = kb.area(topic)
        if entry is None and area is None:
            print(f"No conozco el tema '{topic}': usa el id de una entrada o de un área (knowledge/*.yaml).")
            return 2
        payload = topic_payload(topic)
        title = entry.title if entry else area.title if area else topic
        text = FlyerText(title=title, link=deep_link(username, payload))
    else:
        print("Indica --org CODIGO (enlace de una organización) o --tema ID (enlace a un tema).")
        return 2
    path = make_flyer(text, out or Path(f"volante-{payload}.png"))
    print(text.link)
    print(f"Volante para imprimir: {path}")
    return 0

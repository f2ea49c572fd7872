"""knowledge/organizaciones.yaml: loading, validation, and who the hand-off shows to whom."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.knowledge import checker
from bot.knowledge.loader import ORG_CODE_RE, load_knowledge
from bot.knowledge.model import STATES, VERIFIED_LABELS, KnowledgeBase
from bot.organizations import contact_line, deep_link, for_handoff, topic_payload
from tests.knowledge.test_loader import ENTRY, write

TODAY = dt.date(2026, 11, 22)

ORG = """
organizaciones:
  - codigo: mi-org
    nombre: Mi Organización de Prueba
    nombre_corto: Mi Org
    tipo: organizacion
    que_hace: Apoya a trabajadoras del hogar.
    audiencia: [hogar]
    estados: []
    contactos:
      - tipo: web
        valor: https://www.ejemplo.org.mx
        verificacion: VERIFIED-OFFICIAL
    entrada: una-entrada
    revisado: 2026-11-20
"""


def org_problems(tmp_path: Path, text: str) -> list[str]:
    directory = write(tmp_path, ENTRY)
    (directory / "organizaciones.yaml").write_text(text, encoding="utf-8")
    kb, found = load_knowledge(directory)
    return [str(p) for p in found + checker.check(kb, TODAY, None)]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    kb, problems = load_knowledge()
    assert [p for p in problems if not p.warning] == []
    return kb


# ---------------------------------------------------------------- the real data
def test_real_organizations_load_with_usable_codes(kb: KnowledgeBase) -> None:
    codes = [o.code for o in kb.organizations]
    assert {"sinactraho", "mitrabajocuenta", "conciliacion", "imss", "linea-mujeres"} <= set(codes)
    assert len({c.lower() for c in codes}) == len(codes)
    for code in codes:
        assert ORG_CODE_RE.match(code) and not code.startswith(("lang-", "tema-"))


def test_only_verified_contacts_and_only_facts_from_the_fact_sheet(
    kb: KnowledgeBase, shared_dir: Path
) -> None:
    facts = (shared_dir / "research" / "facts-2026.md").read_text(encoding="utf-8")
    for organization in kb.organizations:
        for contact in organization.contacts:
            assert contact.verified in VERIFIED_LABELS
            bare = contact.value.removeprefix("https://").removeprefix("http://")
            assert bare in facts, f"{organization.code}: {contact.value} is not in the fact sheet"


def test_organizations_without_a_verified_contact_keep_none(kb: KnowledgeBase) -> None:
    for code in ("caceh", "rejja", "sindja"):
        organization = kb.organization(code)
        assert organization is not None and organization.contacts == ()


def test_lookup_ignores_case(kb: KnowledgeBase) -> None:
    organization = kb.organization("SINACTRAHO")
    assert organization is not None and organization.code == "sinactraho"
    assert kb.organization("no-existe") is None


# ---------------------------------------------------------------- who the hand-off shows
def codes(kb: KnowledgeBase, work: str, state: str, arrival: str | None = None) -> list[str]:
    return [o.code for o in for_handoff(kb, work, state, arrival)]


def test_arrival_organization_goes_first_even_outside_its_audience(kb: KnowledgeBase) -> None:
    assert codes(kb, "campo", "jal", "sinactraho")[0] == "sinactraho"
    assert codes(kb, "hogar", "", "SINACTRAHO")[0] == "sinactraho"
    assert codes(kb, "hogar", "").count("sinactraho") == 1


def test_state_specific_offices_replace_the_general_ones(kb: KnowledgeBase) -> None:
    cdmx = codes(kb, "hogar", "cdmx")
    assert "ccl-cdmx" in cdmx and "conciliacion" not in cdmx and "sos-mujeres-cdmx" in cdmx
    mex = codes(kb, "hogar", "mex")
    assert "prodet-edomex" in mex and "procuraduria" not in mex and "conciliacion" in mex
    oax = codes(kb, "campo", "oax")
    assert {"conciliacion", "procuraduria"} <= set(oax)
    assert not {"ccl-cdmx", "prodet-edomex", "sos-mujeres-cdmx"} & set(oax)


def test_situation_filters_organizations_and_hides_those_without_contact(kb: KnowledgeBase) -> None:
    farm = codes(kb, "campo", "")
    assert "sinactraho" not in farm and "mitrabajocuenta" not in farm
    assert "rejja" not in farm  # no verified contact: nothing to show
    home = codes(kb, "hogar", "")
    assert "sinactraho" in home and "caceh" not in home
    assert set(home) <= set(codes(kb, "general", ""))


def test_every_state_has_somewhere_to_go(kb: KnowledgeBase) -> None:
    for state in STATES:
        for work in ("hogar", "campo", "general"):
            found = for_handoff(kb, work, state)
            assert any(o.kind == "servicio" and o.contacts for o in found), (work, state)


def test_links_and_contact_lines() -> None:
    assert deep_link("@mi_bot", "sinactraho") == "https://t.me/mi_bot?start=sinactraho"
    assert deep_link("mi_bot", topic_payload("aguinaldo")) == "https://t.me/mi_bot?start=tema-aguinaldo"
    kb, _ = load_knowledge()
    imss = kb.organization("imss")
    assert imss is not None
    assert contact_line(imss.contacts[0]).startswith("📞 800 623 2323 (")


# ---------------------------------------------------------------- validation
def test_a_valid_organization_file_has_no_problems(tmp_path: Path) -> None:
    assert org_problems(tmp_path, ORG) == []


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (("codigo: mi-org", "codigo: mi org"), "código 'mi org' inválido"),
        (("codigo: mi-org", "codigo: tema-aguinaldo"), "no puede empezar con lang- ni tema-"),
        (("codigo: mi-org", "codigo: Lang-es"), "no puede empezar"),
        (("codigo: mi-org", "codigo: " + "x" * 65), "inválido"),
        (("estados: []", "estados: [cdmx, narnia]"), "estado 'narnia' desconocido"),
        (("VERIFIED-OFFICIAL", "UNVERIFIED"), "solo se publican contactos"),
        (("tipo: organizacion", "tipo: empresa"), "tipo 'empresa' desconocido"),
        (("audiencia: [hogar]", "audiencia: [fabrica]"), "audiencia 'fabrica' desconocida"),
        (("    revisado:", "    telefono: '5'\n    revisado:"), "campo desconocido 'telefono'"),
        (("https://www.ejemplo.org.mx", "www.ejemplo.org.mx"), "URL mal formada"),
        (("tipo: web", "tipo: telefono"), "teléfono mal escrito"),
        (("tipo: web", "tipo: correo"), "correo mal escrito"),
        (("entrada: una-entrada", "entrada: no-existe"), "entrada 'no-existe' no existe"),
        (("estados: []", "estados: [cdmx]\n    en_lugar_de: [otra]"), "en_lugar_de 'otra'"),
        (("revisado: 2026-11-20", "revisado: 2025-01-01"), "hace más de 12 meses"),
    ],
)
def test_organization_problems(tmp_path: Path, change: tuple[str, str], fragment: str) -> None:
    found = org_problems(tmp_path, ORG.replace(*change))
    assert any(fragment in m for m in found), found


def test_duplicate_codes_ignoring_case(tmp_path: Path) -> None:
    second = ORG.split("organizaciones:\n", 1)[1].replace("codigo: mi-org", "codigo: MI-ORG")
    found = org_problems(tmp_path, ORG + second)
    assert any("código repetido 'MI-ORG'" in m for m in found), found


def test_phone_formats_people_dial_are_accepted(tmp_path: Path) -> None:
    for phone in ("079", "*765", "800 623 2323", "55 5134 1730"):
        text = ORG.replace("tipo: web", "tipo: telefono").replace("https://www.ejemplo.org.mx", f'"{phone}"')
        assert org_problems(tmp_path, text) == [], phone


def test_missing_organizations_file_is_fine(tmp_path: Path) -> None:
    kb, found = load_knowledge(write(tmp_path, ENTRY))
    assert found == [] and kb.organizations == ()


def test_the_readme_lists_every_state_code() -> None:
    readme = (Path(__file__).resolve().parents[1] / "knowledge" / "README.md").read_text(encoding="utf-8")
    section = readme.split("State codes:", 1)[1].split("\n\n", 1)[0]
    documented = dict(re.findall(r"`([a-z]+)` ([^,`\n]+?)(?:,|\.$|\n)", section))
    assert {k: v.strip() for k, v in documented.items()} == STATES

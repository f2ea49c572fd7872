"""The one place that loads the knowledge base: YAML files in, typed data and a list of problems out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.model import (
    AUDIENCES,
    CONTACT_KINDS,
    ORG_KINDS,
    STATES,
    VERIFIED_LABELS,
    Area,
    Contact,
    Entry,
    KnowledgeBase,
    Organization,
    Parameter,
    ParamValue,
    ProblemKind,
    Source,
)
from bot.knowledge.problems import PROBLEMS_FILE, load_problems
from bot.knowledge.yaml_source import LineDict, YamlProblem, read_yaml

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "knowledge"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ORGANIZATIONS_FILE = "organizaciones.yaml"
OUT_OF_SCOPE_FILE = "fuera_de_alcance.yaml"
SPECIAL_FILES = {"parametros.yaml", "sinonimos.yaml", ORGANIZATIONS_FILE, OUT_OF_SCOPE_FILE, PROBLEMS_FILE}
# Telegram's rule for a /start payload; `lang-` and `tema-` are taken by the bot's own links.
ORG_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
RESERVED_PREFIXES = ("lang-", "tema-")
ORG_KEYS = {
    "codigo",
    "nombre",
    "nombre_corto",
    "tipo",
    "que_hace",
    "audiencia",
    "estados",
    "contactos",
    "entrada",
    "en_lugar_de",
    "revisado",
}
CONTACT_KEYS = {"tipo", "valor", "nota", "verificacion", "fuente"}
MAX_SHORT_NAME = 40
ENTRY_KEYS = {
    "id",
    "titulo",
    "audiencia",
    "urgente",
    "frases",
    "respuesta",
    "base_legal",
    "fuentes",
    "vigente_desde",
    "revisado",
    "relacionadas",
    "calculo",
    "no_verificado",
    "solo_si",
}
REQUIRED_ENTRY_KEYS = ENTRY_KEYS - {
    "relacionadas",
    "calculo",
    "no_verificado",
    "urgente",
    "audiencia",
    "solo_si",
}
MIN_PHRASINGS = 8


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "aviso: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


class KnowledgeError(RuntimeError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:20])
        more = f"\n... y {len(problems) - 20} más" if len(problems) > 20 else ""
        super().__init__(f"La base de conocimiento tiene errores:\n{lines}{more}")


def _type_name(value: object) -> str:
    names = {bool: "sí/no (booleano)", int: "número", float: "número", dt.date: "fecha", type(None): "vacío"}
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return type(value).__name__


class _Reader:
    """Reads one mapping's fields with type checks, collecting problems instead of raising."""

    def __init__(self, path: Path, node: LineDict, problems: list[Problem]) -> None:
        self.path, self.node, self.problems = path, node, problems

    def only(self, allowed: Collection[str], where: str = "") -> None:
        """Report every field not in `allowed`: usually a typo that would silently drop data."""
        for key in self.node:
            if key not in allowed:
                self.problem(str(key), f"campo desconocido '{key}'{where} (¿error de escritura?)")

    def problem(self, key: str | None, message: str, warning: bool = False) -> None:
        line = self.node.line_of(key) if key else self.node.line
        self.problems.append(Problem(self.path, line, message, warning))

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        if key not in self.node:
            if required:
                self.problem(None, f"falta el campo '{key}'")
            return default
        value = self.node[key]
        if not isinstance(value, str):
            hint = " (ponlo entre comillas)" if isinstance(value, bool | int | float | dt.date) else ""
            self.problem(key, f"'{key}' debe ser texto; YAML lo leyó como {_type_name(value)}{hint}")
            return default
        if required and not value.strip():
            self.problem(key, f"'{key}' está vacío")
        return value.strip()

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        if key not in self.node:
            if required:
                self.problem(None, f"falta el campo '{key}'")
            return ()
        value = self.node[key]
        if not isinstance(value, list):
            self.problem(key, f"'{key}' debe ser una lista")
            return ()
        items = []
        for position, item in enumerate(value, 1):
            if not isinstance(item, str):
                self.problem(
                    key,
                    f"'{key}' elemento {position}: YAML lo leyó como {_type_name(item)}, no como texto "
                    "(ponlo entre comillas)",
                )
            elif item.strip():
                items.append(item.strip())
        return tuple(items)

    def date(self, key: str, *, required: bool = True) -> dt.date:
        value = self.node.get(key)
        if value is None:
            if required:
                self.problem(None, f"falta la fecha '{key}'")
            return dt.date.min
        return _as_date(value, lambda msg: self.problem(key, f"'{key}': {msg}"))

    def flag(self, key: str, default: bool) -> bool:
        value = self.node.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' debe ser true o false")
            return default
        return value

    def integer(self, key: str, default: int) -> int:
        value = self.node.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"'{key}' debe ser un número entero")
            return default
        return value


def _as_date(value: Any, report: Callable[[str], None]) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    report(f"debe ser una fecha AAAA-MM-DD (se leyó {value!r})")
    return dt.date.min


def _load_entry(
    path: Path, area_id: str, node: Any, problems: list[Problem], parent: LineDict
) -> Entry | None:
    if not isinstance(node, LineDict):
        problems.append(Problem(path, parent.line_of("entradas"), "cada entrada debe ser un mapa de campos"))
        return None
    r = _Reader(path, node, problems)
    r.only(ENTRY_KEYS)
    entry_id = r.text("id")
    if entry_id and not ID_RE.match(entry_id):
        r.problem("id", f"id '{entry_id}' inválido: usa minúsculas, números y guiones")
    phrasings = r.texts("frases")
    if len(phrasings) < MIN_PHRASINGS and "frases" in node:
        r.problem("frases", f"'{entry_id}' tiene {len(phrasings)} frases; se piden al menos {MIN_PHRASINGS}")
    audience = r.texts("audiencia", required=False) or ("general",)
    for tag in audience:
        if tag not in AUDIENCES:
            r.problem("audiencia", f"audiencia '{tag}' desconocida (usa {', '.join(AUDIENCES)})")
    sources = []
    raw_sources = node.get("fuentes")
    if not isinstance(raw_sources, list) or not raw_sources:
        r.problem(
            "fuentes" if "fuentes" in node else None, "'fuentes' debe ser una lista con al menos una fuente"
        )
    else:
        for item in raw_sources:
            if not isinstance(item, LineDict):
                r.problem("fuentes", "cada fuente debe tener 'url' y 'consultado'")
                continue
            sr = _Reader(path, item, problems)
            sources.append(Source(sr.text("url"), sr.date("consultado")))
    calculator = r.text("calculo", required=False) or None
    return Entry(
        id=entry_id,
        area=area_id,
        title=r.text("titulo"),
        phrasings=phrasings,
        answer=r.text("respuesta"),
        legal_basis=r.texts("base_legal"),
        sources=tuple(sources),
        in_force_since=r.date("vigente_desde"),
        reviewed=r.date("revisado"),
        related=r.texts("relacionadas", required=False),
        audience=audience,
        urgent=r.flag("urgente", False),
        calculator=calculator,
        not_verified=r.text("no_verificado", required=False),
        only_if=r.texts("solo_si", required=False),
        path=path,
        line=node.line,
    )


def _load_area(path: Path, data: Any, problems: list[Problem]) -> tuple[Area, list[Entry]] | None:
    if not isinstance(data, LineDict):
        problems.append(Problem(path, 1, "el archivo debe ser un mapa con 'area', 'titulo' y 'entradas'"))
        return None
    r = _Reader(path, data, problems)
    area_id = r.text("area")
    if area_id and area_id != path.stem:
        r.problem("area", f"'area: {area_id}' no coincide con el nombre del archivo ({path.stem})")
    raw_entries = data.get("entradas")
    if not isinstance(raw_entries, list):
        r.problem("entradas" if "entradas" in data else None, "'entradas' debe ser una lista")
        raw_entries = []
    entries = [e for node in raw_entries if (e := _load_entry(path, area_id, node, problems, data))]
    area = Area(
        id=area_id,
        title=r.text("titulo"),
        emoji=r.text("emoji", required=False, default="•"),
        order=r.integer("orden", 100),
        entry_ids=tuple(e.id for e in entries),
    )
    return area, entries


UNREADABLE = object()  # what _read returns for a file that is not valid YAML


def _read(path: Path, problems: list[Problem]) -> Any:
    """The file's YAML, or UNREADABLE after reporting where it is broken."""
    try:
        return read_yaml(path)
    except YamlProblem as exc:
        problems.append(Problem(exc.path, exc.line, exc.message))
        return UNREADABLE


def _load_parameters(path: Path, problems: list[Problem]) -> dict[str, Parameter]:
    data = _read(path, problems)
    if data is UNREADABLE:
        return {}
    if not isinstance(data, LineDict):
        problems.append(Problem(path, 1, "parametros.yaml debe ser un mapa de parámetros"))
        return {}
    parameters = {}
    for name, node in data.items():
        if not isinstance(node, LineDict):
            problems.append(Problem(path, data.line_of(name), f"el parámetro '{name}' debe ser un mapa"))
            continue
        r = _Reader(path, node, problems)
        values = []
        raw_values = node.get("valores")
        if not isinstance(raw_values, list) or not raw_values:
            r.problem("valores" if "valores" in node else None, f"'{name}' necesita una lista 'valores'")
            raw_values = []
        for item in raw_values:
            if not isinstance(item, LineDict):
                r.problem("valores", f"'{name}': cada valor necesita 'desde' y 'valor'")
                continue
            vr = _Reader(path, item, problems)
            if "valor" not in item:
                vr.problem(None, f"'{name}': falta 'valor'")
            values.append(
                ParamValue(
                    since=vr.date("desde"),
                    value=item.get("valor"),
                    status=vr.text("estado"),
                    source=vr.text("fuente"),
                    url=vr.text("url", required=False) or None,
                )
            )
        parameters[str(name)] = Parameter(
            name=str(name),
            description=r.text("descripcion"),
            unit=r.text("unidad"),
            yearly=r.flag("anual", False),
            values=tuple(sorted(values, key=lambda v: v.since)),
        )
    return parameters


def _load_synonyms(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    data = _read(path, problems)
    if data is UNREADABLE:
        return {}
    if not isinstance(data, LineDict):
        problems.append(Problem(path, 1, "sinonimos.yaml debe ser un mapa de tablas"))
        return {}
    tables: dict[str, dict[str, str]] = {}
    for table, mapping in data.items():
        if not isinstance(mapping, LineDict):
            problems.append(Problem(path, data.line_of(table), f"la tabla '{table}' debe ser un mapa"))
            continue
        clean = {}
        for key, value in mapping.items():
            if not isinstance(key, str) or not isinstance(value, str):
                problems.append(
                    Problem(
                        path,
                        mapping.line_of(str(key)),
                        f"'{key}': clave y valor deben ser texto (usa comillas)",
                    )
                )
                continue
            if table == "audiencias" and value not in AUDIENCES:
                problems.append(
                    Problem(
                        path, mapping.line_of(key), f"'{key}': la audiencia debe ser {', '.join(AUDIENCES)}"
                    )
                )
                continue
            clean[key] = value
        tables[str(table)] = clean
    return tables


def _load_contact(path: Path, node: Any, problems: list[Problem], owner: _Reader) -> Contact | None:
    if not isinstance(node, LineDict):
        owner.problem("contactos", "cada contacto debe tener 'tipo', 'valor' y 'verificacion'")
        return None
    r = _Reader(path, node, problems)
    r.only(CONTACT_KEYS, " en un contacto")
    kind = r.text("tipo")
    if kind and kind not in CONTACT_KINDS:
        r.problem("tipo", f"tipo de contacto '{kind}' desconocido (usa {', '.join(CONTACT_KINDS)})")
    verified = r.text("verificacion")
    if verified and verified not in VERIFIED_LABELS:
        r.problem(
            "verificacion",
            f"'{verified}': solo se publican contactos {' o '.join(VERIFIED_LABELS)} de la hoja de datos",
        )
    r.text("fuente", required=False)
    return Contact(kind=kind, value=r.text("valor"), note=r.text("nota", required=False), verified=verified)


def _load_organization(
    path: Path, node: Any, problems: list[Problem], parent: LineDict
) -> Organization | None:
    if not isinstance(node, LineDict):
        problems.append(
            Problem(path, parent.line_of("organizaciones"), "cada organización debe ser un mapa de campos")
        )
        return None
    r = _Reader(path, node, problems)
    r.only(ORG_KEYS)
    code = r.text("codigo")
    if code and not ORG_CODE_RE.match(code):
        r.problem("codigo", f"código '{code}' inválido: solo letras, números, _ y -, de 1 a 64 caracteres")
    elif code.lower().startswith(RESERVED_PREFIXES):
        r.problem("codigo", f"código '{code}': no puede empezar con {' ni '.join(RESERVED_PREFIXES)}")
    kind = r.text("tipo")
    if kind and kind not in ORG_KINDS:
        r.problem("tipo", f"tipo '{kind}' desconocido (usa {', '.join(ORG_KINDS)})")
    audience = r.texts("audiencia", required=False) or ("general",)
    for tag in audience:
        if tag not in AUDIENCES:
            r.problem("audiencia", f"audiencia '{tag}' desconocida (usa {', '.join(AUDIENCES)})")
    states = r.texts("estados", required=False)
    for state in states:
        if state not in STATES:
            r.problem("estados", f"estado '{state}' desconocido (usa los códigos de knowledge/README.md)")
    name = r.text("nombre")
    short_name = r.text("nombre_corto", required=False) or name
    if len(short_name) > MAX_SHORT_NAME:
        r.problem(
            "nombre_corto", f"'nombre_corto' tiene {len(short_name)} caracteres (máximo {MAX_SHORT_NAME})"
        )
    contacts: list[Contact] = []
    raw_contacts = node.get("contactos", [])
    if not isinstance(raw_contacts, list):
        r.problem("contactos", "'contactos' debe ser una lista (puede estar vacía: [])")
        raw_contacts = []
    for item in raw_contacts:
        contact = _load_contact(path, item, problems, r)
        if contact is not None:
            contacts.append(contact)
    return Organization(
        code=code,
        name=name,
        short_name=short_name,
        what=r.text("que_hace"),
        kind=kind,
        audience=audience,
        states=states,
        contacts=tuple(contacts),
        entry=r.text("entrada", required=False) or None,
        replaces=r.texts("en_lugar_de", required=False),
        reviewed=r.date("revisado"),
        path=path,
        line=node.line,
    )


def _load_organizations(path: Path, problems: list[Problem]) -> tuple[Organization, ...]:
    if not path.exists():
        return ()
    data = _read(path, problems)
    if data is UNREADABLE:
        return ()
    raw = data.get("organizaciones") if isinstance(data, LineDict) else None
    if not isinstance(data, LineDict) or not isinstance(raw, list):
        problems.append(Problem(path, 1, f"{path.name} debe tener una lista 'organizaciones'"))
        return ()
    organizations: list[Organization] = []
    seen: dict[str, Organization] = {}
    for node in raw:
        organization = _load_organization(path, node, problems, data)
        if organization is None:
            continue
        first = seen.get(organization.code.lower())
        if first is not None and organization.code:
            problems.append(
                Problem(
                    path,
                    organization.line,
                    f"código repetido '{organization.code}' (ya está en la línea {first.line}; "
                    "mayúsculas y minúsculas cuentan igual)",
                )
            )
            continue
        seen[organization.code.lower()] = organization
        organizations.append(organization)
    return tuple(organizations)


def load_knowledge(directory: Path = DEFAULT_DIR) -> tuple[KnowledgeBase, list[Problem]]:
    """Load every YAML file of the knowledge folder; never raises for bad content, reports it instead."""
    problems: list[Problem] = []
    areas: list[Area] = []
    entries: dict[str, Entry] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name in SPECIAL_FILES:
            continue
        data = _read(path, problems)
        if data is UNREADABLE:
            continue
        loaded = _load_area(path, data, problems)
        if loaded is None:
            continue
        area, area_entries = loaded
        areas.append(area)
        for entry in area_entries:
            if entry.id in entries:
                first = entries[entry.id]
                problems.append(
                    Problem(
                        path,
                        entry.line,
                        f"id repetido '{entry.id}' (ya está en {first.path.name}:{first.line})",
                    )
                )
                continue
            entries[entry.id] = entry
    if not areas and not problems:
        problems.append(Problem(directory, 0, "no hay archivos de conocimiento (*.yaml)"))
    kb = KnowledgeBase(
        areas=tuple(sorted(areas, key=lambda a: (a.order, a.id))),
        entries=entries,
        parameters=_load_parameters(directory / "parametros.yaml", problems),
        synonyms=_load_synonyms(directory / "sinonimos.yaml", problems),
        organizations=_load_organizations(directory / ORGANIZATIONS_FILE, problems),
        out_of_scope=_load_out_of_scope(directory / OUT_OF_SCOPE_FILE, problems),
        problems=_load_problems(directory / PROBLEMS_FILE, entries, problems),
    )
    return kb, problems


def _load_problems(path: Path, entries: dict[str, Entry], problems: list[Problem]) -> dict[str, ProblemKind]:
    if not path.exists():
        return {}
    data = _read(path, problems)
    if data is UNREADABLE:
        return {}
    found: list[tuple[Path, int, str, bool]] = []
    kinds = load_problems(path, data, entries, found)
    problems.extend(Problem(*item) for item in found)
    return kinds


def _load_out_of_scope(path: Path, problems: list[Problem]) -> tuple[str, ...]:
    if not path.exists():
        return ()
    data = _read(path, problems)
    if data is UNREADABLE:
        return ()
    questions = data.get("preguntas") if isinstance(data, LineDict) else None
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        problems.append(Problem(path, 1, "debe tener 'preguntas:', una lista de textos (usa comillas)"))
        return ()
    return tuple(questions)


def load_knowledge_strict(directory: Path = DEFAULT_DIR) -> KnowledgeBase:
    """For the running bot: any error stops start-up with a readable list (warnings are fine)."""
    kb, problems = load_knowledge(directory)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise KnowledgeError(errors)
    return kb

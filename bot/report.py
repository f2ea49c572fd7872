"""`python -m bot report`: what people asked, for the organizations that share the bot, with no one in it.

Sources: the anonymous counters (day, key, count; keys described in bot/core/counters.py) and the
questions users agreed to share (day, scrubbed text). Neither has a user column. On top of that, every
count under MIN_COUNT is printed as "<5" (in the text, the CSV and the chart), rare topics, languages and
organizations are merged into one "otros" row so a rare question cannot point at the one person who
asked it, and the text of a group of shared questions is shown only when the group has MIN_COUNT or more.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from bot.core.counters import parse
from bot.i18n import LANGUAGES
from bot.matching.stopwords import STOPWORDS
from bot.privacy import scrub

MIN_COUNT = 5
SMALL = f"<{MIN_COUNT}"
SIMILARITY = 75  # rapidfuzz token_set_ratio (0-100) for two shared questions to be grouped
NO_ORG = "(sin organización)"
OTHERS = f"(otros, cada uno con menos de {MIN_COUNT})"
TOPIC_LABELS = {"duda": "(dudosa: se ofrecieron opciones)", "sin-respuesta": "(sin respuesta)"}
OTHER_EVENTS = {
    "start": "Inicios (/start)",
    "llegada": "Llegadas por el enlace de una organización",
    "persona": "Pidieron hablar con una persona",
}

USEFUL_PREFIX = "util:"
USEFUL_VERDICTS = {"si": "👍", "no": "👎"}


def shown(count: int) -> str:
    return str(count) if count >= MIN_COUNT else SMALL


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass
class Report:
    since: dt.date | None = None
    org: str | None = None
    weeks: list[tuple[str, int]] = field(default_factory=list)  # every week from the first to the last
    topics: list[tuple[str, int]] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)
    organizations: list[tuple[str, int]] = field(default_factory=list)
    others: list[tuple[str, int]] = field(default_factory=list)
    useful: list[tuple[str, int]] = field(default_factory=list)  # «¿Te sirvió?» per answer and verdict
    groups: list[tuple[str, int]] = field(default_factory=list)  # (example or hidden label, count)
    total: int = 0

    def tables(self) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """(CSV name, printed title, rows) of every table, in print order."""
        return [
            ("semana", "Preguntas por semana", self.weeks),
            ("tema", "Por tema", self.topics),
            ("idioma", "Por idioma", self.languages),
            ("organizacion", "Por organización (código del enlace)", self.organizations),
            ("otros", "Otros conteos", self.others),
            ("te_sirvio", "¿Te sirvió? (por respuesta: 👍 sí, 👎 no)", self.useful),
        ]


def _merge_small(counts: Counter[str]) -> list[tuple[str, int]]:
    """Rows of MIN_COUNT or more, biggest first; the rest summed into one row that does not name them."""
    big = sorted(((k, n) for k, n in counts.items() if n >= MIN_COUNT), key=lambda kv: (-kv[1], kv[0]))
    small = sum(n for n in counts.values() if n < MIN_COUNT)
    return big + ([(OTHERS, small)] if small else [])


def topic_label(topic: str) -> str:
    if topic in TOPIC_LABELS:
        return TOPIC_LABELS[topic]
    if topic.startswith("calculo:"):
        return "cálculo: " + topic.split(":", 1)[1]
    return topic


def language_label(code: str) -> str:
    language = LANGUAGES.get(code)
    return language.spanish_name if language else (code or "(sin dato)")


def build(
    counter_rows: Iterable[tuple[str, str, int]],
    questions: Iterable[tuple[str, str]],
    normalize: Callable[[str], str],
    since: dt.date | None = None,
    org: str | None = None,
) -> Report:
    report = Report(since=since, org=org)
    weeks: Counter[dt.date] = Counter()
    topics: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    organizations: Counter[str] = Counter()
    others: Counter[str] = Counter()
    useful: Counter[str] = Counter()
    for day_text, raw_key, count in counter_rows:
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            continue
        key = parse(raw_key)
        if (since and day < since) or (org is not None and key.org.lower() != org.lower()):
            continue
        if key.is_question:
            weeks[_week_start(day)] += count
            topics[topic_label(key.topic)] += count
            languages[language_label(key.lang)] += count
            organizations[key.org or NO_ORG] += count
            report.total += count
        elif key.event.startswith(USEFUL_PREFIX):
            entry, _sep, verdict = key.event.removeprefix(USEFUL_PREFIX).rpartition(":")
            useful[f"{entry} {USEFUL_VERDICTS.get(verdict, verdict)}"] += count
        else:
            event = key.event.split(":", 1)[0]
            if event in OTHER_EVENTS:
                others[OTHER_EVENTS[event]] += count
    if weeks:
        monday, last = min(weeks), max(weeks)
        while monday <= last:
            report.weeks.append((f"{week_of(monday)} (del {monday.isoformat()})", weeks[monday]))
            monday += dt.timedelta(days=7)
    report.topics = _merge_small(topics)
    report.languages = _merge_small(languages)
    report.organizations = _merge_small(organizations)
    report.useful = _merge_small(useful)
    report.others = [(label, others[label]) for label in OTHER_EVENTS.values() if label in others]
    kept = [q for day, q in questions if not since or day >= since.isoformat()]
    report.groups = _hide_small_groups(group_questions(kept, normalize))
    return report


def _content(text: str) -> str:
    words = [w for w in text.split() if w not in STOPWORDS]
    return " ".join(words) or text


def group_questions(
    questions: Iterable[str], normalize: Callable[[str], str], threshold: int = SIMILARITY
) -> list[tuple[str, int]]:
    """Greedy grouping by similarity of the normalized content words; (most common wording, size),
    biggest first."""
    groups: list[tuple[str, list[str]]] = []
    for question in questions:
        key = _content(normalize(question))
        for representative, members in groups:
            if fuzz.token_set_ratio(key, representative) >= threshold:
                members.append(question)
                break
        else:
            groups.append((key, [question]))
    sized = [(Counter(m).most_common(1)[0][0], len(m)) for _, m in groups]
    return sorted(sized, key=lambda g: (-g[1], g[0]))


def _hide_small_groups(groups: list[tuple[str, int]]) -> list[tuple[str, int]]:
    shown_groups = [(scrub(text), n) for text, n in groups if n >= MIN_COUNT]
    small = [n for _, n in groups if n < MIN_COUNT]
    if small:
        shown_groups.append((f"({len(small)} grupo(s) con menos de {MIN_COUNT}: texto oculto)", sum(small)))
    return shown_groups


def render_text(report: Report) -> str:
    lines = ["Informe de Cerrando Brechas: preguntas contadas sin saber quién preguntó"]
    scope = []
    if report.since:
        scope.append(f"desde el {report.since.isoformat()}")
    if report.org:
        scope.append(f"solo el enlace de la organización '{report.org}'")
    if scope:
        lines.append("Alcance: " + "; ".join(scope))
    lines.append(f"Los números menores que {MIN_COUNT} se muestran como «{SMALL}» para cuidar la privacidad.")
    lines.append("")
    lines.append(f"Total de preguntas: {shown(report.total)}")
    for _, title, rows in report.tables():
        lines.append("")
        lines.append(title)
        if not rows:
            lines.append("  (sin datos)")
        width = max((len(label) for label, _ in rows), default=0)
        lines.extend(f"  {label.ljust(width)}  {shown(count):>5}" for label, count in rows)
    lines.append("")
    lines.append("Preguntas sin respuesta que las usuarias aceptaron compartir, agrupadas por parecido")
    if report.org:
        lines.append("  (no se guardan por organización: son de todas)")
    if not report.groups:
        lines.append("  (ninguna)")
    lines.extend(f"  {shown(count):>5}  {text}" for text, count in report.groups)
    return "\n".join(lines) + "\n"


def write_csv(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["tabla", "clave", "preguntas"])
        writer.writerow(["total", "", shown(report.total)])
        for name, _, rows in report.tables():
            writer.writerows([name, label, shown(count)] for label, count in rows)
        writer.writerows(["sin-respuesta", text, shown(count)] for text, count in report.groups)


def write_png(report: Report, path: Path) -> None:
    """Weekly bar chart; a week under MIN_COUNT has no bar, only the label «<5»."""
    logging.getLogger("matplotlib").setLevel(logging.WARNING)  # not its font-cache chatter in the report
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = [label.split(" ", 1)[0] for label, _ in report.weeks]
    heights = [count if count >= MIN_COUNT else 0 for _, count in report.weeks]
    figure = Figure(figsize=(max(6.0, 0.6 * len(labels) + 2), 4.5), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.bar(range(len(labels)), heights, color="#5b2a86")
    axes.bar_label(bars, labels=[shown(count) for _, count in report.weeks], padding=2)
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    axes.set_ylabel("preguntas")
    title = "Preguntas por semana"
    if report.org:
        title += f" (enlace: {report.org})"
    axes.set_title(title)
    axes.set_ylim(0, max([*heights, MIN_COUNT]) * 1.2)
    figure.text(0.01, 0.01, f"Semanas con menos de {MIN_COUNT} preguntas: «{SMALL}», sin barra.", fontsize=8)
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})


def main(
    data_dir: Path,
    normalize: Callable[[str], str],
    since: dt.date | None = None,
    org: str | None = None,
    csv_path: Path | None = None,
    png_path: Path | None = None,
) -> int:
    """`python -m bot report`: print the report; write the CSV and the chart when asked."""
    from bot.storage import DB_FILE, Store

    if not (data_dir / DB_FILE).exists():
        print(f"Todavía no hay datos en {data_dir} (la carpeta BOT_DATA_DIR del bot).")
        return 1
    store = Store(data_dir)
    try:
        report = build(store.counter_rows(), store.shared_questions(), normalize, since, org)
    finally:
        store.close()
    print(render_text(report), end="")
    if csv_path is not None:
        write_csv(report, csv_path)
        print(f"\nCSV: {csv_path}")
    if png_path is not None:
        write_png(report, png_path)
        print(f"Gráfica: {png_path}")
    return 0

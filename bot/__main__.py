"""Command line: `python -m bot [run|chat|ask|kb|i18n|link|report|calc|backup|restore] ...`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot import __version__
from bot.config import Config, ConfigError, load_config
from bot.knowledge.loader import DEFAULT_DIR, KnowledgeError
from bot.logs import setup_logging
from bot.privacy import SecretKeyError


def _run(config: Config, args: argparse.Namespace) -> int:
    if not config.telegram_token:
        print("Falta TELEGRAM_TOKEN: el token que te da @BotFather. Sin token, usa `python -m bot chat`.")
        return 2
    from bot.adapters import telegram_bot
    from bot.app import BotService

    telegram_bot.run(config, BotService.from_config(config))
    return 0


def _chat(config: Config, args: argparse.Namespace) -> int:
    from bot.adapters import terminal
    from bot.app import BotService

    return terminal.chat(BotService.from_config(config))


def _ask(config: Config, args: argparse.Namespace) -> int:
    from bot.adapters import terminal
    from bot.app import build_conversation

    conversation = build_conversation(config.knowledge_dir or DEFAULT_DIR, cache_dir=config.matcher_cache)
    return terminal.ask(conversation, " ".join(args.question))


def _kb(config: Config, args: argparse.Namespace) -> int:
    from bot.knowledge import checker

    directory = config.knowledge_dir or DEFAULT_DIR
    if args.kb_command == "check":
        return checker.main(directory)
    if args.kb_command == "cache":
        from bot.app import build_conversation

        # Training takes seconds; done once here (at installation), every start then only loads it.
        build_conversation(directory, cache_dir=config.matcher_cache).warm_up()
        print(f"Buscador listo en {config.matcher_cache}")
        return 0
    from bot.matching import evaluation

    return evaluation.main(args.file, directory, args.relatos, args.urgencia, args.detalle)


def _i18n(config: Config, args: argparse.Namespace) -> int:
    from bot import i18n

    if args.i18n_command == "extract":
        print(f"{i18n.extract()} textos de la interfaz en locales/bot.pot; catálogos actualizados")
        return 0
    if args.i18n_command in ("status", "export", "import"):
        return _content_i18n(config, args)
    written = i18n.compile_all()
    if not args.quiet:
        for mo in written:
            print(f"compilado {mo}")
    return 0


def _link(config: Config, args: argparse.Namespace) -> int:
    from bot import flyer
    from bot.knowledge.loader import load_knowledge_strict

    kb = load_knowledge_strict(config.knowledge_dir or DEFAULT_DIR)
    return flyer.main(kb, args.bot or config.bot_username, args.org, args.tema, args.out)


def _report(config: Config, args: argparse.Namespace) -> int:
    from bot import report
    from bot.knowledge.loader import load_knowledge_strict
    from bot.matching.normalize import Normalizer

    kb = load_knowledge_strict(config.knowledge_dir or DEFAULT_DIR)
    normalize = Normalizer.from_tables(kb.synonyms)
    return report.main(config.data_dir, normalize, args.since, args.org, args.csv, args.png)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' no es una fecha AAAA-MM-DD") from None


def _calc(config: Config, args: argparse.Namespace) -> int:
    from bot import calc_cli
    from bot.knowledge.loader import load_knowledge_strict

    kb = load_knowledge_strict(config.knowledge_dir or DEFAULT_DIR)
    return calc_cli.main(kb, args.nombre, args.campos)


def _content_i18n(config: Config, args: argparse.Namespace) -> int:
    from bot import content_i18n, i18n
    from bot.knowledge.loader import load_knowledge_strict
    from bot.matching.evaluation import DEFAULT_FILE, load_questions

    kb = load_knowledge_strict(config.knowledge_dir or DEFAULT_DIR)
    if args.i18n_command == "status":
        print(f"{'idioma':<30} {'interfaz':>16}  {'contenido':>20}  estado")
        for code, language in i18n.LANGUAGES.items():
            status = i18n.catalog_status(code)
            counts = f"{status.translated}/{status.total} {status.percent:5.1f}%"
            if code == i18n.SOURCE_LANGUAGE:
                content, state = f"{len(kb.entries)}/{len(kb.entries)} original", "original"
            else:
                done, reviewed, fuzzy = content_i18n.coverage(kb, code)
                content = f"{done}/{len(kb.entries)} ({reviewed} revisadas)"
                extra = f", {fuzzy} desactualizadas" if fuzzy else ""
                state = f"interfaz {status.state}; contenido {done - reviewed} en borrador{extra}"
            print(f"{language.button + ' [' + code + ']':<30} {counts:>16}  {content:>20}  {state}")
        return 0
    codes = list(i18n.LANGUAGES)[1:] if args.lang == "todos" else [args.lang]
    unknown = [c for c in codes if c not in i18n.LANGUAGES or c == i18n.SOURCE_LANGUAGE]
    if unknown:
        print(f"Idioma desconocido: {', '.join(unknown)}. Usa uno de: {', '.join(list(i18n.LANGUAGES)[1:])}")
        return 2
    if args.i18n_command == "export":
        asked = [q.expected for q in load_questions(DEFAULT_FILE, kb)] if DEFAULT_FILE.exists() else []
        order = content_i18n.priority(kb, asked)
        for code in codes:
            path, entries, fuzzy = content_i18n.export(kb, code, order)
            print(f"{path}: {entries} entradas ({fuzzy} traducciones quedaron desactualizadas)")
        return 0
    copied, problems = content_i18n.import_file(Path(args.file), codes[0])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{copied} textos importados a {content_i18n.content_path(codes[0])}")
    return 0


def _backup(config: Config, args: argparse.Namespace) -> int:
    from bot.ops import backup

    if config.database_url:
        print("backup y restore son para SQLite; con DATABASE_URL usa pg_dump y pg_restore", file=sys.stderr)
        return 2
    try:
        if args.command == "backup":
            folder = str(args.file).endswith(("/", os.sep))
            summary = backup.backup(config.data_dir, Path(args.file), into_folder=folder)
            print(f"copia de {summary.users} usuarios ({summary.size // 1024} KB) en {summary.path}")
            print("secret.key no va en la copia: guárdala aparte (sin ella las claves no se reconocen)")
            return 0
        summary, aside = backup.restore(config.data_dir, args.file, args.force)
    except backup.BackupError as exc:
        print(exc, file=sys.stderr)
        return 1
    if aside is not None:
        print(f"la base de datos anterior quedó en {aside}")
    print(f"restaurados {summary.users} usuarios en {summary.path}")
    return 0


def _default(config: Config, args: argparse.Namespace) -> int:
    return (_run if config.telegram_token else _chat)(config, args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Cerrando Brechas")
    p.add_argument("--version", action="version", version=f"cerrando-brechas {__version__}")
    sub = p.add_subparsers(dest="command")
    sub.add_parser("run", help="el bot de Telegram (necesita TELEGRAM_TOKEN)").set_defaults(func=_run)
    sub.add_parser("chat", help="conversar con el bot en la terminal").set_defaults(func=_chat)
    sub.add_parser("doctor", help="revisa configuración, conocimiento, datos y Telegram")
    ask = sub.add_parser("ask", help="una pregunta, una respuesta, y termina")
    ask.add_argument("question", nargs="+")
    ask.set_defaults(func=_ask)
    kb = sub.add_parser("kb", help="revisar la base de conocimiento")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    kb_sub.add_parser("check", help="valida esquema, fechas, fuentes y artículos")
    kb_sub.add_parser("cache", help="entrena el buscador y lo guarda, para que cada arranque sea rápido")
    ev = kb_sub.add_parser("eval", help="mide el reconocimiento de preguntas")
    ev.add_argument("--file", default=None)
    ev.add_argument("--relatos", default=None, help="relatos etiquetados (tests/data/relatos.yaml)")
    ev.add_argument("--urgencia", default=None, help="mensajes urgentes y no (tests/data/urgencia.yaml)")
    ev.add_argument("--detalle", action="store_true", help="lista los relatos y mensajes fallados")
    kb.set_defaults(func=_kb)
    i18n = sub.add_parser("i18n", help="catálogos de idiomas")
    i18n_sub = i18n.add_subparsers(dest="i18n_command", required=True)
    i18n_sub.add_parser("extract", help="extrae los textos de la interfaz y actualiza los catálogos")
    i18n_sub.add_parser("status", help="cobertura y estado (borrador/revisado) de cada idioma")
    exp = i18n_sub.add_parser("export", help="escribe el PO de contenido de un idioma para traducir")
    exp.add_argument("--lang", required=True, help="código del idioma, o «todos»")
    imp = i18n_sub.add_parser("import", help="trae de vuelta un PO de contenido traducido")
    imp.add_argument("--lang", required=True)
    imp.add_argument("file")
    comp = i18n_sub.add_parser("compile", help="compila los .po a .mo")
    comp.add_argument("--quiet", action="store_true")
    i18n.set_defaults(func=_i18n)
    link = sub.add_parser("link", help="enlace t.me y volante con código QR para una organización o un tema")
    target = link.add_mutually_exclusive_group(required=True)
    target.add_argument("--org", help="código de la organización (knowledge/organizaciones.yaml)")
    target.add_argument("--tema", "--topic", dest="tema", help="id de una entrada o un área")
    link.add_argument("--bot", help="@usuario del bot (si no, BOT_USERNAME)")
    link.add_argument("--out", type=Path, help="archivo PNG del volante (si no, volante-<código>.png)")
    link.set_defaults(func=_link)
    rep = sub.add_parser(
        "report", help="qué se preguntó, sin datos personales (conteos menores que 5 ocultos)"
    )
    rep.add_argument("--org", help="solo lo que llegó por el enlace de esta organización")
    rep.add_argument("--since", type=_date, help="desde esta fecha (AAAA-MM-DD)")
    rep.add_argument("--csv", type=Path, help="también escribe las tablas en este archivo CSV")
    rep.add_argument("--png", type=Path, help="también dibuja la gráfica semanal en este PNG")
    rep.set_defaults(func=_report)
    calc = sub.add_parser(
        "calc",
        help="un cálculo sin el chat: python -m bot calc aguinaldo --salario 300 --periodo diario ...",
        description="Un cálculo sin el chat. Los campos de cada uno: python -m bot calc NOMBRE --help",
    )
    calc.add_argument("nombre", nargs="?", help="aguinaldo, vacaciones, finiquito, ...")
    calc.add_argument(
        "campos", nargs=argparse.REMAINDER, help="--campo valor ... [--json] [--fecha AAAA-MM-DD]"
    )
    calc.set_defaults(func=_calc)
    back = sub.add_parser("backup", help="copia segura de la base de datos, aun con el bot corriendo")
    back.add_argument("file", help="archivo de la copia (o carpeta, o ruta terminada en /: con fecha y hora)")
    back.set_defaults(func=_backup)
    rest = sub.add_parser("restore", help="pone una copia en lugar de la base de datos (guarda la anterior)")
    rest.add_argument("file", type=Path, help="la copia hecha con backup")
    rest.add_argument("--force", action="store_true", help="aunque el bot esté corriendo")
    rest.set_defaults(func=_backup)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "doctor":  # reports configuration problems itself, with everything else
        from bot import doctor

        return doctor.main()
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return 2
    setup_logging(config.log_level, config.log_format)
    func: Callable[[Config, argparse.Namespace], int] = getattr(args, "func", _default)
    try:
        return func(config, args)
    except SecretKeyError as exc:
        print(f"Error en la clave de seudónimos: {exc}", file=sys.stderr)
        return 2
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        print("Corrige los archivos y revisa con: python -m bot kb check", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` or similar: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

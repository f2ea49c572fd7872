"""Command line: `python -m bot [run|chat|ask|kb|i18n] ...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot import __version__
from bot.config import Config, ConfigError, load_config
from bot.knowledge.loader import DEFAULT_DIR, KnowledgeError
from bot.logs import setup_logging


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

    return terminal.ask(build_conversation(config.knowledge_dir or DEFAULT_DIR), " ".join(args.question))


def _kb(config: Config, args: argparse.Namespace) -> int:
    from bot.knowledge import checker

    directory = config.knowledge_dir or DEFAULT_DIR
    if args.kb_command == "check":
        return checker.main(directory)
    from bot.matching import evaluation

    return evaluation.main(args.file, directory)


def _i18n(config: Config, args: argparse.Namespace) -> int:
    from bot.i18n import compile_all

    written = compile_all()
    if not args.quiet:
        for mo in written:
            print(f"compilado {mo}")
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
    ev = kb_sub.add_parser("eval", help="mide el reconocimiento de preguntas")
    ev.add_argument("--file", default=None)
    kb.set_defaults(func=_kb)
    i18n = sub.add_parser("i18n", help="catálogos de idiomas")
    i18n_sub = i18n.add_subparsers(dest="i18n_command", required=True)
    comp = i18n_sub.add_parser("compile", help="compila los .po a .mo")
    comp.add_argument("--quiet", action="store_true")
    i18n.set_defaults(func=_i18n)
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
    setup_logging(config.log_level)
    func: Callable[[Config, argparse.Namespace], int] = getattr(args, "func", _default)
    try:
        return func(config, args)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        print("Corrige los archivos y revisa con: python -m bot kb check", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

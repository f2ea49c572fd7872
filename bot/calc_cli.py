"""`python -m bot calc NOMBRE --campo valor ... [--json] [--fecha AAAA-MM-DD]`: a check without the chat.

For union paralegals and scripts. The fields are the check's question ids and the choices take the option
values; answers go through the same validation as in the chat and the result is the same text (or JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

from bot.core import flows
from bot.core.result_text import render_result
from bot.i18n import Gettext, Translator
from bot.knowledge.model import KnowledgeBase

USAGE_ERROR = 2


def mexico_today() -> dt.date:
    """Legal dates follow Mexico City time (UTC-6, no daylight saving since 2022), as in the chat."""
    return (dt.datetime.now(dt.UTC) - dt.timedelta(hours=6)).date()


def describe(question: flows.Question, _: Gettext) -> list[str]:
    """How to give one field on the command line: its prompt, options and hint."""
    lines = [f"  --{question.id}  {_(question.prompt)}"]
    lines.extend(f"      {o.value} = {_(o.label)}" for o in question.options)
    if question.kind is flows.Kind.DATE:
        lines.append("      " + _("fecha AAAA-MM-DD o DD/MM/AAAA"))
    elif question.kind in (flows.Kind.NUMBER, flows.Kind.MONEY) and not question.options:
        lines.append("      " + _("un número"))
    return lines


def listing(registry: Mapping[str, flows.Flow], _: Gettext) -> str:
    lines = [_("Cálculos disponibles:")]
    lines.extend(f"  {name:<15} {_(flow.title)}" for name, flow in registry.items())
    lines.append(_("Uso: python -m bot calc NOMBRE --campo valor ... [--json] [--fecha AAAA-MM-DD]"))
    lines.append(_("Para ver los campos de un cálculo: python -m bot calc NOMBRE --help"))
    return "\n".join(lines)


def _parser(flow: flows.Flow, _: Gettext) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m bot calc {flow.name}",
        description=_(flow.title),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(_lines(flow, _)),
        exit_on_error=False,
    )
    parser.add_argument("--json", action="store_true", help=_("imprime el resultado como JSON"))
    parser.add_argument("--fecha", help=_("calcula con las cifras vigentes en esa fecha (AAAA-MM-DD)"))
    for question in flow.questions:
        names = {f"--{question.id}", f"--{question.id.replace('_', '-')}"}
        parser.add_argument(
            *sorted(names), dest=question.id, metavar="VALOR", help=_(question.label or question.prompt)
        )
    return parser


def main(
    kb: KnowledgeBase,
    name: str | None,
    argv: Sequence[str],
    registry: Mapping[str, flows.Flow] | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    if registry is None:
        from bot.checks import FLOWS

        registry = FLOWS
    _ = Translator().gettext("es")
    flow = registry.get(name or "")
    if flow is None:
        if name:
            err.write(_("No conozco el cálculo «{name}».").format(name=name) + "\n")
        err.write(listing(registry, _) + "\n")
        return USAGE_ERROR

    parser = _parser(flow, _)
    try:
        args, unknown = parser.parse_known_args(list(argv))
    except argparse.ArgumentError as problem:
        err.write(_("Error en {field}: falta el valor.").format(field=problem.argument_name) + "\n")
        return USAGE_ERROR
    if unknown:
        err.write(_("No conozco estos campos: {fields}").format(fields=" ".join(unknown)) + "\n")
        err.write(_("Campos de este cálculo:") + "\n" + "\n".join(_lines(flow, _)) + "\n")
        return USAGE_ERROR

    today = mexico_today()
    if args.fecha:
        try:
            today = dt.date.fromisoformat(args.fecha)
        except ValueError:
            err.write(_("--fecha: escribe la fecha así: AAAA-MM-DD.") + "\n")
            return USAGE_ERROR

    raw = {q.id: getattr(args, q.id) for q in flow.questions if getattr(args, q.id) is not None}
    answers, problems = flows.fill(flow, raw, today)
    if problems:
        for field, invalid in problems.items():
            err.write(f"--{field}: {_(invalid.message).format(**invalid.params)}\n")
        return USAGE_ERROR
    for field in raw.keys() - answers.keys():
        err.write(_("Ignoré --{field}: no aplica con las otras respuestas.").format(field=field) + "\n")

    missing = [q for q in flow.questions if q.id not in answers and flows.applies(q, answers)]
    if missing:
        err.write(_("Faltan datos para calcular:") + "\n")
        for question in missing:
            err.write("\n".join(describe(question, _)) + "\n")
        return USAGE_ERROR

    try:
        result = flow.evaluate(answers, today, kb)
    except KeyError:
        err.write(_("No tengo las cifras vigentes en esa fecha.") + "\n")
        return USAGE_ERROR
    if args.json:
        data = {"calculo": flow.name, "datos": answers, **result.to_json(_)}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_result(result, _) + "\n")
    return 0


def _lines(flow: flows.Flow, _: Gettext) -> list[str]:
    return [line for q in flow.questions for line in describe(q, _)]

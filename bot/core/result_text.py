"""A check's result as text: what the bot sends and what `python -m bot calc` prints."""

from __future__ import annotations

from bot.formatting import date_long, money
from bot.i18n import Gettext
from bot.rules.result import Result, Verdict


def verdict_line(result: Result, _: Gettext) -> str:
    verdicts = {
        Verdict.YES: "✅ " + _("Sí."),
        Verdict.NO: "❌ " + _("No."),
        Verdict.LIKELY: "🟡 " + _("Probablemente sí, pero revisa lo que no pude comprobar."),
        Verdict.AMOUNT: "🧮",
    }
    return f"{verdicts[result.verdict]} {result.summary.render(_)}"


def render_result(result: Result, _: Gettext) -> str:
    lines = [verdict_line(result, _)]
    if result.provisional_note is not None:
        lines.append("⏳ " + result.provisional_note.render(_))
    if result.amounts:
        lines.append("")
        lines.extend(f"• {a.label.render(_)}: {money(a.value)}" for a in result.amounts)
    if result.reasons:
        lines.append("\n" + _("Por qué:"))
        lines.extend(f"• {r.text.render(_)} ({r.citation})" for r in result.reasons)
    if result.not_checked:
        lines.append("\n" + _("Lo que no revisé:"))
        lines.extend(f"• {m.render(_)}" for m in result.not_checked)
    if result.next_steps:
        lines.append("\n" + _("Qué hacer:"))
        lines.extend(f"• {m.render(_)}" for m in result.next_steps)
    lines.append("\n" + _("Calculado con las cifras vigentes al {day}.").format(day=date_long(result.as_of)))
    return "\n".join(lines)

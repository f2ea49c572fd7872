"""Talking to a person: whom she can reach (unions, Procuraduría, conciliation), by work and state.

Her work type and state travel only in the button data of her own chat: asked each time, never stored,
never passed to anyone.
"""

from __future__ import annotations

from bot.core.callbacks import Action, cb
from bot.core.replies import Button, Outcome, Reply, fit
from bot.core.state import UserState
from bot.i18n import Gettext
from bot.knowledge.model import STATES, KnowledgeBase
from bot.organizations import WORK_TYPES, contact_lines, for_handoff

HELP_AREA = "ayuda"


def human_help(kb: KnowledgeBase, arg: str, state: UserState, _: Gettext) -> Outcome:
    """Contacts she can reach herself. Her work type and state travel only in the button data of her
    own chat: asked each time, never stored, never passed to anyone."""
    if not kb.organizations:
        return Outcome((help_entries(kb, _),))
    head, _sep, rest = arg.partition(".")
    if head == "texto":
        return handoff_text(rest, _)
    if head in WORK_TYPES and not rest:
        return Outcome((ask_state(head, _),))
    if head in WORK_TYPES and (rest in STATES or rest == "-"):
        return handoff_list(kb, head, "" if rest == "-" else rest, state, _)
    return Outcome((ask_work(kb, state, _),))


def ask_work(kb: KnowledgeBase, state: UserState, _: Gettext) -> Reply:
    text = ""
    arrival = kb.organization(state.org) if state.org else None
    if arrival is not None and arrival.contacts:
        text = f"🤝 {arrival.name}\n{contact_lines(arrival)}\n\n"
    text += _(
        "Te muestro a quién puedes acudir. Yo no les paso ningún dato tuyo: tú decides si les "
        "escribes.\n\n¿Dónde trabajas?"
    )
    rows = (
        (Button("🏠 " + _("En una casa"), cb(Action.HELP, "hogar")),),
        (Button("🌾 " + _("En el campo"), cb(Action.HELP, "campo")),),
        (Button(_("Prefiero no decir"), cb(Action.HELP, "general")),),
    )
    return Reply(text, rows)


def ask_state(work: str, _: Gettext) -> Reply:
    text = _("¿En qué estado trabajas? Así te muestro las oficinas que te tocan. No lo guardo.")
    buttons = [Button(name, cb(Action.HELP, f"{work}.{code}")) for code, name in STATES.items()]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    rows.append((Button(_("Prefiero no decir"), cb(Action.HELP, f"{work}.-")),))
    return Reply(text, tuple(rows))


def handoff_list(kb: KnowledgeBase, work: str, where: str, state: UserState, _: Gettext) -> Outcome:
    items = []
    for organization in for_handoff(kb, work, where, state.org):
        item = f"• {organization.name}\n{organization.what}"
        if organization.contacts:
            item += "\n" + contact_lines(organization)
        items.append(item)
    text = _(
        "Puedes buscar a estas organizaciones y oficinas. Yo no les paso ningún dato tuyo: tú decides "
        "si las buscas."
    )
    text += "\n\n" + "\n\n".join(items) + "\n\n🚨 " + _("Si estás en peligro, llama al 911.")
    rows: list[tuple[Button, ...]] = [
        (Button("📋 " + _("Mensaje para copiar y enviar"), cb(Action.HELP, f"texto.{work}")),)
    ]
    if kb.area(HELP_AREA):
        rows.append((Button("📞 " + _("Más sobre dónde pedir ayuda"), cb(Action.TOPICS, HELP_AREA)),))
    rows.append((Button("📚 " + _("Temas"), cb(Action.TOPICS)),))
    return Outcome((Reply(fit(text), tuple(rows)),), counters=(f"persona:{work}",))


def handoff_text(work: str, _: Gettext) -> Outcome:
    intro = _(
        "Copia este mensaje y mándalo tú misma a quien elijas, por WhatsApp, correo o su página. "
        "Yo no lo envío a nadie. Antes de mandarlo puedes agregar lo que quieras contar."
    )
    if work == "hogar":
        message = _(
            "Hola. Soy trabajadora del hogar y quiero orientación sobre mis derechos laborales. "
            "¿Me pueden ayudar o decirme a dónde acudir? Gracias."
        )
    elif work == "campo":
        message = _(
            "Hola. Trabajo en el campo y quiero orientación sobre mis derechos laborales. "
            "¿Me pueden ayudar o decirme a dónde acudir? Gracias."
        )
    else:
        message = _(
            "Hola. Quiero orientación sobre mis derechos laborales. "
            "¿Me pueden ayudar o decirme a dónde acudir? Gracias."
        )
    return Outcome((Reply(intro), Reply(message, forwardable=True)))


def help_entries(kb: KnowledgeBase, _: Gettext) -> Reply:
    area = kb.area(HELP_AREA)
    text = _(
        "Estas son instituciones y organizaciones que te pueden orientar en persona o por teléfono. "
        "Yo no les paso ningún dato tuyo: tú decides si las buscas."
    )
    rows: list[tuple[Button, ...]] = []
    if area:
        rows = [(Button(kb.entries[e].title, cb(Action.ANSWER, e)),) for e in area.entry_ids]
    rows.append((Button("📚 " + _("Temas"), cb(Action.TOPICS)),))
    return Reply(text, tuple(rows))

"""Organizations and public services (knowledge/organizaciones.yaml): who fits a user, how their contacts
read, and the deep links organizers share. The data comes from the one knowledge loader."""

from __future__ import annotations

import re

from bot.knowledge.model import Contact, KnowledgeBase, Organization

WORK_TYPES = ("hogar", "campo", "general")  # general: she preferred not to say
USERNAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")  # Telegram's rule for a bot's @username
CONTACT_ICONS = {"web": "🌐", "telefono": "📞", "correo": "✉️"}


def deep_link(username: str, payload: str) -> str:
    """The link that opens the bot with /start <payload>."""
    return f"https://t.me/{username.lstrip('@')}?start={payload}"


def topic_payload(topic: str) -> str:
    return f"tema-{topic}"


def contact_line(contact: Contact) -> str:
    icon = CONTACT_ICONS.get(contact.kind, "•")
    note = f" ({contact.note})" if contact.note else ""
    return f"{icon} {contact.value}{note}"


def contact_lines(organization: Organization) -> str:
    return "\n".join(contact_line(c) for c in organization.contacts)


def for_handoff(kb: KnowledgeBase, work: str, state: str, arrival: str | None = None) -> list[Organization]:
    """Who to show a user who asks for a person: the organization she arrived through first, then the
    organizations with a contact and the public services that fit her work and state, in file order.
    A state-specific item hides the general ones it stands in for (the CDMX center, the portal)."""
    chosen = [o for o in kb.organizations if o.serves(work, state) and (o.kind == "servicio" or o.contacts)]
    replaced = {code for o in chosen for code in o.replaces}
    chosen = [o for o in chosen if o.code not in replaced]
    first = kb.organization(arrival) if arrival else None
    if first is not None:
        chosen = [first, *(o for o in chosen if o.code != first.code)]
    return chosen

"""Who sent an e-mail lead: a portal, an automatic sender, or the customer."""

from __future__ import annotations

import re

from app.intake.portals import portal_for

_NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|"
    r"notifications?|notificaties|notify|alerts?|automailer|mailer|system)(?:[+._-].*)?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^(?:[^\W_](?:[\w-]{0,62}[^\W_])?\.)+[^\W\d_]{2,63}$")


def portal_of(domain: str) -> str | None:
    """The portal's key (a lead's `source`) for a sender's domain (app/intake/portals.py)."""
    portal = portal_for(domain)
    return portal.key if portal else None


def sender_domain(address: str) -> str:
    """The address's domain, or "" when it isn't one (a damaged From header)."""
    domain = address.rpartition("@")[2].lower().strip()
    return domain if _DOMAIN.match(domain) else ""


def is_customer_address(address: str) -> bool:
    """False for a portal's own or an automatic sender: replying there reaches nobody."""
    local, at, domain = address.rpartition("@")
    return bool(at and local) and not _NO_REPLY.match(local) and portal_of(domain) is None

"""Who sent an e-mail lead: a portal, an automatic sender, or the customer."""

from __future__ import annotations

import re

# Registrable-domain labels of the portals Dutch dealers get leads from.
PORTALS = {
    "autoscout24": "autoscout24",
    "marktplaats": "marktplaats",
    "autotrack": "autotrack",
    "gaspedaal": "gaspedaal",
    "viabovag": "viabovag",
    "autowereld": "autowereld",
    "2dehands": "2dehands",
    "2ememain": "2dehands",
    "autotrader": "autotrader",
}
_NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|"
    r"notifications?|notificaties|notify|alerts?|automailer|mailer|system)(?:[+._-].*)?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^(?:[^\W_](?:[\w-]{0,62}[^\W_])?\.)+[^\W\d_]{2,63}$")


def portal_of(domain: str) -> str | None:
    labels = domain.lower().rstrip(".").split(".")
    if labels[-2:] == ["mobile", "de"]:
        return "mobile.de"
    return next((PORTALS[label] for label in labels if label in PORTALS), None)


def sender_domain(address: str) -> str:
    """The address's domain, or "" when it isn't one (a damaged From header)."""
    domain = address.rpartition("@")[2].lower().strip()
    return domain if _DOMAIN.match(domain) else ""


def is_customer_address(address: str) -> bool:
    """False for a portal's own or an automatic sender: replying there reaches nobody."""
    local, at, domain = address.rpartition("@")
    return bool(at and local) and not _NO_REPLY.match(local) and portal_of(domain) is None

"""What Leadpop knows about each lead portal, as data: one small description per portal.

A new portal, or a changed template, is a few lines here: the domains its mail comes from,
its country (when the domain doesn't say), subject patterns of its missed-call notices,
and any labels of its own. Reading the mail itself is the same code for every portal
(app/intake/email_lead.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from app.intake.labels import Lookup, lookup_for


@dataclass(frozen=True)
class Portal:
    key: str  # the lead's `source`: stable, shown in lists and reports
    name: str  # as people write it, for quarantine reasons: "AutoScout24"
    domains: tuple[str, ...]  # registrable-domain labels ("autoscout24") or whole domains
    country: str | None = None  # its country when its domain is generic (.com)
    # Subjects of its missed-call notices (case-insensitive); a `vehicle` group names the car.
    missed_call: tuple[str, ...] = ()
    # Labels of its own: (language, field, labels), on top of app/intake/labels.py.
    labels: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    @cached_property
    def lookup(self) -> Lookup:
        return lookup_for(self.labels)

    @cached_property
    def missed_call_subjects(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in (*self.missed_call, *MISSED_CALL))


# Missed-call notices, from any portal or call-tracking service: "Gemiste oproep voor
# Volkswagen Golf", "Appel manqué pour …", "Verpasster Anruf zu …", "Missed call for …".
MISSED_CALL = (
    r"\bgemiste (?:oproep|telefoon|call)(?:\s+(?:voor|over|op)\s+(?P<vehicle>[^|]+?))?\s*$",
    r"\bgemist gesprek(?:\s+(?:voor|over)\s+(?P<vehicle>[^|]+?))?\s*$",
    r"\bappel manqu[ée](?:\s+(?:pour|concernant)\s+(?:votre\s+)?(?P<vehicle>[^|]+?))?\s*$",
    r"\bverpasste[rn]? anruf(?:\s+(?:zu|für|zum)\s+(?:ihrem\s+)?(?P<vehicle>[^|]+?))?\s*$",
    r"\bmissed call(?:\s+(?:for|about|on)\s+(?P<vehicle>[^|]+?))?\s*$",
)

PORTALS: tuple[Portal, ...] = (
    Portal(
        "autoscout24",
        "AutoScout24",
        ("autoscout24",),
        # Its call tracking: "Klantnr: 123456 | Gemiste oproep voor Volkswagen Golf".
        labels=(
            ("nl", "phone", ("nummer van de beller", "telefoonnummer beller")),
            ("nl", "vehicle", ("gesprek over", "gebeld over")),
            ("fr", "phone", ("numéro appelant",)),
            ("fr", "vehicle", ("appel concernant",)),
        ),
    ),
    Portal("marktplaats", "Marktplaats", ("marktplaats",), country="NL"),
    Portal("2dehands", "2dehands/2ememain", ("2dehands", "2ememain"), country="BE"),
    Portal("mobile.de", "mobile.de", ("mobile.de",), country="DE"),
    Portal("autotrack", "AutoTrack", ("autotrack",), country="NL"),
    Portal("gaspedaal", "Gaspedaal", ("gaspedaal",), country="NL"),
    Portal("viabovag", "ViaBOVAG", ("viabovag",), country="NL"),
    Portal("autowereld", "AutoWereld", ("autowereld",), country="NL"),
    Portal("autotrader", "AutoTrader", ("autotrader",)),
    Portal("facebook", "Facebook", ("facebookmail", "facebook")),
)

_BY_LABEL = {d: p for p in PORTALS for d in p.domains if "." not in d}
_BY_DOMAIN = {d: p for p in PORTALS for d in p.domains if "." in d}
# Country-code top-level domains that say where a portal or an address is.
_COUNTRY_TLDS = {"nl": "NL", "be": "BE", "de": "DE", "lu": "LU", "fr": "FR", "at": "AT", "ch": "CH"}


def portal_for(domain: str) -> Portal | None:
    """The portal a sender's domain belongs to (any subdomain: mailer.autoscout24.com)."""
    labels = domain.lower().rstrip(".").split(".")
    for i in range(len(labels) - 1):
        whole = _BY_DOMAIN.get(".".join(labels[i:]))
        if whole is not None:
            return whole
    return next((_BY_LABEL[label] for label in labels if label in _BY_LABEL), None)


def domain_country(domain: str) -> str | None:
    """The country a domain's top level names ("autoscout24.be" -> "BE"), if it names one."""
    return _COUNTRY_TLDS.get(domain.lower().rstrip(".").rpartition(".")[2])


def portal_country(portal: Portal, domain: str) -> str | None:
    """Where the lead came from: the sender's country domain, else the portal's country."""
    return domain_country(domain) or portal.country


def missed_call_subject(subject: str, portal: Portal | None) -> re.Match[str] | None:
    """The subject's missed-call pattern match, if the mail is a missed-call notice."""
    patterns = portal.missed_call_subjects if portal else _GENERIC_MISSED_CALL
    return next((m for p in patterns if (m := p.search(subject))), None)


_GENERIC_MISSED_CALL = tuple(re.compile(p, re.IGNORECASE) for p in MISSED_CALL)

"""Customers' names as Dutch and Flemish dealers write and sort them.

The tussenvoegsel belongs to the surname: "Sanne de Vries" is Sanne, of the family
"de Vries", and is listed under "de Vries", not under "Vries" and not as "Sanne de".
"""

from __future__ import annotations

# Lower-case words that start a Dutch (or Flemish, German, French) surname.
_PARTICLES = (
    "van de der den het ter ten te op in 't 's d' l' la le les du des von vom zu zum zur "
    "uit uijt aan bij onder over voor vd v/d el al"
)
TUSSENVOEGSELS = frozenset(_PARTICLES.split())


def full_name(first: str = "", infix: str = "", last: str = "") -> str:
    """ "Sanne", "de", "Vries" -> "Sanne de Vries" (empty parts left out)."""
    return " ".join(" ".join(p.split()) for p in (first, infix, last) if p and p.strip())


def split_name(name: str) -> tuple[str, str]:
    """(given names, surname): "Jan van den Berg" -> ("Jan", "van den Berg")."""
    words = name.split()
    if len(words) < 2:
        return "", " ".join(words)
    start = next(
        (i for i in range(1, len(words) - 1) if words[i].lower() in TUSSENVOEGSELS),
        len(words) - 1,
    )
    return " ".join(words[:start]), " ".join(words[start:])


def sort_key(name: str) -> str:
    """Surname (tussenvoegsel included) first, then given names, case-insensitively."""
    given, surname = split_name(name)
    return f"{surname} {given}".strip().casefold()

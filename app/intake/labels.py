"""Labelled fields ("Naam: Jan Jansen") in the text of portal notification e-mails.

Dutch, English and German labels, case-insensitive, with ":" (or a table cell's tab) as
separator. The first value of a field wins: portals put the customer's details before
their own footer (which often has a "Telefoon:" of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "naam",
        "volledige naam",
        "uw naam",
        "naam klant",
        "klant",
        "klantnaam",
        "contactpersoon",
        "name",
        "full name",
        "your name",
        "customer",
        "customer name",
        "ihr name",
        "kunde",
        "kundenname",
        "vollständiger name",
    ),
    "first_name": ("voornaam", "first name", "firstname", "given name", "vorname"),
    "infix": ("tussenvoegsel", "tussenvoegsels"),
    "last_name": (
        "achternaam",
        "last name",
        "lastname",
        "surname",
        "family name",
        "nachname",
        "familienname",
    ),
    "phone": (
        "telefoon",
        "telefoonnummer",
        "telefoon nr",
        "telefoonnr",
        "tel",
        "tel nr",
        "telnr",
        "mobiel",
        "mobiel nummer",
        "mobielnummer",
        "mobiele telefoon",
        "gsm",
        "gsm-nummer",
        "phone",
        "phone number",
        "telephone",
        "telephone number",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "telefon",
        "telefonnummer",
        "handy",
        "handynummer",
        "mobil",
        "mobilnummer",
        "mobilfunknummer",
        "rufnummer",
        "terugbelnummer",
    ),
    "email": (
        "e-mail",
        "email",
        "e-mailadres",
        "emailadres",
        "e-mail adres",
        "mail",
        "mailadres",
        "e-mail address",
        "email address",
        "e-mail-adresse",
        "emailadresse",
        "e-mailadresse",
    ),
    "vehicle": (
        "auto",
        "voertuig",
        "occasion",
        "advertentie",
        "interesse in",
        "vehicle",
        "car",
        "fahrzeug",
        "inserat",
        "anzeige",
    ),
    "plate": ("kenteken", "license plate", "licence plate", "registration", "kennzeichen"),
    "make": ("merk", "make", "brand", "marke", "hersteller"),
    "model": ("model", "modell"),
    "year": ("bouwjaar", "jaar", "year", "model year", "baujahr", "erstzulassung", "ez"),
    "price": ("prijs", "vraagprijs", "price", "asking price", "preis", "kaufpreis"),
    "stock": (
        "voorraadnummer",
        "stocknummer",
        "referentie",
        "referentienummer",
        "stock",
        "stock number",
        "stock no",
        "reference",
        "interne nummer",
        "fahrzeugnummer",
        "interne fahrzeugnummer",
    ),
    "url": ("link", "url", "advertentielink", "link naar advertentie", "link zur anzeige"),
    "message": (
        "bericht",
        "uw bericht",
        "opmerking",
        "opmerkingen",
        "vraag",
        "uw vraag",
        "toelichting",
        "message",
        "your message",
        "comments",
        "comment",
        "question",
        "nachricht",
        "ihre nachricht",
        "anfrage",
        "ihre anfrage",
        "bemerkung",
        "kommentar",
        "frage",
    ),
}

_LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_LINE = re.compile(r"^[\s>*•·–-]*(?P<label>[^\W\d_][^:\t]{0,40}?)\s*(?::|\t)\s*(?P<value>.*)$")
_NOISE = re.compile(r"\([^)]*\)|[*.]")


def _field_of(line: str) -> tuple[str, str] | None:
    match = _LINE.match(line)
    if not match:
        return None
    label = " ".join(_NOISE.sub(" ", match["label"]).lower().split())
    name = _LOOKUP.get(label)
    return (name, match["value"].strip()) if name else None


@dataclass
class Labelled:
    values: dict[str, list[str]] = field(default_factory=dict)
    unlabelled: list[str] = field(default_factory=list)  # the lines that were not fields

    def first(self, name: str) -> str:
        return next(iter(self.values.get(name, [])), "")


def read_labels(text: str) -> Labelled:
    """Every labelled field in `text`; a message value may continue over several lines."""
    lines = text.splitlines()
    out = Labelled()
    i = 0
    while i < len(lines):
        hit = _field_of(lines[i])
        if hit is None:
            out.unlabelled.append(lines[i])
            i += 1
            continue
        name, value = hit
        i += 1
        if not value:  # the value is on the next line ("Bericht:" / blank / "Hallo, …")
            while name == "message" and i < len(lines) and not lines[i].strip():
                i += 1
            if i < len(lines) and lines[i].strip() and _field_of(lines[i]) is None:
                value = lines[i].strip()
                i += 1
        if name == "message" and value:
            more = []
            while i < len(lines) and lines[i].strip() and _field_of(lines[i]) is None:
                more.append(lines[i].strip())
                i += 1
            value = "\n".join([value, *more])
        if value:
            out.values.setdefault(name, []).append(value)
    return out

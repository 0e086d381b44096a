"""Labelled fields ("Naam: Jan Jansen") in the text of portal notification e-mails.

Dutch (Flemish included), English, German and French labels, case-insensitive, with ":"
(or a table cell's tab) as separator. The first value of a field wins: portals put the
customer's details before their own footer (which often has a "Telefoon:" of its own).

The labels also tell the document's language, one of the hints that settle an ambiguous
phone number: "Téléphone" is French whatever the customer wrote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

Aliases = Mapping[str, tuple[str, ...]]  # field -> its labels, lower-case

DUTCH: Aliases = {
    "name": (
        "naam",
        "volledige naam",
        "uw naam",
        "naam klant",
        "klant",
        "klantnaam",
        "contactpersoon",
    ),
    "first_name": ("voornaam",),
    "infix": ("tussenvoegsel", "tussenvoegsels"),
    "last_name": ("achternaam", "familienaam"),  # "familienaam": Flemish
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
        "gsm nummer",
        "terugbelnummer",
        "beller",
        "nummer beller",
        "nummer van de beller",
        "gebeld door",
    ),
    "email": (
        "e-mail",
        "e-mailadres",
        "emailadres",
        "e-mail adres",
        "mailadres",
    ),
    "vehicle": ("auto", "voertuig", "occasion", "advertentie", "interesse in", "wagen"),
    "plate": ("kenteken", "nummerplaat"),
    "make": ("merk",),
    "model": ("model",),
    "year": ("bouwjaar", "jaar", "eerste inschrijving"),
    "price": ("prijs", "vraagprijs"),
    "stock": (
        "voorraadnummer",
        "stocknummer",
        "referentie",
        "referentienummer",
        "advertentienummer",
    ),
    "url": ("link", "advertentielink", "link naar advertentie"),
    "message": (
        "bericht",
        "uw bericht",
        "opmerking",
        "opmerkingen",
        "vraag",
        "uw vraag",
        "toelichting",
    ),
}
ENGLISH: Aliases = {
    "name": ("name", "full name", "your name", "customer", "customer name"),
    "first_name": ("first name", "firstname", "given name"),
    "last_name": ("last name", "lastname", "surname", "family name"),
    "phone": (
        "phone",
        "phone number",
        "telephone",
        "telephone number",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "caller",
        "caller number",
        "caller id",
    ),
    "email": ("email", "e-mail", "e-mail address", "email address", "mail"),
    "vehicle": ("vehicle", "car", "listing"),
    "plate": ("license plate", "licence plate", "registration"),
    "make": ("make", "brand"),
    "model": ("model",),
    "year": ("year", "model year"),
    "price": ("price", "asking price"),
    "stock": ("stock", "stock number", "stock no", "reference"),
    "url": ("link", "url"),
    "message": ("message", "your message", "comments", "comment", "question"),
}
GERMAN: Aliases = {
    "name": ("ihr name", "kunde", "kundenname", "vollständiger name"),
    "first_name": ("vorname",),
    "last_name": ("nachname", "familienname"),
    "phone": (
        "telefon",
        "telefonnummer",
        "handy",
        "handynummer",
        "mobil",
        "mobilnummer",
        "mobilfunknummer",
        "rufnummer",
        "anrufer",
        "rufnummer des anrufers",
        "nummer des anrufers",
    ),
    "email": ("e-mail", "e-mail-adresse", "emailadresse", "e-mailadresse"),
    "vehicle": ("fahrzeug", "inserat", "anzeige"),
    "plate": ("kennzeichen",),
    "make": ("marke", "hersteller"),
    "model": ("modell",),
    "year": ("baujahr", "erstzulassung", "ez"),
    "price": ("preis", "kaufpreis"),
    "stock": ("fahrzeugnummer", "interne fahrzeugnummer", "interne nummer", "inseratsnummer"),
    "url": ("link zur anzeige", "link zum inserat"),
    "message": (
        "nachricht",
        "ihre nachricht",
        "anfrage",
        "ihre anfrage",
        "bemerkung",
        "kommentar",
        "frage",
    ),
}
FRENCH: Aliases = {
    # "Nom" next to "Prénom" is the surname; alone it is read as the whole name (see
    # email_lead), which is what a form with a single "Nom" field gets.
    "name": ("nom complet", "nom et prénom", "nom prénom", "votre nom", "client"),
    "first_name": ("prénom", "prenom"),
    "last_name": ("nom", "nom de famille"),
    "phone": (
        "téléphone",
        "telephone",
        "tél",
        "numéro de téléphone",
        "n° de téléphone",
        "no de téléphone",
        "gsm",
        "numéro de gsm",
        "portable",
        "numéro de l'appelant",
        "appelant",
    ),
    "email": ("e-mail", "adresse e-mail", "adresse email", "courriel", "adresse électronique"),
    "vehicle": ("véhicule", "vehicule", "voiture", "annonce"),
    "plate": ("plaque", "plaque d'immatriculation"),
    "make": ("marque",),
    "model": ("modèle", "modele"),
    "year": ("année", "première immatriculation", "mise en circulation"),
    "price": ("prix", "prix demandé"),
    "stock": ("référence", "reference", "numéro de stock", "n° de stock", "numéro d'annonce"),
    "url": ("lien", "lien vers l'annonce"),
    "message": ("message", "votre message", "question", "votre question", "commentaire"),
}
LANGUAGES: Mapping[str, Aliases] = {"nl": DUTCH, "en": ENGLISH, "de": GERMAN, "fr": FRENCH}

_LINE = re.compile(r"^[\s>*•·–-]*(?P<label>[^\W\d_][^:\t]{0,40}?)\s*(?::|\t)\s*(?P<value>.*)$")
_NOISE = re.compile(r"\([^)]*\)|[*.]")


@dataclass(frozen=True)
class Lookup:
    """Label -> field, and label -> its language when only one language uses it."""

    fields: Mapping[str, str]
    language: Mapping[str, str]


def _lookup(extra: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Lookup:
    fields: dict[str, str] = {}
    languages: dict[str, set[str]] = {}
    table = [
        *(
            (lang, name, aliases)
            for lang, by_field in LANGUAGES.items()
            for name, aliases in by_field.items()
        ),
        *extra,
    ]
    for lang, name, aliases in table:
        for alias in aliases:
            fields.setdefault(alias, name)  # the first language's meaning wins ("nom")
            languages.setdefault(alias, set()).add(lang)
    only = {alias: next(iter(langs)) for alias, langs in languages.items() if len(langs) == 1}
    return Lookup(fields, only)


@lru_cache(maxsize=64)
def lookup_for(extra: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> Lookup:
    """The label lookup, with a portal's own labels (language, field, labels) added."""
    return _lookup(extra)


def _field_of(line: str, lookup: Lookup) -> tuple[str, str, str] | None:
    match = _LINE.match(line)
    if not match:
        return None
    label = " ".join(_NOISE.sub(" ", match["label"]).lower().split())
    name = lookup.fields.get(label)
    return (name, match["value"].strip(), label) if name else None


def field_of_label(label: str, lookup: Lookup | None = None) -> str | None:
    """The field a bare label names ("phone_number" -> "phone"), for key/value documents."""
    text = " ".join(_NOISE.sub(" ", label.replace("_", " ")).lower().split())
    return (lookup or lookup_for()).fields.get(text)


@dataclass
class Labelled:
    values: dict[str, list[str]] = field(default_factory=dict)
    unlabelled: list[str] = field(default_factory=list)  # the lines that were not fields
    languages: Counter[str] = field(default_factory=Counter)  # labels only one language uses

    def first(self, name: str) -> str:
        return next(iter(self.values.get(name, [])), "")

    @property
    def language(self) -> str | None:
        """The language most of the labels are in, when the labels say."""
        top = self.languages.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]


def read_labels(text: str, lookup: Lookup | None = None) -> Labelled:
    """Every labelled field in `text`; a message value may continue over several lines."""
    lookup = lookup or lookup_for()
    lines = text.splitlines()
    out = Labelled()
    i = 0
    while i < len(lines):
        hit = _field_of(lines[i], lookup)
        if hit is None:
            out.unlabelled.append(lines[i])
            i += 1
            continue
        name, value, label = hit
        language = lookup.language.get(label)
        if language:
            out.languages[language] += 1
        i += 1
        if not value:  # the value is on the next line ("Bericht:" / blank / "Hallo, …")
            while name == "message" and i < len(lines) and not lines[i].strip():
                i += 1
            if i < len(lines) and lines[i].strip() and _field_of(lines[i], lookup) is None:
                value = lines[i].strip()
                i += 1
        if name == "message" and value:
            more = []
            while i < len(lines) and lines[i].strip() and _field_of(lines[i], lookup) is None:
                more.append(lines[i].strip())
                i += 1
            value = "\n".join([value, *more])
        if value:
            out.values.setdefault(name, []).append(value)
    return out

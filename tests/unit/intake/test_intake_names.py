"""Dutch names: the tussenvoegsel stays with the surname, in every format."""

from __future__ import annotations

import json

import pytest

from app.core.names import full_name, sort_key, split_name
from app.intake import parse_document
from tests.unit.intake.conftest import RECEIVED


@pytest.mark.parametrize(
    ("name", "given", "surname"),
    [
        ("Sanne de Vries", "Sanne", "de Vries"),
        ("Jan van den Berg", "Jan", "van den Berg"),
        ("Anna Maria van 't Hof", "Anna Maria", "van 't Hof"),
        ("Jan-Willem ter Horst", "Jan-Willem", "ter Horst"),
        ("Max Müller", "Max", "Müller"),
        ("Fatima el Amrani", "Fatima", "el Amrani"),
        ("Bram", "", "Bram"),
        ("", "", ""),
    ],
)
def test_split_name(name: str, given: str, surname: str) -> None:
    assert split_name(name) == (given, surname)


def test_sorted_by_surname_with_its_tussenvoegsel() -> None:
    names = ["Sanne de Vries", "Kees Bakker", "Jan van den Berg", "Ans de Boer"]
    assert sorted(names, key=sort_key) == [
        "Kees Bakker",
        "Ans de Boer",
        "Sanne de Vries",
        "Jan van den Berg",
    ]


def test_full_name() -> None:
    assert full_name("Sanne", "de", "Vries") == "Sanne de Vries"
    assert full_name("Sanne", "", "Vries") == "Sanne Vries"
    assert full_name(" Thijs ", "van  den", "Berg") == "Thijs van den Berg"


@pytest.mark.parametrize("key", ["infix", "tussenvoegsel"])
def test_json_first_name_infix_last_name(key: str) -> None:
    data = {"first_name": "Sanne", key: "de", "last_name": "Vries", "phone": "06 12345678"}
    lead = parse_document(json.dumps(data).encode(), received_at=RECEIVED)
    assert lead.name == "Sanne de Vries"
    assert key not in lead.extra


def test_mail_labels_first_name_infix_last_name() -> None:
    mail = (
        "From: Website <website@autobedrijf-dekker.nl>\nTo: verkoop@autobedrijf-dekker.nl\n"
        "Subject: Contactformulier\nContent-Type: text/plain; charset=utf-8\n\n"
        "Voornaam: Jan\nTussenvoegsel: van den\nAchternaam: Berg\nTelefoon: 06 12345678\n"
    )
    lead = parse_document(mail.encode(), received_at=RECEIVED)
    assert lead.name == "Jan van den Berg"


def test_french_nom_alone_is_the_whole_name() -> None:
    mail = (
        "From: 2ememain <noreply@2ememain.be>\nTo: verkoop@autobedrijf-dekker.nl\n"
        "Subject: Nouveau message\nContent-Type: text/plain; charset=utf-8\n\n"
        "Nom : Julien Lambert\nGSM : 0497 40 22 18\n"
    )
    lead = parse_document(mail.encode(), received_at=RECEIVED)
    assert lead.name == "Julien Lambert"
    assert lead.phone is not None and lead.phone.e164 == "+32497402218"

"""The DV lead XML (lead-1.2), Facebook lead forms, and the language hint."""

from __future__ import annotations

import json

import pytest

from app.intake import Unreadable, parse_document
from app.intake.language import language_of
from tests.unit.intake.conftest import RECEIVED


def _xml(body: str, root: str = '<lead version="1.2">') -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{root}{body}</lead>'.encode()


def test_dv_lead_without_a_phone_is_a_lead_by_e_mail() -> None:
    lead = parse_document(
        _xml(
            "<id>DV-1</id><customer_number>K-1</customer_number>"
            "<created>2026-11-25T15:40:02+01:00</created><name>Ans de Boer</name>"
            "<email>ans@example.nl</email><message>Nog beschikbaar?</message>"
            "<vehicle><stock_number>V1</stock_number></vehicle><channel>stockplatform</channel>"
        ),
        received_at=RECEIVED,
    )
    assert (lead.id, lead.format, lead.source) == ("DV-1", "xml", "dv")
    assert lead.phone is None and lead.email == "ans@example.nl"
    assert lead.vehicle is not None and lead.vehicle.stock == "V1"
    assert lead.extra == {"customer_number": "K-1", "channel": "stockplatform"}


def test_dv_lead_known_by_its_namespace_or_its_fields() -> None:
    body = "<customer_number>K-2</customer_number><name>Jan</name>"
    by_ns = parse_document(_xml(body, '<lead xmlns="urn:dv:lead-1.2">'), received_at=RECEIVED)
    assert by_ns.name == "Jan" and by_ns.format == "xml"


def test_dv_lead_without_lead_fields_is_quarantined() -> None:
    with pytest.raises(Unreadable, match=r"^DV lead has no lead fields"):
        parse_document(_xml("<id>DV-3</id><message>test</message>"), received_at=RECEIVED)


def test_another_lead_root_is_still_not_adf() -> None:
    with pytest.raises(Unreadable, match=r"not ADF: the root element is <lead>"):
        parse_document(_xml("<naam>Jan</naam>", "<lead>"), received_at=RECEIVED)


def test_dv_lead_bad_values_are_flagged() -> None:
    lead = parse_document(
        _xml("<name>Jan</name><email>jan@</email><created>gisteren</created>"),
        received_at=RECEIVED,
    )
    assert lead.flags == ["email_invalid", "requested_at_invalid", "no_contact"]


def test_facebook_standard_answers_are_kept_and_own_questions_are_the_message() -> None:
    data = {
        "id": "99",
        "created_time": "2026-11-25T18:22:04+0000",
        "field_data": [
            {"name": "first_name", "values": ["Sanne"]},
            {"name": "last_name", "values": ["de Vries"]},
            {"name": "phone_number", "values": ["0470 12 34 56"]},
            {"name": "zip_code", "values": ["3900"]},
            {"name": "inruil?", "values": ["ja", "Opel Astra"]},
            {"name": "leeg", "values": []},
            "kapot",
        ],
    }
    lead = parse_document(json.dumps(data).encode(), received_at=RECEIVED)
    assert (lead.name, lead.source) == ("Sanne de Vries", "facebook")
    assert lead.phone is not None and lead.phone.shown == "+32 470 12 34 56"
    assert lead.message == "Inruil?: ja, Opel Astra"
    assert lead.extra["form_answers"] == {"zip_code": "3900"}
    assert lead.requested_at is not None and lead.requested_at.isoformat().startswith("2026-11-25")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Goedemiddag, is deze auto nog beschikbaar? Ik wil graag een proefrit.", "nl"),
        ("Bonjour, la voiture est-elle encore disponible ? Merci", "fr"),
        ("Guten Tag, ist das Fahrzeug noch verfügbar? Ich komme am Samstag.", "de"),
        ("OK", None),
        ("", None),
        ("Golf GTI 2021 45.000 km", None),
    ],
)
def test_language_of(text: str, language: str | None) -> None:
    assert language_of(text) == language


def test_a_french_message_settles_an_ambiguous_number() -> None:
    data = {
        "name": "Julien",
        "phone": "0478 55 66 77",
        "message": "Bonjour, est-ce encore disponible ? Merci",
    }
    lead = parse_document(json.dumps(data).encode(), received_at=RECEIVED)
    assert lead.phone is not None and lead.phone.e164 == "+32478556677"
    assert lead.phone_alternative is None


def test_a_dutch_message_does_not() -> None:
    data = {"name": "Ruud", "phone": "0478 55 66 77", "message": "Is de auto nog beschikbaar?"}
    lead = parse_document(json.dumps(data).encode(), received_at=RECEIVED)
    assert lead.phone is not None and lead.phone.e164 == "+31478556677"
    assert lead.phone_alternative is not None and lead.phone_alternative.e164 == "+32478556677"

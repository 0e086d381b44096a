import json
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.lead import NO_CONTACT, Lead, Vehicle, stable_id
from app.intake import Unreadable, parse_document

AMS = ZoneInfo("Europe/Amsterdam")


def parse(doc: object, received: datetime, raw: bytes | None = None) -> Lead:
    data = raw if raw is not None else json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return parse_document(data, received_at=received, name="lead.json")


def test_design_example(parse_fixture: Callable[..., Lead], received: datetime) -> None:
    lead = parse_fixture("web_lead.json")
    assert lead.id == "optional-producer-id"  # the producer's id, sanitized
    assert lead.received_at == received
    assert lead.requested_at == datetime(2026, 11, 25, 10, 2, tzinfo=AMS)
    assert (lead.source, lead.name, lead.email) == ("website", "Jan Jansen", "jan@example.nl")
    assert lead.phone is not None
    assert (lead.phone.e164, lead.phone.kind, lead.phone.valid) == ("+31612345678", "mobile", True)
    assert lead.vehicle == Vehicle(
        make="Volkswagen", model="Golf", year=2021, stock="V1234", price=21950.0
    )
    assert lead.message == "Is deze auto nog beschikbaar?"
    assert (lead.format, lead.flags, lead.extra) == ("json", [], {})
    assert lead.original.startswith('{"id": "optional producer id"')


def test_first_last_name_vehicle_text_and_unknown_fields(
    parse_fixture: Callable[..., Lead], document: Callable[[str], bytes]
) -> None:
    lead = parse_fixture("web_lead_first_last.json")
    assert lead.name == "Lotte van der Meer"
    assert lead.phone is not None and lead.phone.e164 == "+31623456781"
    assert lead.email == "lotte.vandermeer@outlook.com"
    assert lead.vehicle == Vehicle(
        text="Toyota Yaris Cross 1.5 Hybrid First Edition, 2023, € 31.450"
    )
    assert lead.extra == {
        "form": "proefrit",
        "utm_source": "google",
        "utm_campaign": "najaar-occasions",
        "consent": {"newsletter": False, "privacy": True},
        "preferred_contact": ["telefoon", "whatsapp"],
    }
    # A naive time is the dealership's (Amsterdam) time: +01:00 in November.
    assert lead.requested_at is not None
    assert lead.requested_at.utcoffset() == timedelta(hours=1)
    assert lead.requested_at.hour == 16
    # No producer id: the id comes from the content, so a second read gives the same one.
    assert lead.id == stable_id(document("web_lead_first_last.json"))
    assert parse_fixture("web_lead_first_last.json").id == lead.id


def test_different_documents_get_different_ids(received: datetime) -> None:
    a = parse({"name": "Jan", "phone": "06 12345678"}, received)
    b = parse({"name": "Jan", "phone": "06 12345679"}, received)
    assert a.id != b.id


def test_producer_id_is_sanitized(received: datetime) -> None:
    assert parse({"id": "crm/lead 42?#", "name": "Jan"}, received).id == "crm-lead-42"
    assert parse({"id": 981234, "name": "Jan"}, received).id == "981234"


def test_long_producer_ids_stay_distinct_and_short(received: datetime) -> None:
    first = parse({"id": "x" * 100 + "1", "name": "Jan"}, received).id
    second = parse({"id": "x" * 100 + "2", "name": "Jan"}, received).id
    assert len(first) <= 64 and len(second) <= 64
    assert first != second


def test_unusable_producer_id_falls_back_to_content(received: datetime) -> None:
    raw = b'{"id": "///", "name": "Jan"}'
    assert parse(None, received, raw).id == stable_id(raw)


def test_name_only_is_a_lead_without_contact(received: datetime) -> None:
    lead = parse({"name": "Jan Jansen", "message": "Bel me"}, received)
    assert NO_CONTACT in lead.flags
    assert lead.phone is None and lead.email is None


def test_invalid_phone_is_kept_and_flagged(received: datetime) -> None:
    lead = parse({"name": "Jan", "phone": "06 1234"}, received)
    assert lead.phone is not None and lead.phone.raw == "06 1234"
    assert not lead.phone.valid
    assert "phone_invalid" in lead.flags
    assert NO_CONTACT not in lead.flags  # a raw number can still be read and tried


def test_phone_as_a_json_number(received: datetime) -> None:
    lead = parse({"name": "Jan", "phone": 612345678}, received)
    assert lead.phone is not None and lead.phone.e164 == "+31612345678"


def test_belgian_number_with_belgian_region_default(received: datetime) -> None:
    data = json.dumps({"name": "Jan", "phone": "0470 12 34 56"}).encode()
    lead = parse_document(data, received_at=received, region="be")
    assert lead.phone is not None and lead.phone.region == "BE"


def test_implausible_email_is_flagged(received: datetime) -> None:
    lead = parse({"name": "Jan", "email": "n.v.t."}, received)
    assert lead.email is None
    assert "email_invalid" in lead.flags


def test_vehicle_fields_are_coerced_and_unknown_ones_kept(received: datetime) -> None:
    vehicle = {"make": "Kia", "model": "EV6", "year": "2023", "price": "€ 44.950,-", "km": 12000}
    lead = parse({"name": "Jan", "vehicle": vehicle}, received)
    assert lead.vehicle == Vehicle(make="Kia", model="EV6", year=2023, price=44950.0)
    assert lead.extra == {"vehicle": {"km": 12000}}


def test_unreadable_requested_at_is_flagged_not_fatal(received: datetime) -> None:
    lead = parse({"name": "Jan", "requested_at": "gisteren"}, received)
    assert lead.requested_at is None
    assert "requested_at_invalid" in lead.flags


def test_epoch_requested_at(received: datetime) -> None:
    lead = parse({"name": "Jan", "requested_at": 1_795_600_000}, received)
    assert lead.requested_at is not None
    assert lead.requested_at.timestamp() == 1_795_600_000


@pytest.mark.parametrize(
    "doc",
    [{}, {"vehicle": "Golf"}, {"name": "", "phone": " ", "message": "Hallo"}],
)
def test_no_lead_fields_is_unreadable(doc: dict[str, object], received: datetime) -> None:
    with pytest.raises(Unreadable, match=r"^JSON has no lead fields"):
        parse(doc, received)


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"Jan"', b"42", b"null"])
def test_not_an_object_is_unreadable(raw: bytes, received: datetime) -> None:
    with pytest.raises(Unreadable, match="not an object"):
        parse_document(raw, received_at=received, name="x.json")


def test_lone_surrogates_are_replaced(received: datetime) -> None:
    lead = parse(None, received, b'{"name": "Jan \\ud800", "x\\udc00": ["\\udfff"]}')
    json.dumps(lead.to_json(), ensure_ascii=False).encode("utf-8")  # would raise otherwise
    assert lead.name.startswith("Jan")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_unicode_encodings(encoding: str, received: datetime) -> None:
    raw = json.dumps({"name": "Zoë Dijkstra", "phone": "06 12345678"}).encode(encoding)
    lead = parse(None, received, raw)
    assert lead.name == "Zoë Dijkstra"


def test_legacy_8bit_json_decodes_as_windows_1252(received: datetime) -> None:
    raw = '{"name": "René", "message": "Budget € 20.000"}'.encode("cp1252")
    lead = parse(None, received, raw)
    assert (lead.name, lead.message) == ("René", "Budget € 20.000")
    assert "€" in lead.original

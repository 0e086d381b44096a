"""The portal corpus: what each portal really sends, in its languages, and the lead it gives.

Every document in tests/fixtures/documents/portals/ has a NAME.expected.json next to it:
the dealer's region it is read for, and the fields of `leadpop parse`'s JSON it must give.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.lead import MISSED_CALL, Lead, stored_fields
from app.intake import Unreadable, parse_document
from app.intake.portals import PORTALS, missed_call_subject, portal_for
from app.store.store import Store
from tests.unit.intake.conftest import DOCUMENTS, RECEIVED

CORPUS = DOCUMENTS / "portals"
CASES = sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".expected.json"))


def _parse(path: Path, region: str = "NL") -> Lead:
    return parse_document(path.read_bytes(), received_at=RECEIVED, name=path.name, region=region)


def _expected(path: Path) -> dict[str, Any]:
    return json.loads((CORPUS / f"{path.stem}.expected.json").read_text(encoding="utf-8"))


def test_every_document_has_its_expected_lead() -> None:
    assert len(CASES) >= 13
    for path in CASES:
        assert (CORPUS / f"{path.stem}.expected.json").is_file(), path.name


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_document_gives_its_expected_lead(path: Path) -> None:
    expected = _expected(path)
    got = _parse(path, expected["region"]).to_json()
    for key, value in expected["lead"].items():
        assert got[key] == value, f"{path.name}: {key}"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("autoscout24_be_fr.eml", "fr"),
        ("2ememain_fr.eml", "fr"),
        ("mobile_de_html.eml", "de"),
        ("gaspedaal_nl.eml", "nl"),
    ],
)
def test_the_labels_tell_the_language(name: str, language: str) -> None:
    from app.intake.htmltext import html_to_text
    from app.intake.labels import read_labels
    from app.intake.mime import iter_parts, parse_message

    msg = parse_message((CORPUS / name).read_bytes())
    part = next(iter_parts(msg))
    text = part.text if part.content_type == "text/plain" else html_to_text(part.text)
    assert read_labels(text).language == language


def test_missed_call_notices_are_marked_and_kept_through_the_store(tmp_path: Path) -> None:
    lead = _parse(CORPUS / "autoscout24_missed_call_nl.eml")
    assert lead.kind == MISSED_CALL and lead.is_missed_call
    assert lead.vehicle is not None and lead.vehicle.text == "Volkswagen Golf 1.5 eTSI Life"
    assert lead.extra["subject"].startswith("Klantnr: 40218")
    store = Store.open(tmp_path)
    try:
        store.insert_lead(lead, doc_name="a.eml", sla_start=RECEIVED, now=RECEIVED)
        row = store.lead(lead.id)
    finally:
        store.close()
    assert row is not None
    assert stored_fields(row["extra"]).kind == MISSED_CALL
    assert json.loads(row["extra"])["subject"] == lead.extra["subject"]  # producer's kept


def test_an_ordinary_lead_is_a_request() -> None:
    lead = _parse(CORPUS / "gaspedaal_nl.eml")
    assert lead.kind == "request" and not lead.is_missed_call


@pytest.mark.parametrize(
    ("subject", "car"),
    [
        ("Klantnr: 40218 Gemiste oproep voor Volkswagen Golf", "Volkswagen Golf"),
        ("Gemiste oproep", None),
        ("Client n°: 40218 Appel manqué pour Renault Clio", "Renault Clio"),
        ("Verpasster Anruf zu Ihrem BMW 320d", "BMW 320d"),
        ("Missed call for Tesla Model 3", "Tesla Model 3"),
    ],
)
def test_missed_call_subjects_in_four_languages(subject: str, car: str | None) -> None:
    match = missed_call_subject(subject, None)
    assert match is not None
    assert match["vehicle"] == car


@pytest.mark.parametrize(
    "subject",
    ["Nieuwe aanvraag voor uw Volkswagen Golf", "Re: terugbellen?", "Nouvelle demande"],
)
def test_ordinary_subjects_are_not_missed_calls(subject: str) -> None:
    assert missed_call_subject(subject, portal_for("autoscout24.nl")) is None


def test_a_json_bridge_can_mark_a_missed_call() -> None:
    data = json.dumps({"kind": "missed_call", "phone": "06 12345678", "source": "calltracker"})
    lead = parse_document(data.encode(), received_at=RECEIVED)
    assert lead.kind == MISSED_CALL
    assert "kind" not in lead.extra


def test_a_quarantine_reason_names_the_portal() -> None:
    data = (CORPUS / "2ememain_fr.eml").read_bytes()
    head, _, _ = data.partition(b"\r\n\r\n")
    empty = head + b"\r\n\r\nVotre annonce a \xc3\xa9t\xc3\xa9 vue 120 fois cette semaine.\r\n"
    empty = empty.replace(b"multipart/alternative", b"text/plain; charset=utf-8")
    with pytest.raises(Unreadable) as err:
        parse_document(empty, received_at=RECEIVED, name="x.eml")
    assert err.value.reason.startswith("2dehands/2ememain: ")


@pytest.mark.parametrize(
    ("domain", "key", "name"),
    [
        ("autoscout24.be", "autoscout24", "AutoScout24"),
        ("calltracking.autoscout24.nl", "autoscout24", "AutoScout24"),
        ("relay.2ememain.be", "2dehands", "2dehands/2ememain"),
        ("team.mobile.de", "mobile.de", "mobile.de"),
        ("facebookmail.com", "facebook", "Facebook"),
        ("autotrack.nl", "autotrack", "AutoTrack"),
        ("gaspedaal.nl", "gaspedaal", "Gaspedaal"),
    ],
)
def test_portal_descriptions(domain: str, key: str, name: str) -> None:
    portal = portal_for(domain)
    assert portal is not None and (portal.key, portal.name) == (key, name)


def test_portal_keys_are_unique() -> None:
    keys = [p.key for p in PORTALS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("name", "region", "shown", "alternative"),
    [
        # Every sign says Belgian (a .be address, autoscout24.be): settled, for any dealer.
        ("autoscout24_be_nl.eml", "NL", "+32 478 55 66 77", None),
        ("autoscout24_be_nl.eml", "BE", "0478 55 66 77", None),
        ("autoscout24_be_nl.eml", "DE", "+32 478 55 66 77", None),
        # No sign at all (gmail, the dealer's own form, Dutch): the home reading, and the other.
        ("website_form.eml", "NL", "0478 214 365", "+32 478 21 43 65"),
        ("website_form.eml", "BE", "0478 21 43 65", "+31 478 214 365"),
        ("website_form.eml", "DE", "+31 478 214 365", "+32 478 21 43 65"),
        # A German mobile: national only for a German dealer.
        ("mobile_de_html.eml", "NL", "+49 162 9876543", None),
        ("mobile_de_html.eml", "BE", "+49 162 9876543", None),
        ("mobile_de_html.eml", "DE", "0162 9876543", None),
        # A Dutch mobile: national only for a Dutch dealer.
        ("gaspedaal_nl.eml", "NL", "06 38279104", None),
        ("gaspedaal_nl.eml", "BE", "+31 6 38279104", None),
        ("gaspedaal_nl.eml", "DE", "+31 6 38279104", None),
    ],
)
def test_numbers_for_dutch_belgian_and_german_dealers(
    name: str, region: str, shown: str, alternative: str | None
) -> None:
    lead = _parse(CORPUS / name, region)
    assert lead.phone is not None and lead.phone.shown == shown
    alt = lead.phone_alternative
    assert (alt.shown if alt else None) == alternative
    if alt is not None:
        assert alt.tel_uri == f"tel:{alt.e164}"


def test_the_alternative_reading_is_kept_through_json_and_the_store(tmp_path: Path) -> None:
    lead = _parse(CORPUS / "website_form.eml", "NL")
    assert lead.to_json()["phone_alternative"] == {
        "e164": "+32478214365",
        "shown": "+32 478 21 43 65",
        "region": "BE",
    }
    store = Store.open(tmp_path)
    try:
        store.insert_lead(lead, doc_name="a.eml", sla_start=RECEIVED, now=RECEIVED)
        row = store.lead(lead.id)
    finally:
        store.close()
    assert row is not None
    kept = stored_fields(row["extra"], home="NL")
    assert kept.kind == "request"
    assert kept.phone_alternative is not None
    assert kept.phone_alternative.shown == "+32 478 21 43 65"
    assert kept.phone_alternative.country == "BE"
    assert stored_fields(row["extra"], home="BE").phone_alternative.shown == "0478 21 43 65"  # type: ignore[union-attr]


@pytest.mark.parametrize("extra", [None, "", "{}", "not json", '{"_leadpop": 3}', "[]"])
def test_leads_stored_before_these_fields_read_as_plain_requests(extra: str | None) -> None:
    kept = stored_fields(extra)
    assert kept.kind == "request" and kept.phone_alternative is None


def test_a_producer_cannot_smuggle_in_the_stored_fields() -> None:
    data = json.dumps({"name": "Jan", "_leadpop": {"kind": "missed_call"}})
    lead = parse_document(data.encode(), received_at=RECEIVED)
    assert lead.kind == "request"
    assert stored_fields(lead.stored_extra()).kind == "request"

import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.lead import NO_CONTACT, Lead, Vehicle, stable_id
from app.intake import Unreadable, parse_document

AMS = ZoneInfo("Europe/Amsterdam")
SAFETY = "XML declares a DTD/entities; refused for safety"


def adf(prospect: str, *, prolog: str = '<?xml version="1.0"?>') -> bytes:
    return f"{prolog}\n<adf>\n{prospect}\n</adf>\n".encode()


def parse(data: bytes, received: datetime) -> Lead:
    return parse_document(data, received_at=received, name="lead.xml")


def test_adf_file(parse_fixture: Callable[..., Lead], document: Callable[[str], bytes]) -> None:
    lead = parse_fixture("adf_lead.xml")  # <?adf?> before <?xml?>, no vendorname, extra tags
    assert lead.format == "adf"
    assert lead.name == "Daan van den Berg"  # from name parts
    assert lead.phone is not None
    assert lead.phone.e164 == "+31638291746"  # type="mobile" preferred over the "voice" one
    assert lead.email == "daan.vandenberg@ziggo.nl"
    assert lead.requested_at == datetime(2026, 11, 25, 14, 37, 12, tzinfo=AMS)
    assert lead.source == "Gaspedaal.nl"  # the provider
    assert lead.vehicle == Vehicle(
        make="Skoda",
        model="Enyaq iV 80 Sportline",
        year=2023,
        stock="S-3381",
        price=41950.0,
        url="https://www.gaspedaal.nl/skoda/enyaq/elektrisch?ad=S-3381",
    )
    assert lead.message.startswith("Graag een offerte voor private lease")
    assert lead.extra["trade_in"] == "Volkswagen Passat Variant 2016"
    assert lead.extra["adf_id"] == "GP-20261125-004417"
    assert lead.id == stable_id(document("adf_lead.xml"))
    assert parse_fixture("adf_lead.xml").id == lead.id
    assert lead.original == document("adf_lead.xml").decode("utf-8")


def test_full_name_unknown_phone_type_and_vendor_as_source(received: datetime) -> None:
    data = adf(
        """<prospect><requestdate>2026-11-25T09:00:00</requestdate>
        <customer><contact><name part="full">Emma  Bakker</name>
        <phone type="gsm">0470 12 34 56</phone></contact></customer>
        <vendor><vendorname>Autobedrijf Dekker</vendorname></vendor></prospect>"""
    )
    lead = parse(data, received)
    assert lead.name == "Emma Bakker"
    assert lead.phone is not None and lead.phone.e164 == "+32470123456"
    assert lead.source == "Autobedrijf Dekker"
    assert lead.requested_at == datetime(2026, 11, 25, 9, 0, tzinfo=AMS)  # naive: Amsterdam


def test_several_prospects_take_the_first(received: datetime) -> None:
    one = "<prospect><customer><contact><name>Eerste</name></contact></customer></prospect>"
    two = "<prospect><customer><contact><name>Tweede</name></contact></customer></prospect>"
    assert parse(adf(one + two), received).name == "Eerste"


def test_adf_pi_before_xml_declaration_with_whitespace(received: datetime) -> None:
    prospect = "<prospect><customer><contact><name>Jan</name></contact></customer></prospect>"
    data = adf(prospect, prolog='\n  <?adf version="1.0"?>\n<?xml version="1.0"?>')
    assert parse(data, received).name == "Jan"


def test_namespaced_and_upper_case_tags(received: datetime) -> None:
    data = (
        b'<?xml version="1.0"?><ADF xmlns="urn:example:adf"><Prospect><Customer><Contact>'
        b"<Name>Jan</Name><Email>jan@example.nl</Email></Contact></Customer></Prospect></ADF>"
    )
    lead = parse(data, received)
    assert (lead.name, lead.email) == ("Jan", "jan@example.nl")


def test_declared_legacy_encoding(received: datetime) -> None:
    text = (
        '<?xml version="1.0" encoding="windows-1252"?><adf><prospect><customer><contact>'
        "<name>René Peeters</name></contact><comments>Budget € 30.000</comments>"
        "</customer></prospect></adf>"
    )
    lead = parse(text.encode("cp1252"), received)
    assert (lead.name, lead.message) == ("René Peeters", "Budget € 30.000")
    assert "René" in lead.original


def test_utf16_declaration_on_utf8_bytes_is_a_mislabel(received: datetime) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><adf><prospect><customer><contact>'
        "<name>Zoë de Wit</name></contact></customer></prospect></adf>"
    )
    assert parse(text.encode("utf-8"), received).name == "Zoë de Wit"
    assert parse(text.encode("utf-16"), received).name == "Zoë de Wit"  # the real thing


def test_lead_without_contact_is_still_a_lead(received: datetime) -> None:
    data = adf("<prospect><customer><contact><name>Jan</name></contact></customer></prospect>")
    assert NO_CONTACT in parse(data, received).flags


def test_adf_without_lead_fields(received: datetime) -> None:
    data = adf("<prospect><vehicle><make>Kia</make></vehicle></prospect>")
    with pytest.raises(Unreadable, match="ADF has no lead fields"):
        parse(data, received)


def test_adf_without_prospect(received: datetime) -> None:
    with pytest.raises(Unreadable, match="no <prospect>"):
        parse(b"<adf><note>leeg</note></adf>", received)


def test_other_xml_is_not_adf(received: datetime) -> None:
    with pytest.raises(Unreadable, match=r"not ADF: the root element is <rss>"):
        parse(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', received)


def test_malformed_xml(parse_fixture: Callable[..., Lead]) -> None:
    with pytest.raises(Unreadable, match=r"^malformed XML: mismatched tag: line 7"):
        parse_fixture("malformed.xml")


def billion_laughs(levels: int = 10) -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE adf [\n'
        + "\n".join(entities)
        + f"\n]>\n<adf><prospect><customer><contact><name>&lol{levels - 1};</name>"
        "</contact></customer></prospect></adf>"
    ).encode()


def test_entity_bomb_is_refused_at_once(received: datetime) -> None:
    data = billion_laughs()  # 10^9 "lol"s, 3 GB if it were expanded
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(Unreadable) as err:
            parse(data, received)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.value.reason == SAFETY
    assert elapsed < 1.0
    assert peak < 2 * 1024 * 1024


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE adf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',  # external entity
        '<!DOCTYPE adf SYSTEM "http://example.com/adf.dtd">',  # external DTD
        "<!DOCTYPE adf>",  # any DTD at all
    ],
)
def test_any_dtd_is_refused(doctype: str, received: datetime) -> None:
    data = f'<?xml version="1.0"?>{doctype}<adf><prospect/></adf>'.encode()
    with pytest.raises(Unreadable) as err:
        parse(data, received)
    assert err.value.reason == SAFETY


def test_the_providers_country_domain_settles_an_ambiguous_number(received: datetime) -> None:
    adf = """<?xml version="1.0"?><adf><prospect><customer><contact>
    <name part="full">Pieter Claes</name><phone>0478 55 66 77</phone></contact></customer>
    <provider><name>AutoScout24.be</name></provider></prospect></adf>"""
    lead = parse_document(adf.encode(), received_at=received)
    assert lead.phone is not None and lead.phone.shown == "+32 478 55 66 77"
    assert lead.phone_alternative is None
    plain = parse_document(
        adf.replace("AutoScout24.be", "AutoScout24").encode(), received_at=received
    )
    assert plain.phone is not None and plain.phone.e164 == "+31478556677"
    assert plain.phone_alternative is not None

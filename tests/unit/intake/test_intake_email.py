import base64
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.lead import NO_CONTACT, Lead, Vehicle, stable_id
from app.intake import Unreadable, parse_document
from app.intake.senders import portal_of

AMS = ZoneInfo("Europe/Amsterdam")

ADF = """<?xml version="1.0"?>
<adf><prospect>
 <customer><contact><name part="first">Noor</name><name part="last">Bos</name>
 <phone type="home">06 87 65 43 21</phone></contact>
 <comments>Is de Golf nog beschikbaar?</comments></customer>
 <provider><name>Gaspedaal.nl</name></provider>
</prospect></adf>"""


def mail(body: str, *, headers: str = "", content_type: str = "text/plain; charset=utf-8") -> bytes:
    head = (
        "From: AutoScout24 <noreply@autoscout24.nl>\n"
        "To: verkoop@autobedrijf-dekker.nl\n"
        "Subject: Nieuwe aanvraag\n"
        "Date: Wed, 25 Nov 2026 10:02:41 +0100\n"
        f"{headers}"
        "MIME-Version: 1.0\n"
        f"Content-Type: {content_type}\n"
        "Content-Transfer-Encoding: 8bit\n\n"
    )
    return (head + body).encode("utf-8")


def parse(data: bytes, received: datetime) -> Lead:
    return parse_document(data, received_at=received, name="lead.eml")


def test_autoscout24_style(parse_fixture: Callable[..., Lead], received: datetime) -> None:
    lead = parse_fixture("autoscout24_nl.eml")
    assert lead.format == "email"
    assert lead.id == "20261125090241.5f3a2c.lead-8817364-mailer.autoscout24.com"
    assert lead.received_at == received
    assert lead.requested_at == datetime(2026, 11, 25, 10, 2, 41, tzinfo=AMS)
    assert lead.source == "autoscout24"
    assert lead.name == "Sanne de Vries"
    assert lead.email == "sanne.devries@gmail.com"
    # The labelled number, not the portal's dealer service number in the footer.
    assert lead.phone is not None and lead.phone.e164 == "+31641278390"
    assert lead.vehicle == Vehicle(
        text="Volkswagen ID.3 Pro 58 kWh",
        year=2022,
        price=27950.0,
        stock="V4711",
        url="https://www.autoscout24.nl/aanbod/volkswagen-id-3-pro-58-kwh-elektrisch-wit-3f2a9c1e",
    )
    assert lead.message == (
        "Goedemiddag, is deze ID.3 nog beschikbaar? Ik zou graag zaterdag\n"
        "een proefrit maken. Heeft hij een warmtepomp?"
    )
    assert lead.extra == {"subject": "Nieuwe aanvraag voor uw Volkswagen ID.3 Pro 58 kWh"}
    assert lead.flags == []


def test_marktplaats_style(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("marktplaats_nl.eml")
    assert lead.source == "marktplaats"
    assert lead.name == "Bram Visser"
    assert lead.phone is not None and lead.phone.e164 == "+31628931745"  # "+31 (0)6 …"
    # Reply-To is Marktplaats' relay and From is its no-reply: neither is the customer's.
    assert lead.email is None
    assert lead.vehicle is not None
    assert lead.vehicle.text == "Kia EV6 GT-Line 77,4 kWh | Warmtepomp | 360° camera"
    assert lead.vehicle.price == 38950.0
    assert lead.message.endswith("Kan ik donderdagavond langskomen?")
    assert "Škoda" in lead.message
    assert lead.extra["subject"] == "Nieuw bericht over “Kia EV6 GT-Line 77,4 kWh”"


def test_mobile_de_style(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("mobile_de.eml")
    assert lead.source == "mobile.de"
    assert lead.name == "Max Müller"  # Vorname + Nachname
    assert lead.email == "m.mueller@web.de"
    assert lead.phone is not None
    assert (lead.phone.e164, lead.phone.region) == ("+4915123456789", "DE")
    assert lead.vehicle == Vehicle(
        text="Volkswagen Golf 1.5 eTSI Life DSG", year=2021, price=24990.0, stock="G-20931"
    )
    assert lead.message.startswith("Guten Tag, ist das Fahrzeug noch verfügbar?")
    assert lead.extra["subject"].endswith("Life DSG – G-20931")  # folded RFC 2047 words


def test_html_only_legacy_charset(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("html_only_cp1252.eml")
    assert lead.extra["subject"] == "Proefritaanvraag Citroën ë-C4 (€ 29.950)"
    assert lead.name == "René Peeters"
    assert lead.email == "rene.peeters@telenet.be"
    assert lead.phone is not None
    assert (lead.phone.e164, lead.phone.region) == ("+32472561290", "BE")
    assert lead.vehicle == Vehicle(text="Citroën ë-C4 Shine 50 kWh", plate="T-482-KX", price=29950)
    assert lead.message.startswith("Is de ë-C4 nog te koop?")
    # The dealership's own web form (sender domain = recipient domain) is the website.
    assert lead.source == "website"


def test_html_script_and_style_are_not_read(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("html_only_cp1252.eml")  # its <script> has "Telefoon: 020 000 0000"
    assert lead.phone is not None and "020" not in lead.phone.raw
    assert "meenemen" not in lead.name


def test_customer_mail_in_legacy_8bit(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("customer_latin1.eml")
    assert (lead.name, lead.email) == ("Jeroen Brouwer", "jeroen.brouwer@kpnmail.nl")  # From
    assert lead.phone is not None and lead.phone.e164 == "+31619283746"  # found in the text
    assert "één vraag" in lead.message
    assert "(€ 26.950)" in lead.original  # declared iso-8859-1, written as windows-1252
    assert lead.source == "kpnmail.nl"


def test_adf_attachment_wins_over_the_footer_number(parse_fixture: Callable[..., Lead]) -> None:
    lead = parse_fixture("adf_attachment.eml")
    assert lead.format == "email"
    assert lead.phone is not None and lead.phone.e164 == "+31652819437"  # not 088 020 5500
    assert lead.name == "Fleur Hendriks"  # not "zie bijlage." from "Klant: zie bijlage."
    assert lead.email == "fleur.hendriks@live.nl"
    assert lead.source == "AutoTrack"
    assert lead.requested_at == datetime(2026, 11, 26, 11, 20, 5, tzinfo=AMS)
    assert lead.vehicle is not None and lead.vehicle.stock == "P2008-118"
    assert lead.message == "Welke kleuren zijn er op voorraad?"
    assert lead.id == "lead.88213.1732616409-autotrack.nl"


def test_adf_in_the_body(received: datetime) -> None:
    body = f"Nieuwe lead:\n\n{ADF}\n\nHelpdesk: 020 123 4567\n"
    lead = parse(mail(body), received)
    assert lead.name == "Noor Bos"
    assert lead.phone is not None and lead.phone.e164 == "+31687654321"
    assert lead.source == "Gaspedaal.nl"
    assert lead.message == "Is de Golf nog beschikbaar?"


def test_adf_in_an_html_body(received: datetime) -> None:
    escaped = ADF.replace("<", "&lt;").replace(">", "&gt;")
    lead = parse(
        mail(
            f"<html><body><pre>{escaped}</pre></body></html>",
            content_type="text/html; charset=utf-8",
        ),
        received,
    )
    assert lead.name == "Noor Bos"


def test_unreadable_adf_attachment_falls_back_to_the_body(received: datetime) -> None:
    attachment = base64.b64encode(b"<adf><prospect><customer></adf>").decode()
    body = (
        "--b\nContent-Type: text/plain; charset=utf-8\n\nNaam: Jan Jansen\n"
        "Telefoon: 06 12345678\n\n"
        "--b\nContent-Type: application/xml\nContent-Disposition: attachment; "
        f'filename="lead.xml"\nContent-Transfer-Encoding: base64\n\n{attachment}\n--b--\n'
    )
    lead = parse(mail(body, content_type='multipart/mixed; boundary="b"'), received)
    assert lead.name == "Jan Jansen"
    assert lead.phone is not None and lead.phone.e164 == "+31612345678"
    assert "adf_unreadable" in lead.flags


def test_reply_to_gives_the_email(received: datetime) -> None:
    data = mail("Naam: Jan Jansen\n", headers="Reply-To: Jan Jansen <Jan.Jansen@Ziggo.nl>\n")
    lead = parse(data, received)
    assert lead.email == "jan.jansen@ziggo.nl"


@pytest.mark.parametrize(
    "sender",
    [
        "noreply@autoscout24.nl",
        "no-reply@leads.example.com",
        "donotreply@dealer.nl",
        "MAILER-DAEMON@mx.example.com",
        "notifications@example.com",
        "info@marktplaats.nl",  # a portal's own address
    ],
)
def test_no_reply_senders_are_not_the_customer(sender: str, received: datetime) -> None:
    data = mail("Naam: Jan Jansen\n", headers=f"Reply-To: {sender}\n")
    lead = parse(data, received)
    assert lead.email is None
    assert NO_CONTACT in lead.flags


def test_labels_are_case_insensitive_and_in_three_languages(received: datetime) -> None:
    body = (
        "VOORNAAM: Anne\nTussenvoegsel: de\nAchternaam: Groot\n"
        "Telefon: 06-11223344\nE-Mail-Adresse: anne@example.nl\nFahrzeug: Kia Niro EV\n"
        "Kenteken: XR-123-B\nMerk: Kia\nModel: Niro EV\nBouwjaar: 2022\n"
        "Question: Can I test drive it on Saturday?\n"
    )
    lead = parse(mail(body), received)
    assert lead.name == "Anne de Groot"
    assert lead.phone is not None and lead.phone.e164 == "+31611223344"
    assert lead.email == "anne@example.nl"
    assert lead.vehicle == Vehicle(
        make="Kia", model="Niro EV", year=2022, plate="XR-123-B", text="Kia Niro EV"
    )
    assert lead.message == "Can I test drive it on Saturday?"


def test_phone_label_with_a_note(received: datetime) -> None:
    lead = parse(mail("Naam: Jan\nTelefoon: 06 12345678 (na 17:00)\n"), received)
    assert lead.phone is not None
    assert (lead.phone.e164, lead.phone.raw) == ("+31612345678", "06 12345678 (na 17:00)")


def test_plain_stub_then_html_with_the_fields(received: datetime) -> None:
    body = (
        "--a\nContent-Type: text/plain; charset=utf-8\n\nBekijk deze e-mail in uw browser.\n"
        "--a\nContent-Type: text/html; charset=utf-8\n\n<table>"
        "<tr><td>Naam:</td><td>Iris Kok</td></tr><tr><td>Mobiel</td><td>06 28765432</td></tr>"
        "</table>\n--a--\n"
    )
    lead = parse(mail(body, content_type='multipart/alternative; boundary="a"'), received)
    assert lead.name == "Iris Kok"
    assert lead.phone is not None and lead.phone.e164 == "+31628765432"


def test_same_mail_twice_same_id_and_without_message_id(received: datetime) -> None:
    data = mail("Naam: Jan\nTelefoon: 06 12345678\n")
    first, second = parse(data, received), parse(data, received)
    assert first.id == second.id == stable_id(data)
    with_id = mail("Naam: Jan\n", headers="Message-ID: <abc.123@mail.example.nl>\n")
    assert parse(with_id, received).id == "abc.123-mail.example.nl"


def test_malformed_mime(parse_fixture: Callable[..., Lead]) -> None:
    with pytest.raises(
        Unreadable, match=r"^AutoScout24: malformed e-mail: multipart without a boundary"
    ):
        parse_fixture("malformed_mime.eml")


def test_mail_without_body(received: datetime) -> None:
    with pytest.raises(Unreadable, match="no readable text body"):
        parse(mail(""), received)


def test_mail_without_lead_fields(received: datetime) -> None:
    with pytest.raises(Unreadable, match=r"^AutoScout24: e-mail has no lead fields"):
        parse(mail("Uw advertentie is 120 keer bekeken deze week.\n"), received)


def test_mbox_from_line_and_crlf(received: datetime) -> None:
    data = b"From noreply@autoscout24.nl Wed Nov 25 10:02:41 2026\r\n" + mail(
        "Naam: Jan\r\nTelefoon: 06 12345678\r\n"
    ).replace(b"\n", b"\r\n")
    lead = parse(data, received)
    assert lead.format == "email"
    assert lead.phone is not None and lead.phone.e164 == "+31612345678"


@pytest.mark.parametrize(
    ("domain", "portal"),
    [
        ("autoscout24.nl", "autoscout24"),
        ("mailer.autoscout24.com", "autoscout24"),
        ("reply.marktplaats.nl", "marktplaats"),
        ("team.mobile.de", "mobile.de"),
        ("autotrack.nl", "autotrack"),
        ("gaspedaal.nl", "gaspedaal"),
        ("gmail.com", None),
        ("mobile.nl", None),
    ],
)
def test_portal_of(domain: str, portal: str | None) -> None:
    assert portal_of(domain) == portal

"""The small readers behind the formats: values, labels, HTML to text."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.intake.htmltext import html_to_text
from app.intake.labels import read_labels
from app.intake.values import parse_price, parse_time, parse_year, plausible_email, safe_id

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("€ 21.950,-", 21950.0),
        ("21.950", 21950.0),
        ("21,950", 21950.0),
        ("€ 21.950,50", 21950.5),
        ("21,950.50", 21950.5),
        ("€ 1.234.567", 1234567.0),
        ("24.990 € (Brutto)", 24990.0),
        ("EUR 8 950", 8950.0),
        ("19995", 19995.0),
        (19995, 19995.0),
        ("op aanvraag", None),
        ("", None),
        (-5, None),
    ],
)
def test_price(text: object, price: float | None) -> None:
    assert parse_price(text) == price


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2021", 2021),
        (2019, 2019),
        ("03/2021", 2021),
        ("bouwjaar 1998", 1998),
        ("12345", None),
        (True, None),
        ("", None),
    ],
)
def test_year(text: object, year: int | None) -> None:
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-25T10:02:00+01:00", datetime(2026, 11, 25, 10, 2, tzinfo=AMS)),
        ("2026-11-25T09:02:00Z", datetime(2026, 11, 25, 10, 2, tzinfo=AMS)),
        ("2026-11-25 10:02", datetime(2026, 11, 25, 10, 2, tzinfo=AMS)),  # naive: Amsterdam
        ("2026-07-01T10:00:00", datetime(2026, 7, 1, 8, 0, tzinfo=UTC)),  # summer time
        ("Wed, 25 Nov 2026 10:02:00 +0100", datetime(2026, 11, 25, 10, 2, tzinfo=AMS)),
        ("Wed, 25 Nov 2026 09:02:00 -0000", datetime(2026, 11, 25, 10, 2, tzinfo=AMS)),
        (1_795_600_000_000, datetime.fromtimestamp(1_795_600_000, UTC)),  # milliseconds
        ("volgende week", None),
        (None, None),
        (float("inf"), None),
    ],
)
def test_time(value: object, expected: datetime | None) -> None:
    parsed = parse_time(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() is not None


def test_time_naive_gets_the_amsterdam_offset() -> None:
    parsed = parse_time("2026-11-25T10:02:00")
    assert parsed is not None and parsed.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jan@example.nl", "jan@example.nl"),
        ("<jan@example.nl>", "jan@example.nl"),
        ("mailto:jan@example.nl", "jan@example.nl"),
        ("jan at example.nl", None),
        ("jan@localhost", None),
        ("n.v.t.", None),
        ("a@b@c.nl", None),
    ],
)
def test_plausible_email(value: str, expected: str | None) -> None:
    assert plausible_email(value) == expected


def test_safe_id() -> None:
    assert safe_id("<abc.123@mail.example.nl>") == "abc.123-mail.example.nl"
    assert safe_id("../../etc/passwd") == "etc-passwd"
    long_a, long_b = safe_id("a" * 70 + "1"), safe_id("a" * 70 + "2")
    assert len(long_a) == len(long_b) == 64 and long_a != long_b


def test_labels_with_multi_line_message_and_first_value_wins() -> None:
    labels = read_labels(
        "Naam: Jan Jansen\n"
        "Telefoon:\n06 12345678\n"
        "Bericht:\n\nEerste regel\ntweede regel\n\nMet vriendelijke groet\n"
        "Telefoon: 020 123 4567\n"
        "https://www.example.nl/auto\n"
    )
    assert labels.first("name") == "Jan Jansen"
    assert labels.values["phone"] == ["06 12345678", "020 123 4567"]
    assert labels.first("message") == "Eerste regel\ntweede regel"
    assert "https://www.example.nl/auto" in labels.unlabelled


@pytest.mark.parametrize(
    "line",
    [
        "Tel.: 06 12345678",
        "  * Telefoonnummer (mobiel): 06 12345678",
        "TELEFON:06 12345678",
        "Mobiel\t06 12345678",
        "Phone number: 06 12345678",
    ],
)
def test_phone_label_variants(line: str) -> None:
    assert read_labels(line).first("phone") == "06 12345678"


def test_unknown_labels_are_not_fields() -> None:
    labels = read_labels("Onderwerp: Golf\nDatum: 25-11-2026\nLet op: geen bankgegevens")
    assert labels.values == {}


def test_html_to_text() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>alert('Naam: x')</script><p>Beste dealer,</p>"
        "<table><tr><th>Naam</th><td>Jan&nbsp;Jansen</td></tr>"
        "<tr><td>Prijs:</td><td>&euro; 21.950</td></tr></table>"
        "Regel 1<br>Regel 2<br/>Caf&eacute;</body></html>"
    )
    assert html_to_text(html) == (
        "Beste dealer,\n\nNaam\tJan Jansen\nPrijs:\t€ 21.950\n\nRegel 1\nRegel 2\nCafé"
    )

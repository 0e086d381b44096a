import pytest

from app.core.lead import Phone
from app.core.phone import find_number, find_phone, normalize_phone, read_number
from app.core.phone_format import number_text


@pytest.mark.parametrize(
    ("raw", "e164", "kind", "region", "display"),
    [
        ("06 12345678", "+31612345678", "mobile", "NL", "06 12345678"),
        ("06-12345678", "+31612345678", "mobile", "NL", "06 12345678"),
        ("020 123 4567", "+31201234567", "fixed_line", "NL", "020 123 4567"),
        ("085 123 4567", "+31851234567", "voip", "NL", "085 123 4567"),  # location-independent
        ("0470 12 34 56", "+32470123456", "mobile", "BE", "0470 12 34 56"),  # BE national
        ("02 511 12 34", "+3225111234", "fixed_line", "BE", "02 511 12 34"),  # Brussels
        ("0151 23456789", "+4915123456789", "mobile", "DE", "01512 3456789"),  # DE national
        ("+49 30 1234567", "+49301234567", "fixed_line", "DE", "030 1234567"),
        ("+31 (0)6 12 34 56 78", "+31612345678", "mobile", "NL", "06 12345678"),
        ("+31(0)20-1234567", "+31201234567", "fixed_line", "NL", "020 123 4567"),
        ("0031 6 12345678", "+31612345678", "mobile", "NL", "06 12345678"),
        ("0031 (0)6 12345678", "+31612345678", "mobile", "NL", "06 12345678"),
        ("0032 470 12 34 56", "+32470123456", "mobile", "BE", "0470 12 34 56"),
        ("+32 2 511 12 34", "+3225111234", "fixed_line", "BE", "02 511 12 34"),
        ("0049 151 23456789", "+4915123456789", "mobile", "DE", "01512 3456789"),
        ("  0800 1234 ", "+318001234", "toll_free", "NL", "0800 1234"),
    ],
)
def test_normalizes_numbers_as_people_write_them(
    raw: str, e164: str, kind: str, region: str, display: str
) -> None:
    phone = normalize_phone(raw)
    assert phone.valid
    assert (phone.e164, phone.kind, phone.region, phone.display) == (e164, kind, region, display)
    assert phone.raw == raw.strip()
    assert phone.tel_uri == f"tel:{e164}"


@pytest.mark.parametrize("raw", ["bel me maar", "12", "06 1234", "0697 1234567", "+31 6 1"])
def test_junk_is_kept_raw_and_flagged_not_dropped(raw: str) -> None:
    phone = normalize_phone(raw)
    assert not phone.valid
    assert phone.raw == raw
    assert phone.e164 is None and phone.tel_uri is None
    assert phone.shown == raw


@pytest.mark.parametrize(
    "raw",
    [
        "06 123456789",  # a Dutch mobile with a digit too many: not Frankfurt (069…)
        "06 1234567",  # one too few: not a Walloon landline (061…)
        "020 12345678",  # Amsterdam plus a digit: not Essen (0201…)
        "0903 12345",  # valid only as a Belgian premium line: never a customer
    ],
)
def test_a_mistyped_dutch_number_is_not_read_as_a_neighbours(raw: str) -> None:
    phone = normalize_phone(raw)
    assert not phone.valid, phone
    assert phone.e164 is None


def test_german_landline_needs_its_country_code() -> None:
    # In national form it can't be told from a mistyped Dutch number; kept raw instead.
    assert not normalize_phone("02821 12345").valid
    assert normalize_phone("+49 2821 12345").region == "DE"
    assert normalize_phone("0049 2821 12345").e164 == "+49282112345"


def test_empty_is_an_invalid_empty_phone() -> None:
    phone = normalize_phone("   ")
    assert (phone.raw, phone.valid, phone.e164) == ("", False, None)


def test_region_is_case_insensitive() -> None:
    assert normalize_phone("06 12345678", "nl").e164 == "+31612345678"


def test_another_default_region_still_falls_back_to_nl() -> None:
    assert normalize_phone("02 511 12 34", "be").e164 == "+3225111234"
    assert normalize_phone("06 12345678", "BE").e164 == "+31612345678"
    assert normalize_phone("030 1234567", "DE").region == "DE"  # Berlin, not Utrecht
    assert normalize_phone("030 1234567", "NL").region == "NL"


def test_unknown_region_does_not_crash() -> None:
    assert normalize_phone("06 12345678", "XX").e164 == "+31612345678"


def test_find_phone_in_free_text() -> None:
    found = find_phone("Hoi, bel me op 06-12345678 na vijf uur. Groet, Jan")
    assert found is not None
    assert (found.e164, found.raw, found.valid) == ("+31612345678", "06-12345678", True)


def test_find_phone_takes_the_first_number() -> None:
    found = find_phone("Mijn gsm: 0470 12 34 56. Onze helpdesk: 020 123 4567")
    assert found is not None and found.e164 == "+32470123456"


def test_find_phone_with_trunk_zero_after_country_code() -> None:
    found = find_phone("Tel. +31 (0)6 12 34 56 78")
    assert found is not None and found.e164 == "+31612345678"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "bel me maar",
        "Prijs € 21.950, bouwjaar 2021, 45.000 km, postcode 1234 AB",
        "Tel: 020 12345678",  # a mistyped Amsterdam number, valid only as a German one
    ],
)
def test_find_phone_finds_nothing_where_there_is_no_number(text: str) -> None:
    assert find_phone(text) is None


# -- shown where it is read: national at home, with the country code abroad --------------


@pytest.mark.parametrize(
    ("e164", "home", "shown"),
    [
        ("+32470123456", "NL", "+32 470 12 34 56"),  # issue 14: not "0470 12 34 56"
        ("+32470123456", "BE", "0470 12 34 56"),
        ("+32470123456", "DE", "+32 470 12 34 56"),
        ("+31612345678", "NL", "06 12345678"),
        ("+31612345678", "BE", "+31 6 12345678"),
        ("+31612345678", "DE", "+31 6 12345678"),
        ("+4915123456789", "NL", "+49 1512 3456789"),
        ("+4915123456789", "BE", "+49 1512 3456789"),
        ("+4915123456789", "DE", "01512 3456789"),
        ("+33612345678", "NL", "+33 6 12 34 56 78"),  # a region with no table entry
        ("+33612345678", "fr", "06 12 34 56 78"),
    ],
)
def test_a_number_is_shown_for_the_dealers_region(e164: str, home: str, shown: str) -> None:
    phone = normalize_phone(e164, home)
    assert phone.shown == shown
    assert phone.tel_uri == f"tel:{e164}"  # the link (and QR) dial what is shown
    # The same number rebuilt from the store's columns (no region, no national form):
    stored = Phone(raw=e164, e164=e164, valid=True).at_home(home)
    assert stored.shown == shown
    assert stored.country == phone.region


def test_a_stored_national_form_of_a_foreign_number_is_not_shown() -> None:
    # Leads stored before issue 14 carry the Belgian national form; it must not be shown.
    phone = Phone(raw="0470 12 34 56", e164="+32470123456", display="0470 12 34 56", valid=True)
    assert phone.shown == "+32 470 12 34 56"
    assert phone.at_home("BE").shown == "0470 12 34 56"


def test_an_invalid_number_is_shown_as_written_anywhere() -> None:
    for home in ("NL", "BE", "DE"):
        assert normalize_phone("bel me na 5", home).shown == "bel me na 5"


# -- ambiguous national numbers: settled by hints, or kept with the other reading ----------

AMBIGUOUS = "0478 55 66 77"  # a Venray landline, and a Belgian mobile


def test_without_hints_the_home_reading_comes_first_and_the_other_is_kept() -> None:
    nl = read_number(AMBIGUOUS, "NL")
    assert nl.phone.e164 == "+31478556677" and nl.phone.shown == "0478 556 677"
    assert nl.alternative is not None
    assert (nl.alternative.e164, nl.alternative.shown) == ("+32478556677", "+32 478 55 66 77")
    be = read_number(AMBIGUOUS, "BE")
    assert be.phone.e164 == "+32478556677" and be.phone.shown == "0478 55 66 77"
    assert be.alternative is not None and be.alternative.shown == "+31 478 556 677"


@pytest.mark.parametrize(
    ("region", "hints", "e164"),
    [
        ("NL", [{"BE"}], "+32478556677"),  # a .be address, for a Dutch dealer
        ("NL", [{"BE"}, {"BE", "FR", "LU", "CH"}], "+32478556677"),  # and French
        ("BE", [{"NL"}], "+31478556677"),  # a .nl address, for a Belgian dealer
        ("DE", [{"BE"}], "+32478556677"),
        ("DE", [{"NL"}], "+31478556677"),
    ],
)
def test_agreeing_hints_settle_an_ambiguous_number(
    region: str, hints: list[set[str]], e164: str
) -> None:
    reading = read_number(AMBIGUOUS, region, hints)
    assert reading.phone.e164 == e164
    assert reading.alternative is None
    assert reading.phone.shown == number_text(e164, region)


@pytest.mark.parametrize(
    "hints",
    [
        [],
        [{"BE"}, {"NL"}],  # a .be address on a Dutch portal: contradicting
        [{"NL", "BE"}],  # Dutch: spoken in both, says nothing
        [{"FR"}],  # fits neither reading
    ],
)
def test_missing_or_contradicting_hints_keep_both_readings(hints: list[set[str]]) -> None:
    reading = read_number(AMBIGUOUS, "NL", hints)
    assert reading.phone.e164 == "+31478556677"
    assert reading.alternative is not None and reading.alternative.e164 == "+32478556677"


def test_a_german_dealer_reads_020_as_essen_and_keeps_amsterdam() -> None:
    reading = read_number("020 1234567", "DE")
    assert reading.phone.region == "DE"
    assert reading.alternative is not None and reading.alternative.region == "NL"
    assert reading.alternative.shown == "+31 20 123 4567"
    settled = read_number("020 1234567", "DE", [{"NL"}])
    assert settled.phone.shown == "+31 20 123 4567" and settled.alternative is None


@pytest.mark.parametrize("raw", ["06 12345678", "+31 478 55 66 77", "0032 478 55 66 77"])
def test_unambiguous_numbers_have_no_alternative(raw: str) -> None:
    assert read_number(raw, "NL", [{"BE"}]).alternative is None


def test_a_belgian_mobile_for_a_dutch_dealer_is_read_as_belgian() -> None:
    # 0470 is no Dutch area code: one reading, shown with +32 (issue 14's first case).
    reading = read_number("0470 12 34 56", "NL")
    assert reading.alternative is None
    assert reading.phone.shown == "+32 470 12 34 56"


def test_find_number_settles_a_number_in_free_text_too() -> None:
    text = "Bel me gerust op 0478 55 66 77, liefst na 18u."
    found = find_number(text, "NL", [{"BE"}])
    assert found is not None and found.phone.e164 == "+32478556677"
    assert found.phone.raw == "0478 55 66 77"
    unsettled = find_number(text, "NL")
    assert unsettled is not None and unsettled.alternative is not None


def test_a_lead_stored_before_issue_14_is_shown_right_from_its_columns() -> None:
    from app.engine.views import phone_of

    row = {
        "phone_raw": "0470 12 34 56",
        "phone_e164": "+32470123456",
        "phone_display": "0470 12 34 56",  # the Belgian national form, as stored then
        "phone_valid": 1,
        "phone_type": "mobile",
    }
    assert phone_of(row).shown == "+32 470 12 34 56"  # a Dutch dealer (the default)
    assert phone_of(row, "NL").tel_uri == "tel:+32470123456"
    assert phone_of(row, "be").shown == "0470 12 34 56"
    assert phone_of(row, "DE").shown == "+32 470 12 34 56"

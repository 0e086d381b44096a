import pytest

from app.core.phone import find_phone, normalize_phone


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

"""How a checked number is written for a person at the dealership: national or international.

A number in the dealer's own country reads best the way it is dialled there (`06 12345678`).
Any other number must be shown with its country code (`+32 470 12 34 56`): a Belgian mobile
written the Belgian way is, dialled from a Dutch showroom, a Dutch number, and reaches the
wrong person or nobody. The choice is made where the number is read, from the number and
the dealer's region, so leads stored before a region change show right too.

phonenumbers is imported only for a number that needs formatting: the national form of a
home number is stored with the lead, so lists of home numbers never load it.
"""

from __future__ import annotations

from functools import lru_cache

# Country calling codes of the regions Leadpop is deployed in, so the common case (a home
# number) needs no phonenumbers; any other region is looked up.
_CALLING_CODES = {"NL": "31", "BE": "32", "DE": "49", "LU": "352", "FR": "33"}


def calling_code(region: str) -> str:
    """The country calling code of a region ("NL" -> "31"); "" for an unknown region."""
    region = (region or "").strip().upper()
    code = _CALLING_CODES.get(region)
    if code is None:
        import phonenumbers

        found = phonenumbers.country_code_for_region(region)
        code = str(found) if found else ""
    return code


def is_home_number(e164: str, home: str) -> bool:
    """Whether `e164` is dialled as a national number from a phone in `home`."""
    code = calling_code(home)
    return bool(code) and e164.startswith("+" + code)


@lru_cache(maxsize=4096)
def _formatted(e164: str, international: bool) -> str | None:
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    style = PhoneNumberFormat.INTERNATIONAL if international else PhoneNumberFormat.NATIONAL
    return phonenumbers.format_number(number, style)


def number_text(e164: str, home: str, national: str | None = None) -> str:
    """`e164` as a person at a dealership in `home` reads and dials it.

    `national` is the number's national form when the caller already has it (stored with
    the lead); it is used as is for a home number.
    """
    if is_home_number(e164, home):
        return national or _formatted(e164, False) or e164
    return _formatted(e164, True) or e164


def region_of(e164: str) -> str | None:
    """The region of a checked number ("+32 …" -> "BE"), from its country calling code."""
    for region, code in _CALLING_CODES.items():
        if e164.startswith("+" + code):
            return region
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None)) or None
    except NumberParseException:
        return None

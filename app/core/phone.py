"""Phone numbers as customers type them -> a `Phone` a salesperson can dial.

Traps: `phonenumbers.parse()` does not validate, the region must be
upper-case, and a Belgian or German national number read as Dutch is an invalid +31
number. So every candidate is validated, and the neighbouring regions are tried too.
A number that stays invalid is kept raw and flagged, never dropped: a salesperson can
still read it and dial by hand.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

from app.core.lead import Phone

# Dealerships near the borders get leads from Belgians and Germans writing national forms.
# But a Dutch number with a digit too many or too few is nearly always a valid Belgian or
# German number (German area codes vary in length), and a `tel:` link that dials a
# stranger abroad is worse than a number shown raw. So a fallback reading is limited:
# German national numbers count only as mobiles (015x/016x/017x), Belgian ones only as
# personal numbers (no premium or service lines), and a number with the home country's
# mobile prefix (Dutch "06") is a mistyped home number, never another country's.
FALLBACK_REGIONS = ("NL", "BE", "DE")
_PERSONAL = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
_FALLBACK_KINDS: dict[str, set[int]] = {"DE": {PhoneNumberType.MOBILE}}  # else _PERSONAL
_HOME_MOBILE_PREFIX = {"NL": "06"}
# The shapes (national digits) such a neighbour's reading can have at all, so a number
# that can't be one is not parsed again in every region: intake reads every number.
_FALLBACK_SHAPE = {
    "NL": re.compile(r"0\d{9}"),  # every Dutch personal number: ten digits
    "BE": re.compile(r"0(?:4\d{8}|[1-9]\d{7})"),  # mobiles 04xx (ten), landlines (nine)
    "DE": re.compile(r"01[567]\d{7,10}"),  # mobiles 015x/016x/017x
}

# "+31 (0)6 …" / "0031 (0)20 …": the national trunk prefix written after the country code.
_TRUNK_ZERO = re.compile(r"^((?:\+|00)\s*\d{1,3})\s*\(\s*0\s*\)\s*")
# Longer than any phone number written with generous spacing; beyond this it is prose.
_MAX_RAW = 64

_KINDS: dict[int, str] = {
    value: name.lower()
    for name, value in vars(PhoneNumberType).items()
    if name.isupper() and isinstance(value, int) and name != "UNKNOWN"
}


# A hint is the set of countries one sign in the document points at: the e-mail address's
# country domain ({"BE"}), the portal's country, the document's language ({"NL", "BE"} for
# Dutch). Hints only choose between valid readings of an ambiguous national number.
Hint = Collection[str]


@dataclass(frozen=True)
class Reading:
    """A number as read, and the other valid reading when the hints could not settle it."""

    phone: Phone
    alternative: Phone | None = None


def _regions(region: str) -> list[str]:
    first = (region or "NL").strip().upper()
    return [first, *(r for r in FALLBACK_REGIONS if r != first)]


def _from_number(raw: str, number: PhoneNumber, home: str) -> Phone:
    return Phone(
        raw=raw,
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        display=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        valid=True,
        kind=_KINDS.get(phonenumbers.number_type(number)),
        region=phonenumbers.region_code_for_number(number),
        home=home,
    )


def _settled(readings: list[Phone], hints: Iterable[Hint]) -> Reading:
    """The reading the hints agree on; else the first (home) one, with the next as the
    alternative. A hint that fits every reading, or none, says nothing."""
    every = {p.region for p in readings}
    left = set(every)
    spoke = False
    for hint in hints:
        fits = every & {h.upper() for h in hint}
        if fits and fits != every:
            spoke = True
            left &= fits
    if not spoke or not left:  # missing or contradicting hints
        return Reading(readings[0], readings[1])
    chosen = [p for p in readings if p.region in left]
    return Reading(chosen[0], chosen[1] if len(chosen) > 1 else None)


def _clean(raw: str) -> str:
    text = _TRUNK_ZERO.sub(r"\1 ", raw.strip())
    # "00" is the international prefix in NL/BE/DE; as "+" it works whatever the region.
    if text.startswith("00"):
        text = "+" + text[2:]
    return text


def _acceptable(number: PhoneNumber, raw: str, home: str, candidate: str) -> bool:
    """Valid, and (for a neighbour's reading of a national number) plausibly meant so."""
    if not phonenumbers.is_valid_number(number):
        return False
    if candidate == home or raw.lstrip().startswith(("+", "00")):
        return True
    digits = "".join(c for c in raw if c.isdigit())
    if digits.startswith(_HOME_MOBILE_PREFIX.get(home, "+")):
        return False
    allowed = _FALLBACK_KINDS.get(candidate, _PERSONAL)
    return phonenumbers.number_type(number) in allowed


def read_number(raw: str, region: str = "NL", hints: Iterable[Hint] = ()) -> Reading:
    """The valid reading of `raw`: in `region`, else (within limits) as NL, BE or DE.

    A national number valid in more than one of them ("0478 55 66 77": a Venray landline
    and a Belgian mobile) is settled by `hints`; when they are missing or disagree, the
    home reading comes first and the other is kept as `alternative`.
    """
    raw = (raw or "").strip()
    text = _clean(raw)
    if not text or len(text) > _MAX_RAW:
        return Reading(Phone(raw=raw))
    regions = _regions(region)
    home = regions[0]
    if text.startswith("+"):
        regions = regions[:1]  # the country code is explicit: one reading, whatever the region
    else:
        digits = "".join(c for c in text if c.isdigit())
        if digits.startswith(_HOME_MOBILE_PREFIX.get(home, "+")):
            regions = regions[:1]  # a home mobile ("06…"): never another country's number
        else:
            regions = [home] + [
                r
                for r in regions[1:]
                if (s := _FALLBACK_SHAPE.get(r)) is None or s.fullmatch(digits)
            ]
    readings: list[Phone] = []
    for candidate in regions:
        try:
            number = phonenumbers.parse(text, candidate)
        except NumberParseException:
            continue
        if _acceptable(number, text, home, candidate):
            phone = _from_number(raw, number, home)
            if all(p.e164 != phone.e164 for p in readings):
                readings.append(phone)
    if not readings:
        return Reading(Phone(raw=raw, valid=False, home=home))
    if len(readings) == 1:
        return Reading(readings[0])
    return _settled(readings, hints)


def normalize_phone(raw: str, region: str = "NL", hints: Iterable[Hint] = ()) -> Phone:
    """The valid reading of `raw` (see `read_number`), or `raw` kept and flagged invalid."""
    return read_number(raw, region, hints).phone


def find_number(text: str, region: str = "NL", hints: Iterable[Hint] = ()) -> Reading | None:
    """The valid phone number that appears first in free text, read as `read_number` does."""
    found = find_phone(text, region)
    if found is None:
        return None
    if found.raw.lstrip().startswith(("+", "00")):
        return Reading(found)
    reading = read_number(found.raw, region, hints)
    if not reading.phone.valid:  # the matcher saw more than a bare number can say
        return Reading(found)
    return reading


def find_phone(text: str, region: str = "NL") -> Phone | None:
    """The valid phone number that appears first in free text, or None.

    Each region gets its own matcher pass (the matcher only accepts numbers valid in its
    region); the earliest acceptable match wins, on a tie the caller's region goes first.
    """
    if not text:
        return None
    regions = _regions(region)
    best: tuple[int, int, Phone] | None = None
    for rank, candidate in enumerate(regions):
        try:
            matches = phonenumbers.PhoneNumberMatcher(text, candidate)
            match = next(
                (
                    m
                    for m in matches
                    if _acceptable(m.number, _clean(m.raw_string), regions[0], candidate)
                ),
                None,
            )
        except NumberParseException:
            continue
        if match is not None and (best is None or (match.start, rank) < best[:2]):
            found = _from_number(match.raw_string, match.number, regions[0])
            best = (match.start, rank, found)
    return best[2] if best else None

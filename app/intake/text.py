"""Bytes -> text, losslessly where possible, and refusing what is clearly not text."""

from __future__ import annotations

import codecs

from app.intake.errors import Unreadable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that Windows software writes but means windows-1252 (as browsers do, per WHATWG):
# a "€" typed in Outlook and sent as "iso-8859-1" is byte 0x80, which latin-1 can't show.
_MEANS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
_WHITESPACE_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}

NOT_TEXT = "not a text document (binary data)"


def try_decode(data: bytes, charset: str | None) -> str | None:
    """`data` in `charset`, or None when the charset is unknown or doesn't fit the bytes."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _MEANS_CP1252:
        text = try_decode(data, "cp1252")
        if text is not None:
            return text
        name = "latin-1"
    try:
        codecs.lookup(name)
        return data.decode(name)
    except (LookupError, UnicodeError, ValueError, TypeError):
        # LookupError also covers bytes-to-bytes codecs such as "base64" or "rot13".
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Some Windows tools write UTF-16 without a BOM; its zero high bytes give it away."""
    if len(data) < 4 or len(data) % 2:
        return None
    evens, odds = data[0::2], data[1::2]
    for zeros, codec in ((odds, "utf-16-le"), (evens, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            text = try_decode(data, codec)
            if text is not None and not _looks_binary(text):
                return text
    return None


def _looks_binary(text: str) -> bool:
    """NUL or many control characters: no text editor or form writes these."""
    if "\x00" in text:
        return True
    controls = sum(1 for c in text[:4096] if c < " " and c not in _WHITESPACE_CONTROLS)
    return controls > max(2, len(text[:4096]) // 100)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode: BOM, then the declared charset, UTF-8, UTF-16 sans BOM, cp1252, latin-1.

    Raises Unreadable for binary data, so a random file gets a clear reason.
    """
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = try_decode(data[len(bom) :], codec)
            break
    if text is None and b"\x00" in data:  # NUL is valid UTF-8, so look for UTF-16 first
        text = _utf16_without_bom(data)
    if text is None:
        text = try_decode(data, declared) or try_decode(data, "utf-8")
    if text is None:
        text = try_decode(data, "cp1252") or data.decode("latin-1")
    if _looks_binary(text):
        raise Unreadable(NOT_TEXT)
    return text

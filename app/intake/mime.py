"""Defensive access to e-mail messages: whatever the MIME layout, charset or header damage.

The stdlib parser (policy.default) never gives up on bad input; it records defects. But
header objects are parsed lazily and a few malformed headers raise on access, so every
access here has a fallback to the raw value.
"""

from __future__ import annotations

import email.errors
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import policy
from email.header import decode_header, make_header
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses
from typing import Any

from app.intake.errors import Unreadable
from app.intake.text import try_decode
from app.intake.values import clean_str

# What a damaged header or part can raise while being read (on top of defects).
MIME_ERRORS = (
    email.errors.MessageError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    LookupError,
    AttributeError,
    UnicodeError,
)
# Defects that leave a multipart message without any usable part, as a person reads them.
FATAL_DEFECTS = {
    email.errors.NoBoundaryInMultipartDefect: "multipart without a boundary",
    email.errors.StartBoundaryNotFoundDefect: "multipart boundary not found in the body",
    email.errors.MultipartInvariantViolationDefect: "broken multipart structure",
}


@dataclass(frozen=True)
class Part:
    content_type: str
    filename: str
    attachment: bool
    payload: bytes
    charset: str | None

    @property
    def text(self) -> str:
        """The part as text; a wrong or unknown charset falls back rather than fails."""
        for charset in (self.charset, "utf-8", "cp1252"):
            decoded = try_decode(self.payload, charset)
            if decoded is not None:
                return decoded
        return self.payload.decode("latin-1")


class _CachingHeaderRegistry(HeaderRegistry):
    """policy.default re-parses a header on every read (Content-Type ~10× per message);
    parsed headers are immutable, so the same (name, value) can share one object."""

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - one module-level instance, lives forever
    def __call__(self, name: str, value: str) -> BaseHeader:
        return super().__call__(name, value)


_POLICY = policy.default.clone(header_factory=_CachingHeaderRegistry())


def clear_header_cache() -> None:
    """For the benchmark: measure a message whose headers were never seen before."""
    _CachingHeaderRegistry.__call__.cache_clear()


def parse_message(data: bytes) -> Message:
    try:
        return BytesParser(policy=_POLICY).parsebytes(data)
    except MIME_ERRORS as exc:
        raise Unreadable(f"malformed e-mail: {exc}") from None


def _raw_header(msg: Message, name: str) -> str:
    raw = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), "")
    try:
        return str(make_header(decode_header(str(raw))))
    except MIME_ERRORS:
        return str(raw)


def header_text(msg: Message, name: str) -> str:
    """The header decoded (RFC 2047), one line; "" when absent."""
    try:
        value = msg.get(name)
        text = "" if value is None else str(value)
    except MIME_ERRORS:
        text = _raw_header(msg, name)
    return " ".join(clean_str(text).split())


def addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of an address header."""
    try:
        header = msg.get(name)
        if header is None:
            return []
        found = [(a.display_name, a.addr_spec) for a in header.addresses]
    except MIME_ERRORS:
        found = getaddresses([_raw_header(msg, name)])
    return [(clean_str(n).strip(), clean_str(a).strip()) for n, a in found if a]


def _safe(call: Callable[[], Any], default: Any) -> Any:
    try:
        return call()
    except MIME_ERRORS:
        return default


def iter_parts(msg: Message) -> Iterator[Part]:
    """Every leaf part, decoded from base64/quoted-printable, attachments included."""
    for part in msg.walk():
        if part.is_multipart():
            continue
        payload = _safe(lambda p=part: p.get_payload(decode=True), None)
        if not isinstance(payload, bytes):
            continue
        yield Part(
            content_type=_safe(part.get_content_type, "text/plain"),
            filename=_safe(part.get_filename, None) or "",
            attachment=_safe(part.get_content_disposition, None) == "attachment",
            payload=payload,
            charset=_safe(part.get_content_charset, None),
        )


def fatal_defects(msg: Message) -> list[str]:
    """Why a message without readable parts has none, in words."""
    found = []
    for part in _safe(lambda: list(msg.walk()), [msg]):
        found += [FATAL_DEFECTS[type(d)] for d in part.defects if type(d) in FATAL_DEFECTS]
    return list(dict.fromkeys(found))

"""Which format a document is, by its content; the file name's extension is only a hint."""

from __future__ import annotations

import re

JSON, ADF, EMAIL = "json", "adf", "email"

# RFC 5322 field name: printable ASCII except ":", then ":".
_HEADER = re.compile(r"^([!-9;-~]{1,76}):")
_MBOX_FROM = re.compile(r"^From \S")
_MAIL_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "received",
    "return-path",
    "reply-to",
    "sender",
    "content-type",
    "delivered-to",
    "x-mailer",
    "dkim-signature",
    "arc-seal",
    "authentication-results",
    "x-original-to",
}
_HINTS = {".json": JSON, ".xml": ADF, ".adf": ADF, ".eml": EMAIL}


def looks_like_email(text: str) -> bool:
    """A header block (optionally after an mbox "From " line) with a known mail header."""
    lines = text[:16384].splitlines()
    if lines and _MBOX_FROM.match(lines[0]):
        lines = lines[1:]
    names: set[str] = set()
    for line in lines:
        if not line.strip():
            break
        if line[0] in " \t" and names:
            continue  # a folded header's continuation
        match = _HEADER.match(line)
        if not match:
            break
        names.add(match[1].strip().lower())
    return bool(names & _MAIL_HEADERS)


def detect(text: str, name: str = "") -> str | None:
    """JSON, ADF or EMAIL, or None when the content is none of them."""
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith(("{", "[")):
        return JSON
    if start.startswith("<"):
        return ADF
    if looks_like_email(start):
        return EMAIL
    suffix = name.lower().rpartition(".")[2]
    return _HINTS.get("." + suffix) if "." in name else None

"""Intake's errors: a document that can't become a lead, with a reason a person can act on."""

from __future__ import annotations

from app.core.text import one_line

# A lead document is a few kB; anything past this is not a lead and is never read whole.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

_MAX_REASON = 200


class Unreadable(Exception):
    """The document can't be read as a lead; `reason` says why, in one line."""

    def __init__(self, reason: str) -> None:
        self.reason = one_line(reason, _MAX_REASON) or "unreadable document"
        super().__init__(self.reason)


class DocumentTooLarge(Unreadable):
    """Over the size limit; raised before the document is read into memory."""


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size} bytes"


def too_large(size: int, limit: int) -> DocumentTooLarge:
    return DocumentTooLarge(
        f"document too large: {size_text(size)}, the limit is {size_text(limit)}"
    )

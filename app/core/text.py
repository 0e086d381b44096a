"""One-line text: reasons, errors and server words end up in `.reason` files and status bars."""

from __future__ import annotations


def one_line(text: object, limit: int | None = None) -> str:
    """Collapse all whitespace (newlines too) to single spaces; cut at `limit` with an ellipsis."""
    line = " ".join(str(text).split())
    if limit is None or len(line) <= limit:
        return line
    return line[: limit - 1] + "…"

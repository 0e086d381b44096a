"""Reading a lead document from disk: size first, so a huge file is never loaded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.core.lead import Lead
from app.intake.document import read_document
from app.intake.errors import MAX_DOCUMENT_BYTES, too_large


def parse_file(
    path: Path,
    *,
    received_at: datetime | None = None,
    region: str = "NL",
    limit: int = MAX_DOCUMENT_BYTES,
) -> Lead:
    """The lead in `path`. OSError (missing, unreadable) is left to the caller."""
    stat = path.stat()
    if stat.st_size > limit:
        raise too_large(stat.st_size, limit)
    with path.open("rb") as fh:
        data = fh.read(limit + 1)  # the file may have grown since stat
    if received_at is None:
        # The modification time is when it landed in the inbox; a skewed clock on the
        # producer's machine must not put a lead in the future.
        received_at = min(datetime.fromtimestamp(stat.st_mtime, UTC), datetime.now(UTC))
    return read_document(data, received_at=received_at, name=path.name, region=region, limit=limit)

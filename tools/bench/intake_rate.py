"""Intake: documents parsed per second, per format."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from app.intake import mime, parse_document

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "documents"
FORMATS = {
    "json": ["web_lead.json", "web_lead_first_last.json"],
    "adf": ["adf_lead.xml"],
    "email": [
        "autoscout24_nl.eml",
        "marktplaats_nl.eml",
        "html_only_cp1252.eml",
        "adf_attachment.eml",
        "mobile_de.eml",
    ],
}


def run(seconds: float) -> dict[str, float]:
    """Docs/s for each format, parsing the fixture documents round-robin for `seconds`."""
    now = datetime.now(UTC)
    out = {}
    for fmt, names in FORMATS.items():
        docs = [(n, (FIXTURES / n).read_bytes()) for n in names]
        n = 0
        t0 = time.perf_counter()
        while (elapsed := time.perf_counter() - t0) < seconds or n < len(docs):
            name, data = docs[n % len(docs)]
            # Cycling a few fixtures would let the parsed-header cache hit across messages;
            # start each message cold so the figure is what a new, unseen mail costs.
            mime.clear_header_cache()
            parse_document(data, received_at=now, name=name)
            n += 1
        out[fmt] = n / elapsed
    return out

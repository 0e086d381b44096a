"""One lead document (bytes) -> Lead, whatever its format."""

from __future__ import annotations

import logging
from datetime import datetime

from app.core.lead import Lead, stable_id
from app.intake.adf import decode_xml, parse_xml, read_adf
from app.intake.detect import ADF, JSON, detect
from app.intake.dv_lead import FORMAT as DV_FORMAT
from app.intake.dv_lead import is_dv_lead, read_dv_lead
from app.intake.email_lead import read_email
from app.intake.errors import MAX_DOCUMENT_BYTES, Unreadable, too_large
from app.intake.fields import build_lead
from app.intake.json_lead import read_json
from app.intake.text import decode_text

log = logging.getLogger(__name__)

NOT_A_LEAD = "not a lead document: expected JSON, ADF XML or an e-mail"
INTERNAL = "internal error while reading the document"


def _read(data: bytes, *, received_at: datetime, name: str, region: str, limit: int) -> Lead:
    if len(data) > limit:
        raise too_large(len(data), limit)
    text = decode_text(data)
    if not text.strip():  # also a lone BOM, or UTF-16 whitespace
        raise Unreadable("empty document")
    kind = detect(text, name)
    if kind is None:
        raise Unreadable(NOT_A_LEAD)
    if kind == JSON:
        found, producer_id = read_json(text)
        lead_id, original = producer_id or stable_id(data), text
    elif kind == ADF:
        original = decode_xml(data)
        root = parse_xml(original)
        if is_dv_lead(root):  # XML, but DV's flat <lead>, not ADF
            found, producer_id = read_dv_lead(root)
            kind, lead_id = DV_FORMAT, producer_id or stable_id(data)
        else:
            found, lead_id = read_adf(root).found, stable_id(data)
    else:
        read = read_email(data, region)
        found, lead_id = read.found, read.message_id or stable_id(data)
        original = read.original or text
    return build_lead(
        found, lead_id=lead_id, received_at=received_at, fmt=kind, original=original, region=region
    )


def read_document(
    data: bytes, *, received_at: datetime, name: str, region: str, limit: int
) -> Lead:
    """Like `parse_document`, with a size limit of the caller's choosing."""
    try:
        return _read(data, received_at=received_at, name=name, region=region, limit=limit)
    except (Unreadable, MemoryError):
        raise
    except RecursionError:
        raise Unreadable("document nested too deeply") from None
    except Exception as exc:
        # A parser bug must quarantine one document, not stop the inbox worker. The tests
        # (property-based too) fail when this reason shows up.
        log.exception("intake failed on a document; it is quarantined")  # no name: app.system.logs
        log.debug("the document was %r", name)
        raise Unreadable(f"{INTERNAL} ({type(exc).__name__}); please report it") from exc


def parse_document(
    data: bytes, *, received_at: datetime, name: str = "", region: str = "NL"
) -> Lead:
    """The lead in a document: JSON, ADF XML or an e-mail, detected by content."""
    return read_document(
        data, received_at=received_at, name=name, region=region, limit=MAX_DOCUMENT_BYTES
    )

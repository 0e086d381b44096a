"""Lead documents -> Lead: JSON (v1), ADF XML and e-mail, with limits and clear reasons.

Everything a document can do wrong ends as `Unreadable` with a one-line reason, which the
inbox writes next to the quarantined document.
"""

from app.intake.document import parse_document
from app.intake.errors import MAX_DOCUMENT_BYTES, DocumentTooLarge, Unreadable
from app.intake.files import parse_file
from app.intake.sample import make_sample_document

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "DocumentTooLarge",
    "Unreadable",
    "make_sample_document",
    "parse_document",
    "parse_file",
]

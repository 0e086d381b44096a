"""Whatever the bytes, parse_document gives a Lead or Unreadable, never anything else."""

import json
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.lead import Lead
from app.intake import Unreadable, parse_document
from app.intake.document import INTERNAL

RECEIVED = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
FIXTURES = sorted(
    p.read_bytes()
    for p in [*DOCUMENTS.iterdir(), *(DOCUMENTS / "portals").iterdir()]
    if p.is_file() and not p.name.endswith(".expected.json")
)

PREFIXES = [
    b"{",
    b'{"name": ',
    b"[",
    b"<",
    b"<?xml",
    b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?adf version="1.0"?><adf><prospect>',
    b"From: ",
    b"From: a@b.nl\nContent-Type: multipart/mixed; boundary=x\n\n--x\n",
    b"Subject: =?utf-8?q?",
    b"Content-Type: text/html; charset=",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=15,
)
lead_keys = st.sampled_from(
    [
        "id",
        "name",
        "first_name",
        "infix",
        "last_name",
        "kind",
        "field_data",
        "phone",
        "email",
        "vehicle",
        "message",
        "requested_at",
        "source",
    ]
)
json_leads = st.dictionaries(lead_keys | st.text(max_size=8), json_values).map(
    lambda d: json.dumps(d).encode()
)


@st.composite
def damaged_fixtures(draw: st.DrawFn) -> bytes:
    """A real document, cut and with some bytes replaced or inserted."""
    data = bytearray(draw(st.sampled_from(FIXTURES)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(0, len(data)))])


documents = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=500)).map(b"".join),
    st.tuples(st.sampled_from(PREFIXES), st.text(max_size=300)).map(
        lambda pair: pair[0] + pair[1].encode("utf-8", "surrogatepass")
    ),
    json_leads,
    damaged_fixtures(),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=documents,
    name=st.sampled_from(["", "x.json", "x.xml", "x.eml", "x.txt"]),
    region=st.sampled_from(["NL", "BE", "DE"]),
)
def test_parse_document_only_raises_unreadable(data: bytes, name: str, region: str) -> None:
    try:
        lead = parse_document(data, received_at=RECEIVED, name=name, region=region)
    except Unreadable as exc:
        assert exc.reason and "\n" not in exc.reason
        assert INTERNAL not in exc.reason  # the safety net caught a bug
        return
    assert isinstance(lead, Lead)
    assert lead.id and lead.received_at == RECEIVED
    # Whatever was read must be storable: JSON, UTF-8, no lone surrogates.
    json.dumps(lead.to_json(), ensure_ascii=False).encode("utf-8")
    json.dumps(lead.stored_extra(), ensure_ascii=False, default=str).encode("utf-8")
    lead.original.encode("utf-8")

"""Format detection, bad input, and reading from disk."""

import json
import os
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.lead import Lead
from app.intake import MAX_DOCUMENT_BYTES, DocumentTooLarge, Unreadable, parse_document, parse_file

NOT_A_LEAD = "not a lead document: expected JSON, ADF XML or an e-mail"


def reason(data: bytes, received: datetime, name: str = "") -> str:
    with pytest.raises(Unreadable) as err:
        parse_document(data, received_at=received, name=name)
    assert "\n" not in err.value.reason
    assert str(err.value) == err.value.reason
    return err.value.reason


@pytest.mark.parametrize(
    ("fixture", "misleading_name", "fmt"),
    [
        ("web_lead.json", "lead.eml", "json"),
        ("adf_lead.xml", "lead.json", "adf"),
        ("marktplaats_nl.eml", "lead.txt", "email"),
        ("mobile_de.eml", "", "email"),
    ],
)
def test_format_comes_from_content_not_name(
    fixture: str,
    misleading_name: str,
    fmt: str,
    document: Callable[[str], bytes],
    received: datetime,
) -> None:
    lead = parse_document(document(fixture), received_at=received, name=misleading_name)
    assert lead.format == fmt


def test_extension_is_a_hint_for_content_that_is_none_of_them(received: datetime) -> None:
    assert reason(b"Naam Jan Jansen", received, "lead.json").startswith("malformed JSON")
    assert reason(b"Naam Jan Jansen", received, "lead.txt") == NOT_A_LEAD
    assert reason(b"Naam Jan Jansen", received) == NOT_A_LEAD


def test_malformed_json(parse_fixture: Callable[..., Lead]) -> None:
    with pytest.raises(Unreadable, match=r"^malformed JSON: .*\(line 1, column \d+\)$"):
        parse_fixture("malformed.json")


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"])
def test_empty_document(data: bytes, received: datetime) -> None:
    assert reason(data, received, "lead.json") == "empty document"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.json"
    path.touch()
    with pytest.raises(Unreadable, match=r"^empty document$"):
        parse_file(path)


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),  # random binary
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),  # an image
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)),  # a .docx
        "Naam: Jan Jansen".encode("utf-16-le")[1:],  # UTF-16 shifted by a byte: NULs, odd
    ],
)
def test_binary_data_is_not_a_text_document(data: bytes, received: datetime) -> None:
    assert reason(data, received, "lead.json").startswith("not a text document")


def test_utf16_without_bom_is_read(received: datetime) -> None:
    data = json.dumps({"name": "Jan", "phone": "06 12345678"}).encode("utf-16-le")
    lead = parse_document(data, received_at=received)
    assert lead.phone is not None and lead.phone.valid


def test_document_over_the_limit(received: datetime) -> None:
    data = b'{"name": "Jan", "pad": "' + b" " * MAX_DOCUMENT_BYTES + b'"}'
    with pytest.raises(DocumentTooLarge, match="too large"):
        parse_document(data, received_at=received)


def test_parse_file_checks_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no 5 MB written to disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the document was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr("builtins.open", no_reading)
    with pytest.raises(DocumentTooLarge) as err:
        parse_file(path)
    assert err.value.reason == "document too large: 5.0 MB, the limit is 5.0 MB"


def test_parse_file_with_a_custom_limit(tmp_path: Path, document: Callable[[str], bytes]) -> None:
    path = tmp_path / "lead.json"
    path.write_bytes(document("web_lead.json"))
    with pytest.raises(DocumentTooLarge, match="the limit is 100 bytes"):
        parse_file(path, limit=100)
    assert parse_file(path, limit=1000).name == "Jan Jansen"


def test_parse_file_received_at_is_the_mtime(
    tmp_path: Path, document: Callable[[str], bytes]
) -> None:
    path = tmp_path / "lead.eml"
    path.write_bytes(document("marktplaats_nl.eml"))
    landed = datetime(2026, 11, 25, 18, 41, 9, tzinfo=UTC)
    os.utime(path, (landed.timestamp(), landed.timestamp()))
    lead = parse_file(path)
    assert lead.received_at == landed
    assert lead.received_at.utcoffset() == timedelta(0)
    given = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
    assert parse_file(path, received_at=given).received_at == given


def test_parse_file_clamps_a_future_mtime(tmp_path: Path, document: Callable[[str], bytes]) -> None:
    path = tmp_path / "lead.json"
    path.write_bytes(document("web_lead.json"))
    future = datetime.now(UTC) + timedelta(hours=3)
    os.utime(path, (future.timestamp(), future.timestamp()))
    before = datetime.now(UTC)
    lead = parse_file(path)
    assert before <= lead.received_at <= datetime.now(UTC)


def test_parse_file_uses_the_name_as_hint(tmp_path: Path) -> None:
    path = tmp_path / "lead.json"
    path.write_bytes(b"Naam: Jan")
    with pytest.raises(Unreadable, match=r"^malformed JSON"):
        parse_file(path)


def test_unreadable_reason_is_one_line() -> None:
    err = Unreadable("malformed e-mail:\n  broken\tpart ")
    assert err.reason == str(err) == "malformed e-mail: broken part"
    assert issubclass(DocumentTooLarge, Unreadable)

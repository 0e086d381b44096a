"""The activity log files: appending safely and reading only what is new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from folder_testing import NOW

from app.core.events import encode_event, make_event
from app.inbox import activity_log
from app.inbox.activity_log import append_event, read_lines, read_new_events


def event(n: int = 0, user: str = "anna") -> dict[str, Any]:
    return make_event("sold", lead=f"lead-{n}", user=user, host="pc", ts=NOW)


def test_append_writes_one_line_per_event(tmp_path: Path) -> None:
    log = tmp_path / "anna@pc.jsonl"
    one, two = event(1), event(2)
    append_event(log, one)
    append_event(log, two)
    assert log.read_bytes() == encode_event(one) + encode_event(two)


def test_append_closes_a_torn_line_first(tmp_path: Path) -> None:
    log = tmp_path / "anna@pc.jsonl"
    log.write_bytes(b'{"v":1,"id":"to')
    ev = event()
    append_event(log, ev)
    assert log.read_bytes() == b'{"v":1,"id":"to\n' + encode_event(ev)


def test_read_lines_leaves_a_torn_tail(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    log.write_bytes(b"one\ntwo\nthr")
    assert read_lines(log, 0, 11) == (b"one\ntwo\n", 8)
    assert read_lines(log, 8, 11) == (b"", 8)
    assert read_lines(log, 4, 8) == (b"two\n", 8)


def test_lines_across_read_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(activity_log, "READ_BLOCK", 5)  # every line spans blocks
    log = tmp_path / "a.jsonl"
    log.write_bytes(b"one\nlonger line\n\nfour\nfif")
    assert read_lines(log, 0, 25) == (b"one\nlonger line\n\nfour\n", 22)
    assert read_lines(log, 4, 17) == (b"longer line\n\n", 17)


def test_an_overlong_line_is_stepped_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(activity_log, "MAX_LINE_BYTES", 256)  # an event fits
    folder = tmp_path / "activity"
    folder.mkdir()
    log = folder / "anna@pc.jsonl"
    log.write_bytes(b"x" * 2000)  # a corrupt file with no newline at all
    events, cursor = read_new_events(folder, {})
    assert events == [] and 2000 - 256 <= cursor["anna@pc.jsonl"] <= 2000  # bounded memory
    ev = event()
    append_event(log, ev)
    assert read_new_events(folder, cursor)[0] == [ev]


def test_only_new_bytes_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "activity"
    folder.mkdir()
    (folder / "anna@pc.jsonl").write_bytes(b"".join(encode_event(event(n)) for n in range(2000)))
    append_event(folder / "bram@pc.jsonl", event(0, "bram"))
    _, cursor = read_new_events(folder, {})
    latest = event(2000)
    append_event(folder / "anna@pc.jsonl", latest)
    spans: list[tuple[str, int, int]] = []
    real = activity_log.read_lines

    def spy(path: Path, offset: int, end: int) -> tuple[bytes, int]:
        spans.append((path.name, offset, end))
        return real(path, offset, end)

    monkeypatch.setattr(activity_log, "read_lines", spy)
    events, _ = read_new_events(folder, cursor)
    assert events == [latest]
    [(name, offset, end)] = spans  # bram's unchanged file isn't even opened
    assert name == "anna@pc.jsonl" and end - offset == len(encode_event(latest))


def test_a_shrunken_file_is_read_again_from_the_start(tmp_path: Path) -> None:
    folder = tmp_path / "activity"
    folder.mkdir()
    log = folder / "anna@pc.jsonl"
    for n in range(3):
        append_event(log, event(n))
    _, cursor = read_new_events(folder, {})
    replacement = event(9)
    log.write_bytes(encode_event(replacement))  # restored from an older backup, say
    events, cursor = read_new_events(folder, cursor)
    assert events == [replacement]
    assert cursor == {"anna@pc.jsonl": log.stat().st_size}


@pytest.mark.parametrize("offset", [-5, "12", True, None, 1.5])
def test_a_nonsense_cursor_reads_from_the_start(tmp_path: Path, offset: object) -> None:
    folder = tmp_path / "activity"
    folder.mkdir()
    ev = event()
    append_event(folder / "anna@pc.jsonl", ev)
    assert read_new_events(folder, {"anna@pc.jsonl": offset})[0] == [ev]


def test_only_the_logs_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "activity"
    folder.mkdir()
    ev = event()
    append_event(folder / "anna@pc.jsonl", ev)
    (folder / "notes.txt").write_bytes(encode_event(event(1)))
    (folder / ".anna@pc.jsonl.swp").write_bytes(encode_event(event(2)))
    (folder / "dir.jsonl").mkdir()
    events, cursor = read_new_events(folder, {})
    assert events == [ev] and list(cursor) == ["anna@pc.jsonl"]
    json.dumps(cursor)  # a plain, storable value

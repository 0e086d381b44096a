"""Decoding activity lines: what is skipped, and the time every event is ordered by."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.events import EventLines, decode_event, decode_record, encode_event, make_event


def _line(obj: object) -> bytes:
    return json.dumps(obj).encode()


EVENT = {
    "v": 1,
    "id": "e1",
    "ts": "2026-10-25T02:30:00+01:00",
    "type": "call",
    "lead": "L1",
    "user": "Anouk",
    "host": "pc01",
    "attempt": 1,
    "outcome": "voicemail",
}


@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [
                UTC,
                ZoneInfo("Europe/Amsterdam"),
                ZoneInfo("America/St_Johns"),
                timezone(timedelta(hours=-3, minutes=-30)),
                timezone(timedelta(hours=14)),
            ]
        ),
    ),
    st.sampled_from(("seconds", "microseconds", "auto")),
)
def test_the_order_time_is_the_posix_timestamp(when: datetime, spec: str) -> None:
    text = when.isoformat(timespec=spec)
    timed = decode_record(_line({**EVENT, "ts": text}))
    assert timed is not None
    assert timed[1] == datetime.fromisoformat(text).timestamp()


def test_the_same_day_in_two_offsets_is_two_midnights() -> None:
    summer = decode_record(_line({**EVENT, "ts": "2026-10-25T02:30:00+02:00"}))
    winter = decode_record(_line({**EVENT, "ts": "2026-10-25T02:30:00+01:00"}))
    assert summer and winter and winter[1] - summer[1] == 3600


@pytest.mark.parametrize(
    "line",
    [
        b'{"v":1,"id":"torn',
        b"[1, 2]",
        b'"just a string"',
        b"\xff\xfe not utf-8",
        _line({k: v for k, v in EVENT.items() if k != "host"}),
        _line({**EVENT, "id": 7}),
        _line({**EVENT, "ts": "2026-10-25T02:30:00"}),  # no offset
        _line({**EVENT, "ts": "gisteren"}),
    ],
)
def test_malformed_lines_are_skipped(line: bytes) -> None:
    assert decode_event(line) is None
    assert decode_record(line) is None  # the fold's decoder keeps the same rules


def test_event_lines_decode_as_they_are_read() -> None:
    a = make_event(
        "claimed",
        lead="L1",
        user="Anouk",
        host="pc01",
        ts=datetime(2026, 11, 27, 10, 2, tzinfo=UTC),
        received_at="x",
    )
    block = encode_event(a) + b"garbage\n\n" + encode_event(EVENT)
    lines = EventLines([block])
    assert list(lines) == [a, EVENT] and lines == [a, EVENT]
    [_, (rec, t2)] = lines.records()
    assert (rec.type, rec.outcome, rec.reason) == ("call", "voicemail", None)
    assert t2 == datetime.fromisoformat(EVENT["ts"]).timestamp()

"""Activity events (JSON Lines, v1): what every client tells the team."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, TypeVar

import msgspec

_T = TypeVar("_T")

EVENT_VERSION = 1
EVENT_TYPES = ("claimed", "call", "sold", "lost", "released", "dismissed", "forgotten")
OUTCOMES = ("reached", "appointment", "voicemail", "no_answer", "busy", "wrong_number")
REACHED_OUTCOMES = frozenset({"reached", "appointment"})


def make_event(
    type_: str, *, lead: str, user: str, host: str, ts: datetime, **extra: Any
) -> dict[str, Any]:
    """A new event with a unique id; readers dedup by that id."""
    if type_ not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type_!r}")
    if ts.tzinfo is None:
        raise ValueError("event ts must carry an offset")
    if type_ == "call" and extra.get("outcome") not in OUTCOMES:
        raise ValueError(f"unknown call outcome {extra.get('outcome')!r}")
    import uuid  # here: readers of the log (`leadpop report`) never make an event

    event: dict[str, Any] = {
        "v": EVENT_VERSION,
        "id": uuid.uuid4().hex,
        "ts": ts.isoformat(timespec="seconds"),
        "type": type_,
        "lead": lead,
        "user": user,
        "host": host,
    }
    event.update({k: v for k, v in extra.items() if v is not None})
    return event


# What an event about a forgotten customer keeps: the facts the team's figures are made of
# (times, who, attempts, outcomes). Anything else (the name, a call's note, the document's
# name, which producers may take from the customer, unknown fields) goes.
FACT_FIELDS = frozenset(
    {"v", "id", "ts", "type", "lead", "user", "host", "received_at", "source"}
    | {"attempt", "outcome", "started", "reason"}
)


def scrubbed(event: dict[str, Any]) -> dict[str, Any]:
    """The event without personal data: its facts only, and a lost reason in the
    salesperson's own words (`other: …`) cut to `other`."""
    out = {k: v for k, v in event.items() if k in FACT_FIELDS}
    reason = out.get("reason")
    if isinstance(reason, str) and reason.startswith("other:"):
        out["reason"] = "other"
    return out


def encode_event(event: dict[str, Any]) -> bytes:
    """One line, UTF-8, newline-terminated."""
    return (json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class EventRecord(msgspec.Struct):
    """What the fold reads of an event (app.core.fold), decoded straight from its line.

    Decoding a year of the team's log into these checks the required fields in C and is
    twice as fast as into dicts; unknown fields are skipped. Field values as logged.
    """

    v: Any
    id: str
    ts: str
    type: str
    lead: str
    user: str
    host: Any
    received_at: Any = None
    name: Any = None
    source: Any = None
    doc: Any = None
    attempt: Any = None
    outcome: Any = ""
    reason: Any = None
    started: Any = None  # a call: when "Call now" was pressed (ts is when it was recorded)
    routing: Any = None  # a claim: the routing mode it was offered under (app.core.offer)


_RECORD_FIELDS = EventRecord.__struct_fields__
_decode_record = msgspec.json.Decoder(EventRecord).decode
_decode_any = msgspec.json.Decoder().decode


def decode_event(line: bytes | str) -> dict[str, Any] | None:
    """The event on a line, or None for a malformed/torn line (skipped, never fatal).

    The same rules as decode_record: the required fields present, id, ts, type, lead and
    user strings, ts an ISO 8601 time with an offset.
    """
    try:
        obj = _decode_any(line)
        ts_text = obj["ts"]
        if not (
            type(ts_text) is str
            and type(obj["id"]) is str
            and type(obj["type"]) is str
            and type(obj["lead"]) is str
            and type(obj["user"]) is str
            and "v" in obj
            and "host" in obj
        ):
            return None
        ts = datetime.fromisoformat(ts_text)
    except (ValueError, TypeError, KeyError):  # not JSON (msgspec's errors are ValueErrors),
        return None  # not an object, a field missing, or a ts that isn't a time
    return obj if ts.tzinfo is not None else None


def decode_record(line: bytes | str) -> tuple[EventRecord, float] | None:
    """decode_event as an EventRecord, with its ts as a POSIX timestamp (the fold's order)."""
    try:
        rec = _decode_record(line)
        ts = datetime.fromisoformat(rec.ts)
    except ValueError:  # malformed, a field missing or of the wrong type, a ts no time
        return None
    if ts.tzinfo is None:
        return None
    return rec, ts.timestamp()


def record_of(event: dict[str, Any]) -> tuple[EventRecord, float]:
    """A valid event dict (decode_event, make_event) as the fold reads it."""
    rec = EventRecord(**{k: event[k] for k in _RECORD_FIELDS if k in event})
    return rec, datetime.fromisoformat(rec.ts).timestamp()


class EventLines:
    """Events as the log holds them: blocks of complete lines, decoded when iterated.

    A first read is a year of the team's log (~250,000 lines): decoding it up front would
    hold every event as a dict at once; this way the store absorbs them as they are decoded.
    Iterating again decodes again. Malformed lines are skipped (decode_event).
    """

    __slots__ = ("_blocks",)

    def __init__(self, blocks: Iterable[bytes] = ()) -> None:
        self._blocks = list(blocks)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._decoded(decode_event)

    def of_type(self, type_: str) -> list[dict[str, Any]]:
        """The events of one rare type (`forgotten`): the blocks are searched for its
        name first, so a poll without one decodes nothing."""
        needle = f'"{type_}"'.encode()
        return [e for e in EventLines(b for b in self._blocks if needle in b) if e["type"] == type_]

    def records(self) -> Iterator[tuple[EventRecord, float]]:
        """The same events as the fold reads them (decode_record), with their times."""
        return self._decoded(decode_record)

    def _decoded(self, decode: Callable[[bytes], _T | None]) -> Iterator[_T]:
        for block in self._blocks:
            for line in block.split(b"\n"):
                if line:
                    item = decode(line)
                    if item is not None:
                        yield item

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same events (so a read compares like a list)."""
        if isinstance(other, EventLines | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EventLines({list(self)!r})"

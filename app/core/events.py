"""Activity events (JSON Lines, v1): what every client tells the team."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import orjson

EVENT_VERSION = 1
EVENT_TYPES = ("claimed", "call", "sold", "lost", "released", "dismissed")
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


def encode_event(event: dict[str, Any]) -> bytes:
    """One line, UTF-8, newline-terminated."""
    return (json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def decode_event(line: bytes | str) -> dict[str, Any] | None:
    """The event on a line, or None for a malformed/torn line (skipped, never fatal)."""
    timed = decode_timed(line)
    return timed[0] if timed else None


def decode_timed(line: bytes | str) -> tuple[dict[str, Any], float] | None:
    """decode_event, and the event's ts as a POSIX timestamp (the fold orders by it).

    Plain type checks, no generators: a first read decodes a year of events (~250,000).
    """
    try:
        obj = orjson.loads(line)
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
    except (ValueError, TypeError, KeyError):  # not JSON (orjson's error is a ValueError),
        return None  # not an object, a field missing, or a ts that isn't a time
    if ts.tzinfo is None:
        return None
    return obj, ts.timestamp()


def instant(event: dict[str, Any]) -> float:
    """A valid event's ts as a POSIX timestamp."""
    return datetime.fromisoformat(event["ts"]).timestamp()


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
        for event, _ in self.timed():
            yield event

    def timed(self) -> Iterator[tuple[dict[str, Any], float]]:
        """(event, its ts as a POSIX timestamp): the time is parsed once, here."""
        for block in self._blocks:
            for line in block.split(b"\n"):
                if line:
                    timed = decode_timed(line)
                    if timed is not None:
                        yield timed

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same events (so a read compares like a list)."""
        if isinstance(other, EventLines | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EventLines({list(self)!r})"


def event_time(event: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(event["ts"])

"""Activity events (JSON Lines, v1): what every client tells the team."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

EVENT_VERSION = 1
EVENT_TYPES = ("claimed", "call", "sold", "lost", "released", "dismissed")
OUTCOMES = ("reached", "appointment", "voicemail", "no_answer", "busy", "wrong_number")
REACHED_OUTCOMES = frozenset({"reached", "appointment"})
_REQUIRED = ("v", "id", "ts", "type", "lead", "user", "host")
_REQUIRED_SET = frozenset(_REQUIRED)


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
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    # Set and plain checks, no generators: a first read decodes a year of events (~250,000).
    if not isinstance(obj, dict) or not obj.keys() >= _REQUIRED_SET:
        return None
    ts_text = obj["ts"]
    if not (
        isinstance(ts_text, str)
        and isinstance(obj["id"], str)
        and isinstance(obj["type"], str)
        and isinstance(obj["lead"], str)
        and isinstance(obj["user"], str)
    ):
        return None
    try:
        ts = datetime.fromisoformat(ts_text)
    except ValueError:
        return None
    if ts.tzinfo is None:
        return None
    return obj


def event_time(event: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(event["ts"])

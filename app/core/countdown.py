"""The alert's two-minute countdown, as a pure function of `now`.

It is computed from the lead's SLA start on every tick, never counted down: a lead
noticed 30 s late shows 1:30, and a sleeping PC or a wall-clock jump just recomputes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Phase = Literal["normal", "amber", "overtime"]

WINDOW_S = 120  # call within two minutes (the odds of reaching a lead fall steeply after that)
AMBER_S = 30  # the last 30 s are amber


@dataclass(frozen=True)
class Countdown:
    remaining_s: int  # whole seconds left, rounded up: 2:00 at the start, 0:00 at the deadline
    overtime_s: int  # whole seconds past the deadline, rounded down
    phase: Phase
    text: str  # "1:30" before the deadline, "0:00" at it, "+0:45" after it


def clock_text(seconds: int) -> str:
    """m:ss, or h:mm:ss from an hour on (a lead left unanswered over lunch)."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def countdown(
    sla_start: datetime, now: datetime, window_s: int = WINDOW_S, amber_s: int = AMBER_S
) -> Countdown:
    """Where the countdown stands at `now`.

    Amber while 30 s or less remain; at 0:00 it turns red ("overtime") and then counts
    up: +0:01, +0:02 … A `now` before the SLA start (clock skew) shows the full window.
    """
    elapsed = max(0.0, (now - sla_start).total_seconds())
    left = window_s - elapsed
    if left > 0:
        remaining = math.ceil(left)
        phase: Phase = "amber" if remaining <= amber_s else "normal"
        return Countdown(remaining, 0, phase, clock_text(remaining))
    over = math.floor(-left)
    return Countdown(0, over, "overtime", f"+{clock_text(over)}" if over else clock_text(0))

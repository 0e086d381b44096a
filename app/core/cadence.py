"""The call cadence: attempt 2 and 3 are scheduled until the customer is reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core.events import REACHED_OUTCOMES
from app.core.hours import OpeningHours

MAX_ATTEMPTS = 3
REMINDER_REPEAT = timedelta(minutes=5)


@dataclass(frozen=True)
class Cadence:
    """Delays after the previous attempt. Defaults: attempt 2 at +15 min, attempt 3 at +2 h."""

    second_after: timedelta = timedelta(minutes=15)
    third_after: timedelta = timedelta(hours=2)

    def delay_before(self, attempt: int) -> timedelta:
        return self.second_after if attempt == 2 else self.third_after


def next_attempt(
    attempts: list[tuple[datetime, str]],
    *,
    sla_start: datetime,
    hours: OpeningHours,
    cadence: Cadence = Cadence(),
    closed: bool = False,
) -> tuple[int, datetime] | None:
    """The next due attempt (number, due time), or None when follow-up is finished.

    `attempts` are (time, outcome) pairs, oldest first. Finished means: the customer was
    reached, three attempts were made, or the lead was closed (sold, lost, released).
    """
    if closed or len(attempts) >= MAX_ATTEMPTS:
        return None
    if any(outcome in REACHED_OUTCOMES for _, outcome in attempts):
        return None
    if not attempts:
        return 1, sla_start
    number = len(attempts) + 1
    last = attempts[-1][0]
    return number, hours.next_open(last + cadence.delay_before(number))


def reminder_due(
    due_at: datetime,
    now: datetime,
    *,
    last_fired: datetime | None,
    snoozed_until: datetime | None = None,
    repeat: timedelta = REMINDER_REPEAT,
) -> bool:
    """Should a reminder fire now? Once at the due time, then every `repeat` while overdue."""
    if now < due_at:
        return False
    if snoozed_until is not None and now < snoozed_until:
        return False
    if last_fired is None:
        return True
    # A wall-clock jump backwards leaves last_fired in the future: fire again rather than go mute.
    return last_fired > now or now - last_fired >= repeat


def snooze_until(now: datetime, minutes: int, hours: OpeningHours) -> datetime:
    """Snooze never runs past the end of today's opening hours."""
    wanted = now + timedelta(minutes=minutes)
    closes = hours.closes_at(now)
    return min(wanted, closes) if closes else wanted

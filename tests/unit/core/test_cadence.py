from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.core.cadence import Cadence, next_attempt, reminder_due, snooze_until
from app.core.hours import OpeningHours

AMS = ZoneInfo("Europe/Amsterdam")
HOURS = OpeningHours.parse("mo-fr 09:00-18:00, sa 09:00-17:00")
T0 = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)  # Wednesday


def test_first_attempt_due_at_sla_start() -> None:
    assert next_attempt([], sla_start=T0, hours=HOURS) == (1, T0)


def test_second_and_third_follow_the_cadence() -> None:
    a1 = T0 + timedelta(minutes=1)
    assert next_attempt([(a1, "voicemail")], sla_start=T0, hours=HOURS) == (
        2,
        a1 + timedelta(minutes=15),
    )
    a2 = a1 + timedelta(minutes=20)
    assert next_attempt([(a1, "voicemail"), (a2, "no_answer")], sla_start=T0, hours=HOURS) == (
        3,
        a2 + timedelta(hours=2),
    )


def test_stops_after_three_or_when_reached_or_closed() -> None:
    calls = [(T0, "voicemail"), (T0, "busy"), (T0, "no_answer")]
    assert next_attempt(calls, sla_start=T0, hours=HOURS) is None
    assert next_attempt([(T0, "appointment")], sla_start=T0, hours=HOURS) is None
    assert next_attempt([(T0, "reached")], sla_start=T0, hours=HOURS) is None
    assert next_attempt([(T0, "voicemail")], sla_start=T0, hours=HOURS, closed=True) is None


def test_attempt_shifted_into_opening_hours() -> None:
    late = datetime(2026, 11, 25, 17, 0, tzinfo=AMS)
    nxt = next_attempt([(late, "voicemail"), (late, "voicemail")], sla_start=late, hours=HOURS)
    assert nxt == (3, datetime(2026, 11, 26, 9, 0, tzinfo=AMS))


def test_configurable_cadence() -> None:
    c = Cadence(second_after=timedelta(minutes=5), third_after=timedelta(minutes=30))
    assert next_attempt([(T0, "busy")], sla_start=T0, hours=HOURS, cadence=c) == (
        2,
        T0 + timedelta(minutes=5),
    )


def test_reminder_fires_then_repeats_every_five_minutes() -> None:
    due = T0
    assert not reminder_due(due, T0 - timedelta(seconds=1), last_fired=None)
    assert reminder_due(due, T0, last_fired=None)
    assert not reminder_due(due, T0 + timedelta(minutes=4), last_fired=T0)
    assert reminder_due(due, T0 + timedelta(minutes=5), last_fired=T0)


def test_reminder_snooze_and_clock_jump_back() -> None:
    assert not reminder_due(
        T0, T0 + timedelta(minutes=6), last_fired=None, snoozed_until=T0 + timedelta(minutes=10)
    )
    # The wall clock was set back an hour after the last reminder: it must not go mute.
    assert reminder_due(T0 - timedelta(hours=2), T0 - timedelta(hours=1), last_fired=T0)


def test_snooze_never_past_closing() -> None:
    near_close = datetime(2026, 11, 25, 17, 50, tzinfo=AMS)
    assert snooze_until(near_close, 30, HOURS) == datetime(2026, 11, 25, 18, 0, tzinfo=AMS)
    assert snooze_until(T0, 30, HOURS) == T0 + timedelta(minutes=30)

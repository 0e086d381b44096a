"""The countdown is a pure function of (SLA start, now): no Qt, no ticking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.countdown import clock_text, countdown

START = datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC)


def at(seconds: float):
    return countdown(START, START + timedelta(seconds=seconds))


@pytest.mark.parametrize(
    ("elapsed", "text", "phase", "remaining", "overtime"),
    [
        (0, "2:00", "normal", 120, 0),
        (0.4, "2:00", "normal", 120, 0),  # rounded up: the clock never shows time already gone
        (18, "1:42", "normal", 102, 0),
        (30, "1:30", "normal", 90, 0),  # noticed 30 s late: the countdown runs from SLA start
        (89, "0:31", "normal", 31, 0),
        (90, "0:30", "amber", 30, 0),  # amber for the last 30 s
        (91, "0:29", "amber", 29, 0),
        (119.5, "0:01", "amber", 1, 0),
        (120, "0:00", "overtime", 0, 0),  # at 0:00 it turns red
        (120.9, "0:00", "overtime", 0, 0),
        (121, "+0:01", "overtime", 0, 1),
        (165, "+0:45", "overtime", 0, 45),
        (120 + 3723, "+1:02:03", "overtime", 0, 3723),  # over lunch: hours shown
    ],
)
def test_countdown_values(elapsed, text, phase, remaining, overtime):
    c = at(elapsed)
    assert (c.text, c.phase, c.remaining_s, c.overtime_s) == (text, phase, remaining, overtime)


def test_a_now_before_the_sla_start_shows_the_full_window():
    # A PC whose clock runs a little behind the share's must not show 2:07.
    assert at(-7).text == "2:00"
    assert at(-7).phase == "normal"


def test_window_and_amber_are_parameters():
    c = countdown(START, START + timedelta(seconds=250), window_s=300, amber_s=60)
    assert (c.text, c.phase) == ("0:50", "amber")


def test_aware_times_in_different_zones_compare_as_instants():
    amsterdam = START.astimezone(ZoneInfo("Europe/Amsterdam"))
    c = countdown(START, amsterdam + timedelta(seconds=30))
    assert c.text == "1:30"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (59, "0:59"), (60, "1:00"), (3599, "59:59"), (3600, "1:00:00"), (-5, "0:00")],
)
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text


@given(st.floats(0, 20_000), st.floats(0, 20_000))
def test_urgency_never_goes_backwards_as_time_passes(a, b):
    early, late = at(min(a, b)), at(max(a, b))
    rank = {"normal": 0, "amber": 1, "overtime": 2}

    def key(c):
        return (rank[c.phase], c.overtime_s, -c.remaining_s)

    assert key(early) <= key(late)


@given(st.floats(0, 20_000))
def test_text_agrees_with_the_numbers(elapsed):
    c = at(elapsed)
    if c.phase == "overtime":
        assert c.remaining_s == 0
        assert c.text == (f"+{clock_text(c.overtime_s)}" if c.overtime_s else "0:00")
    else:
        assert c.overtime_s == 0 and 0 < c.remaining_s <= 120
        assert c.text == clock_text(c.remaining_s)
        assert (c.phase == "amber") == (c.remaining_s <= 30)

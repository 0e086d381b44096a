"""Public holidays and closed days: the clock of a lead that lands on one starts at the
next opening."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.holidays import ClosedDays, ClosedDaysError, easter, national
from app.core.hours import OpeningHours

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter(year: int, day: date) -> None:
    assert easter(year) == day


def test_dutch_holidays_2026() -> None:
    days = national("nl", 2026)
    assert days[date(2026, 4, 6)] == "Tweede Paasdag"
    assert days[date(2026, 4, 27)] == "Koningsdag"
    assert days[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert days[date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert national("nl", 2025)[date(2025, 4, 26)] == "Koningsdag"  # the 27th is a Sunday


def test_belgian_holidays_2026() -> None:
    days = national("be", 2026)
    assert {days[date(2026, 7, 21)], days[date(2026, 11, 11)]} == {
        "Nationale feestdag",
        "Wapenstilstand",
    }
    assert date(2026, 4, 27) not in days  # no King's Day in Belgium


def test_closed_days_text() -> None:
    closed = ClosedDays.parse("nl, 2026-12-24")
    assert date(2026, 12, 24) in closed and date(2026, 12, 25) in closed
    assert date(2026, 12, 23) not in closed
    assert not ClosedDays.parse("")
    with pytest.raises(ClosedDaysError, match="can't read closed day 'xmas'"):
        ClosedDays.parse("nl, xmas")
    with pytest.raises(ClosedDaysError):
        ClosedDays.parse("2026-02-30")


def test_a_lead_on_christmas_eve_evening_starts_after_the_holidays() -> None:
    hours = OpeningHours.parse("mo-fr 09:00-18:00, sa 09:00-17:00").with_closed(
        ClosedDays.parse("nl")
    )
    thursday_evening = datetime(2026, 12, 24, 20, 0, tzinfo=AMS)
    # Friday 25 and Saturday 26 are Christmas, Sunday is closed: Monday at nine.
    assert hours.sla_start(thursday_evening) == datetime(2026, 12, 28, 9, 0, tzinfo=AMS)
    assert not hours.is_open(datetime(2026, 5, 14, 11, 0, tzinfo=AMS))  # Ascension Day
    assert hours.is_open(datetime(2026, 5, 13, 11, 0, tzinfo=AMS))

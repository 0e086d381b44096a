from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.hours import HoursError, OpeningHours

AMS = ZoneInfo("Europe/Amsterdam")


def ams(*a: int) -> datetime:
    return datetime(*a, tzinfo=AMS)


@pytest.fixture
def hours() -> OpeningHours:
    return OpeningHours.parse("mo-fr 09:00-18:00, sa 09:00-17:00")


def test_open_on_a_weekday(hours: OpeningHours) -> None:
    assert hours.is_open(ams(2026, 11, 25, 10, 2))  # Wednesday
    assert hours.sla_start(ams(2026, 11, 25, 10, 2)) == ams(2026, 11, 25, 10, 2)


def test_saturday_evening_starts_monday_morning(hours: OpeningHours) -> None:
    sat_evening = ams(2026, 11, 28, 19, 30)
    assert not hours.is_open(sat_evening)
    assert hours.sla_start(sat_evening) == ams(2026, 11, 30, 9, 0)


def test_before_opening_and_closing_boundary(hours: OpeningHours) -> None:
    assert hours.next_open(ams(2026, 11, 25, 7, 0)) == ams(2026, 11, 25, 9, 0)
    assert not hours.is_open(ams(2026, 11, 25, 18, 0))  # closing time itself is closed
    assert hours.next_open(ams(2026, 11, 25, 18, 0)) == ams(2026, 11, 26, 9, 0)
    assert hours.closes_at(ams(2026, 11, 28, 12, 0)) == ams(2026, 11, 28, 17, 0)


def test_utc_input_keeps_its_zone_but_right_instant(hours: OpeningHours) -> None:
    from datetime import UTC

    sunday_utc = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    start = hours.sla_start(sunday_utc)
    assert start == ams(2026, 11, 30, 9, 0)


def test_dst_change_is_respected(hours: OpeningHours) -> None:
    # Last Sunday of March 2027: clocks go forward; Monday still opens at 09:00 local.
    assert hours.sla_start(ams(2027, 3, 28, 12, 0)) == ams(2027, 3, 29, 9, 0)
    assert hours.sla_start(ams(2027, 3, 28, 12, 0)).astimezone(AMS).hour == 9


def test_always() -> None:
    h = OpeningHours.parse("always")
    t = ams(2026, 11, 29, 3, 0)
    assert h.is_open(t) and h.sla_start(t) == t and h.closes_at(t) is None


def test_dutch_day_names_and_split_day() -> None:
    h = OpeningHours.parse("ma-vr 09:00-12:30 13:30-18:00")
    assert not h.is_open(ams(2026, 11, 25, 13, 0))
    assert h.next_open(ams(2026, 11, 25, 13, 0)) == ams(2026, 11, 25, 13, 30)


@pytest.mark.parametrize(
    "spec", ["mo-fr", "xx 09:00-10:00", "mo 18:00-09:00", "mo 25:00-26:00", ","]
)
def test_bad_specs_say_why(spec: str) -> None:
    with pytest.raises(HoursError):
        OpeningHours.parse(spec)


def test_unknown_zone() -> None:
    with pytest.raises(HoursError, match="time zone"):
        OpeningHours.parse("always", tz="Mars/Olympus")

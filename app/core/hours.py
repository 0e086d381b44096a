"""Opening hours: a lead that lands while the showroom is closed starts its clock at opening."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.holidays import NO_CLOSED_DAYS, ClosedDays

DEFAULT_HOURS = "mo-fr 09:00-18:00, sa 09:00-17:00"
DEFAULT_TZ = "Europe/Amsterdam"

# English and Dutch day abbreviations; Monday is 0 as in datetime.weekday().
_DAYS = {
    "mo": 0,
    "tu": 1,
    "we": 2,
    "th": 3,
    "fr": 4,
    "sa": 5,
    "su": 6,
    "ma": 0,
    "di": 1,
    "wo": 2,
    "do": 3,
    "vr": 4,
    "za": 5,
    "zo": 6,
}
_SEGMENT = re.compile(
    r"^(?P<days>[a-z]{2}(?:\s*-\s*[a-z]{2})?)\s+(?P<ranges>\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}"
    r"(?:\s+\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})*)$"
)
_RANGE = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


class HoursError(ValueError):
    """An opening-hours text that can't be understood."""


def _parse_time(h: str, m: str, spec: str) -> time:
    hh, mm = int(h), int(m)
    if hh == 24 and mm == 0:
        return time.max
    if not (0 <= hh < 24 and 0 <= mm < 60):
        raise HoursError(f"not a time of day in {spec!r}")
    return time(hh, mm)


@dataclass(frozen=True)
class OpeningHours:
    """Weekly open intervals in one time zone. `always` means open around the clock."""

    week: tuple[tuple[tuple[time, time], ...], ...]  # 7 days, Monday first
    tz: ZoneInfo
    always: bool = False
    spec: str = DEFAULT_HOURS
    closed: ClosedDays = NO_CLOSED_DAYS  # public holidays and the dealership's own closed days

    def with_closed(self, closed: ClosedDays) -> OpeningHours:
        """These hours, closed all day on `closed` (ignored when open around the clock)."""
        return replace(self, closed=closed)

    @classmethod
    def parse(cls, spec: str | None = None, tz: str = DEFAULT_TZ) -> OpeningHours:
        """Parse e.g. ``"mo-fr 09:00-18:00, sa 09:00-17:00"`` or ``always``."""
        spec = (spec or DEFAULT_HOURS).strip()
        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise HoursError(f"unknown time zone {tz!r}") from exc
        if spec.lower() in {"always", "24/7", "altijd"}:
            return cls(week=((),) * 7, tz=zone, always=True, spec="always")
        week: list[list[tuple[time, time]]] = [[] for _ in range(7)]
        for raw in re.split(r"[;,]", spec.lower()):
            seg = raw.strip()
            if not seg:
                continue
            m = _SEGMENT.match(seg)
            if not m:
                raise HoursError(
                    f"can't read opening hours {seg!r}; "
                    "use e.g. 'mo-fr 09:00-18:00, sa 09:00-17:00'"
                )
            day_names = [d.strip() for d in m["days"].split("-")]
            try:
                first, last = _DAYS[day_names[0]], _DAYS[day_names[-1]]
            except KeyError as exc:
                raise HoursError(f"unknown day {exc.args[0]!r} in {seg!r}") from exc
            days = (
                range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
            )
            for r in _RANGE.finditer(m["ranges"]):
                start = _parse_time(r[1], r[2], seg)
                end = _parse_time(r[3], r[4], seg)
                if end <= start:
                    raise HoursError(f"closing time before opening time in {seg!r}")
                for d in days:
                    week[d].append((start, end))
        if not any(week):
            raise HoursError(f"no opening hours in {spec!r}")
        return cls(week=tuple(tuple(sorted(day)) for day in week), tz=zone, always=False, spec=spec)

    # -- queries ---------------------------------------------------------------------------

    def _intervals(self, day: datetime) -> list[tuple[datetime, datetime]]:
        """Open intervals of the local calendar day containing `day`, as aware datetimes."""
        local = day.astimezone(self.tz).date()
        if local in self.closed:
            return []
        return list(_day_intervals(self.week[local.weekday()], self.tz, local))

    def is_open(self, when: datetime) -> bool:
        if self.always:
            return True
        return any(s <= when < e for s, e in self._intervals(when))

    def next_open(self, when: datetime) -> datetime:
        """`when` itself if open, else the next opening time."""
        if self.always:
            return when
        local = when.astimezone(self.tz).date()
        # A week, plus the closed days (a run of holidays can't be longer than the list).
        for offset in range(8 + (len(self.closed.dates) + 16 if self.closed else 0)):
            day = local + timedelta(days=offset)
            if self.closed and day in self.closed:
                continue
            for s, e in _day_intervals_utc(self.week[day.weekday()], self.tz, day):
                if e <= when:
                    continue
                if s <= when:
                    return when
                return s if s.tzinfo is when.tzinfo else s.astimezone(when.tzinfo)
        return when  # unreachable for a non-empty week

    def sla_start(self, received_at: datetime) -> datetime:
        """The countdown runs from here: landing time, or the next opening after it."""
        return self.next_open(received_at)

    def closes_at(self, when: datetime) -> datetime | None:
        """End of the open interval containing `when`; None if closed (or always open)."""
        if self.always:
            return None
        for s, e in self._intervals(when):
            if s <= when < e:
                return e.astimezone(when.tzinfo)
        return None

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.tz)


@lru_cache(maxsize=1024)
def _day_intervals(
    ranges: tuple[tuple[time, time], ...], tz: ZoneInfo, day: date
) -> tuple[tuple[datetime, datetime], ...]:
    """One local day's open intervals as aware datetimes (cached: a first read of a year
    of the team's log asks for the SLA start of 50,000 leads)."""
    out = []
    for start, end in ranges:
        s = datetime.combine(day, start, tz)
        e = (
            datetime.combine(day + timedelta(days=1), time(0), tz)
            if end == time.max
            else datetime.combine(day, end, tz)
        )
        out.append((s, e))
    return tuple(out)


@lru_cache(maxsize=1024)
def _day_intervals_utc(
    ranges: tuple[tuple[time, time], ...], tz: ZoneInfo, day: date
) -> tuple[tuple[datetime, datetime], ...]:
    """The same in UTC: stored times are UTC, and comparing within one zone is cheap."""
    return tuple((s.astimezone(UTC), e.astimezone(UTC)) for s, e in _day_intervals(ranges, tz, day))

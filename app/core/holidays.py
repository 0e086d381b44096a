"""Days the showroom is closed: the dealership's own list, and the national holidays of
the Netherlands and Belgium it may take over.

`closed_days` in leadpop.toml is one text, e.g. ``"nl, 2026-12-24, 2026-12-31"``: `nl` or
`be` for that country's national holidays (every year), and single dates. A lead that
lands on a closed day starts its clock at the next opening (app.core.hours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

COUNTRIES = ("nl", "be")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ClosedDaysError(ValueError):
    """A closed-days text that can't be understood."""


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def national(country: str, year: int) -> dict[date, str]:
    """The national public holidays of `country` ("nl" or "be") in `year`, with names."""
    e = easter(year)

    def after(days: int) -> date:
        return e + timedelta(days=days)

    if country == "nl":
        kings = date(year, 4, 27)
        if kings.weekday() == 6:  # on a Sunday, King's Day is the Saturday before
            kings -= timedelta(days=1)
        return {
            date(year, 1, 1): "Nieuwjaarsdag",
            e: "Eerste Paasdag",
            after(1): "Tweede Paasdag",
            kings: "Koningsdag",
            date(year, 5, 5): "Bevrijdingsdag",
            after(39): "Hemelvaartsdag",
            after(49): "Eerste Pinksterdag",
            after(50): "Tweede Pinksterdag",
            date(year, 12, 25): "Eerste Kerstdag",
            date(year, 12, 26): "Tweede Kerstdag",
        }
    if country == "be":
        return {
            date(year, 1, 1): "Nieuwjaar",
            e: "Pasen",
            after(1): "Paasmaandag",
            date(year, 5, 1): "Dag van de Arbeid",
            after(39): "O.L.H. Hemelvaart",
            after(49): "Pinksteren",
            after(50): "Pinkstermaandag",
            date(year, 7, 21): "Nationale feestdag",
            date(year, 8, 15): "O.L.V. Hemelvaart",
            date(year, 11, 1): "Allerheiligen",
            date(year, 11, 11): "Wapenstilstand",
            date(year, 12, 25): "Kerstmis",
        }
    raise ClosedDaysError(f"no national holidays known for {country!r}; use nl or be")


@dataclass(frozen=True)
class ClosedDays:
    """The dealership's closed days: national holidays of `countries`, plus `dates`."""

    countries: tuple[str, ...] = ()
    dates: frozenset[date] = frozenset()
    spec: str = ""

    @classmethod
    def parse(cls, spec: str | None) -> ClosedDays:
        """``"nl, 2026-12-24"``; empty or None: no closed days beyond the weekly hours."""
        countries: list[str] = []
        dates: set[date] = set()
        for raw in re.split(r"[,;\s]+", (spec or "").strip().lower()):
            if not raw:
                continue
            if raw in COUNTRIES:
                countries.append(raw)
            elif _DATE.match(raw):
                try:
                    dates.add(date.fromisoformat(raw))
                except ValueError as exc:
                    raise ClosedDaysError(f"not a date: {raw!r}") from exc
            else:
                raise ClosedDaysError(
                    f"can't read closed day {raw!r}; use nl, be or a date like 2026-12-24"
                )
        return cls(tuple(dict.fromkeys(countries)), frozenset(dates), (spec or "").strip())

    def __bool__(self) -> bool:
        return bool(self.countries or self.dates)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return day in self.dates or any(day in national(c, day.year) for c in self.countries)


NO_CLOSED_DAYS = ClosedDays()

"""Every setting of Leadpop, declared once: its key, type, default and who may set it.

Qt-free and cheap to import (it runs at every start). Picard declares its options the same
way. Everything else is derived from `SETTINGS`:

- leadpop.toml (app.settings.deployed): the keys IT may set (`it=True`) and lock, the
  `[table]` they sit in, and the one-line problem for a wrong value (`check`);
- the command line and environment (app.settings.config): `cli="inbox"` is `--inbox` and
  `LEADPOP_INBOX`, which win over everything and grey the field out in the Settings dialog;
- the person's settings.json (app.settings.prefs): a `Prefs` field for each `person=True`
  setting, its default, the check of a saved value and the precedence in `apply`;
- the Settings dialog (app.ui.common.settings_dialog): which fields it shows (`section`),
  their defaults, and which ones the command line or IT set.

Adding a setting is one line in `SETTINGS`. An IT-only one, e.g. a mailbox sign-in's client
id in a `[mailbox]` table of leadpop.toml:

    Setting("client_id", str, None, text, it=True, table="mailbox"),

Read it with `cfg.deployed.get("client_id")`, and add a row for it to the README's table
"Settings IT deploys: leadpop.toml" (a test compares that table with this one). A setting
the person may change too (`person=True`) also gets a `section` and, in the Settings
dialog, a widget and a label (translations need the label text in app/ui); a test names
the setting when its widget is missing. One without a `section` (the main window's size)
is kept in settings.json but not shown. Changing what settings.json stores (renaming or
retyping a key) needs an upgrade step in app.settings.prefs; adding a key does not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from app.core.cadence import Cadence
from app.core.enums import OfferOrder, Role, RoutingMode
from app.core.holidays import ClosedDays
from app.core.hours import DEFAULT_HOURS, DEFAULT_TZ

MAX_MINUTES = 24 * 60  # between two call attempts
LANGUAGES = ("nl", "en")

Check = Callable[[Any], Any]  # the value as Leadpop uses it, or ValueError("a short reason")


def _parse_names(text: str) -> object:
    from app.core.offer import parse_names  # the routing module, only when the key is set

    return parse_names(text)


def _parse_sources(text: str) -> object:
    from app.core.offer import parse_sources

    return parse_sources(text)


@dataclass(frozen=True)
class Setting:
    key: str  # in leadpop.toml, settings.json and the Settings dialog
    kind: type  # str, int, bool or a StrEnum: what the value is once checked
    default: Any  # the built-in value; None where it is the PC's own (login, system language)
    check: Check  # for a value from leadpop.toml or settings.json
    it: bool = False  # IT may set it in leadpop.toml, and lock it there
    person: bool = False  # the person may change it (settings.json, the Settings dialog)
    cli: str | None = None  # --CLI and LEADPOP_CLI set it; then it wins over everything
    table: str | None = None  # the [table] of leadpop.toml it sits in; locking it locks all
    section: str | None = None  # the group of the Settings dialog it shows in; None: not shown

    @property
    def flag(self) -> str | None:
        return f"--{self.cli}" if self.cli else None

    @property
    def env(self) -> str | None:
        return "LEADPOP_" + self.cli.replace("-", "_").upper() if self.cli else None

    @property
    def saved_default(self) -> Any:
        """What settings.json holds when the person chose nothing.

        None for what IT may deploy: a value that isn't the person's own lets IT's value
        (or a later change of it) through.
        """
        return None if self.it else self.default

    def valid(self, value: Any) -> tuple[bool, Any]:
        """(ok, checked value) for a value read from a file."""
        if value is None:
            return self.saved_default is None, None
        try:
            return True, self.check(value)
        except ValueError:
            return False, None


# -- checks: each gives the value as Leadpop uses it, or ValueError with a short reason -----


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty text in quotes")
    return value.strip()


def minutes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number of minutes")
    if not 1 <= value <= MAX_MINUTES:
        raise ValueError(f"must be 1 to {MAX_MINUTES} minutes")
    return value


def months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise ValueError("must be a whole number of months, 1 to 120")
    return value


def seconds(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 5 <= value <= 600:
        raise ValueError("must be a whole number of seconds, 5 to 600")
    return value


def parsed(parse: Callable[[str], Any]) -> Check:
    """A text `parse` understands (it raises ValueError with the way to write it)."""

    def check(value: Any) -> str:
        value = text(value)
        parse(value)
        return value

    return check


def yes_no(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def country(value: Any) -> str:
    value = text(value)
    if len(value) != 2 or not value.isalpha():
        raise ValueError("must be a two-letter country code such as NL or BE")
    return value.upper()


def time_zone(value: Any) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    value = text(value)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r}") from None
    return value


def one_of(*choices: str) -> Check:
    words = " or ".join(f"'{c}'" for c in choices)

    def check(value: Any) -> str:
        if text(value) not in choices:
            raise ValueError(f"must be {words}")
        return value.strip()

    return check


def window_size(value: Any) -> str:
    """'1240x740': width and height in pixels, as the main window last had them."""
    w, sep, h = text(value).partition("x")
    sizes = (w, h) if sep and w.isdigit() and h.isdigit() else ()
    if not sizes or not all(200 <= int(n) <= 20000 for n in sizes):
        raise ValueError("must be WIDTHxHEIGHT in pixels, such as 1240x740")
    return f"{int(w)}x{int(h)}"


def member(enum: type[StrEnum]) -> Check:
    """A word of a closed set, saved as the plain word."""
    words = one_of(*enum)
    return lambda value: enum(words(value))


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


_SECOND = _minutes(Cadence().second_after)
_THIRD = _minutes(Cadence().third_after)
_ATTEMPT: dict[str, Any] = {"it": True, "person": True, "table": "cadence", "section": "dealer"}

# In the Settings dialog's order; its "set on the command line" note follows it too.
SETTINGS: tuple[Setting, ...] = (
    Setting("name", str, None, text, person=True, cli="user", section="you"),
    Setting("role", Role, Role.SALESPERSON, member(Role), person=True, section="you"),
    Setting("manager_alert", bool, True, yes_no, person=True, section="you"),
    Setting("inbox", str, None, text, it=True, person=True, cli="inbox", section="dealer"),
    Setting("region", str, "NL", country, it=True, person=True, section="dealer"),
    Setting("hours", str, DEFAULT_HOURS, text, it=True, person=True, cli="hours", section="dealer"),
    Setting("timezone", str, DEFAULT_TZ, time_zone, it=True),
    Setting("second_after_min", int, _SECOND, minutes, **_ATTEMPT),
    Setting("third_after_min", int, _THIRD, minutes, **_ATTEMPT),
    Setting("sound", bool, True, yes_no, person=True, section="pc"),
    Setting("language", str, None, one_of(*LANGUAGES), it=True, person=True, section="pc"),
    Setting("autostart", bool, False, yes_no, person=True, section="pc"),
    # How the person left the main window: theirs alone, not IT's, and not in the dialog.
    Setting("window_size", str, None, window_size, person=True),
    Setting("last_tab", str, None, one_of("mine", "team"), person=True),
    # The mailbox's OAuth app registration, for ?auth= inbox addresses (app.engine.session)
    Setting("oauth_client_id", str, None, text, it=True),
    Setting("oauth_tenant", str, None, text, it=True),  # Microsoft only
    Setting("oauth_client_secret", str, None, text, it=True),  # Google only
    Setting("oauth_authority", str, None, text, it=True),  # Microsoft's login, national clouds
    # Personal data is kept this long after a lead's last activity, then anonymised on every
    # PC (app.engine.privacy): the dealer's policy, so IT's, shown in the Settings dialog.
    Setting("retention_months", int, 24, months, it=True),
    # Who is offered a lead first (app.core.offer): the same on every PC, so IT's alone.
    Setting(
        "routing", RoutingMode, RoutingMode.EVERYONE, member(RoutingMode), it=True, table="routing"
    ),
    Setting("offer_seconds", int, 30, seconds, it=True, table="routing"),
    Setting(
        "offer_order",
        OfferOrder,
        OfferOrder.ROUND_ROBIN,
        member(OfferOrder),
        it=True,
        table="routing",
    ),
    Setting("priority", str, None, parsed(_parse_names), it=True, table="routing"),
    Setting("source_rules", str, None, parsed(_parse_sources), it=True, table="routing"),
    Setting("manager_alert_min", int, 10, minutes, it=True, table="routing"),
    # Public holidays and the dealership's own closed days (app.core.holidays).
    Setting("closed_days", str, None, parsed(ClosedDays.parse), it=True),
    Setting("data_dir", str, None, text, cli="data-dir"),  # where the store and settings.json are
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
DEPLOYED = tuple(s for s in SETTINGS if s.it)
PERSONAL = tuple(s for s in SETTINGS if s.person)
SHOWN = tuple(s for s in SETTINGS if s.section)
# Tables of leadpop.toml, and the keys in each ("cadence" locks both attempts).
TABLES: dict[str, tuple[str, ...]] = {}
for _s in DEPLOYED:
    if _s.table:
        TABLES[_s.table] = (*TABLES.get(_s.table, ()), _s.key)
del _s


# What the command line can set that IT or the person could set too: given, it wins.
OVERRIDES = tuple(s for s in SETTINGS if s.cli and (s.it or s.person))

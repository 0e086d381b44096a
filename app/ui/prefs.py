"""The person's saved settings, and how they combine with the command line into a Config.

Qt-free. Stored as one versioned JSON object under the key "prefs" in the store's
settings table (so it lives in the data dir, next to the leads, and is read and written
by the worker thread that owns the SQLite connection). Command-line options and
LEADPOP_* variables (--inbox, --user, --hours, --data-dir) win over saved values.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from app.config import Config
from app.core.cadence import Cadence
from app.core.hours import OpeningHours
from app.ui.routing import ROLES, SALESPERSON

log = logging.getLogger(__name__)

PREFS_KEY = "prefs"
PREFS_VERSION = 1
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Prefs:
    name: str | None = None  # None until the first-run dialog (or --user) named the person
    role: str = SALESPERSON
    inbox: str | None = None  # None: the embedded default inbox in the data dir
    region: str = "NL"
    hours: str | None = None  # None: the default opening hours
    second_after_min: int = 15
    third_after_min: int = 120
    sound: bool = True
    language: str | None = None  # None: follow the system
    autostart: bool = False
    manager_alert: bool = True  # a manager may switch the full-screen alert off

    def to_json(self) -> str:
        return json.dumps({"version": PREFS_VERSION, **dataclasses.asdict(self)})

    @classmethod
    def from_json(cls, text: str | None) -> Prefs:
        """Saved prefs; unknown keys and values of the wrong type fall back to defaults."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
        except ValueError:
            log.warning("saved settings unreadable; using defaults")
            return cls()
        if not isinstance(data, dict):
            return cls()
        data = _upgrade(data)
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if (value is None and default is None) or _same_type(value, default):
                values[f.name] = value
        prefs = cls(**values)
        if prefs.role not in ROLES:
            prefs = dataclasses.replace(prefs, role=SALESPERSON)
        if prefs.language not in (None, *LANGUAGES):
            prefs = dataclasses.replace(prefs, language=None)
        return prefs


def _same_type(value: Any, default: Any) -> bool:
    if default is None:  # optional text fields
        return isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return isinstance(value, type(default))


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Versioned settings upgrades go here (Picard's habit); version 1 is the first."""
    return data


def hours_given(cfg: Config) -> bool:
    """Were the opening hours set on the command line or in the environment?"""
    return cfg.hours_given


def apply(prefs: Prefs, base: Config, *, hours_fixed: bool | None = None) -> Config:
    """The Config to run with: `base` (command line > environment > defaults) plus prefs.

    Raises HoursError when saved opening hours can't be read (the settings dialog
    validates them, so only a hand-edited store gets here).
    """
    fixed = hours_given(base) if hours_fixed is None else hours_fixed
    hours = base.hours
    if not fixed and prefs.hours:
        hours = OpeningHours.parse(prefs.hours, base.hours.tz.key)
    inbox = base.inbox if base.inbox_given or not prefs.inbox else prefs.inbox
    return dataclasses.replace(
        base,
        user=base.user if base.user_given or not prefs.name else prefs.name,
        inbox=inbox,
        inbox_given=base.inbox_given or bool(prefs.inbox),
        hours=hours,
        region=prefs.region.upper() or base.region,
        cadence=Cadence(
            second_after=timedelta(minutes=prefs.second_after_min),
            third_after=timedelta(minutes=prefs.third_after_min),
        ),
    )

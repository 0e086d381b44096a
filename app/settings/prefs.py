"""The person's saved settings, and how they combine with the command line into a Config.

Qt-free. Stored as one versioned JSON object in settings.json in the user's config folder
(~/.config/Leadpop, %LOCALAPPDATA%\\Leadpop), read and written by the worker thread. A
Leadpop started with its own --data-dir keeps settings.json in that folder, so test and
portable instances don't share one person's settings. Older versions kept them in the
store's settings table under "prefs": `PrefsFile.load` moves them over once.

Precedence: command line and LEADPOP_* variables > what IT locked in leadpop.toml > these
settings > the rest of leadpop.toml > built-in defaults. A field left None is not the
person's own choice, so IT's value (or the default) applies.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.cadence import Cadence
from app.core.enums import Role
from app.core.hours import OpeningHours
from app.settings.config import Config, config_dir, default_data_dir
from app.system import autostart

if TYPE_CHECKING:
    from app.store import Store

log = logging.getLogger(__name__)

PREFS_KEY = "prefs"  # where versions before settings.json kept them (in the store)
MOVED_KEY = "prefs_moved_to"  # set once they were copied to settings.json
PREFS_VERSION = 1
PREFS_FILE = "settings.json"
LANGUAGES = ("nl", "en")
DEFAULT_REGION = "NL"
# Optional fields that aren't text (minutes): to check saved values against.
_KINDS: dict[str, type] = {"second_after_min": int, "third_after_min": int}


@dataclass(frozen=True)
class Prefs:
    name: str | None = None  # None until the first-run dialog (or --user) named the person
    role: Role = Role.SALESPERSON
    inbox: str | None = None  # None: IT's inbox, else the embedded one in the data dir
    region: str | None = None  # None: IT's region, else NL
    hours: str | None = None  # None: IT's opening hours, else the default ones
    second_after_min: int | None = None  # None: IT's cadence, else 15 and 120 minutes
    third_after_min: int | None = None
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
            if _valid(f.name, value, default):
                values[f.name] = value
        prefs = cls(**values)
        prefs = dataclasses.replace(prefs, role=Role(prefs.role))  # _valid let only roles in
        if prefs.language not in (None, *LANGUAGES):
            prefs = dataclasses.replace(prefs, language=None)
        return prefs


def _valid(name: str, value: Any, default: Any) -> bool:
    if value is None:
        return default is None  # an optional field the person left open
    if _KINDS.get(name) is int or (isinstance(default, int) and not isinstance(default, bool)):
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if default is None:  # optional text fields
        return isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, StrEnum):  # a word of a closed set, saved as the plain word
        return isinstance(value, str) and value in set(type(default))
    return isinstance(value, type(default))


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Versioned settings upgrades go here (Picard's habit); version 1 is the first."""
    return data


def hours_given(cfg: Config) -> bool:
    """Were the opening hours set on the command line or in the environment?"""
    return cfg.hours_given


def defaults(base: Config) -> dict[str, Any]:
    """What each setting is when the person chose nothing: IT's value, else the built-in."""
    d = base.deployed
    cadence = Cadence()
    return {
        "inbox": d.get("inbox"),
        "hours": d.get("hours"),
        "region": d.get("region") or DEFAULT_REGION,
        "second_after_min": d.get("second_after_min") or _minutes(cadence.second_after),
        "third_after_min": d.get("third_after_min") or _minutes(cadence.third_after),
        "language": d.get("language"),
    }


def language(prefs: Prefs, base: Config) -> str | None:
    """The interface language setting: IT's when locked, else the person's, else IT's."""
    if "language" in base.locked:
        return base.deployed.get("language")
    return prefs.language or base.deployed.get("language")


def apply(prefs: Prefs, base: Config, *, hours_fixed: bool | None = None) -> Config:
    """The Config to run with: `base` (command line > leadpop.toml > defaults) plus prefs.

    A setting of the person's counts unless the command line set it or IT locked it.
    Raises HoursError when saved opening hours can't be read (the settings dialog
    validates them, so only a hand-edited file gets here).
    """
    fixed = hours_given(base) if hours_fixed is None else hours_fixed

    def own(key: str, value: Any) -> bool:
        return value is not None and value != "" and key not in base.fixed | base.locked

    hours = base.hours
    if not fixed and "hours" not in base.locked and prefs.hours:
        hours = OpeningHours.parse(prefs.hours, base.hours.tz.key)
    inbox = prefs.inbox if own("inbox", prefs.inbox) else base.inbox
    second, third = base.cadence.second_after, base.cadence.third_after
    if own("second_after_min", prefs.second_after_min):
        second = timedelta(minutes=prefs.second_after_min)  # type: ignore[arg-type]
    if own("third_after_min", prefs.third_after_min):
        third = timedelta(minutes=prefs.third_after_min)  # type: ignore[arg-type]
    return dataclasses.replace(
        base,
        user=base.user if base.user_given or not prefs.name else prefs.name,
        inbox=inbox,
        inbox_given=base.inbox_given or inbox != base.inbox,
        hours=hours,
        region=prefs.region.upper() if own("region", prefs.region) else base.region,  # type: ignore[union-attr]
        cadence=Cadence(second_after=second, third_after=third),
    )


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


# -- the settings file ---------------------------------------------------------------------


def prefs_path(data_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    """settings.json: in the user's config folder, or in a --data-dir of its own."""
    if Path(data_dir) == default_data_dir():
        return config_dir(env) / PREFS_FILE  # LEADPOP_CONFIG_DIR, else the platform's
    return Path(data_dir) / PREFS_FILE


@dataclass(frozen=True)
class PrefsFile:
    """The person's settings on disk. Used only in the worker thread (it does file I/O)."""

    path: Path

    @classmethod
    def for_data_dir(cls, data_dir: Path, env: Mapping[str, str] | None = None) -> PrefsFile:
        return cls(prefs_path(data_dir, env))

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("can't read the settings %s: %s; using defaults", self.path, exc)
            return None

    def load(
        self, store: Store | None = None, autostart_on: Callable[[], bool] = autostart.is_enabled
    ) -> Prefs:
        """The saved settings; the first time, those an older Leadpop kept in the store.

        "Start with the computer" shows whether the entry is there: the Windows installer
        may have written it, and saving the settings must not then remove it.
        """
        prefs = self._load(store)
        try:
            on = autostart_on()
        except OSError as exc:
            log.info("can't tell whether Leadpop starts with the computer: %s", exc)
            return prefs
        return dataclasses.replace(prefs, autostart=on) if on != prefs.autostart else prefs

    def _load(self, store: Store | None) -> Prefs:
        text = self.read()
        if text is None and store is not None and not store.setting(MOVED_KEY):
            text = store.setting(PREFS_KEY)
            if text:
                try:
                    self.write(Prefs.from_json(text))
                except OSError as exc:  # the store still has them: try again next start
                    log.warning("can't move the settings to %s: %s", self.path, exc)
                else:
                    # The store keeps its copy, so an older Leadpop still finds it.
                    store.set_setting(MOVED_KEY, str(self.path))
                    log.info("settings moved from the local store to %s", self.path)
        return Prefs.from_json(text)

    def save(self, prefs: Prefs) -> Prefs:
        """Write the settings (atomically); returns the ones they replace."""
        old = Prefs.from_json(self.read())
        self.write(prefs)
        return old

    def write(self, prefs: Prefs) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(prefs.to_json() + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

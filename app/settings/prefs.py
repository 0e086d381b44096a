"""The person's saved settings, and how they combine with the command line into a Config.

Qt-free. Stored as one versioned JSON object in settings.json in the user's config folder
(~/.config/Leadpop, %LOCALAPPDATA%\\Leadpop), read and written by the worker thread. A
Leadpop started with its own --data-dir keeps settings.json in that folder, so test and
portable instances don't share one person's settings. Older versions kept them in the
store's settings table under "prefs": `PrefsFile.load` moves them over once.

Precedence: command line and LEADPOP_* variables > what IT locked in leadpop.toml > these
settings > the rest of leadpop.toml > built-in defaults. A field left None is not the
person's own choice, so IT's value (or the default) applies. The fields, their defaults and
checks come from app.settings.registry.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.cadence import Cadence
from app.core.hours import OpeningHours
from app.core.private import make_private
from app.settings import registry
from app.settings.config import Config, config_dir, default_data_dir
from app.system import autostart

if TYPE_CHECKING:
    from app.store import Store

log = logging.getLogger(__name__)

PREFS_KEY = "prefs"  # where versions before settings.json kept them (in the store)
MOVED_KEY = "prefs_moved_to"  # set once they were copied to settings.json
PREFS_FILE = "settings.json"

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
# The stored shape's version, and the steps that bring an older file up to it (Picard's
# habit): UPGRADES[n] turns a version-n object into version n + 1. Adding a setting needs
# no step (a missing key reads as its default); renaming or retyping a key does: add the
# step and bump PREFS_VERSION. Every Leadpop so far wrote version 1.
PREFS_VERSION = 1
UPGRADES: dict[int, Upgrade] = {}


def _to_json(self: Any) -> str:
    return json.dumps({"version": PREFS_VERSION, **dataclasses.asdict(self)})


def _from_json(cls: type[Prefs], text: str | None) -> Prefs:
    """Saved prefs; unknown keys and wrong values fall back to the defaults."""
    if not text:
        return cls()
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("saved settings unreadable; using defaults")
        return cls()
    if not isinstance(data, dict):
        return cls()
    data = upgrade(data)
    values: dict[str, Any] = {}
    for s in registry.PERSONAL:
        if s.key in data:
            ok, value = s.valid(data[s.key])
            if ok:
                values[s.key] = value
    return cls(**values)


# One field per setting the person may change (app.settings.registry), with the value it
# has when the person chose nothing: None for what IT may deploy, so IT's value applies.
Prefs = dataclasses.make_dataclass(
    "Prefs",
    [
        (s.key, s.kind | None if s.saved_default is None else s.kind, s.saved_default)
        for s in registry.PERSONAL
    ],
    namespace={"to_json": _to_json, "from_json": classmethod(_from_json)},
    frozen=True,
)
Prefs.__module__ = __name__
Prefs.__doc__ = "The person's own settings, as saved in settings.json."


def upgrade(
    data: dict[str, Any], *, steps: Mapping[int, Upgrade] = UPGRADES, to: int = PREFS_VERSION
) -> dict[str, Any]:
    """A settings.json object of any version, in today's shape."""
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        version = 1
    if version > to:
        log.info(
            "settings.json is from a newer Leadpop (version %s); reading what we know", version
        )
    while version < to:
        data = steps[version](dict(data))
        version += 1
    return {**data, "version": max(version, to)}


def defaults(base: Config) -> dict[str, Any]:
    """What each setting IT may deploy is when the person chose nothing: IT's, else built-in
    (the demo's round-the-clock hours, for a demo with no hours chosen)."""
    d = base.deployed
    out = {s.key: d.get(s.key) or s.default for s in registry.PERSONAL if s.it}
    if base.demo_hours:
        out["hours"] = base.hours.spec
    return out


def given(base: Config) -> dict[str, Any]:
    """What the command line (or LEADPOP_*) set, as the settings dialog shows it: the
    values in force, not the person's saved ones they overrule."""
    shown = {"name": base.user, "inbox": base.inbox, "hours": base.hours.spec}
    return {key: value for key, value in shown.items() if key in base.fixed}


def own(prefs: Prefs, base: Config) -> dict[str, Any]:
    """The person's settings that count: chosen, and neither given on the command line nor
    locked by IT (command line > IT locked > the person's > IT's > built-in)."""
    overruled = base.fixed | base.locked
    chosen = ((s.key, getattr(prefs, s.key)) for s in registry.PERSONAL)
    return {k: v for k, v in chosen if v is not None and v != "" and k not in overruled}


def language(prefs: Prefs, base: Config) -> str | None:
    """The interface language setting: IT's when locked, else the person's, else IT's."""
    return own(prefs, base).get("language") or base.deployed.get("language")


def apply(prefs: Prefs, base: Config) -> Config:
    """The Config to run with: `base` (command line > leadpop.toml > defaults) plus prefs.

    A setting of the person's counts unless the command line set it or IT locked it.
    Raises HoursError when saved opening hours can't be read (the settings dialog
    validates them, so only a hand-edited file gets here).
    """
    mine = own(prefs, base)
    changes: dict[str, Any] = {}
    if "name" in mine:
        changes["user"] = mine["name"]
    if "inbox" in mine:
        changes["inbox"] = mine["inbox"]
        changes["inbox_given"] = base.inbox_given or mine["inbox"] != base.inbox
    if "hours" in mine:
        changes["hours"] = OpeningHours.parse(mine["hours"], base.hours.tz.key)
    if "region" in mine:
        changes["region"] = mine["region"].upper()
    minutes = {k: mine[k] for k in ("second_after_min", "third_after_min") if k in mine}
    if minutes:
        changes["cadence"] = Cadence(
            second_after=_delta(minutes.get("second_after_min"), base.cadence.second_after),
            third_after=_delta(minutes.get("third_after_min"), base.cadence.third_after),
        )
    return dataclasses.replace(base, **changes)


def _delta(minutes: int | None, otherwise: timedelta) -> timedelta:
    return otherwise if minutes is None else timedelta(minutes=minutes)


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
        make_private(self.path.parent, folder=True)
        make_private(tmp)  # the person's name and inbox: theirs only (app.core.private)
        os.replace(tmp, self.path)

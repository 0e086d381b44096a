"""Where Leadpop's settings come from: command line > environment > leadpop.toml > defaults.

Every command takes --inbox, --data-dir, --user and --hours (the README's command table). IT's
leadpop.toml (app.settings.deployed) fills in what they leave open; the desktop app then lays the
person's own settings over that (app.settings.prefs.apply), except for what IT locked. The
options, variables, keys and defaults are those declared in app.settings.registry.
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.core.cadence import Cadence
from app.core.holidays import ClosedDays
from app.core.hours import DEFAULT_TZ, OpeningHours
from app.settings import deployed as deployed_files
from app.settings import registry
from app.settings.deployed import Deployed

ENV_INBOX = registry.BY_KEY["inbox"].env
ENV_DATA_DIR = registry.BY_KEY["data_dir"].env
ENV_USER = registry.BY_KEY["name"].env
ENV_HOURS = registry.BY_KEY["hours"].env
ENV_CONFIG_DIR = "LEADPOP_CONFIG_DIR"  # the user's settings folder (tests, portable installs)

# Re-list `new/` this often even with a watcher: SMB/NFS shares drop change notifications.
DEFAULT_RELIST_S = 2.0


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Leadpop", appauthor=False))


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """The user's config folder: ~/.config/Leadpop, %LOCALAPPDATA%\\Leadpop."""
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG_DIR):
        return Path(env[ENV_CONFIG_DIR]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("Leadpop", appauthor=False))


def load_deployed(env: Mapping[str, str] | None = None) -> Deployed:
    """IT's leadpop.toml files on this machine (app.settings.deployed)."""
    return deployed_files.load(deployed_files.search_paths(env, user_dir=config_dir(env)))


def default_user() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        name = "verkoper"
    return name or "verkoper"


def host_name() -> str:
    # Only the short name: it becomes part of the activity file's name.
    return re.sub(r"[^A-Za-z0-9._-]", "_", socket.gethostname().split(".")[0]) or "pc"


@dataclass
class Config:
    data_dir: Path
    inbox: str
    user: str
    hours: OpeningHours
    host: str = field(default_factory=host_name)
    region: str = registry.BY_KEY["region"].default
    cadence: Cadence = field(default_factory=Cadence)
    relist_s: float = DEFAULT_RELIST_S
    inbox_given: bool = False  # a shared inbox (not the embedded one): command line, IT or user
    # Registry keys set on the command line or by LEADPOP_*: they win over saved settings
    # ("name" in it: the first-run dialog is skipped).
    fixed: frozenset[str] = frozenset()
    deployed: Deployed = field(default_factory=Deployed)  # IT's leadpop.toml
    locked: frozenset[str] = frozenset()  # IT locked them, and the command line left them
    demo_hours: bool = False  # a demo with no hours chosen runs around the clock

    @property
    def problems(self) -> tuple[str, ...]:
        """What was wrong in leadpop.toml, one line each (the app starts anyway)."""
        return self.deployed.problems

    @property
    def embedded_inbox(self) -> bool:
        return not self.inbox_given


def with_demo_hours(cfg: Config) -> Config:
    """The demo alerts at any hour unless somebody chose opening hours.

    Started at night with the default hours, the first demo lead would only wait for
    opening time, and a newcomer would see an empty window instead of the alert. Saved
    settings still win: they are laid over this Config later.
    """
    if "hours" in cfg.fixed or cfg.deployed.get("hours"):
        return cfg
    return replace(cfg, hours=OpeningHours.parse("always", cfg.hours.tz.key), demo_hours=True)


def resolve(
    *,
    inbox: str | None = None,
    data_dir: str | None = None,
    user: str | None = None,
    hours: str | None = None,
    tz: str = DEFAULT_TZ,
    env: Mapping[str, str] | None = None,
    deployed: Deployed | None = None,
) -> Config:
    """Build the Config. Raises HoursError (a ValueError) for unreadable opening hours.

    `deployed` defaults to the leadpop.toml files on this machine; tests pass their own.
    """
    env = dict(os.environ) if env is None else env
    if deployed is None:
        deployed = load_deployed(env)
    given = command_line({"inbox": inbox, "data_dir": data_dir, "name": user, "hours": hours}, env)

    def value(key: str) -> Any:
        """The command line's, else IT's, else the built-in value (None: the PC's own)."""
        return given.get(key) or deployed.get(key) or registry.BY_KEY[key].default

    data = Path(given.get("data_dir") or default_data_dir()).expanduser()
    fixed = frozenset(s.key for s in registry.OVERRIDES if s.key in given)
    return Config(
        data_dir=data,
        inbox=value("inbox") or str(data / "inbox"),
        user=value("name") or default_user(),
        hours=OpeningHours.parse(value("hours"), deployed.get("timezone") or tz).with_closed(
            ClosedDays.parse(deployed.get("closed_days"))  # public holidays, own closed days
        ),
        region=value("region"),
        cadence=Cadence(
            second_after=timedelta(minutes=value("second_after_min")),
            third_after=timedelta(minutes=value("third_after_min")),
        ),
        inbox_given=bool(value("inbox")),
        fixed=fixed,
        deployed=deployed,
        locked=deployed.locked - fixed,
    )


def command_line(options: Mapping[str, str | None], env: Mapping[str, str]) -> dict[str, str]:
    """The settings given as options (by registry key), else in LEADPOP_* variables."""
    given: dict[str, str] = {}
    for s in registry.SETTINGS:
        raw = options.get(s.key) or (env.get(s.env) if s.env else None)
        if raw:
            try:
                given[s.key] = s.check(raw)
            except ValueError:  # only blanks: as if not given
                continue
    return given

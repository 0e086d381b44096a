"""Where Leadpop's settings come from: command line > environment > leadpop.toml > defaults.

Every command takes --inbox, --data-dir, --user and --hours (the README's command table). IT's
leadpop.toml (app.settings.deployed) fills in what they leave open; the desktop app then lays the
person's own settings over that (app.settings.prefs.apply), except for what IT locked.
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

from app.core.cadence import Cadence
from app.core.hours import DEFAULT_HOURS, DEFAULT_TZ, OpeningHours
from app.settings import deployed as deployed_files
from app.settings.deployed import Deployed

ENV_INBOX = "LEADPOP_INBOX"
ENV_DATA_DIR = "LEADPOP_DATA_DIR"
ENV_USER = "LEADPOP_USER"
ENV_HOURS = "LEADPOP_HOURS"
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
    region: str = "NL"
    cadence: Cadence = field(default_factory=Cadence)
    relist_s: float = DEFAULT_RELIST_S
    user_given: bool = False  # --user/LEADPOP_USER set: the first-run dialog is skipped
    inbox_given: bool = False  # a shared inbox (not the embedded one): command line, IT or user
    hours_given: bool = False  # --hours/LEADPOP_HOURS set: saved settings can't override it
    fixed: frozenset[str] = frozenset()  # set on the command line: "name", "inbox", "hours"
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
    if cfg.hours_given or cfg.deployed.get("hours"):
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
    data = Path(data_dir or env.get(ENV_DATA_DIR) or default_data_dir()).expanduser()
    cli_inbox = inbox or env.get(ENV_INBOX)
    cli_hours = hours or env.get(ENV_HOURS)
    user_value = (user or env.get(ENV_USER) or "").strip()
    inbox_value = cli_inbox or deployed.get("inbox")
    hours_spec = cli_hours or deployed.get("hours") or DEFAULT_HOURS
    defaults = Cadence()
    minutes = {
        "second_after": deployed.get("second_after_min"),
        "third_after": deployed.get("third_after_min"),
    }
    cadence = Cadence(
        **{
            name: timedelta(minutes=value) if value else getattr(defaults, name)
            for name, value in minutes.items()
        }
    )
    fixed = frozenset(
        key
        for key, given in (("name", user_value), ("inbox", cli_inbox), ("hours", cli_hours))
        if given
    )
    return Config(
        data_dir=data,
        inbox=inbox_value or str(data / "inbox"),
        user=user_value or default_user(),
        hours=OpeningHours.parse(hours_spec, deployed.get("timezone") or tz),
        region=deployed.get("region") or "NL",
        cadence=cadence,
        user_given=bool(user_value),
        inbox_given=bool(inbox_value),
        hours_given=bool(cli_hours),
        fixed=fixed,
        deployed=deployed,
        locked=deployed.locked - fixed,
    )

"""Where Leadpop's settings come from: command line > environment > defaults.

Every command takes --inbox, --data-dir, --user and --hours (DESIGN.md, Command line).
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from app.core.cadence import Cadence
from app.core.hours import DEFAULT_HOURS, DEFAULT_TZ, OpeningHours

ENV_INBOX = "LEADPOP_INBOX"
ENV_DATA_DIR = "LEADPOP_DATA_DIR"
ENV_USER = "LEADPOP_USER"
ENV_HOURS = "LEADPOP_HOURS"

# Re-list `new/` this often even with a watcher: SMB/NFS shares drop change notifications.
DEFAULT_RELIST_S = 2.0


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Leadpop", appauthor=False))


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
    inbox_given: bool = False
    hours_given: bool = False  # --hours/LEADPOP_HOURS set: saved settings can't override it

    @property
    def embedded_inbox(self) -> bool:
        return not self.inbox_given


def resolve(
    *,
    inbox: str | None = None,
    data_dir: str | None = None,
    user: str | None = None,
    hours: str | None = None,
    tz: str = DEFAULT_TZ,
    env: dict[str, str] | None = None,
) -> Config:
    """Build the Config. Raises HoursError (a ValueError) for unreadable opening hours."""
    env = dict(os.environ) if env is None else env
    data = Path(data_dir or env.get(ENV_DATA_DIR) or default_data_dir()).expanduser()
    inbox_value = inbox or env.get(ENV_INBOX)
    user_value = (user or env.get(ENV_USER) or "").strip()
    hours_spec = hours or env.get(ENV_HOURS) or DEFAULT_HOURS
    return Config(
        data_dir=data,
        inbox=inbox_value or str(data / "inbox"),
        user=user_value or default_user(),
        hours=OpeningHours.parse(hours_spec, tz),
        user_given=bool(user_value),
        inbox_given=bool(inbox_value),
        hours_given=bool(hours or env.get(ENV_HOURS)),
    )

"""Settings IT deploys to every PC in one file, leadpop.toml: inbox, opening hours, cadence…

Qt-free. The files, most authoritative first (a key comes from the first file that has it):

1. the system folder: /etc/leadpop/leadpop.toml, or %PROGRAMDATA%\\Leadpop\\leadpop.toml
2. next to the executable, in an installed bundle (the folder of leadpop / leadpop.exe)
3. the user's config folder (…/Leadpop/leadpop.toml): a per-user file that can't lock

`locked = ["inbox", "hours"]` in files 1 and 2 locks keys: the person's own settings can't
change them (the command line still can). A file that can't be read is skipped with a
one-line problem for the person at the PC; Leadpop starts anyway. Which keys a file may
set, and how each is checked, is declared in app.settings.registry.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.hours import DEFAULT_TZ, HoursError, OpeningHours
from app.settings import registry

FILE_NAME = "leadpop.toml"
# The keys a file may set and lock (app.settings.registry); a table's name locks its keys.
KEYS = tuple(s.key for s in registry.DEPLOYED)
LOCKABLE = (*KEYS, *registry.TABLES)


@dataclass(frozen=True)
class Deployed:
    values: Mapping[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()  # only keys that also have a value
    sources: tuple[Path, ...] = ()  # the files that were read
    problems: tuple[str, ...] = ()  # one line each, for the person at the PC and the log

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def search_paths(
    env: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    frozen: bool | None = None,
    executable: str = sys.executable,
    user_dir: Path | None = None,
) -> list[tuple[Path, bool]]:
    """(file, may lock) in order of authority. Files that don't exist are simply skipped."""
    env = os.environ if env is None else env
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    paths: list[tuple[Path, bool]] = []
    if platform == "win32":
        program_data = env.get("PROGRAMDATA") or env.get("ALLUSERSPROFILE")
        if program_data:
            paths.append((Path(program_data) / "Leadpop" / FILE_NAME, True))
    else:
        paths.append((Path("/etc/leadpop") / FILE_NAME, True))
    if frozen:  # a source checkout's "executable" is Python itself: nothing deployed there
        paths.append((Path(executable).resolve().parent / FILE_NAME, True))
    if user_dir is not None:
        paths.append((user_dir / FILE_NAME, False))
    return paths


def load(paths: list[tuple[Path, bool]]) -> Deployed:
    """Merge the files: the first file that sets a key wins; locks come from lockable files."""
    values: dict[str, Any] = {}
    locked: set[str] = set()
    sources: list[Path] = []
    problems: list[str] = []
    for path, may_lock in paths:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(f"{path}: can't read it ({exc.strerror or exc}); ignored")
            continue
        found, file_locks, file_problems = parse(raw, str(path))
        sources.append(path)
        problems.extend(file_problems)
        for key, value in found.items():
            values.setdefault(key, value)
        if may_lock:
            locked |= file_locks
        elif file_locks:
            problems.append(f"{path}: 'locked' only counts in a file IT deploys; ignored")
    return Deployed(
        values=values,
        locked=frozenset(k for k in locked if k in values),
        sources=tuple(sources),
        problems=tuple(problems),
    )


def parse(raw: bytes, name: str = FILE_NAME) -> tuple[dict[str, Any], set[str], list[str]]:
    """(values, locked keys, problems) of one file. A broken file gives no values at all."""
    import tomllib  # here: most PCs have no leadpop.toml, and every start would pay for it

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, set(), [f"{name}: not UTF-8 text; ignored"]
    except tomllib.TOMLDecodeError as exc:
        return {}, set(), [f"{name}: {exc}; the whole file is ignored"]
    problems: list[str] = []
    flat = dict(data)
    for table in registry.TABLES:
        content = flat.pop(table, None)
        if isinstance(content, dict):
            for key, value in content.items():
                flat.setdefault(key, value)
        elif content is not None:
            problems.append(f"{name}: '{table}' must be a table ([{table}]); ignored")
    locked_raw = flat.pop("locked", [])
    values: dict[str, Any] = {}
    for key, value in flat.items():
        if key not in KEYS:
            problems.append(f"{name}: unknown setting '{key}'; ignored")
            continue
        try:
            values[key] = registry.BY_KEY[key].check(value)
        except ValueError as exc:
            problems.append(f"{name}: {key}: {exc}; ignored")
    # Opening hours are read in the file's time zone, so they are checked once both are known.
    tz = values.get("timezone", DEFAULT_TZ)
    if "hours" in values:
        try:
            OpeningHours.parse(values["hours"], tz)
        except HoursError as exc:
            del values["hours"]
            problems.append(f"{name}: hours: {exc}; ignored")
    locked: set[str] = set()
    if not isinstance(locked_raw, list) or not all(isinstance(k, str) for k in locked_raw):
        problems.append(f"{name}: 'locked' must be a list of setting names; ignored")
        locked_raw = []
    for key in locked_raw:
        if key not in LOCKABLE:
            problems.append(f"{name}: can't lock unknown setting '{key}'")
        else:
            locked.update(registry.TABLES.get(key, (key,)))
    return values, locked, problems

"""Files that hold personal data, readable by their user only (the AVG's least exposure).

POSIX: files 0600, folders 0700, whatever the umask. Windows: nothing to do, and nothing
is done: the local store, settings and logs live in the user's profile (%LOCALAPPDATA%),
whose ACL already gives that user (and administrators) access and nobody else; os.chmod
there would only set the read-only flag. Never for the shared inbox: colleagues read it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private(path: Path, *, folder: bool = False) -> None:
    """Restrict `path` to its owner, if it exists; a file system that can't (a FAT stick,
    a share) is left as it is."""
    if os.name == "nt":
        return
    with contextlib.suppress(FileNotFoundError, PermissionError, NotImplementedError):
        os.chmod(path, FOLDER_MODE if folder else FILE_MODE)

"""Putting a document into the folder inbox as a producer must: write X.tmp, then rename."""

from __future__ import annotations

import os
import re
import secrets
from datetime import datetime
from pathlib import Path

from app.inbox.base import InboxConfigError, InboxUnavailable


def safe_stem(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:40] or "lead"


def drop_bytes(inbox_root: Path, data: bytes, *, stem: str, suffix: str, now: datetime) -> Path:
    """Atomically place `data` in `<inbox>/new/`. A reader never sees a half-written file."""
    if not inbox_root.is_dir():
        raise InboxConfigError(f"inbox folder {inbox_root} does not exist")
    new = inbox_root / "new"
    try:
        new.mkdir(exist_ok=True)
        name = f"{now.strftime('%Y%m%d-%H%M%S')}-{safe_stem(stem)}-{secrets.token_hex(3)}{suffix}"
        tmp = new / (name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        final = new / name
        os.rename(tmp, final)
    except PermissionError as exc:
        raise InboxConfigError(
            f"inbox folder {inbox_root} can't be written: {exc.strerror}"
        ) from exc
    except OSError as exc:
        raise InboxUnavailable(f"inbox folder {inbox_root} unavailable: {exc.strerror}") from exc
    return final

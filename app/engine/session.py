"""Opening what the engine works on, in one place: the inbox, the local store, a producer's drop.

The desktop app's workers and the `leadpop` command all start here, so a location means the
same everywhere (a folder path, a file:// URL, a mailbox URL) and nothing above the engine
imports a backend, the store or the parsers.
"""

from __future__ import annotations

import os
import random
from datetime import datetime
from pathlib import Path
from typing import Any

from app.inbox.base import (
    Inbox,
    InboxConfigError,
    InboxError,
    InboxUnavailable,
    PasswordNeeded,
    PasswordRejected,
)
from app.settings.config import Config
from app.store import Store, StoreError

__all__ = [
    "ENV_NO_WATCH",
    "Inbox",
    "InboxConfigError",
    "InboxError",
    "InboxUnavailable",
    "PasswordNeeded",
    "PasswordRejected",
    "Store",
    "StoreError",
    "drop_document",
    "drop_sample",
    "keep_password",
    "open_inbox",
    "open_store",
]

# "1": no change notifications, only the re-list finds leads (as on an SMB share; benchmark)
ENV_NO_WATCH = "LEADPOP_NO_WATCH"


def open_inbox(cfg: Config, *, watch: bool = True, **kw: Any) -> Inbox:
    """The configured inbox. The embedded default folder is ours to create; a shared one
    must exist. `kw` (e.g. password=) goes to the backend. Raises InboxError."""
    from app.inbox.open import open_inbox as open_location

    if cfg.embedded_inbox:
        kw.setdefault("create", True)
    watch = watch and os.environ.get(ENV_NO_WATCH) != "1"
    return open_location(cfg.inbox, cfg.user, cfg.host, watch=watch, **kw)


def open_store(data_dir: Path) -> Store:
    """This PC's local store. Raises StoreError, or OSError for a data folder it can't make."""
    return Store.open(data_dir)


def drop_document(cfg: Config, data: bytes, *, stem: str, suffix: str, now: datetime) -> Path:
    """Put a document into the folder inbox as a producer must (write X.tmp, then rename)."""
    from app.inbox.open import folder_of
    from app.inbox.producer import drop_bytes

    root = folder_of(cfg.inbox)
    if root is None:
        raise InboxConfigError("drop works on a folder inbox; for a mailbox, e-mail the lead to it")
    if cfg.embedded_inbox:
        root.mkdir(parents=True, exist_ok=True)
    return drop_bytes(root, data, stem=stem, suffix=suffix, now=now)


def drop_sample(cfg: Config, rng: random.Random, now: datetime, *, stem: str = "demo") -> Path:
    """A realistic Dutch demo lead, dropped as a web-form bridge would."""
    from app.intake import make_sample_document

    return drop_document(cfg, make_sample_document(rng, now), stem=stem, suffix=".json", now=now)


def keep_password(user: str, host: str, password: str) -> bool:
    """Keep an inbox password in the OS keyring. False when there is none."""
    from app.inbox.credentials import store_password

    return store_password(user, host, password)

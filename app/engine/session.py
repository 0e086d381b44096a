"""Opening what the engine works on, in one place: the inbox, the local store, a producer's drop.

The desktop app's workers and the `leadpop` command all start here, so a location means the
same everywhere (a folder path, a file:// URL, a mailbox URL) and nothing above the engine
imports a backend, the store or the parsers.
"""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.inbox.base import (
    Inbox,
    InboxConfigError,
    InboxError,
    InboxUnavailable,
    OAuthApp,
    PasswordNeeded,
    PasswordRejected,
    SignInCode,
    SignInNeeded,
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
    "SignInCode",
    "SignInNeeded",
    "Store",
    "StoreError",
    "drop_document",
    "drop_sample",
    "keep_password",
    "open_inbox",
    "open_store",
    "sign_in",
    "sign_out",
    "signed_in_as",
    "signs_in",
]

# "1": no change notifications, only the re-list finds leads (as on an SMB share; benchmark)
ENV_NO_WATCH = "LEADPOP_NO_WATCH"


def open_inbox(cfg: Config, *, watch: bool = True, retry: bool = False, **kw: Any) -> Inbox:
    """The configured inbox. The embedded default folder is ours to create; a shared one
    must exist, and an empty one (the mount point of a share not mounted yet) is never
    made an inbox unless asked (create=True). `retry`: the caller keeps trying (the app):
    a shared folder missing at start (autostart before the share is mounted) is an outage
    the engine backs off from, not an error. `kw` (e.g. password=) goes to the backend.
    Raises InboxError."""
    from app.inbox.open import folder_of
    from app.inbox.open import open_inbox as open_location

    if cfg.embedded_inbox:
        kw.setdefault("create", True)
    elif folder_of(cfg.inbox) is not None:
        kw.setdefault("new_inbox", kw.get("create", False))
        kw.setdefault("missing_ok", retry)
    watch = watch and os.environ.get(ENV_NO_WATCH) != "1"
    kw.setdefault("oauth", oauth_app(cfg))
    return open_location(cfg.inbox, cfg.user, cfg.host, watch=watch, **kw)


# -- OAuth sign-in of a mailbox inbox (?auth=microsoft|google|oauth2) -----------------------


def oauth_app(cfg: Config) -> OAuthApp:
    """IT's app registration from leadpop.toml (oauth_client_id, oauth_tenant, …)."""
    get = cfg.deployed.get
    return OAuthApp(
        client_id=get("oauth_client_id", ""),
        tenant=get("oauth_tenant", ""),
        client_secret=get("oauth_client_secret", ""),
        authority=get("oauth_authority", ""),
    )


def signs_in(cfg: Config) -> bool:
    """Whether the configured inbox is a mailbox that signs in with OAuth."""
    from app.inbox.open import signs_in as location_signs_in

    return location_signs_in(cfg.inbox)


def signed_in_as(cfg: Config) -> str | None:
    """The account signed in for the configured mailbox on this PC (None: nobody)."""
    from app.inbox.open import signed_in_as as location_signed_in_as

    return location_signed_in_as(cfg.inbox, oauth_app(cfg))


def sign_in(
    cfg: Config,
    *,
    device: bool = False,
    show_code: Callable[[SignInCode], None] | None = None,
    open_url: Callable[[str], bool] | None = None,
    cancel: threading.Event | None = None,
) -> str:
    """Sign in to the configured mailbox: the browser, or with `device` the device code
    (`show_code` shows it). The account that signed in. Raises InboxError, one line."""
    from app.inbox.open import sign_in as location_sign_in

    return location_sign_in(
        cfg.inbox, oauth_app(cfg), device=device, show_code=show_code, open_url=open_url,
        cancel=cancel,
    )  # fmt: skip


def sign_out(cfg: Config) -> bool:
    """Remove this PC's sign-in for the configured mailbox. False if there was none."""
    from app.inbox.open import sign_out as location_sign_out

    return location_sign_out(cfg.inbox, oauth_app(cfg))


def open_store(data_dir: Path) -> Store:
    """This PC's local store. Raises StoreError, or OSError for a data folder it can't make."""
    return Store.open(data_dir)


def drop_document(cfg: Config, data: bytes, *, stem: str, suffix: str, now: datetime) -> Path:
    """Put a document into the inbox as a producer must: into a folder, write X.tmp, then
    rename (returns its path); into a backend that takes producers' documents (a group
    database: `put_document`), one transaction (returns a path of just its name)."""
    from app.inbox.open import folder_of, takes_documents
    from app.inbox.producer import drop_bytes, safe_stem

    root = folder_of(cfg.inbox)
    if root is None:
        if not takes_documents(cfg.inbox):  # before any login: no password asked for nothing
            raise InboxConfigError(
                "drop works on a folder inbox or a group database; "
                "for a mailbox, e-mail the lead to it"
            )
        inbox = open_inbox(cfg, watch=False)
        try:
            put = inbox.put_document  # type: ignore[attr-defined]
            when = now.strftime("%Y%m%d-%H%M%S")
            name = f"{when}-{safe_stem(stem)}-{os.urandom(3).hex()}{suffix}"  # as a folder drop
            put(data, name=name, received_at=now)
        finally:
            inbox.close()
        return Path(name)
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

"""The one place that turns an inbox location (a folder or a URL) into an Inbox."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.inbox.base import Inbox, InboxConfigError, OAuthApp, SignInCode
from app.inbox.folder.inbox import FolderInbox

# Two or more letters: "C:\\leads" is a Windows path, not a URL with scheme "c".
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


def open_inbox(location: str, user: str, host: str, **kw: Any) -> Inbox:
    """A folder path or file:// URL -> FolderInbox; imap:// or imaps:// -> ImapInbox;
    postgresql:// -> PostgresInbox.

    `kw` goes to the backend (watch=, now=, create=; password= and oauth= for a mailbox).
    Raises InboxConfigError for a bad location (a mailbox: also PasswordNeeded /
    PasswordRejected / SignInNeeded); a share or server that is merely down is reported
    later by the operations.
    """
    oauth = kw.pop("oauth", None)  # the OAuth app registration: only a mailbox uses it
    text = location.strip()
    if not text:
        raise InboxConfigError("no inbox given: pass a folder path with --inbox")
    match = _URL.match(text)
    if match is None:
        return FolderInbox(Path(text).expanduser(), user, host, **kw)
    scheme = match.group(1).lower()
    # Never echo a URL back: a mailbox URL may carry a password.
    if scheme in ("imap", "imaps"):
        from app.inbox.imap.inbox import ImapInbox  # imapclient is loaded only for a mailbox

        return ImapInbox(text, user, host, oauth=oauth, **kw)
    if scheme in ("postgresql", "postgres"):
        from app.inbox.postgres.inbox import PostgresInbox  # psycopg only for a group database

        return PostgresInbox(text, user, host, **kw)
    if scheme == "file":
        return FolderInbox(_file_url_path(text), user, host, **kw)
    raise InboxConfigError(
        f"unsupported inbox address {scheme}://: use a folder path, a file:// URL, "
        "a mailbox (imaps://) or a group database (postgresql://)"
    )


def takes_documents(location: str) -> bool:
    """Whether a producer's document can be put in through Leadpop (`leadpop drop`): into a
    folder or a group database; a mailbox takes them by e-mail."""
    match = _URL.match(location.strip())
    return match is None or match.group(1).lower() in ("file", "postgresql", "postgres")


def folder_of(location: str) -> Path | None:
    """The folder of a folder inbox (a path or a file:// URL); None for any other backend."""
    text = location.strip()
    match = _URL.match(text)
    if match is None:
        return Path(text).expanduser()
    if match.group(1).lower() == "file":
        return _file_url_path(text)
    return None


def _file_url_path(url: str) -> Path:
    from urllib.request import url2pathname  # pulls in http.client: only for file:// URLs

    parts = urlsplit(url)
    server = parts.netloc
    if server in ("", "localhost"):
        path = url2pathname(parts.path)
    elif os.name == "nt":
        path = url2pathname(f"//{server}{parts.path}")  # file://server/share -> \\server\share
    else:
        raise InboxConfigError(
            f"file:// URLs naming a server ({server}) work on Windows only: "
            "mount the share and give its folder"
        )
    if not path:
        raise InboxConfigError("the file:// URL names no folder")
    return Path(path)


# -- OAuth sign-in for a mailbox (?auth=microsoft|google|oauth2) ---------------------------


def signs_in(location: str) -> bool:
    """Whether the inbox is a mailbox that signs in with OAuth rather than a password."""
    match = _URL.match(location.strip())
    if match is None or match.group(1).lower() not in ("imap", "imaps"):
        return False
    from urllib.parse import parse_qsl

    return any(key == "auth" for key, _ in parse_qsl(urlsplit(location.strip()).query))


def sign_in(
    location: str,
    oauth: OAuthApp,
    *,
    device: bool = False,
    show_code: Callable[[SignInCode], None] | None = None,
    open_url: Callable[[str], bool] | None = None,
    cancel: threading.Event | None = None,
) -> str:
    """Sign in to the mailbox (browser, or the device code) and keep the refresh token in
    the keyring: the account that signed in. Raises InboxConfigError (one line for IT),
    InboxUnavailable, or SignInCancelled (an InboxConfigError)."""
    from app.inbox.imap.signin import sign_in_address

    grant = sign_in_address(
        location, oauth, device=device, show_code=show_code, open_url=open_url, cancel=cancel
    )
    return grant.account


def sign_out(location: str, oauth: OAuthApp) -> bool:
    """Remove this PC's sign-in for the mailbox (and revoke it where the provider can)."""
    from app.inbox.imap.signin import sign_out_address

    return sign_out_address(location, oauth)


def signed_in_as(location: str, oauth: OAuthApp) -> str | None:
    """The account signed in for the mailbox on this PC; None when nobody is."""
    if not signs_in(location):
        return None
    from app.inbox.imap.signin import signed_in_account

    return signed_in_account(location, oauth)

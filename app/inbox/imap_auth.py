"""The mailbox password: from LEADPOP_IMAP_PASSWORD or the OS keyring, never from a file.

The GUI asks for it once when `PasswordNeeded` is raised, then calls `store_password`.
The password is never logged and never part of an error message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from app.inbox.base import InboxConfigError

log = logging.getLogger(__name__)

ENV_PASSWORD = "LEADPOP_IMAP_PASSWORD"
SERVICE = "leadpop"


class PasswordNeeded(InboxConfigError):
    """No password for this mailbox yet: ask the user, `store_password`, open again."""

    def __init__(self, user: str, host: str, message: str | None = None) -> None:
        self.user, self.host = user, host
        super().__init__(
            message
            or f"Leadpop needs the password of mailbox {user} on {host}: enter it once "
            f"(it is kept in the system keyring), or set {ENV_PASSWORD}"
        )


class PasswordRejected(PasswordNeeded):
    """The server refused the login. Not retried: servers lock accounts after a few tries."""


def keyring_username(user: str, host: str) -> str:
    return f"{user}@{host.lower()}"


def find_password(user: str, host: str, env: Mapping[str, str] | None = None) -> str | None:
    """LEADPOP_IMAP_PASSWORD (an explicit override: kiosks, services, tests), else the keyring."""
    value = (os.environ if env is None else env).get(ENV_PASSWORD)
    if value:
        return value
    try:
        import keyring

        return keyring.get_password(SERVICE, keyring_username(user, host))
    except Exception as exc:  # no backend (NoKeyringError), a locked or broken one
        log.info("no password from the system keyring: %s", type(exc).__name__)
        return None


def store_password(user: str, host: str, password: str) -> bool:
    """Keep the password in the OS keyring. False when there is none: use it this session only."""
    try:
        import keyring

        keyring.set_password(SERVICE, keyring_username(user, host), password)
    except Exception as exc:
        log.warning("can't keep the mailbox password in the system keyring: %s", type(exc).__name__)
        return False
    return True

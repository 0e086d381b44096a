"""Inbox passwords: from an environment variable or the OS keyring, never from a file.

Backend-neutral: a mailbox and a database inbox keep their secrets the same way. The GUI
asks once when `PasswordNeeded` is raised, then calls `store_password`. A password is never
logged and never part of an error message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

log = logging.getLogger(__name__)

SERVICE = "leadpop"


def keyring_username(user: str, host: str) -> str:
    return f"{user}@{host.lower()}"


def find_password(
    user: str, host: str, env_var: str, env: Mapping[str, str] | None = None
) -> str | None:
    """`env_var` (an explicit override: kiosks, services, tests), else the keyring."""
    value = (os.environ if env is None else env).get(env_var)
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
        log.warning("can't keep the inbox password in the system keyring: %s", type(exc).__name__)
        return False
    return True

"""The mailbox password: from LEADPOP_IMAP_PASSWORD or the OS keyring, never from a file."""

from __future__ import annotations

from collections.abc import Mapping

from app.inbox import credentials
from app.inbox.base import PasswordNeeded, PasswordRejected
from app.inbox.credentials import SERVICE, keyring_username, store_password

__all__ = [
    "ENV_PASSWORD",
    "SERVICE",
    "PasswordNeeded",
    "PasswordRejected",
    "find_password",
    "keyring_username",
    "password_needed",
    "store_password",
]

ENV_PASSWORD = "LEADPOP_IMAP_PASSWORD"


def password_needed(user: str, host: str) -> PasswordNeeded:
    return PasswordNeeded(
        user,
        host,
        f"Leadpop needs the password of mailbox {user} on {host}: enter it once "
        f"(it is kept in the system keyring), or set {ENV_PASSWORD}",
    )


def find_password(user: str, host: str, env: Mapping[str, str] | None = None) -> str | None:
    """LEADPOP_IMAP_PASSWORD (an explicit override: kiosks, services, tests), else the keyring."""
    return credentials.find_password(user, host, ENV_PASSWORD, env)

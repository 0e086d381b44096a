"""The sign-in in the OS keyring: one entry, or parts where the keyring can't hold it."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from app.inbox.imap.oauth import (
    SERVICE,
    Grant,
    OAuthApp,
    delete_grant,
    load_grant,
    microsoft,
    save_grant,
)
from tests.imap.memory_keyring import MemoryKeyring

SPEC = microsoft(OAuthApp(client_id="0f1e2d3c", tenant="autohuis.onmicrosoft.com"))
MAILBOX, HOST = "leads@autohuis.nl", "outlook.office365.com"


class WindowsLikeKeyring(MemoryKeyring):
    """Windows Credential Manager: 2,560 bytes of UTF-16 per entry, so 1,280 characters."""

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password.encode("utf-16-le")) > 2560:
            raise OSError(1783, "CredWrite", "The stub received bad data")
        super().set_password(service, username, password)


@pytest.fixture
def ring() -> Iterator[WindowsLikeKeyring]:
    ring = WindowsLikeKeyring()
    keyring.set_keyring(ring)
    yield ring


def test_a_short_sign_in_is_one_entry(ring: WindowsLikeKeyring) -> None:
    grant = Grant("rt-short", "leadwatcher@autohuis.nl", 1_800_000_000.0)
    assert save_grant(SPEC, MAILBOX, HOST, grant)
    assert list(ring.items) == [(SERVICE, f"microsoft:0f1e2d3c:{MAILBOX}@{HOST}")]
    assert load_grant(SPEC, MAILBOX, HOST) == grant


def test_a_long_refresh_token_is_kept_in_parts_and_comes_back_whole(
    ring: WindowsLikeKeyring,
) -> None:
    long = Grant("0.AR8A" + "x" * 3000, "leadwatcher@autohuis.nl", 1_800_000_000.0)
    assert save_grant(SPEC, MAILBOX, HOST, long)  # one entry would be refused
    assert len(ring.items) == 5  # the main entry and four parts
    assert all(len(value) <= 1280 for value in ring.items.values())
    assert load_grant(SPEC, MAILBOX, HOST) == long

    rotated = Grant("rt-short-again", long.account, long.signed_in_at)
    assert save_grant(SPEC, MAILBOX, HOST, rotated)
    assert len(ring.items) == 1  # the old parts went
    assert load_grant(SPEC, MAILBOX, HOST) == rotated

    assert save_grant(SPEC, MAILBOX, HOST, long)
    assert delete_grant(SPEC, MAILBOX, HOST)
    assert ring.items == {}


def test_a_part_gone_missing_means_sign_in_again(ring: WindowsLikeKeyring) -> None:
    save_grant(SPEC, MAILBOX, HOST, Grant("y" * 2500, "w@autohuis.nl", 0.0))
    part = next(k for k in ring.items if k[1].endswith("#1"))
    del ring.items[part]
    assert load_grant(SPEC, MAILBOX, HOST) is None

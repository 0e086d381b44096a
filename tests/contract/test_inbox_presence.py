"""Contract: each PC announces its presence in the shared inbox; a silent PC is away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from inbox_harness import T0, FolderBackend

from app.core.presence import PRESENCE_TIMEOUT, Presence, Status
from app.inbox.base import Inbox, InboxUnavailable

Factory = Callable[[str, str], Inbox]


def _rec(user: str, host: str, status: Status, seconds: float = 0, **kw: object) -> Presence:
    return Presence(user, host, status, T0 + timedelta(seconds=seconds), **kw)  # type: ignore[arg-type]


def test_every_pc_sees_every_announcement(inbox_factory: Factory) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    assert anna.present(T0) == []  # nobody announced yet: nobody, not an error
    anna.announce(_rec("anna", "pc-anna", Status.AVAILABLE))
    bram.announce(_rec("bram", "pc-bram", Status.ON_BREAK, role="manager"))
    for reader in (anna, bram, inbox_factory("marco", "pc-office")):
        seen = reader.present(T0 + timedelta(seconds=5))
        assert [(p.user, p.host, p.status, p.role) for p in seen] == [
            ("anna", "pc-anna", Status.AVAILABLE, "salesperson"),
            ("bram", "pc-bram", Status.ON_BREAK, "manager"),
        ]


def test_a_refresh_replaces_the_pcs_record(inbox_factory: Factory) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    anna.announce(_rec("anna", "pc-anna", Status.AVAILABLE))
    for i in range(1, 4):
        anna.announce(_rec("anna", "pc-anna", Status.WITH_CUSTOMER, 30 * i))
    seen = bram.present(T0 + timedelta(seconds=95))
    assert [(p.user, p.status, p.seen) for p in seen] == [
        ("anna", Status.WITH_CUSTOMER, T0 + timedelta(seconds=90))
    ]


def test_a_pc_that_stops_announcing_is_away_after_the_timeout(inbox_factory: Factory) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    anna.announce(_rec("anna", "pc-anna", Status.AVAILABLE))
    bram.announce(_rec("bram", "pc-bram", Status.AVAILABLE, 60))
    later = T0 + PRESENCE_TIMEOUT + timedelta(seconds=1)
    assert {p.user: p.status for p in bram.present(later)} == {
        "anna": Status.OFFLINE,
        "bram": Status.AVAILABLE,
    }


def test_a_timed_status_ends_by_itself(inbox_factory: Factory) -> None:
    anna = inbox_factory("anna", "pc-anna")
    until = T0 + timedelta(seconds=50)
    anna.announce(_rec("anna", "pc-anna", Status.ON_BREAK, until=until))
    assert anna.present(until - timedelta(seconds=1))[0].status == Status.ON_BREAK
    assert anna.present(until)[0].status == Status.AVAILABLE


def test_one_person_on_two_pcs_counts_once_where_present(inbox_factory: Factory) -> None:
    desk, laptop = inbox_factory("anna", "pc-anna"), inbox_factory("anna", "laptop-anna")
    desk.announce(_rec("anna", "pc-anna", Status.AVAILABLE, 10))
    laptop.announce(_rec("anna", "laptop-anna", Status.OFFLINE, 20))  # quit the laptop
    seen = desk.present(T0 + timedelta(seconds=25))
    assert [(p.user, p.host, p.status) for p in seen] == [("anna", "pc-anna", Status.AVAILABLE)]


def test_an_outage_is_reported_as_unavailable(
    inbox_factory: Factory, backend: FolderBackend
) -> None:
    anna = inbox_factory("anna", "pc-anna")
    anna.announce(_rec("anna", "pc-anna", Status.AVAILABLE))
    with backend.outage():
        with pytest.raises(InboxUnavailable):
            anna.announce(_rec("anna", "pc-anna", Status.AVAILABLE, 30))
        with pytest.raises(InboxUnavailable):
            anna.present(T0)
    assert [p.user for p in anna.present(T0)] == ["anna"]

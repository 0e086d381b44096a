"""Push: IMAP IDLE on the work connection (one per PC), woken by another client's APPEND."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from imapclient import IMAPClient

from app.inbox.imap import conn
from app.inbox.imap.inbox import ImapInbox
from tests.imap.dovecot_server import DOVEADM, DovecotServer
from tests.imap.mail import Mailbox, lead_mail

MakeInbox = Callable[..., ImapInbox]
# Dovecot gathers changes for half a second before it tells an IDLE client.
PUSH_S = 5.0


def settled(wait: Callable[[float], bool]) -> None:
    """Take the 'look again' that comes with every (re)connection."""
    for _ in range(20):
        if not wait(0.2):
            return
    raise AssertionError("the watcher keeps reporting changes")


def test_an_append_by_another_client_wakes_the_waiter(
    make_inbox: MakeInbox, mailbox: Mailbox
) -> None:
    inbox = make_inbox(watch=True)
    assert inbox.wait_for_change(PUSH_S)  # connected: look once
    settled(inbox.wait_for_change)
    assert inbox.watching
    mailbox.append(lead_mail())
    started = time.monotonic()
    assert inbox.wait_for_change(PUSH_S)
    assert time.monotonic() - started < 2.0
    assert len(inbox.list_new()) == 1


def test_without_a_change_the_wait_blocks_for_its_timeout(make_inbox: MakeInbox) -> None:
    inbox = make_inbox(watch=True)
    settled(inbox.wait_for_change)
    started = time.monotonic()
    assert not inbox.wait_for_change(0.3)
    assert time.monotonic() - started >= 0.25  # the caller's loop never spins


def test_close_wakes_a_waiter_at_once(make_inbox: MakeInbox) -> None:
    inbox = make_inbox(watch=True)
    settled(inbox.wait_for_change)
    results: list[bool] = []
    waiter = threading.Thread(target=lambda: results.append(inbox.wait_for_change(30)))
    waiter.start()
    started = time.monotonic()
    inbox.close()
    waiter.join(5)
    assert not waiter.is_alive() and results == [False]
    assert time.monotonic() - started < 2.0


def test_push_comes_back_after_a_server_restart(
    make_inbox: MakeInbox, mailbox: Mailbox, server: DovecotServer
) -> None:
    inbox = make_inbox(watch=True)
    settled(inbox.wait_for_change)
    server.restart()
    deadline = time.monotonic() + 10
    while not inbox.wait_for_change(0.5):  # lost, then back after a short backoff
        assert time.monotonic() < deadline, "push did not reconnect"
    assert inbox.watching
    settled(inbox.wait_for_change)
    mailbox.append(lead_mail())
    assert inbox.wait_for_change(PUSH_S)


def test_idle_is_renewed_before_the_server_gives_up_on_it(
    make_inbox: MakeInbox, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    renewals: list[int] = []
    real_done = IMAPClient.idle_done

    def counted(self: IMAPClient) -> Any:
        renewals.append(1)
        return real_done(self)

    monkeypatch.setattr(IMAPClient, "idle_done", counted)
    inbox = make_inbox(watch=True)
    assert inbox.wait_for_change(PUSH_S)
    settled(inbox.wait_for_change)
    renewals.clear()
    monkeypatch.setattr(conn, "IDLE_RENEW_S", 0.0)  # as if 4 minutes had gone by
    assert not inbox.wait_for_change(0.2)
    assert renewals == [1]  # DONE, then IDLE again
    monkeypatch.setattr(conn, "IDLE_RENEW_S", 240.0)
    mailbox.append(lead_mail())
    assert inbox.wait_for_change(PUSH_S)  # still listening on the renewed IDLE


def connections(server: DovecotServer, user: str) -> int:
    who = subprocess.run(
        [DOVEADM, "-c", str(server.config), "who", "-1", user],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return sum(1 for line in who.splitlines()[1:] if line.split()[:1] == [user])


def test_one_connection_per_pc_does_the_work_and_the_push(
    make_inbox: MakeInbox, mailbox: Mailbox, server: DovecotServer
) -> None:
    """Exchange Online allows about 20 connections per mailbox and Gmail 15: one per PC."""
    inbox = make_inbox(watch=True)
    settled(inbox.wait_for_change)
    assert inbox.watching and connections(server, mailbox.user) == 1
    results: list[bool] = []
    waiter = threading.Thread(target=lambda: results.append(inbox.wait_for_change(PUSH_S)))
    waiter.start()
    mailbox.append(lead_mail("Jan Jansen"))
    waiter.join(PUSH_S + 1)
    assert results == [True]  # the push came on the work connection
    [doc] = inbox.list_new()  # work on it while the watcher waits again
    waiter = threading.Thread(target=lambda: results.append(inbox.wait_for_change(PUSH_S)))
    waiter.start()
    assert inbox.claim(doc.name, "anna").won  # a command takes the connection from IDLE
    inbox.append_event({"v": 1, "id": "e1", "type": "claimed", "lead": "x", "user": "anna"})
    waiter.join(PUSH_S + 1)
    assert results[1] is True  # the claim took the message out of MAILBOX: a change
    assert connections(server, mailbox.user) == 1

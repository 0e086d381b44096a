"""The whole app on a mailbox inbox: an e-mail APPENDed to a real Dovecot pops the alert."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shell_harness import App

from app.core.clock import FakeClock
from app.inbox.base import Inbox
from app.inbox.open import open_inbox
from app.settings.config import Config, resolve
from tests.imap.dovecot_server import DovecotServer
from tests.imap.mail import lead_mail

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")

# Wednesday 25 November 2026, 10:00 in Amsterdam.
WED_10 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def dovecot() -> Iterator[DovecotServer]:
    with DovecotServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def test_an_email_appended_to_the_mailbox_pops_the_alert(
    qtbot: QtBot, tmp_path: Path, dovecot: DovecotServer
) -> None:
    user, password = dovecot.new_account()
    clock = FakeClock(WED_10)
    cfg = resolve(
        inbox=dovecot.url(user),
        data_dir=str(tmp_path / "data-piet"),
        user="piet",
        hours="always",
        env={},
    )
    cfg.host = "pc-piet"

    def mailbox(c: Config) -> Inbox:  # what default_inbox does, with the test's password
        return open_inbox(c.inbox, c.user, c.host, watch=True, password=password, now=clock.now)

    piet = App(qtbot, cfg, clock)
    piet.worker.inbox_factory = mailbox
    try:
        piet.start()
        assert not piet.alert.isVisible()
        dovecot.append(user, password, lead_mail("Jan Jansen"), at=clock.now())  # another client
        qtbot.waitUntil(piet.alert.isVisible, timeout=10_000)
        assert "Jan Jansen" in piet.alert.windowTitle()
        assert piet.alert.countdown.text() == "2:00"  # from the message's INTERNALDATE
    finally:
        piet.close()
    assert piet.shell.desk_thread.finished


def test_the_mailbox_password_is_asked_once_and_kept_in_the_keyring(
    qtbot: QtBot, tmp_path: Path, dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    from app.inbox.imap.auth import ENV_PASSWORD, find_password
    from app.ui.common.password_dialog import PasswordDialog
    from app.ui.workers.desk_worker import default_inbox
    from tests.imap.memory_keyring import MemoryKeyring

    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    saved, ring = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(ring)
    user, password = dovecot.new_account()
    asked: list[tuple[str, str, bool]] = []
    answers = ["wrong-one", password]

    def ask(cls, parent, mailbox_user: str, host: str, rejected: bool) -> str | None:
        asked.append((mailbox_user, host, rejected))
        return answers.pop(0)

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(ask))
    clock = FakeClock(WED_10)
    cfg = resolve(
        inbox=dovecot.url(user),
        data_dir=str(tmp_path / "data-piet"),
        user="piet",
        hours="always",
        env={},
    )
    piet = App(qtbot, cfg, clock)
    piet.worker.inbox_factory = default_inbox  # no password given: only the keyring or a person
    try:
        piet.start()
        qtbot.waitUntil(
            lambda: piet.window.status.health.text() == "Inbox connected", timeout=15_000
        )
        # Asked with no password at all, then again once the server refused the wrong one.
        assert asked == [(user, "127.0.0.1", False), (user, "127.0.0.1", True)]
        assert find_password(user, "127.0.0.1", env={}) == password
        dovecot.append(user, password, lead_mail("Els de Boer"), at=clock.now())
        qtbot.waitUntil(piet.alert.isVisible, timeout=10_000)
    finally:
        piet.close()
        keyring.set_keyring(saved)

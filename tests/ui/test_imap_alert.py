"""The whole app on a mailbox inbox: an e-mail APPENDed to a real Dovecot pops the alert."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from shell_harness import App

from app.config import Config, resolve
from app.core.clock import FakeClock
from app.inbox.base import Inbox
from app.inbox.open import open_inbox
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
    qtbot, tmp_path: Path, dovecot: DovecotServer  # noqa: ANN001
) -> None:
    user, password = dovecot.new_account()
    clock = FakeClock(WED_10)
    cfg = resolve(
        inbox=dovecot.url(user), data_dir=str(tmp_path / "data-piet"), user="piet",
        hours="always", env={},
    )  # fmt: skip
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
    assert not piet.shell.thread.thread.isRunning()

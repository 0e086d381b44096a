"""The mailbox sign-in dialog and the settings' "signed in as" line, on a real local
OpenID provider (the sign-in's far side): the device code shown large, sign out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import keyring
import pytest

from app.core.clock import FakeClock
from app.engine.desk import Health
from app.engine.session import SignInNeeded
from app.settings.config import Config, resolve
from app.ui.common.settings_dialog import SettingsDialog
from app.ui.common.signin_dialog import SignInDialog, SignInSection
from app.ui.salesperson.status_bar import LeadStatusBar
from app.ui.workers.desk_worker import DeskWorker
from tests.imap.memory_keyring import MemoryKeyring
from tests.imap.oauth_world import CLIENT_ID, idp, provider
from tests.imap.oidc_provider import OidcProvider, Provider

__all__ = ["idp", "provider"]  # the provider's fixtures, used by name below
WATCHER = "leadwatcher@dealer.example.nl"


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    saved = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(saved)


@pytest.fixture
def cfg(idp: OidcProvider, provider: Provider, tmp_path: Path) -> Config:
    provider.add_account(WATCHER, "leads")
    query = urlencode({"auth": "oauth2", "issuer": idp.issuer, "client_id": CLIENT_ID})
    inbox = f"imaps://leads@mail.dealer.example.nl/INBOX?{query}"
    return resolve(inbox=inbox, data_dir=str(tmp_path), user="anna", hours="always", env={})


def test_the_device_code_is_shown_large_and_the_sign_in_is_kept(
    qtbot, cfg: Config, provider: Provider, ring: MemoryKeyring
) -> None:
    dialog = SignInDialog(cfg)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code_button.click()
    qtbot.waitUntil(lambda: dialog.code.isVisible() and bool(dialog.code.text()), timeout=5000)
    assert dialog.code.font().pointSize() >= 28  # readable from across the desk
    assert "enter this code" in dialog.status.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        provider.approve(dialog.code.text(), WATCHER)  # typed in on a phone
    assert dialog.account == WATCHER
    assert len(ring.items) == 1


def test_a_refused_sign_in_is_one_line_and_can_be_tried_again(
    qtbot, cfg: Config, provider: Provider, ring: MemoryKeyring
) -> None:
    dialog = SignInDialog(cfg)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code_button.click()
    qtbot.waitUntil(lambda: dialog.code.isVisible(), timeout=5000)
    provider.approve(dialog.code.text(), WATCHER, deny=True)
    qtbot.waitUntil(lambda: dialog.code_button.isEnabled(), timeout=5000)
    assert "declined" in dialog.status.text() and "\n" not in dialog.status.text()
    assert not dialog.code.isVisible() and ring.items == {}


def test_closing_the_dialog_stops_waiting_for_the_code(
    qtbot, cfg: Config, ring: MemoryKeyring
) -> None:
    dialog = SignInDialog(cfg)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code_button.click()
    qtbot.waitUntil(lambda: dialog.code.isVisible(), timeout=5000)
    dialog.reject()
    assert not dialog._task.running  # the sign-in thread ended with the dialog
    assert ring.items == {}


def test_settings_show_who_is_signed_in_and_sign_out_removes_it(
    qtbot, cfg: Config, provider: Provider, ring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = SignInSection(cfg)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.sign_in_button.isEnabled(), timeout=5000)
    assert section.who.text() == "Nobody has signed in on this PC"
    assert not section.sign_out_button.isEnabled()

    def sign_in_with_a_code(parent: object, config: Config) -> str | None:
        dialog = SignInDialog(config)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.code_button.click()
        qtbot.waitUntil(lambda: dialog.code.isVisible(), timeout=5000)
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            provider.approve(dialog.code.text(), WATCHER)
        return dialog.account

    monkeypatch.setattr(SignInDialog, "sign_in", sign_in_with_a_code)
    section.sign_in_button.click()
    assert WATCHER in section.who.text() and section.sign_out_button.isEnabled()
    assert len(ring.items) == 1

    section.sign_out_button.click()
    qtbot.waitUntil(lambda: section.sign_in_button.isEnabled(), timeout=5000)
    assert section.who.text() == "Nobody has signed in on this PC"
    assert ring.items == {}
    assert provider.grant_of(WATCHER).revoked


def test_the_status_bar_says_sign_in_again(qtbot, cfg: Config) -> None:
    bar = LeadStatusBar(cfg.hours.tz)
    qtbot.addWidget(bar)
    line = "sign in again for mailbox leads: the provider no longer accepts the sign-in"
    bar.set_health(Health(ok=False, error=line, sign_in_needed=line))
    assert bar.health.text() == "Mailbox: sign in again (Settings)"
    assert bar.health.toolTip() == line  # the whole line for IT, on hover


def test_the_settings_show_the_sign_in_only_for_an_oauth_mailbox(
    qtbot, cfg: Config, ring: MemoryKeyring, tmp_path: Path
) -> None:
    dialog = SettingsDialog({"name": "piet", "signin_config": cfg})
    qtbot.addWidget(dialog)
    assert isinstance(dialog.signin, SignInSection)
    qtbot.waitUntil(lambda: dialog.signin.sign_in_button.isEnabled(), timeout=5000)
    folder = resolve(inbox=str(tmp_path), data_dir=str(tmp_path), user="piet", env={})
    plain = SettingsDialog({"name": "piet", "signin_config": folder})
    qtbot.addWidget(plain)
    assert plain.signin is None


def test_a_mailbox_nobody_signed_in_to_is_a_status_not_an_error_dialog(
    qtbot, cfg: Config, clock: FakeClock
) -> None:
    def factory(config: Config, **kw: object) -> object:
        raise SignInNeeded("leads", "nobody has signed in for mailbox leads yet: sign in once")

    worker = DeskWorker(clock, inbox_factory=factory)
    healths: list[Health] = []
    errors: list[str] = []
    worker.health_changed.connect(healths.append)
    worker.error.connect(errors.append)
    worker.open_store(cfg.data_dir)
    try:
        worker.start_desk(cfg)
    finally:
        assert worker.store is not None
        worker.store.close()
    assert errors == []  # no message box: the status bar and the tray say it, once
    [health] = healths
    assert not health.ok and health.sign_in_needed and "sign in once" in health.sign_in_needed

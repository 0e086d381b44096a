"""`leadpop signin`: the device code, large; then the mailbox opens with the sign-in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.main import main
from app.inbox.imap.oauth import SERVICE
from tests.imap.memory_keyring import MemoryKeyring
from tests.imap.oauth_world import OAuthMailbox
from tests.imap.oidc_provider import Provider


@pytest.fixture
def person_at_the_pc(oauth_mailbox: OAuthMailbox, provider: Provider) -> Iterator[None]:
    """Reads the code off the screen and types it in on a phone."""

    def approve() -> None:
        code = provider.wait_for_device()
        provider.approve(code.user_code, oauth_mailbox.account)

    helper = threading.Thread(target=approve)
    helper.start()
    yield
    helper.join(10)


def test_signin_with_the_device_code_keeps_the_token_and_opens_the_mailbox(
    oauth_mailbox: OAuthMailbox, memory_keyring: MemoryKeyring, tmp_path: Path,
    person_at_the_pc: None, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    args = ["--inbox", oauth_mailbox.url, "--data-dir", str(tmp_path), "--user", "anna"]
    assert main(["signin", "--device-code", *args]) == 0
    out = capsys.readouterr().out
    [(service, _)] = memory_keyring.items  # one sign-in kept, in the keyring
    assert service == SERVICE
    assert "┌" in out and "enter this code" in out  # the code in a box, letters spaced
    assert f"signed in as {oauth_mailbox.account}" in out
    assert "opens: leads will arrive" in out

    assert main(["signin", "--sign-out", *args]) == 0
    assert "signed out" in capsys.readouterr().out
    assert memory_keyring.items == {}


def test_signin_on_a_password_mailbox_is_one_line(
    oauth_mailbox: OAuthMailbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = oauth_mailbox.mailbox.url  # no ?auth=
    assert main(["signin", "--inbox", inbox, "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "auth=microsoft" in err and err.count("\n") == 1


def test_signin_that_the_provider_refuses_is_one_line(
    oauth_mailbox: OAuthMailbox, memory_keyring: MemoryKeyring, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    inbox = oauth_mailbox.url.replace("client_id=leadpop-test", "client_id=unknown-app")
    assert main(["signin", "--device-code", "--inbox", inbox, "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "check oauth_client_id" in err and err.count("\n") == 1
    assert memory_keyring.items == {}

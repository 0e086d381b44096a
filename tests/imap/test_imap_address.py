"""The mailbox inbox's address (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.inbox.base import InboxConfigError
from app.inbox.imap.url import ImapAddress, parse_imap_url


def test_imaps_defaults_to_993_and_inbox() -> None:
    assert parse_imap_url("imaps://leads@mail.dealer.nl") == ImapAddress(
        "imaps", "leads", "mail.dealer.nl", 993, "INBOX"
    )


def test_imap_with_port_folder_and_an_encoded_at_in_the_user() -> None:
    address = parse_imap_url("imap://leads%40dealer.nl@Mail.Dealer.NL:1143/Leads/Web%20form")
    assert (address.user, address.host, address.port, address.mailbox) == (
        "leads@dealer.nl",
        "mail.dealer.nl",
        1143,
        "Leads/Web form",
    )
    assert not address.implicit_tls and not address.loopback
    assert address.display == "imap://leads%40dealer.nl@mail.dealer.nl:1143/Leads/Web%20form"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("[::1]", True),
        ("localhost", True),
        ("192.168.1.10", False),
        ("mail.dealer.nl", False),
        ("127.example.nl", False),
    ],
)
def test_only_loopback_counts_as_loopback(host: str, loopback: bool) -> None:
    assert parse_imap_url(f"imap://leads@{host}/INBOX").loopback is loopback


def test_tls_options(tmp_path: Path) -> None:
    cert = tmp_path / "mail.pem"
    cert.write_text("-----BEGIN CERTIFICATE-----\n")
    insecure = parse_imap_url("imaps://leads@10.0.0.5/INBOX?tls=insecure-skip-verify")
    assert insecure.insecure_tls and insecure.ca_file is None
    pinned = parse_imap_url(f"imaps://leads@10.0.0.5/INBOX?ca={cert}")
    assert pinned.ca_file == cert and not pinned.insecure_tls
    assert pinned.display == "imaps://leads@10.0.0.5/INBOX"  # options aren't part of the key


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("imaps://leads:Geheim123@mail.dealer.nl/INBOX", r"^don't put the password in the"),
        ("imaps://mail.dealer.nl/INBOX", r"names no user"),
        ("imaps:///INBOX", r"names no server"),
        ("imaps://leads@mail.dealer.nl:99999/INBOX", r"not a valid URL"),
        ("imaps://leads@mail.dealer.nl/INBOX?tls=off", r"unknown tls= option 'off'"),
        ("imaps://leads@mail.dealer.nl/INBOX?verify=no", r"unknown mailbox address option"),
        ("imaps://leads@mail.dealer.nl/?ca=/nowhere/ca.pem", r"/nowhere/ca.pem does not exist"),
        (
            "imaps://leads@mail.dealer.nl/?ca=/x.pem&tls=insecure-skip-verify",
            r"either ca= or tls=insecure-skip-verify",
        ),
    ],
)
def test_a_bad_address_is_a_one_line_config_error(url: str, message: str) -> None:
    with pytest.raises(InboxConfigError, match=message) as info:
        parse_imap_url(url)
    assert "\n" not in str(info.value) and "Geheim123" not in str(info.value)

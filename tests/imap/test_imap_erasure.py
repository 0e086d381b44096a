"""The AVG on a real Dovecot: a forgotten customer is in no message of any folder, no
file of the mailbox's maildir, and no file of either PC's data folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.engine.privacy import Customer
from tests.imap.mail import NOW, Mailbox, lead_mail

MakeDesk = Callable[..., Desk]
JAN = (b"Jansen", b"jan@example.nl", b"0612345678", b"06 12345678", b"+31612345678")


def mailbox_holding(mailbox: Mailbox, texts: tuple[bytes, ...]) -> dict[str, int]:
    """How many messages of each folder hold one of `texts` (read through IMAP)."""
    hits: dict[str, int] = {}
    with mailbox.client() as client:
        folders = [f for flags, _, f in client.list_folders() if rb"\Noselect" not in flags]
    for folder in folders:
        n = sum(1 for body in mailbox.bodies(folder) if any(t in body for t in texts))
        if n:
            hits[folder] = n
    return hits


def files_holding(folders: list[Path], texts: tuple[bytes, ...]) -> list[str]:
    return [
        str(p)
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file() and any(t.lower() in p.read_bytes().lower() for t in texts)
    ]


def test_forget_on_the_mailbox_leaves_nothing_on_the_server_or_either_pc(
    make_desk: MakeDesk, mailbox: Mailbox, clock: FakeClock, tmp_path: Path
) -> None:
    anna, bram = make_desk("anna"), make_desk("bram")
    mailbox.append(lead_mail("Jan Jansen", "06 12345678"), at=NOW - timedelta(minutes=2))
    mailbox.append(lead_mail("Piet Pieters", "06 87654321"), at=NOW - timedelta(minutes=1))
    [jan, piet] = sorted(anna.poll().new_leads, key=lambda i: anna.view(i).name)
    bram.poll()
    assert anna.claim(jan).won and bram.claim(piet).won
    anna.record_call(jan, "appointment", "Jansen komt zaterdag")
    clock.advance(hours=1)
    mailbox.append(lead_mail("Jan Jansen", "+31 6 1234 5678"))  # the same customer: duplicate
    bram.poll()
    anna.poll()
    bram.poll()
    assert mailbox.uids(mailbox.folder("Duplicates"))
    before = anna.report(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert mailbox_holding(mailbox, JAN)
    maildir = mailbox.server.root / "mail" / mailbox.user

    found = anna.privacy.find(Customer(email="jan@example.nl"))
    assert found.leads == [jan]
    assert sorted(d.where for d in found.documents) == ["claimed/anna", "duplicates"]
    erased = anna.privacy.forget(found)
    assert (erased.leads, erased.documents) == (1, 2) and erased.events >= 2
    clock.advance(seconds=2)
    bram.poll()

    assert mailbox_holding(mailbox, JAN) == {}
    assert mailbox_holding(mailbox, (b"Pieters",))  # the other customer stays
    data = [tmp_path / "data-anna", tmp_path / "data-bram"]
    assert files_holding(data, JAN) == []
    # The server's own files: the messages are expunged, and Dovecot's cache and index
    # don't keep their text.
    assert files_holding([maildir], JAN) == []
    assert files_holding([maildir], (b"Pieters",))  # where the messages are, indeed
    for desk in (anna, bram):
        assert desk.report(NOW - timedelta(days=1), NOW + timedelta(days=1)) == before

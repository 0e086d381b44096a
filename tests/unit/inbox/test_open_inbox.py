"""Opening an inbox from the location the user gave (--inbox / LEADPOP_INBOX)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.inbox.base import InboxConfigError
from app.inbox.folder.inbox import FolderInbox
from app.inbox.open import open_inbox


def test_a_folder_path(root: Path) -> None:
    inbox = open_inbox(f"  {root}  ", "anna", "pc-anna", watch=False)
    try:
        assert isinstance(inbox, FolderInbox) and inbox.location == str(root)
    finally:
        inbox.close()


@pytest.mark.parametrize("form", ["uri", "localhost"])
def test_a_file_url(root: Path, form: str) -> None:
    url = root.as_uri() if form == "uri" else f"file://localhost{root.as_posix()}"
    inbox = open_inbox(url, "anna", "pc-anna", watch=False)
    try:
        assert inbox.location == str(root)
    finally:
        inbox.close()


def test_options_reach_the_backend(tmp_path: Path) -> None:
    where = tmp_path / "embedded"
    open_inbox(str(where), "anna", "pc-anna", watch=False, create=True).close()
    assert (where / "new").is_dir()


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("{tmp}/nowhere", r"^inbox folder .*nowhere does not exist$"),
        ("{tmp}/file.txt", r"^inbox folder .*file\.txt is not a folder$"),
        ("imap://anna:geheim@mail.example.nl/INBOX", r"^don't put the password in the mailbox"),
        ("IMAPS://anna:geheim@mail.example.nl", r"^don't put the password in the mailbox"),
        ("https://anna:geheim@leads.example.nl", r"^unsupported inbox address https://"),
        ("file://fileserver/leads", r"work on Windows only"),
        ("", r"^no inbox given"),
    ],
)
def test_a_bad_location_is_a_one_line_config_error(
    tmp_path: Path, location: str, message: str
) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InboxConfigError, match=message) as info:
        open_inbox(location.format(tmp=tmp_path), "anna", "pc-anna", watch=False)
    text = str(info.value)
    assert "\n" not in text and "geheim" not in text

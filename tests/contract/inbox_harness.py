"""The contract's backend harnesses: a shared inbox plus the producer's and a test's view.

A backend joins by adding a harness with FolderBackend's methods and naming it in
BACKENDS. Nothing here imports pytest: `claimer` also runs in spawned processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.inbox.base import Inbox
from app.inbox.folder import FolderInbox
from app.inbox.open import open_inbox

# Tuesday 25 November 2026, 10:00 in Amsterdam.
T0 = datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC)


class FolderBackend:
    """A folder inbox in tmp_path, with real files and real renames."""

    def __init__(self, root: Path) -> None:
        root.mkdir()
        self.root = root
        self.location = str(root)  # what another process passes to open_inbox
        self._clients: list[Inbox] = []

    def make(self, user: str, host: str) -> Inbox:
        inbox = FolderInbox(self.root, user, host, watch=False)
        self._clients.append(inbox)
        return inbox

    # -- the producer's side ---------------------------------------------------------------

    def put(self, name: str, data: bytes, *, at: datetime | None = None) -> None:
        """Land a document atomically (X.tmp, then rename); `at` = when it landed."""
        self.put_in_flight(name, data, at=at)()

    def put_in_flight(
        self, name: str, data: bytes, *, at: datetime | None = None
    ) -> Callable[[], None]:
        """Start landing a document; it arrives when the returned function is called."""
        new = self.root / "new"
        new.mkdir(exist_ok=True)
        tmp = new / f"{name}.tmp"
        tmp.write_bytes(data)
        if at is not None:
            os.utime(tmp, (at.timestamp(), at.timestamp()))
        return lambda: os.rename(tmp, new / name)

    # -- looking behind the contract -------------------------------------------------------

    def kept(self, kind: str) -> dict[str, tuple[bytes, str]]:
        """Documents set aside ("quarantine" or "duplicates"): name -> (bytes, reason)."""
        folder = self.root / kind
        return {
            p.name: (p.read_bytes(), (folder / f"{p.name}.reason").read_text("utf-8"))
            for p in sorted(folder.iterdir())
            if not p.name.endswith(".reason") and not p.name.startswith(".")
        }

    def tear(self, user: str, host: str, data: bytes) -> None:
        """Write raw bytes to a client's activity log, as a crash mid-append leaves them."""
        with open(self.root / "activity" / f"{user}@{host}.jsonl", "ab") as fh:
            fh.write(data)

    @contextmanager
    def outage(self) -> Iterator[None]:
        """The share goes away (unmounted) and comes back."""
        away = self.root.with_name(self.root.name + "-unmounted")
        self.root.rename(away)
        try:
            yield
        finally:
            away.rename(self.root)

    def close(self) -> None:
        for inbox in self._clients:
            inbox.close()


BACKENDS: dict[str, Callable[[Path], FolderBackend]] = {"folder": FolderBackend}


def claimer(location: str, user: str, host: str, barrier: Any, conn: Any) -> None:
    """One showroom PC in its own process: claims each name it is sent, all at once."""
    inbox = open_inbox(location, user, host, watch=False)
    try:
        while (name := conn.recv()) is not None:
            barrier.wait(timeout=10)  # both claimers rename as simultaneously as we can
            result = inbox.claim(name, user)
            conn.send((result.won, result.owner))
    finally:
        inbox.close()
        conn.close()

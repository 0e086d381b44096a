"""The contract's backend harnesses: a shared inbox plus the producer's and a test's view.

A backend joins by adding a harness with FolderBackend's methods and naming it in
BACKENDS. Nothing here imports pytest: `claimer` also runs in spawned processes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from app.core.presence import Presence
from app.inbox.base import ClaimResult, Cursor, HeldDocument, Inbox, InboxDoc
from app.inbox.folder.inbox import FolderInbox
from app.inbox.imap import activity as imap_activity
from app.inbox.imap.auth import ENV_PASSWORD
from app.inbox.imap.inbox import ImapInbox
from app.inbox.imap.names import fetch_messages, name_all
from app.inbox.imap.oauth import ENV_REFRESH_TOKEN
from app.inbox.open import open_inbox
from tests.imap.dovecot_server import DovecotServer
from tests.imap.oauth_world import CLIENT_ID
from tests.imap.oidc_provider import OidcProvider

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


# -- the mailbox inbox ---------------------------------------------------------------------

NAMES_ENV = "LEADPOP_TEST_IMAP_NAMES"  # the harness's name map, for the spawned claimers


class NameMap:
    """The tests' document names <-> the mailbox inbox's.

    A producer names a file, but the IMAP inbox names a message itself (from its
    INTERNALDATE and identity, app.inbox.imap.names). Each put() records the name the
    inbox gives the new message, and NamedInbox translates. A name the map doesn't know
    passes unchanged, so an inbox that renamed a document (after a release, say) fails the
    tests. Kept in a file so that claimers in other processes translate the same way.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._backend: dict[str, str] = {}
        self._load()

    def _load(self) -> None:
        if self.path.exists():
            self._backend = json.loads(self.path.read_text("utf-8"))

    def add(self, test_name: str, backend_name: str) -> None:
        self._backend[test_name] = backend_name
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self._backend), "utf-8")
        os.replace(tmp, self.path)

    def backend(self, test_name: str) -> str:
        if test_name not in self._backend:
            self._load()  # put() in the parent process after this one started
        return self._backend.get(test_name, test_name)

    def test(self, backend_name: str) -> str:
        found = [t for t, b in self._backend.items() if b == backend_name]
        return found[-1] if found else backend_name


class NamedInbox:
    """An Inbox as the tests see it: the same calls, in the tests' document names."""

    def __init__(self, inbox: Inbox, names: NameMap) -> None:
        self.inbox, self.names = inbox, names
        self.location = inbox.location

    def _doc(self, doc: InboxDoc) -> InboxDoc:
        return replace(doc, name=self.names.backend(doc.name))

    def list_new(self) -> list[InboxDoc]:
        docs = [replace(d, name=self.names.test(d.name)) for d in self.inbox.list_new()]
        return sorted(docs, key=lambda d: (d.received_at, d.name))  # the contract's order

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        return self.inbox.read(self._doc(doc), limit)

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        self.inbox.quarantine(self._doc(doc), reason)

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        self.inbox.set_aside_duplicate(self._doc(doc), of_name)  # of_name is only recorded

    def claim(self, name: str, user: str) -> ClaimResult:
        return self.inbox.claim(self.names.backend(name), user)

    def release(self, name: str, user: str) -> bool:
        return self.inbox.release(self.names.backend(name), user)

    def claimed_by(self, name: str) -> str | None:
        return self.inbox.claimed_by(self.names.backend(name))

    def append_event(self, event: dict[str, Any]) -> None:
        self.inbox.append_event(event)

    def read_events(self, cursor: Cursor) -> tuple[list[dict[str, Any]], Cursor]:
        events, after = self.inbox.read_events(cursor)
        return list(events), after  # a backend may decode lazily: the contract is the events

    def announce(self, presence: Presence) -> None:
        self.inbox.announce(presence)

    def present(self, now: datetime) -> list[Presence]:
        return self.inbox.present(now)

    def held_documents(self, limit: int) -> Iterator[HeldDocument]:
        for doc in self.inbox.held_documents(limit):  # type: ignore[attr-defined]
            yield replace(doc, name=self.names.test(doc.name))

    def erase_documents(self, names: Iterable[str]) -> int:
        erase = self.inbox.erase_documents  # type: ignore[attr-defined]
        return int(erase([self.names.backend(n) for n in names]))

    def rewrite_own_log(self, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
        return int(self.inbox.rewrite_own_log(scrub))  # type: ignore[attr-defined]

    def wait_for_change(self, timeout: float) -> bool:
        return self.inbox.wait_for_change(timeout)

    def check(self) -> None:
        self.inbox.check()

    def close(self) -> None:
        self.inbox.close()


class ImapBackend:
    """A fresh account on a real Dovecot: MAILBOX is INBOX, APPEND is how leads land."""

    def __init__(self, root: Path, server: DovecotServer) -> None:
        root.mkdir()
        self.server = server
        self.account, self.password = server.new_account()
        self.location = server.url(self.account)
        self.names = NameMap(root / "names.json")
        # For the spawned claimers: the password the way Leadpop takes it, and the names.
        self.env = {ENV_PASSWORD: self.password, NAMES_ENV: str(self.names.path)}
        self._clients: list[Inbox] = []
        self._last_now: datetime | None = None

    def make(self, user: str, host: str) -> Inbox:
        inbox = ImapInbox(self.location, user, host, watch=False, password=self.password)
        self._clients.append(inbox)
        return NamedInbox(inbox, self.names)

    # -- the producer's side ---------------------------------------------------------------

    def put(self, name: str, data: bytes, *, at: datetime | None = None) -> None:
        self.put_in_flight(name, data, at=at)()

    def put_in_flight(
        self, name: str, data: bytes, *, at: datetime | None = None
    ) -> Callable[[], None]:
        """An APPEND lands whole or not at all: the message exists once it is made."""
        return lambda: self._append(name, data, at)

    def _append(self, name: str, data: bytes, at: datetime | None) -> None:
        if at is None:
            # INTERNALDATE has whole seconds, and identical messages of the same second are
            # one document to this inbox (the Desk would take them for one lead anyway):
            # "now" here is a second of its own for every put.
            at = datetime.now(UTC).replace(microsecond=0)
            if self._last_now is not None and at <= self._last_now:
                at = self._last_now + timedelta(seconds=1)
            self._last_now = at
        uid = self.server.append(self.account, self.password, data, at=at)
        with self.server.client(self.account, self.password) as client:
            client.select_folder("INBOX", readonly=True)
            names = name_all(fetch_messages(client, client.search(["ALL"])).values())
        self.names.add(name, names[uid])

    # -- looking behind the contract -------------------------------------------------------

    def _folder(self, client: Any, *parts: str) -> str:
        prefix, sep = client.namespace().personal[0]
        return prefix + sep.join(("Leadpop", *parts))

    def kept(self, kind: str) -> dict[str, tuple[bytes, str]]:
        """Messages set aside ("quarantine" or "duplicates"): name -> (bytes, reason)."""
        with self.server.client(self.account, self.password) as client:
            folder = self._folder(client, kind.capitalize())
            if not client.folder_exists(folder):
                return {}
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            whole = {u: d[b"BODY[]"] for u, d in client.fetch(uids, [b"BODY.PEEK[]"]).items()}
            parsed = {u: message_from_bytes(b, policy=policy.default) for u, b in whole.items()}
            notes = [m for m in parsed.values() if m["X-Leadpop-Doc"]]  # the reason's note
            docs = [u for u, m in parsed.items() if not m["X-Leadpop-Doc"]]
            names = name_all(fetch_messages(client, docs).values())
        reasons = {str(m["X-Leadpop-Doc"]): m.get_content().strip() + "\n" for m in notes}
        return {
            self.names.test(name): (whole[uid], reasons.get(name, ""))
            for uid, name in sorted(names.items(), key=lambda item: item[1])
        }

    def tear(self, user: str, host: str, data: bytes) -> None:
        """A message in the activity folder that ends in the middle of a line."""
        client_id = imap_activity.client_id(user, host)
        with self.server.client(self.account, self.password) as client:
            folder = self._folder(client, "Activity")
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, imap_activity.event_message(client_id, data, "torn"))

    @contextmanager
    def outage(self) -> Iterator[None]:
        """The mail server goes down and comes back (same maildirs, same port)."""
        self.server.stop()
        try:
            yield
        finally:
            self.server.start()

    def close(self) -> None:
        for inbox in self._clients:
            inbox.close()


class OAuthImapBackend(ImapBackend):
    """The same mailbox, opened with OAuth 2.0 (XOAUTH2): Dovecot asks a local OpenID
    provider about each token. The producer still delivers with a password."""

    def __init__(self, root: Path, server: DovecotServer, idp: OidcProvider) -> None:
        super().__init__(root, server)
        watcher = f"watcher-{self.account}@dealer.example.nl"  # the lead watcher account
        idp.provider.add_account(watcher, self.account)
        query = urlencode({"auth": "oauth2", "issuer": idp.issuer, "client_id": CLIENT_ID})
        self.location = f"{server.url(self.account)}?{query}"
        # The sign-in's refresh token, the way a kiosk (and a spawned claimer) takes it.
        token = idp.provider.issue_grant(watcher, CLIENT_ID)
        self.env = {ENV_REFRESH_TOKEN: token, NAMES_ENV: str(self.names.path)}

    def make(self, user: str, host: str) -> Inbox:
        inbox = ImapInbox(self.location, user, host, watch=False)
        self._clients.append(inbox)
        return NamedInbox(inbox, self.names)


Harness = FolderBackend | ImapBackend
# name -> make(root, fixture): `fixture` looks up a pytest fixture (the Dovecot server).
BACKENDS: dict[str, Callable[[Path, Callable[[str], Any]], Harness]] = {
    "folder": lambda root, fixture: FolderBackend(root),
    "imap": lambda root, fixture: ImapBackend(root, fixture("dovecot")),
    "postgres": lambda root, fixture: _postgres_backend(root, fixture("postgres")),
    "imap-oauth": lambda root, fixture: OAuthImapBackend(
        root, fixture("oauth_dovecot"), fixture("idp")
    ),
}


def _postgres_backend(root: Path, server: Any) -> Any:
    from pg_harness import PostgresBackend  # psycopg only where the group inbox is tested

    return PostgresBackend(root, server)


def claimer(location: str, user: str, host: str, barrier: Any, conn: Any) -> None:
    """One showroom PC in its own process: claims each name it is sent, all at once."""
    inbox: Inbox = open_inbox(location, user, host, watch=False)
    if location.startswith("imap") and NAMES_ENV in os.environ:
        inbox = NamedInbox(inbox, NameMap(Path(os.environ[NAMES_ENV])))
    try:
        while (name := conn.recv()) is not None:
            barrier.wait(timeout=10)  # both claimers rename as simultaneously as we can
            result = inbox.claim(name, user)
            conn.send((result.won, result.owner))
    finally:
        inbox.close()
        conn.close()

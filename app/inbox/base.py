"""The shared lead inbox contract. The folder backend and the mailbox backend both implement it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.core.presence import Presence


class InboxError(Exception):
    """Base of inbox errors; the message is one line a person can act on."""


class InboxUnavailable(InboxError):
    """The inbox can't be reached right now (unmounted, permission denied, disk full, network)."""


class InboxConfigError(InboxError):
    """The inbox location itself is wrong (doesn't exist, not a folder, bad URL): don't retry."""


class PasswordNeeded(InboxConfigError):
    """No password for this inbox yet: ask the person once, keep it, open again."""

    def __init__(self, user: str, host: str, message: str | None = None) -> None:
        self.user, self.host = user, host
        super().__init__(
            message
            or f"Leadpop needs the password of {user} on {host}: enter it once "
            "(it is kept in the system keyring)"
        )


class PasswordRejected(PasswordNeeded):
    """The server refused the login. Not retried: servers lock accounts after a few tries."""


class SignInNeeded(InboxConfigError):
    """An OAuth inbox has no sign-in, or the provider no longer takes it (expired, revoked).

    Not retried: the person signs in again, once (the GUI says so in the status bar and
    the tray, the CLI has `leadpop signin`), and the local store keeps working meanwhile.
    """

    def __init__(self, mailbox: str, message: str) -> None:
        self.mailbox = mailbox
        super().__init__(message)


@dataclass(frozen=True)
class OAuthApp:
    """The OAuth app registration IT deploys in leadpop.toml. A public client: nothing in it
    is secret (Google's "Desktop" client secret is, by Google's own account, not one)."""

    client_id: str = ""
    tenant: str = ""  # Microsoft: the tenant id or domain (autohuis.onmicrosoft.com)
    client_secret: str = ""  # Google Desktop clients only
    authority: str = ""  # Microsoft: another sign-in host (a national cloud); rarely set


@dataclass(frozen=True)
class SignInCode:
    """A device-code sign-in (RFC 8628): the code to show big, and where to type it."""

    user_code: str
    verification_uri: str
    expires_in: float
    verification_uri_complete: str = ""


class DocumentGone(InboxError):
    """The document left `new/` (claimed by someone else) between list and read."""


class DocumentOverLimit(InboxError):
    """The document is over the reader's limit and was not read; `reason` goes to quarantine."""

    def __init__(self, name: str, size: int, limit: int) -> None:
        self.name, self.size, self.limit = name, size, limit
        self.reason = f"document too large: {size} bytes, the limit is {limit} bytes"
        super().__init__(f"{name}: {self.reason}")


@dataclass(frozen=True)
class InboxDoc:
    """A lead document waiting in the inbox (`new/`)."""

    name: str  # unique within the inbox, e.g. "20261125-100200-jansen.json"; the claim key
    received_at: datetime  # when it landed, as the shared inbox reports it (aware)
    size: int


@dataclass(frozen=True)
class ClaimResult:
    won: bool
    owner: str | None  # the winner: me when won, the colleague when lost, None if unknown


@dataclass(frozen=True)
class HeldDocument:
    """A document the inbox holds anywhere: waiting, claimed, set aside (the AVG's right of
    access and erasure look at all of them)."""

    name: str
    where: str  # "new", "claimed/<user>", "quarantine" or "duplicates"
    data: bytes  # at most the limit asked for (a longer one is cut there)
    reason: str | None = None  # why it was set aside, for quarantine/ and duplicates/


# Opaque, JSON-serializable read position of the activity log (e.g. {file: byte offset}).
Cursor = dict[str, Any]


class Inbox(Protocol):
    location: str

    def list_new(self) -> list[InboxDoc]:
        """Documents in `new/`, in-flight (`.tmp`) files excluded. Costs O(new), not O(history)."""
        ...

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        """The document's bytes. Raises DocumentOverLimit past `limit` (intake's limit) unread."""
        ...

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        """Move an unreadable document aside with a one-line reason. Never deletes it."""
        ...

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        """Move a duplicate of an existing lead out of `new/`, keeping it."""
        ...

    def claim(self, name: str, user: str) -> ClaimResult:
        """Atomically take the document; exactly one of several racing claimers wins."""
        ...

    def release(self, name: str, user: str) -> bool:
        """Give a claimed document back to the team (`new/`). False if `user` doesn't hold it."""
        ...

    def claimed_by(self, name: str) -> str | None:
        """Who holds the document, if anyone."""
        ...

    def append_event(self, event: dict[str, Any]) -> None:
        """Append to this client's own activity log, flushed. Raises InboxUnavailable."""
        ...

    # Optional: `read_claimed(name, user, limit) -> bytes`, a document `user` holds (raises
    # DocumentGone, DocumentOverLimit). A store replaced after damage re-reads the PC's own
    # leads with it; without it they are rebuilt from their `claimed` events alone.

    # Optional: `logged(event_ids: Iterable[str]) -> set[str]`, which of these events this
    # client's own log already holds (raises InboxUnavailable). The engine asks it before
    # appending an event whose earlier append may have landed (a crash, an error half-way),
    # so a retry never writes a second line. A backend whose append is idempotent by event
    # id (PostgreSQL's ON CONFLICT) needn't have it; without it a retry may add a second
    # copy, which readers drop (they dedup by id).

    # Optional, personal data (the AVG; app.engine.privacy), the one case where Leadpop deletes:
    # - `held_documents(limit) -> Iterator[HeldDocument]`: every document in every folder,
    #   O(history): only for a customer's request (access, erasure).
    # - `erase_documents(names: Collection[str]) -> int`: delete the documents of these
    #   names from every folder, with their reasons or notes, for good (a mailbox:
    #   flagged deleted and expunged). Returns how many went. Raises InboxUnavailable.
    # - `rewrite_own_log(scrub) -> int`: rewrite this client's own activity log (never a
    #   colleague's), each event replaced by `scrub(event)` unless that is None; atomic,
    #   and readers never read a replaced event as new (they dedup by id). Returns how many.

    def read_events(self, cursor: Cursor) -> tuple[Iterable[dict[str, Any]], Cursor]:
        """New events of the whole team since `cursor`, and the cursor after them.

        Incremental: only new bytes/messages are read (here; raises InboxUnavailable), the
        events may be decoded as they are iterated. Malformed lines are skipped; a torn last
        line is left for the next read. Dedup by id is the caller's job (the store).
        """
        ...

    def announce(self, presence: Presence) -> None:
        """Put this PC's presence record in the inbox, replacing its previous one (one
        record per user@host, written whole or not at all). Raises InboxUnavailable.
        Called on a slow timer, never on the way to an alert."""
        ...

    def present(self, now: datetime) -> list[Presence]:
        """The team at `now`: one record per user, its status as it holds then (a PC
        that stopped announcing is OFFLINE; app.core.presence.present). Unreadable
        records are skipped. Raises InboxUnavailable."""
        ...

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to `timeout` s until the backend notices a change (watcher/IDLE).

        Returns True on a change. Always safe to return False: the caller re-lists anyway,
        because network shares drop change notifications.
        """
        ...

    def check(self) -> None:
        """Raise InboxUnavailable / InboxConfigError if the inbox can't be used right now."""
        ...

    def close(self) -> None: ...

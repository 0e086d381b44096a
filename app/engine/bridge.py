"""The bridge: moves lead documents from a folder or mailbox into the group database.

Headless, for a Windows service or a systemd unit: with a bridge, one process touches the
mailbox whatever the number of PCs. Exactly once per document: the target keeps the
source's identity (the e-mail's Message-ID, else the document's name at the source) and
adds a document it already has never again; only then is the source's copy taken out of
its `new/` (claimed by the bridge: kept, never deleted). A bridge that dies in between
finds the document already in the target next time and only takes it out. So two bridges
may run at once, for safety.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, replace

from app.inbox.base import DocumentGone, Inbox, InboxConfigError, InboxDoc, InboxError
from app.settings.config import Config

log = logging.getLogger(__name__)

BRIDGE_USER = "leadpop-bridge"  # the source's claimed/<user>: where moved documents are kept
RECHECK_S = 2.0  # as the PCs: a mailbox or share may drop change notifications
MAX_BACKOFF_S = 60.0
MAX_BYTES = 5 * 1024 * 1024 + 1  # over the intake's limit: the PCs quarantine it, unread
_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(<[^>\r\n]{1,250}>)", re.IGNORECASE | re.MULTILINE)


@dataclass
class BridgeRound:
    moved: int = 0
    already: int = 0  # in the target before (another bridge, or a crash before the take-out)
    gone: int = 0  # taken by another bridge between listing and reading


def source_key(doc: InboxDoc, data: bytes) -> str:
    """The document's identity across bridges: an e-mail's Message-ID, else its name."""
    head = data[: 64 * 1024].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    found = _MESSAGE_ID.search(head)
    if found:
        return "message-id:" + found.group(1).decode("ascii", "replace")
    return "name:" + doc.name


def check_target(target: Inbox) -> None:
    if getattr(target, "put_document", None) is None:
        raise InboxConfigError("the bridge's --to must be a group database (postgresql://…)")


def bridge_once(source: Inbox, target: Inbox) -> BridgeRound:
    """One pass over the source's new documents. Raises InboxError (the caller backs off)."""
    check_target(target)
    done = BridgeRound()
    for doc in source.list_new():
        try:
            data = source.read(doc, MAX_BYTES)
        except DocumentGone:
            done.gone += 1
            continue
        key = source_key(doc, data)
        put = target.put_document  # type: ignore[attr-defined]
        if put(data, name=doc.name, received_at=doc.received_at, key=key) is None:
            done.already += 1
        else:
            done.moved += 1
        source.claim(doc.name, BRIDGE_USER)  # out of the source's new/: kept, never deleted
    return done


def run_bridge(
    source: Inbox, target: Inbox, stop: threading.Event, *, once: bool = False
) -> BridgeRound:
    """Bridge until `stop` is set (or one pass with `once`); an outage is waited out."""
    check_target(target)
    total, failures = BridgeRound(), 0
    while not stop.is_set():
        try:
            done = bridge_once(source, target)
        except InboxConfigError:
            raise
        except InboxError as exc:
            failures += 1
            delay = min(MAX_BACKOFF_S, 2.0**failures)
            log.warning("bridge: %s (trying again in %.0f s)", exc, delay)
            if once:
                raise
            stop.wait(delay)
            continue
        if failures:
            log.info("bridge: both inboxes reachable again")
        failures = 0
        total.moved += done.moved
        total.already += done.already
        total.gone += done.gone
        if done.moved:
            log.info("bridge: moved %d document(s)", done.moved)
        if once:
            break
        source.wait_for_change(RECHECK_S)
    return total


def open_at(cfg: Config, location: str, *, watch: bool = False) -> Inbox:
    """An inbox at `location` opened as the configured one is (password, OAuth, keyring)."""
    from app.engine import session

    return session.open_inbox(replace(cfg, inbox=location, inbox_given=True), watch=watch)

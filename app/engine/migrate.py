"""Moving to a group: copy an inbox (folder or mailbox) into the group database.

Every document keeps its name and when it landed; claimed documents keep their owner,
set-aside ones their reason, and every activity event is copied as it is, so `leadpop
report` on the database gives the same figures as on the old inbox. Run it again and
nothing is copied twice (documents by their source name, events by id).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.inbox.base import Inbox, InboxConfigError
from app.inbox.open import folder_of

EVENT_BATCH = 20_000  # one transaction each: a year of a group is 250,000 events


@dataclass
class Migrated:
    documents: int = 0
    claimed: int = 0
    set_aside: int = 0
    events: int = 0


def migrate_inbox(source: Inbox, source_location: str, target: Inbox) -> Migrated:
    """Copy `source` into `target`. Raises InboxError."""
    if getattr(target, "import_documents", None) is None:
        raise InboxConfigError("migrate-inbox copies into a group database (postgresql://…)")
    done = Migrated()
    root = folder_of(source_location)
    if root is not None:  # every state: new, claimed, quarantine, duplicates
        counts = target.import_folder(root)  # type: ignore[attr-defined]
    else:  # a mailbox: the documents waiting in it (claimed messages stay in the mailbox)
        counts = target.import_documents(  # type: ignore[attr-defined]
            (doc, source.read(doc, 50 * 1024 * 1024)) for doc in source.list_new()
        )
    done.documents, done.claimed, done.set_aside = counts
    events, _ = source.read_events({})
    batch: list[dict[str, object]] = []
    for event in events:
        batch.append(event)
        if len(batch) >= EVENT_BATCH:
            done.events += target.append_events(batch)  # type: ignore[attr-defined]
            batch = []
    if batch:
        done.events += target.append_events(batch)  # type: ignore[attr-defined]
    return done

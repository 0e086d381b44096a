"""Personal data (the AVG/GDPR): what Leadpop holds on a customer, erasing it, retention.

One engine API for the `leadpop` command and the Team tab:

- `find(customer)`: the customer's leads (by e-mail, phone in any notation, or one lead)
  and the documents the inbox holds on them, in every folder;
- `export(found)`: all of it as JSON (the right of access);
- `forget(found)`: erased everywhere Leadpop put it. On this PC: the inbox documents (the
  one case where Leadpop deletes), this PC's own activity log (each event keeps its facts
  and loses the name, notes and document name), the local store (app.store.erasure) and
  the log files. A `forgotten` event (the lead id, nothing personal) tells every other
  PC to do the same with its own log, store and log files at its next poll (`absorb`);
- retention (`retain`): leads whose last activity is older than `retention_months` (IT's
  leadpop.toml, 24 by default) are anonymised the same way on every PC, checked at most
  once a day from the poll.

The team's figures don't change: an erased lead still counts as a lead, its calls as
calls, its sale as a sale.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.core.events import EventLines, scrubbed
from app.core.timefmt import to_utc_text
from app.inbox.base import HeldDocument
from app.settings.registry import BY_KEY
from app.store import erasure
from app.system import logs

if TYPE_CHECKING:
    from app.engine.desk import Desk

log = logging.getLogger(__name__)

RETENTION_KEY = "retention_months"
CHECK_EVERY = timedelta(days=1)
_ERASING = threading.Lock()
_CHECKED = "privacy_retention_checked_at"  # a store setting: survives a restart
# A number as people write it in a document: digits with spaces, dashes, dots, brackets.
_NUMBER = re.compile(r"(?:\+|00)?\d[\d \-./()]{6,20}\d")
_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")  # an e-mail starts with a header


@dataclass(frozen=True)
class Customer:
    """Who a request is about: an e-mail address, a phone number, or one of their leads."""

    email: str | None = None
    phone: str | None = None
    lead: str | None = None


@dataclass
class Found:
    """What Leadpop holds on a customer: their leads and the inbox's documents on them."""

    customer: Customer
    leads: list[str] = field(default_factory=list)
    documents: list[HeldDocument] = field(default_factory=list)
    texts: set[str] = field(default_factory=set)  # what identifies them, for log files

    def __bool__(self) -> bool:
        return bool(self.leads or self.documents)

    def summary(self) -> str:
        """Counts only: nothing personal on the screen or in a log."""
        return f"{len(self.leads)} lead(s), {len(self.documents)} document(s) in the inbox"


@dataclass(frozen=True)
class Erased:
    """What an erasure did, in counts (nothing personal)."""

    leads: int = 0  # leads whose personal data went (the local store's and the team's)
    documents: int = 0  # inbox documents deleted, in every folder
    events: int = 0  # this PC's own activity-log events rewritten without personal data
    log_lines: int = 0  # log-file lines dropped
    notes: int = 0  # call notes removed
    clean: bool = True  # the store's write-ahead log is empty

    def summary(self) -> str:
        text = (
            f"erased: {self.leads} lead(s) in the local store, {self.documents} document(s) "
            f"in the inbox, {self.events} event(s) of this PC's activity log, "
            f"{self.notes} call note(s), {self.log_lines} log-file line(s)"
        )
        if not self.clean:
            text += " (the store's write-ahead log is emptied when Leadpop next closes)"
        return text


class PrivacyError(Exception):
    """A request Leadpop can't act on (no such lead, not a phone number): one line."""


def months_before(when: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st: the month's last)."""
    y, m = divmod(when.year * 12 + when.month - 1 - months, 12)
    day = when.day
    while True:
        try:
            return when.replace(year=y, month=m + 1, day=day)
        except ValueError:
            day -= 1


class Privacy:
    """The AVG on one Desk: find, export, forget; and the poll's two hooks."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._next_check: datetime | None = None

    # -- finding a customer --------------------------------------------------------------

    def find(self, customer: Customer) -> Found:
        """The customer's leads (this PC's store, and the inbox's documents on them).
        Raises PrivacyError, InboxError (the inbox is read whole: every folder)."""
        from app.core.phone import normalize_phone  # here: phonenumbers is slow to import

        desk, db = self.desk, self.desk.store.db
        region = desk.config.region
        emails = {customer.email.strip().casefold()} if customer.email else set()
        phones: set[str] = set()
        if customer.phone:
            phone = normalize_phone(customer.phone, region)
            if not phone.valid or not phone.e164:
                raise PrivacyError(f"--phone: {customer.phone!r} is not a phone number")
            phones.add(phone.e164)
        leads: set[str] = set()
        if customer.lead:
            row = desk.store.lead(customer.lead)
            known = row is not None or erasure.team_states(db, [customer.lead])
            if not known:
                raise PrivacyError(f"no lead {customer.lead} on this PC")
            leads.add(customer.lead)
            if row is not None:  # the same customer's other leads too
                if row["email"]:
                    emails.add(row["email"].casefold())
                if row["phone_e164"]:
                    phones.add(row["phone_e164"])
        for email in emails:
            leads.update(erasure.leads_of(db, phones, email))
        leads.update(erasure.leads_of(db, phones, None))
        names = erasure.documents_of(db, leads)
        found = Found(customer)
        texts: set[str] = set()
        from_docs: set[str] = set()
        held = getattr(desk.inbox, "held_documents", None)
        if held is not None:
            from app.intake import MAX_DOCUMENT_BYTES

            for doc in held(MAX_DOCUMENT_BYTES):
                lead_id, doc_texts = self._match(doc, emails, phones, names)
                if lead_id is None:
                    continue
                found.documents.append(doc)
                texts |= doc_texts
                if lead_id:
                    from_docs.add(lead_id)
        # A document's lead that this PC or the team knows (a duplicate's own id is none).
        from_docs -= leads
        known = set(erasure.team_states(db, from_docs))
        known |= {r["id"] for r in erasure.lead_rows(db, from_docs)}
        found.leads = sorted(leads | known)
        found.texts = texts | erasure.personal_text(db, found.leads) | emails
        found.texts |= {d.name for d in found.documents}
        if customer.phone:
            found.texts.add(customer.phone)
        for e164 in phones:
            found.texts |= _notations(e164, region)
        return found

    def _match(
        self, doc: HeldDocument, emails: set[str], phones: set[str], names: set[str]
    ) -> tuple[str | None, set[str]]:
        """Whether `doc` is about the customer: (its lead id, or "" when it is but can't be
        read as a lead; None when it isn't), and what in it identifies them."""
        from app.core.phone import normalize_phone
        from app.intake import Unreadable, parse_document

        try:
            lead = parse_document(
                doc.data, received_at=self.desk.clock.now(), name=doc.name,
                region=self.desk.config.region,
            )  # fmt: skip
        except Unreadable:
            lead = None
        if lead is not None:
            e164 = lead.phone.e164 if lead.phone else None
            mine = (
                doc.name in names
                or (lead.email or "").casefold() in emails
                or (e164 is not None and e164 in phones)
            )
            if not mine:
                return None, set()
            texts = {t for t in (lead.name, lead.email, lead.phone and lead.phone.raw) if t}
            return lead.id, texts
        # Unreadable (quarantined): look for the address or the number in its text.
        text = _text_of(doc.data).casefold()
        if doc.name in names or any(e in text for e in emails):
            return "", set()
        region = self.desk.config.region
        for raw in _NUMBER.findall(text):
            if normalize_phone(raw, region).e164 in phones:
                return "", {raw}
        return None, set()

    # -- access --------------------------------------------------------------------------

    def export(self, found: Found) -> dict[str, Any]:
        """Everything Leadpop holds on the customer, as JSON: the local store's leads and
        calls, the team's record of them, the documents (with why they were set aside),
        and the activity log's events about their leads. Raises InboxError."""
        db = self.desk.store.db
        wanted = set(found.leads)
        events, _ = self.desk.inbox.read_events({})
        about = sorted(  # by time; the log's own order within a second
            (e for e in events if e.get("lead") in wanted),
            key=lambda e: datetime.fromisoformat(e["ts"]),
        )
        return {
            "customer": {k: v for k, v in vars(found.customer).items() if v},
            "exported_at": self.desk.clock.now().isoformat(timespec="seconds"),
            "pc": {"user": self.desk.user, "host": self.desk.config.host},
            "leads": erasure.lead_rows(db, found.leads),
            "team_record": erasure.team_states(db, found.leads),
            "documents": [
                {
                    "name": d.name,
                    "folder": d.where,
                    "reason": d.reason,
                    "content": _text_of(d.data),
                }
                for d in found.documents
            ],
            "activity_events": about,
        }

    # -- erasure -------------------------------------------------------------------------

    def forget(self, found: Found) -> Erased:
        """Erase the customer everywhere (see the module's doc). The documents go first:
        an inbox that can't be reached stops it before anything is erased (raises
        InboxError), and a second run finds them again by their content."""
        desk = self.desk
        documents = 0
        if found.documents:
            erase_documents = getattr(desk.inbox, "erase_documents", None)
            if erase_documents is None:
                raise PrivacyError("this inbox can't erase documents")
            documents = erase_documents({d.name for d in found.documents})
        for lead in found.leads:  # published now, or kept in the outbox until it can be
            desk.emit("forgotten", lead)
        erased = self._erase(found.leads, found.texts)
        log.info("forgot a customer: %s", erased.summary())
        return Erased(
            erased.leads, documents, erased.events, erased.log_lines, erased.notes, erased.clean
        )

    def forget_lead(self, lead_id: str) -> Erased:
        """The manager's action (the Team tab, through an EngineOp): the customer of this
        lead, forgotten with all their leads. Raises PrivacyError, InboxError."""
        return self.forget(self.find(Customer(lead=lead_id)))

    def _erase(self, leads: Collection[str], texts: Iterable[str]) -> Erased:
        """This PC's part: its own activity log, its store, its log files. One at a time:
        the app's two engines (the salesperson's and the Team tab's) both read a colleague's
        `forgotten`; the second finds nothing left to do."""
        with _ERASING:
            return self._erase_here(leads, texts)

    def _erase_here(self, leads: Collection[str], texts: Iterable[str]) -> Erased:
        from app.engine.desk import _PUBLISHING

        if not leads:
            return Erased(log_lines=logs.forget(texts))
        wanted = set(leads)
        events = 0
        rewrite = getattr(self.desk.inbox, "rewrite_own_log", None)
        if rewrite is not None:

            def scrub(event: dict[str, Any]) -> dict[str, Any] | None:
                if event.get("lead") not in wanted:
                    return None
                clean = scrubbed(event)
                return clean if clean != event else None

            with _PUBLISHING:  # no append of ours while the file is replaced
                events = rewrite(scrub)
        store = erasure.erase(self.desk.store.db, sorted(wanted))
        lines = logs.forget(texts)
        return Erased(store.leads, 0, events, lines, store.notes, store.clean)

    # -- the poll's hooks ----------------------------------------------------------------

    def absorb(self, events: Iterable[dict[str, Any]]) -> None:
        """Colleagues' `forgotten` events among the new ones: erase those leads here too.
        Cheap when there are none (a byte search of the new lines). Raises InboxError."""
        if isinstance(events, EventLines):
            forgotten = events.of_type("forgotten")
        else:
            forgotten = [e for e in events if e.get("type") == "forgotten"]
        me = (self.desk.user, self.desk.config.host)
        leads = {e["lead"] for e in forgotten if (e["user"], e["host"]) != me}
        if not leads:
            return
        texts = erasure.personal_text(self.desk.store.db, leads)
        erased = self._erase(sorted(leads), texts)
        log.info("a colleague forgot a customer: %s", erased.summary())

    def retain(self, now: datetime) -> Erased | None:
        """Anonymise the leads past the retention period, at most once a day (this PC's
        share of it: every PC does its own). Raises InboxError (tried again next poll)."""
        if self._next_check is not None and now < self._next_check:
            return None
        store = self.desk.store
        last = store.setting(_CHECKED)
        if last is not None:
            try:
                due = datetime.fromisoformat(last) + CHECK_EVERY
            except ValueError:
                due = now
            if now < due:
                self._next_check = due
                return None
        months = self.desk.config.deployed.get(RETENTION_KEY) or BY_KEY[RETENTION_KEY].default
        db = store.db
        leads = erasure.expired(db, months_before(now, int(months)))
        erased = Erased()
        if leads:
            names = erasure.documents_of(db, leads)
            texts = erasure.personal_text(db, leads)
            documents = 0
            erase_documents = getattr(self.desk.inbox, "erase_documents", None)
            if names and erase_documents is not None:
                documents = erase_documents(names)
            part = self._erase(leads, texts)
            erased = Erased(part.leads, documents, part.events, part.log_lines, part.notes)
            log.info("retention (%s months): %s", months, erased.summary())
        store.set_setting(_CHECKED, to_utc_text(now))
        self._next_check = now + CHECK_EVERY
        return erased


def _text_of(data: bytes) -> str:
    """A document as text, for a person (the export) and for the number search: an
    e-mail's text parts decoded, anything else as UTF-8 (else Latin-1)."""
    head = data[:2048]
    if b"\n" in head and _HEADER.match(head):
        from email import message_from_bytes, policy

        msg = message_from_bytes(data, policy=policy.default)
        parts = []
        for key in ("From", "Reply-To", "Subject"):
            if msg.get(key):
                parts.append(f"{key}: {msg.get(key)}")
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    parts.append(str(part.get_content()))
                except (LookupError, ValueError):
                    continue
        return "\n".join(parts)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _notations(e164: str, region: str) -> set[str]:
    """A number as people write it, for the log files: +31612345678, 0612345678,
    06 12345678, 06-12345678, +31 6 12345678 …"""
    import phonenumbers

    out = {e164}
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return out
    for fmt in (
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    ):
        text = phonenumbers.format_number(number, fmt)
        out |= {text, text.replace(" ", ""), text.replace(" ", "-")}
    national = str(number.national_number)
    out |= {"0" + national, national}
    return {t for t in out if len(t) >= 6}

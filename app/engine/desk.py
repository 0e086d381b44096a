"""The engine: one Qt-free object that ties inbox + store + clock together.

The desktop app drives it from a worker thread; the CLI calls it directly. Both get the
same numbers because they call the same code.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from app.core.cadence import next_attempt, reminder_due, snooze_until
from app.core.clock import Clock
from app.core.enums import LeadState, LeadStatus
from app.core.events import REACHED_OUTCOMES, make_event
from app.core.kpi import LeadFacts, team_report
from app.core.timefmt import from_text, to_utc_text
from app.inbox.base import (
    ClaimResult,
    DocumentGone,
    DocumentOverLimit,
    Inbox,
    InboxDoc,
    InboxError,
    InboxUnavailable,
    PasswordNeeded,
    PasswordRejected,
    SignInNeeded,
)
from app.settings.config import Config
from app.store import Store, team_queries
from app.store.db import REBUILD
from app.store.full import DiskFull, Held, is_full

if TYPE_CHECKING:
    from app.engine.offers import Offers
    from app.engine.privacy import Privacy
    from app.engine.views import LeadView

log = logging.getLogger(__name__)

SAME_CUSTOMER_WINDOW = timedelta(hours=24)
MAX_BACKOFF_S = 60.0
# A call's outcome recorded later than this after "Call now" is not that call's: its
# time is then the outcome's, as before (a forgotten prompt, a call made another way).
CALL_START_VALID = timedelta(hours=1)

# Crash-only actions. Every action is one local transaction holding its state change and
# its event in the outbox; an action on the shared inbox (claim, release) is first stored
# as an intent (the event, its id decided, held back), then done on the inbox, then
# confirmed in one more transaction. A restart at any instant finds the intent and asks
# the inbox how it ended (_settle): done, it is completed; not done, it is dropped (the
# lead alerts again). The event id never changes, and the outbox keeps the event until it
# is in the log, so the log gets it exactly once:
#
# - The worker's Desk and the Team tab's share one outbox (one store file): one of them
#   publishes at a time (one process per data folder: app.ui.single_instance).
# - An event queued by this process and never tried is surely not in the log. Any other
#   queued event (queued before a restart, or whose append failed half-way) may be: a
#   crash between the append and its removal from the outbox leaves it queued. The inbox
#   is asked whether its own log already holds it (Inbox.logged) before it is appended.
_PUBLISHING = threading.Lock()
_UNTRIED: set[str] = set()
# Intents being acted on right now (by either Desk of this process): not settled under them.
_IN_FLIGHT: set[str] = set()


@dataclass(frozen=True)
class Health:
    """The inbox's state as the UI shows it.

    Frozen: the worker thread sends it to the GUI thread, so a new state is a new object
    (the GUI may still be reading the one it got).
    """

    ok: bool = True
    down_since: datetime | None = None
    error: str | None = None
    last_ok: datetime | None = None
    failures: int = 0
    # The mailbox wants a password (user, host, refused before?): the GUI asks once.
    needs_password: tuple[str, str, bool] | None = None
    # The mailbox's OAuth sign-in is missing, expired or revoked: the one line to show
    # (status bar and tray, once); the person signs in again from the settings.
    sign_in_needed: str | None = None
    # The inbox can't push here (a group database behind PgBouncer in transaction
    # pooling): the one line to show while it lasts; leads still come by the re-check.
    push_problem: str | None = None
    # This PC's own disk is full (the local store can't write; the inbox may be fine):
    # new leads still alert (kept in memory) and are written once there is room.
    disk_full: bool = False

    def retry_delay(self) -> float:
        """Back off 2, 4, 8 … 60 s while the inbox is down."""
        return 0.0 if self.ok else min(MAX_BACKOFF_S, 2.0 ** min(self.failures, 6))


@dataclass
class PollResult:
    new_leads: list[str] = field(default_factory=list)  # lead ids that appeared (or came back)
    gone: list[tuple[str, str | None]] = field(default_factory=list)  # (lead id, who took it)
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (doc name, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (doc name, of lead id)
    new_events: int = 0
    published: int = 0
    messages: list[str] = field(default_factory=list)  # for the person, once (e.g. a rebuild)
    health: Health = field(default_factory=Health)


@dataclass(frozen=True)
class ClaimOutcome:
    won: bool
    owner: str | None
    error: str | None = None  # set when the inbox couldn't be reached: nobody owns it yet


class Desk:
    def __init__(self, inbox: Inbox, store: Store, clock: Clock, config: Config) -> None:
        self.inbox = inbox
        self.store = store
        self.clock = clock
        self.config = config
        self.user = config.user
        self.health = Health()
        self._next_try: datetime | None = None
        # The store replaced a damaged one: rebuild my work from the log once it is read.
        self._rebuild = store.setting(REBUILD) == "1"
        # While the disk is full (Health.disk_full): what waits to be stored (app.store.full),
        # claims won on the inbox whose confirm isn't stored yet (lead -> user), leads that
        # left new/ (lead -> who took it) and reminders fired, as the store would say.
        self.held = Held(store)
        self._won: dict[str, str] = {}
        self._gone: dict[str, str | None] = {}
        self._fired: dict[str, datetime] = {}

    # Imported and built on first use: `leadpop report` needs neither, and start-up counts.
    @cached_property
    def privacy(self) -> Privacy:
        """The AVG: forgotten customers, retention."""
        from app.engine.privacy import Privacy

        return Privacy(self)

    @cached_property
    def offers(self) -> Offers:
        """Routing: presence, and who is offered what now."""
        from app.engine.offers import Offers

        return Offers(self)

    # -- polling ---------------------------------------------------------------------------

    def poll(self) -> PollResult:
        """One round: detect leads, notice claims, read the team's events, flush the outbox."""
        now = self.clock.now()
        result = PollResult(health=self.health)
        if self._next_try is not None and now < self._next_try:
            return result  # backing off while the inbox is down; the local store still works
        try:
            if self.health.disk_full:
                self._disk(self._catch_up, now)
            self._disk(self._settle)
            self._detect(now, result)
            result.new_events = self._disk(self.sync_events) or 0
            if self._rebuild:
                message = self._disk(self._rebuild_from_log, now)
                if message:
                    result.messages.append(message)
            result.published = self._disk(self.publish_outbox) or 0
            self._disk(self.privacy.retain, now)  # at most once a day
            if not result.new_leads:  # presence waits a poll rather than delay an alert
                self.offers.refresh(now)  # every 30 s
        except InboxError as exc:
            self._down(now, exc)
        else:
            self._up(now)
        result.health = self.health
        return result

    def _down(self, now: datetime, exc: Exception) -> None:
        h = self.health
        if h.ok:
            log.warning("inbox unreachable: %s", exc)
        h = replace(
            h,
            ok=False,
            down_since=now if h.ok else h.down_since,
            error=str(exc),
            failures=h.failures + 1,
        )
        if isinstance(exc, PasswordNeeded):
            h = replace(h, needs_password=(exc.user, exc.host, isinstance(exc, PasswordRejected)))
        if isinstance(exc, SignInNeeded):
            h = replace(h, sign_in_needed=str(exc))
        self.health = h
        self._next_try = now + timedelta(seconds=h.retry_delay())

    def _up(self, now: datetime) -> None:
        if not self.health.ok:
            log.info("inbox reachable again")
        # Only some inboxes can tell (app.inbox.postgres); the rest push or re-check.
        push = getattr(self.inbox, "push_problem", None)
        self.health = Health(
            ok=True, last_ok=now, push_problem=push, disk_full=self.health.disk_full
        )
        self._next_try = None

    # -- a full disk -----------------------------------------------------------------------

    def _disk(self, step: Any, *args: Any) -> Any:
        """Run one step of the poll whose writes may find the disk full: it then waits for
        the next poll (what it read stays where it was: the cursor, the outbox, the
        intents), and the poll goes on. An inbox error still ends the poll."""
        try:
            return step(*args)
        except Exception as exc:
            if not is_full(exc):
                raise
            self._full(exc)
            return None

    def _full(self, exc: BaseException) -> None:
        """The store found no room: say so once (Health.disk_full), until space returns."""
        if not self.health.disk_full:
            log.warning("this PC's disk is full (%s): new leads are kept in memory", exc)
            self.health = replace(self.health, disk_full=True)

    def _catch_up(self, now: datetime) -> None:
        """While the disk is full, each poll tries to write what waits in memory (and a
        probe): once it can, the intents it wrote are settled next, as after a crash."""
        leads, intents = self.held.write(now)
        self._gone.clear()  # the poll's own listing says it again, now into the store
        self._fired.clear()
        self.health = replace(self.health, disk_full=False)
        log.warning(
            "this PC's disk has room again: %d lead(s) and %d claim(s) kept in memory stored",
            leads,
            intents,
        )

    def _stored(self, write: Any) -> bool:
        """Run a write whose loss the poll repeats anyway; False if the disk is full."""
        return self._disk(lambda: write() or True) is not None

    def _detect(self, now: datetime, result: PollResult) -> None:
        docs = self.inbox.list_new()
        present = {d.name for d in docs}
        # Only the names in new/: a poll costs O(new/), not O(every lead ever stored).
        known = self.store.leads_by_doc(present)
        if self.health.disk_full:
            known |= self.held.leads_by_doc(present)
        for doc in docs:
            row = known.get(doc.name)
            if row is not None:
                # Released back to the team: it is everybody's again, alert anew.
                if (
                    row["owner"] is not None
                    and row["state"] == LeadState.OPEN
                    and self._stored(lambda r=row: self.back_to_team(r["id"], now))
                ):
                    result.new_leads.append(row["id"])
                continue
            self._take_in(doc, now, result)
        for row in self.store.unclaimed():
            if row["doc_name"] not in present and row["id"] not in self._gone:
                owner = self.inbox.claimed_by(row["doc_name"])
                state = LeadState.OPEN if owner else LeadState.GONE
                if not self._stored(
                    lambda r=row, o=owner, s=state: self.store.update_lead(
                        r["id"], now, owner=o, state=s
                    )
                ):
                    self._gone[row["id"]] = owner  # until there is room: not alerted
                result.gone.append((row["id"], owner))
        for row in self.held.unclaimed():
            if row["doc_name"] not in present:
                owner = self.inbox.claimed_by(row["doc_name"])
                state = LeadState.OPEN if owner else LeadState.GONE
                self.held.update_lead(row["id"], now, owner=owner, state=state)
                result.gone.append((row["id"], owner))

    def _take_in(self, doc: InboxDoc, now: datetime, result: PollResult) -> None:
        # Imported here: `leadpop report` never parses a document, and the parsers (with
        # phonenumbers' tables) are a good part of its start-up.
        from app.intake import MAX_DOCUMENT_BYTES, Unreadable, parse_document

        try:
            data = self.inbox.read(doc, MAX_DOCUMENT_BYTES)
            received = min(doc.received_at, now)
            lead = parse_document(
                data, received_at=received, name=doc.name, region=self.config.region
            )
        except DocumentGone:
            return  # a colleague claimed or quarantined it between list and read
        except Exception as exc:  # this one document: set it aside, and the poll goes on
            if isinstance(exc, InboxError) and not isinstance(exc, DocumentOverLimit):
                raise  # the inbox itself is down (or wrong): the poll backs off
            reason = getattr(exc, "reason", None) or (
                str(exc) if isinstance(exc, Unreadable) else ""
            )
            if not reason:  # a reader's bug: the traceback (which may quote it) only at DEBUG
                reason = f"Leadpop couldn't read it ({type(exc).__name__})"
                log.error("reading a document failed: %s", reason)
                log.debug("reading a document failed", exc_info=True)
            self.inbox.quarantine(doc, reason)
            result.quarantined.append((doc.name, reason))
            # The document's name may be the customer's: only at DEBUG (app.system.logs).
            log.info("quarantined a document: %s", reason)
            log.debug("quarantined %s", doc.name)
            return
        original = self.store.lead(lead.id) or self.held.lead(lead.id)
        if original is None:
            original = self.store.find_same_customer(
                lead.phone.e164 if lead.phone else None,
                lead.email,
                lead.received_at,
                SAME_CUSTOMER_WINDOW,
            )
        if original is not None:
            if self.store.lead(original["id"]) is None:
                return  # a copy of a lead held in memory: set aside once that is stored
            copy = {
                "doc_name": doc.name,
                "source": lead.source,
                "received_at": to_utc_text(lead.received_at),
            }
            if not self._stored(lambda: self.store.add_duplicate(original["id"], copy)):
                return  # stays in new/ until there is room to note it
            self.inbox.set_aside_duplicate(doc, original["doc_name"])
            result.duplicates.append((doc.name, original["id"]))
            return
        sla = self.config.hours.sla_start(lead.received_at)
        try:
            self.store.insert_lead(lead, doc_name=doc.name, sla_start=sla, now=now)
        except Exception as exc:
            if not is_full(exc):
                raise
            self._full(exc)
            self.held.add_lead(lead, doc_name=doc.name, sla_start=sla, now=now)  # it alerts
        result.new_leads.append(lead.id)
        log.info("new lead %s (%s)", lead.id, lead.source or "unknown source")
        log.debug("lead %s is %s", lead.id, doc.name)

    def sync_events(self) -> int:
        """Read the team's new events into the store (incremental; dedup by id)."""
        source = self.inbox.location
        before = self.store.cursor(source)
        events, cursor = self.inbox.read_events(before)
        added = team_queries.add_events(self.store.db, events)
        self.privacy.absorb(events)  # a colleague's `forgotten`: erased here too
        if cursor != before:  # a quiet poll writes nothing (the worker's lists key on writes)
            self.store.save_cursor(source, cursor)
        if added:
            self._apply_team_claims()
        return added

    def _rebuild_from_log(self, now: datetime) -> str:
        """After a damaged store was replaced: this PC's own work, back from the shared log
        (read whole into the new store just before). The leads whose latest claim is mine
        (their documents re-read from the inbox when it can, else what the claim event
        says), my calls on them, their state and reminders; and "not me" on the leads still
        waiting in new/. Returns what it did, in one line for the person."""
        from app.core.lead import Lead
        from app.intake import MAX_DOCUMENT_BYTES, parse_document

        db = self.store.db
        team_queries.refresh_facts(db)
        read_claimed = getattr(self.inbox, "read_claimed", None)
        mine = [
            r[0] for r in db.execute("select lead from lead_facts where owner = ?", [self.user])
        ]
        leads = calls = 0
        for lead_id, state in team_queries.states_of(db, mine).items():
            if state.released or state.first is None or self.store.lead(lead_id) is not None:
                continue
            doc = state.document or ""
            received = state.received_at()
            lead = None
            if doc and read_claimed is not None:
                try:
                    data = read_claimed(doc, self.user, MAX_DOCUMENT_BYTES)
                    lead = parse_document(
                        data, received_at=received, name=doc, region=self.config.region
                    )
                except Exception as exc:  # gone, unreadable: the claim event's fields will do
                    log.info("rebuild: the document of lead %s: %s", lead_id, exc)
            if lead is None:
                name, source = state.first[4], state.first[5]
                lead = Lead(lead_id, received, str(name or ""), str(source or ""))
            lead = replace(lead, id=lead_id)
            lost = state.lost
            with self.store.transaction():
                self.store.insert_lead(
                    lead, doc_name=doc, sla_start=self.config.hours.sla_start(received), now=now
                )
                self.store.update_lead(
                    lead_id,
                    now,
                    owner=self.user,
                    claimed_at=to_utc_text(datetime.fromisoformat(state.first[2])),
                    state=LeadState.SOLD
                    if state.sold
                    else LeadState.LOST
                    if lost
                    else LeadState.OPEN,
                    lost_reason=lost[2] if lost else None,
                )
                for call in state.calls:  # [instant, id, time, attempt, outcome, user]
                    if call[5] == self.user:
                        self.store.add_attempt(
                            lead_id,
                            ts=datetime.fromtimestamp(call[0], now.tzinfo),
                            outcome=str(call[4]),
                            note=None,
                            user=self.user,
                        )
                        calls += 1
                self._reschedule(lead_id)
            leads += 1
        waiting = {r["id"]: r for r in self.store.unclaimed()}
        dismissed = 0
        for lead_id, state in team_queries.states_of(db, waiting).items():
            if self.user in state.dismissed and not state.released:
                self.store.update_lead(lead_id, now, dismissed_at=to_utc_text(now))
                dismissed += 1
        self.store.set_setting(REBUILD, "0")
        self._rebuild = False
        msg = (
            f"rebuilt from the team's activity log: {leads} of your leads, {calls} calls, "
            f'{dismissed} "not me"'
        )
        log.warning(msg)
        return msg

    def _apply_team_claims(self) -> None:
        """Colleagues' claims close my alerts even if I never saw the lead leave `new/`,
        and a lead released back after my "Not me" alerts here again."""
        waiting = {row["id"]: row for row in self.store.unclaimed()}  # one query, not one per claim
        if not waiting:
            return
        now = self.clock.now()
        for lead, state in team_queries.states_of(self.store.db, waiting).items():
            owner, handover = state.owner, state.handover
            if state.released and handover is not None:
                dismissed = from_text(waiting[lead]["dismissed_at"])
                if dismissed is not None and handover[0] > dismissed.timestamp():
                    self.store.update_lead(lead, now, dismissed_at=None)
            elif owner is not None and owner != self.user:
                self.store.update_lead(lead, now, owner=owner)

    def publish_outbox(self) -> int:
        """Append waiting events to the shared log, oldest first; stop at the first failure.

        Each exactly once: see _UNTRIED."""
        with _PUBLISHING:
            events = self.store.outbox()
            unsure = {e["id"] for e in events if e["id"] not in _UNTRIED}
            logged = self._logged(unsure) if unsure else set()
            for n, event in enumerate(events):
                eid = event["id"]
                if eid not in logged:
                    _UNTRIED.discard(eid)  # from here on it may be in the log, come what may
                    try:
                        self.inbox.append_event(event)
                    except InboxUnavailable:
                        if n == 0:
                            raise  # the rest waits
                        return n
                self.store.published(eid)
            return len(events)

    def _logged(self, event_ids: set[str]) -> set[str]:
        """Which of these events the own log holds already (a backend that can't say:
        none, and a retry may add a copy that readers drop by id)."""
        logged = getattr(self.inbox, "logged", None)
        return set(logged(event_ids)) if logged is not None else set()

    def _event(
        self, type_: str, lead_id: str, now: datetime, *, as_user: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        return make_event(
            type_, lead=lead_id, user=as_user or self.user, host=self.config.host, ts=now, **extra
        )

    def _queue(self, ev: dict[str, Any], now: datetime) -> None:
        """Put the event in the outbox, inside the action's transaction."""
        self.store.enqueue(ev, now)
        _UNTRIED.add(ev["id"])
        # My own view is up to date before the share is.
        team_queries.add_events(self.store.db, [ev])

    def _publish(self, now: datetime) -> None:
        try:
            self._disk(self.publish_outbox)
        except InboxUnavailable as exc:
            self._down(now, exc)

    def _act(self, now: datetime, *events: dict[str, Any], change: Any = None) -> None:
        """One action: its local state change and its events in one transaction, then
        published (or left in the outbox while the inbox is down)."""
        try:
            with self.store.transaction():
                if change is not None:
                    change()
                for ev in events:
                    self._queue(ev, now)
        except Exception as exc:  # rolled back: nothing half-done to mend
            if not is_full(exc):
                raise
            self._full(exc)
            raise DiskFull() from exc
        self._publish(now)

    def emit(
        self, type_: str, lead_id: str, *, as_user: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        """Record an activity event (in `as_user`'s name, for a manager acting for them)
        and publish it, or leave it in the outbox while the inbox is down."""
        now = self.clock.now()
        ev = self._event(type_, lead_id, now, as_user=as_user, **extra)
        self._act(now, ev)
        return ev

    # -- intents: actions on the shared inbox ----------------------------------------------

    def _intent(
        self, do: str, lead_id: str, user: str, make: Any
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The unfinished intent to `do` this lead for `user` (a retry after an error
        reuses it, and its event id), else a new one stored now with the event `make()`."""
        for ev, pending in [*self.store.intents(), *self.held.intents]:
            if ev["lead"] == lead_id and pending.get("do") == do and pending.get("user") == user:
                _IN_FLIGHT.add(ev["id"])
                return ev, pending
        ev, pending = make()
        _IN_FLIGHT.add(ev["id"])
        try:
            with self.store.transaction():
                self.store.enqueue(ev, self.clock.now(), pending=pending)
        except Exception as exc:
            if not is_full(exc):
                raise
            # The salesperson still takes the lead: the intent waits in memory, is stored
            # when there is room and then settled like any other (a crash meanwhile loses
            # it, as it would lose any lead held in memory).
            self._full(exc)
            self.held.intents.append((ev, pending))
        return ev, pending

    def _settle(self) -> None:
        """Finish or drop the intents a crash or an error left: the inbox says how they
        ended (poll publishes their events next). Raises InboxError when it can't say:
        the intents wait for the next poll."""
        for ev, pending in self.store.intents():
            if ev["id"] in _IN_FLIGHT:
                continue  # the other Desk (the Team tab's) is acting on it right now
            holder = self.inbox.claimed_by(pending["doc"])
            held = holder is not None and holder == pending["user"]
            when = datetime.fromisoformat(ev["ts"])
            if pending["do"] == "claim":
                if held:
                    self._complete_claim(ev, pending, when)
                else:
                    self._abandon(ev)
            elif pending["do"] == "release":
                if held:
                    self._abandon(ev)  # still theirs: the release didn't happen
                else:
                    self._complete_release(ev, when)
            else:
                self._abandon(ev)  # written by a newer Leadpop? never lose the loop on it
            log.info("settled an unfinished %s of lead %s", pending.get("do"), ev["lead"])

    def _abandon(self, ev: dict[str, Any]) -> None:
        self.store.published(ev["id"])
        _UNTRIED.discard(ev["id"])
        self._won.pop(ev["lead"], None)

    def _complete_claim(self, ev: dict[str, Any], pending: dict[str, Any], now: datetime) -> None:
        """The claim happened on the inbox: the lead is `user`'s here, and its event may go."""
        lead_id, user = ev["lead"], pending["user"]
        with self.store.transaction():
            if self.store.lead(lead_id) is not None:
                self.store.update_lead(
                    lead_id, now, owner=user, state=LeadState.OPEN, claimed_at=to_utc_text(now)
                )
                self._reschedule(lead_id)
                if pending.get("calling"):
                    self.store.update_lead(lead_id, now, call_started_at=to_utc_text(now))
                    if self.store.reminder(lead_id) is not None:
                        # Attempt 1 is due at once, but whoever just claimed is calling: the
                        # first nag comes only if no outcome is recorded 5 minutes on.
                        self.store.update_reminder(lead_id, last_fired_at=to_utc_text(now))
            self.store.confirm(ev["id"])
            team_queries.add_events(self.store.db, [ev])
        self._won.pop(lead_id, None)

    def _complete_release(self, ev: dict[str, Any], now: datetime) -> None:
        with self.store.transaction():
            if self.store.lead(ev["lead"]) is not None:
                self.back_to_team(ev["lead"], now)
            self.store.confirm(ev["id"])
            team_queries.add_events(self.store.db, [ev])

    # -- actions ---------------------------------------------------------------------------

    def claim(
        self, lead_id: str, *, for_user: str | None = None, calling: bool = False
    ) -> ClaimOutcome:
        """Take the lead (or give it to `for_user`, for a manager). One winner across PCs.

        `calling`: the claimer dials right away, so attempt 1 doesn't nag during the call.
        """
        user = for_user or self.user
        row = self._lead(lead_id)
        received = from_text(row["received_at"])
        assert received is not None
        fields = {
            "received_at": received.isoformat(timespec="seconds"),
            "name": row["name"],
            "source": row["source"],
            "routing": str(self.offers.policy.mode),  # the KPIs can be split per mode
        }
        return self.claim_document(lead_id, row["doc_name"], user, fields, calling=calling)

    def claim_document(
        self,
        lead_id: str,
        doc: str,
        user: str,
        fields: dict[str, Any],
        *,
        calling: bool = False,
    ) -> ClaimOutcome:
        """Claim `doc` for `user` with a `claimed` event carrying `fields`: intent, the
        inbox, confirm. Also for a lead this PC never stored (a manager's hand-over)."""
        now = self.clock.now()

        def intent() -> tuple[dict[str, Any], dict[str, Any]]:
            # Extra field `doc`: lets a manager's PC reassign it by name.
            ev = self._event("claimed", lead_id, now, as_user=user, **{**fields, "doc": doc})
            return ev, {"do": "claim", "doc": doc, "user": user}

        ev, pending = self._intent("claim", lead_id, user, intent)
        try:
            try:
                res = self.inbox.claim(doc, user)
            except InboxError as exc:
                # How it ended is unknown (a share can rename and lose the reply): the
                # intent stays, and the next poll asks the inbox who holds the document.
                self._down(now, exc)
                return ClaimOutcome(False, None, str(exc))
            return self._claimed(ev, pending, res, now, calling)
        finally:
            _IN_FLIGHT.discard(ev["id"])

    def _claimed(
        self,
        ev: dict[str, Any],
        pending: dict[str, Any],
        res: ClaimResult,
        now: datetime,
        calling: bool,
    ) -> ClaimOutcome:
        """Confirm a claim the inbox answered (won or lost)."""
        lead_id, user = ev["lead"], pending["user"]
        if not res.won:
            if self.held.holds_intent(ev["id"]):
                self.held.drop_intent(ev["id"])
                self.held.update_lead(lead_id, now, owner=res.owner)
                return ClaimOutcome(False, res.owner)

            def lost() -> None:
                with self.store.transaction():
                    self._abandon(ev)
                    if self.store.lead(lead_id) is not None:
                        self.store.update_lead(
                            lead_id, now, owner=res.owner, state=LeadState.OPEN, claimed_at=None
                        )

            self._stored(lost)  # else the intent stays, and _settle drops it later
            return ClaimOutcome(False, res.owner)
        # Won on the inbox: the lead is theirs whatever the local disk says. A confirm that
        # can't be stored (or an intent held in memory) is completed once there is room.
        self._won[lead_id] = user
        if not self.held.holds_intent(ev["id"]):
            self._stored(lambda: self._complete_claim(ev, {**pending, "calling": calling}, now))
        self._publish(now)
        return ClaimOutcome(True, user)

    def release(self, lead_id: str) -> bool:
        """Give the lead back to the team; reminders stop."""
        row = self._lead(lead_id)
        try:
            return self.release_document(lead_id, row["doc_name"], row["owner"] or self.user)
        except InboxError:
            return False

    def release_document(self, lead_id: str, doc: str, holder: str, **extra: Any) -> bool:
        """Give `doc` back to the team from `holder`, with a `released` event (`extra`
        fields): intent, the inbox, confirm. False if `holder` doesn't hold it. Raises
        InboxError; the intent then stays, and the next poll asks how it ended."""
        now = self.clock.now()
        ev, _ = self._intent(
            "release",
            lead_id,
            holder,
            lambda: (
                self._event("released", lead_id, now, **extra),
                {"do": "release", "doc": doc, "user": holder},
            ),
        )
        try:
            ok = self.inbox.release(doc, holder)
            if self.held.holds_intent(ev["id"]):
                pass  # stored once there is room, then settled by asking the inbox
            elif ok:
                self._stored(lambda: self._complete_release(ev, now))
            else:
                self._stored(lambda: self._abandon(ev))
        except InboxError as exc:
            self._down(now, exc)
            raise
        finally:
            _IN_FLIGHT.discard(ev["id"])
        if ok:
            self._publish(now)
        return ok

    def back_to_team(self, lead_id: str, now: datetime) -> None:
        """The lead is unclaimed again: nobody's, no reminders, and it alerts on every PC,
        also where someone pressed "Not me" before (the manager's prompt promises so)."""
        self.store.update_lead(lead_id, now, owner=None, claimed_at=None, dismissed_at=None)
        self.store.clear_reminder(lead_id)

    def dismiss(self, lead_id: str) -> None:
        """ "Not me": this PC stops alerting; the lead stays open for the others."""
        now = self.clock.now()
        self._act(
            now,
            self._event("dismissed", lead_id, now),
            change=lambda: self.store.update_lead(lead_id, now, dismissed_at=to_utc_text(now)),
        )

    def record_call(
        self,
        lead_id: str,
        outcome: str,
        note: str | None = None,
        *,
        lost_reason: str | None = None,
        appointment_at: datetime | None = None,
    ) -> int:
        """Record attempt N with its outcome; reschedule or stop reminders. Returns N.

        The attempt, its `call` event (and a `lost`) are one transaction: a crash keeps
        both or neither. The event's extra field `started` is when "Call now" was pressed
        (start_call, or a claim while calling): speed to first call counts to then. The
        extra field `appointment` is when an appointment made on this call is (readers
        that don't know it skip it).
        """
        row = self._lead(lead_id)
        now = self.clock.now()
        started = from_text(row["call_started_at"])
        if started is not None and not (now - CALL_START_VALID <= started <= now):
            started = None
        number = 0

        def change() -> None:
            nonlocal number
            number = self.store.add_attempt(
                lead_id, ts=now, outcome=outcome, note=note, user=self.user
            )
            self.store.update_lead(lead_id, now, call_started_at=None)
            ev = self._event(
                "call",
                lead_id,
                now,
                attempt=number,
                outcome=outcome,
                note=note or None,
                started=started.astimezone(now.tzinfo).isoformat(timespec="seconds")
                if started
                else None,
                appointment=appointment_at.isoformat(timespec="minutes")
                if appointment_at
                else None,
            )
            self._queue(ev, now)
            if lost_reason:
                self._lost(lead_id, lost_reason, now)
            else:
                self._reschedule(lead_id)

        self._act(now, change=change)
        return number

    def start_call(self, lead_id: str) -> None:
        """ "Call now" on one of my leads: the call's time, for its `call` event."""
        self.store.update_lead(
            lead_id, self.clock.now(), call_started_at=to_utc_text(self.clock.now())
        )

    def calls_under_way(self) -> dict[str, datetime]:
        """My open leads with a call started and no outcome recorded since (the app quit
        or crashed mid-call; record_call clears the mark): when each call started."""
        out: dict[str, datetime] = {}
        for row in self.store.my_leads(self.user):
            started = from_text(row.get("call_started_at"))
            if started is not None and row["state"] == LeadState.OPEN:
                out[row["id"]] = started
        return out

    def mark_sold(self, lead_id: str) -> None:
        now = self.clock.now()

        def change() -> None:
            self.store.update_lead(lead_id, now, state=LeadState.SOLD)
            self.store.clear_reminder(lead_id)

        self._act(now, self._event("sold", lead_id, now), change=change)

    def mark_lost(self, lead_id: str, reason: str) -> None:
        now = self.clock.now()
        self._act(now, change=lambda: self._lost(lead_id, reason, now))

    def _lost(self, lead_id: str, reason: str, now: datetime) -> None:
        """Inside an action's transaction."""
        self.store.update_lead(lead_id, now, state=LeadState.LOST, lost_reason=reason)
        self.store.clear_reminder(lead_id)
        self._queue(self._event("lost", lead_id, now, reason=reason), now)

    # -- cadence and reminders -------------------------------------------------------------

    def _sla(self, row: dict[str, Any]) -> datetime:
        """When the lead's two minutes start under today's hours (the stored column keeps
        the hours of intake, which may have changed since)."""
        received = from_text(row["received_at"])
        assert received is not None  # not null in the schema
        return self.config.hours.sla_start(received)

    def _next(
        self, row: dict[str, Any], attempts: list[dict[str, Any]]
    ) -> tuple[int, datetime] | None:
        sla = self._sla(row)
        return next_attempt(
            [(from_text(a["ts"]), a["outcome"]) for a in attempts],  # type: ignore[misc]
            sla_start=sla,
            hours=self.config.hours,
            cadence=self.config.cadence,
            closed=row["state"] != LeadState.OPEN or row["owner"] != self.user,
        )

    def _reschedule(self, lead_id: str) -> None:
        row = self._lead(lead_id)
        nxt = self._next(row, self.store.attempts(lead_id))
        if nxt is None:
            self.store.clear_reminder(lead_id)
        else:
            self.store.set_reminder(lead_id, nxt[0], nxt[1])

    def due_reminders(self) -> list[LeadView]:
        """Reminders to show now; each is marked fired so it repeats only every 5 minutes."""
        now = self.clock.now()
        out = []
        for rem in self.store.reminders_due_by(now):
            lead_id = rem["lead_id"]
            fired = from_text(rem["last_fired_at"])
            if lead_id in self._fired:  # fired while the disk was full
                fired = max(fired or self._fired[lead_id], self._fired[lead_id])
            if not reminder_due(
                from_text(rem["due_at"]),  # type: ignore[arg-type]
                now,
                last_fired=fired,
                snoozed_until=from_text(rem["snoozed_until"]),
            ):
                continue
            if not self._stored(
                lambda i=lead_id: self.store.update_reminder(i, last_fired_at=to_utc_text(now))
            ):
                self._fired[lead_id] = now  # it nags every 5 minutes, not every poll
            out.append(self.view(lead_id))
        return out

    def snooze(self, lead_id: str, minutes: int) -> datetime | None:
        """Quiet the lead's reminder for a while; None if nothing is due to be snoozed."""
        if self.store.reminder(lead_id) is None:
            return None
        now = self.clock.now()
        until = snooze_until(now, minutes, self.config.hours)
        self.store.update_reminder(lead_id, snoozed_until=to_utc_text(until))
        return until

    def snooze_to(self, lead_id: str, until: datetime) -> datetime | None:
        """Quiet the lead's reminder until a set time (say, tomorrow's opening)."""
        if self.store.reminder(lead_id) is None:
            return None
        self.store.update_reminder(lead_id, snoozed_until=to_utc_text(until))
        return until

    # -- views -----------------------------------------------------------------------------

    def _lead(self, lead_id: str) -> dict[str, Any]:
        row = self.store.lead(lead_id) or self.held.lead(lead_id)
        if row is None:
            raise KeyError(f"no lead {lead_id}")
        return self._as_won(row)

    def _as_won(self, row: dict[str, Any]) -> dict[str, Any]:
        """The row as it will be stored once there is room, for a claim won meanwhile."""
        user = self._won.get(row["id"])
        if user is None or row["owner"] == user:
            return row
        return {**row, "owner": user, "state": LeadState.OPEN}

    def _unclaimed(self) -> list[dict[str, Any]]:
        """Unclaimed leads, also those held in memory while the disk is full, less those
        claimed or gone meanwhile (their change not stored yet)."""
        rows = self.store.unclaimed()
        if not self.health.disk_full and not self._won:
            return rows
        rows += self.held.unclaimed()
        rows.sort(key=lambda r: (r["sla_start"], r["id"]))
        return [r for r in rows if r["id"] not in self._won and r["id"] not in self._gone]

    def view(self, lead_id: str) -> LeadView:
        row = self._lead(lead_id)
        return self._view(row, self.store.attempts(lead_id), self.clock.now())

    def use_phone_alternative(self, lead_id: str) -> LeadView:
        """The salesperson picks the other country's reading of an ambiguous number
        (app.engine.phone_pick); the lead's view, with the numbers swapped when it had one."""
        from app.engine.phone_pick import use_alternative

        use_alternative(self.store, lead_id, self.config.region, self.clock.now())
        return self.view(lead_id)

    def _status(self, row: dict[str, Any], attempts: list[dict[str, Any]]) -> LeadStatus:
        outcomes = [a["outcome"] for a in attempts]
        if row["state"] == LeadState.SOLD:
            return LeadStatus.SOLD
        if row["state"] == LeadState.LOST:
            return LeadStatus.LOST
        if row["owner"] is None:
            return LeadStatus.NEW
        if row["owner"] != self.user:
            return LeadStatus.TAKEN
        if "appointment" in outcomes:
            return LeadStatus.APPOINTMENT
        if any(o in REACHED_OUTCOMES for o in outcomes):
            return LeadStatus.REACHED
        return LeadStatus.CALLED if attempts else LeadStatus.CLAIMED

    def _view(self, row: dict[str, Any], attempts: list[dict[str, Any]], now: datetime) -> LeadView:
        from app.engine.views import (
            from_row,  # the GUI's lists only: not on `leadpop report`'s path
        )

        nxt = self._next(row, attempts) if row["owner"] == self.user else None
        rem = self.store.reminder(row["id"]) if nxt else None
        due = from_text(rem["due_at"]) if rem else (nxt[1] if nxt else None)
        return from_row(
            row,
            attempts,
            status=self._status(row, attempts),
            next_attempt=nxt[0] if nxt else None,
            next_due=due,
            overdue=bool(due and due <= now),
            home=self.config.region,
            hours=self.config.hours,
        )

    def my_leads(self) -> list[LeadView]:
        """My leads, what is due first: overdue, then by due time, then finished ones."""
        now = self.clock.now()
        rows = self.store.my_leads(self.user)
        if self._won:  # claimed while the disk was full: mine already
            have = {r["id"] for r in rows}
            for lead_id, user in self._won.items():
                row = self.store.lead(lead_id) or self.held.lead(lead_id)
                if user == self.user and lead_id not in have and row is not None:
                    rows.append(self._as_won(row))
        by_lead = self.store.attempts_by_lead(r["id"] for r in rows)
        views = [self._view(r, by_lead[r["id"]], now) for r in rows]
        far = datetime.max.replace(tzinfo=now.tzinfo)
        return sorted(views, key=lambda v: (v.next_due is None, v.next_due or far))

    def alertable(self) -> list[LeadView]:
        """Unclaimed leads offered to this PC now, oldest first (app.core.offer: the
        routing mode, presence, and "Not me", which holds until the escalation).

        A lead that landed while closed waits until its SLA start (the next opening).
        """
        now = self.clock.now()
        self.offers.begin(now)
        out = []
        for row in self._unclaimed():
            sla = self._sla(row)
            if sla <= now and self.offers.offered(row, sla, now):
                out.append(self._view(row, [], now))
        return out

    def waiting(self) -> list[LeadView]:
        """Unclaimed leads whose clock hasn't started (landed outside opening hours)."""
        now = self.clock.now()
        return [self._view(r, [], now) for r in self._unclaimed() if self._sla(r) > now]

    # -- team ------------------------------------------------------------------------------

    def lead_facts(self, since: datetime, until: datetime) -> dict[str, LeadFacts]:
        """The leads received in [since, until), folded by app.core.kpi.fold_events.

        The fold is kept per lead in an indexed table and redone only for leads with new
        events, so a year of history costs a range read, not a re-fold (team_queries).
        """
        team_queries.refresh_facts(self.store.db)
        facts = team_queries.load_facts(self.store.db, since, until, self.config.hours)
        return {f.lead: f for f in facts}

    def report(self, since: datetime, until: datetime) -> dict[str, Any]:
        """The team KPIs (app.core.kpi). Reads new events first when the inbox is reachable."""
        try:
            self.sync_events()
        except InboxError as exc:
            self._down(self.clock.now(), exc)
        team_queries.refresh_facts(self.store.db)
        # The same KPI code as the Team tab, on the columns it needs (no states decoded).
        leads = team_queries.load_kpi_leads(self.store.db, since, until, self.config.hours)
        return team_report(leads, since, until)

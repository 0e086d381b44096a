"""The sales manager's engine: the live board, the hand-over actions and the team KPIs.

Qt-free, and a peer of the salesperson's Desk: built from the same pieces (inbox, store,
clock, config). Where a manager's action follows a salesperson's rules (a claim, giving a
lead back, the shared activity log) it asks a Desk on those same pieces, through its public
methods. The Team tab's worker drives a TeamDesk in its own thread and `leadpop report`
calls it directly, so the tab and the command show the same numbers by the same code.

The board is built from two sources, like every other PC's view of the team:
- `new/` of the shared inbox for the unclaimed leads (each read and parsed once, and
  cached by name, time and size), so the board doesn't depend on the salesperson worker;
- the activity log, folded per lead into the store's `lead_facts` table, for who owns
  what and how far the follow-up got.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from app.core.cadence import MAX_ATTEMPTS, next_attempt
from app.core.clock import Clock
from app.core.countdown import WINDOW_S, Countdown, countdown
from app.core.enums import HandOverReason, PeriodKey
from app.core.kpi import team_report
from app.core.presence import PRESENCE_REFRESH, Presence
from app.engine import team_report as reports
from app.engine.desk import Desk
from app.engine.team_stats import TeamStats, team_stats
from app.inbox.base import DocumentGone, DocumentOverLimit, Inbox, InboxDoc, InboxError
from app.settings.config import Config
from app.store import Store, team_queries

log = logging.getLogger(__name__)

# Open follow-ups older than this are history, not work: a year of never-closed leads
# would bury today's overdue calls.
OPEN_WINDOW = timedelta(days=14)
# People who owned a lead this recently can be given one.
ACTIVE_WINDOW = timedelta(days=90)


# -- what the board shows -----------------------------------------------------------------


@dataclass(frozen=True)
class UnclaimedLead:
    lead: str
    doc: str
    name: str
    source: str
    vehicle: str
    received_at: datetime
    sla_start: datetime
    dismissed: int = 0  # how many salespeople said "not me"
    missed_call: bool = False  # the customer phoned and nobody answered: most urgent

    def countdown(self, now: datetime) -> Countdown:
        return countdown(self.sla_start, now)

    def waiting(self, now: datetime) -> bool:
        """Landed while closed: the clock starts at the next opening."""
        return self.sla_start > now

    def late(self, now: datetime) -> bool:
        return (now - self.sla_start).total_seconds() >= WINDOW_S


@dataclass(frozen=True)
class OpenLead:
    lead: str
    owner: str
    name: str
    source: str
    received_at: datetime
    outcomes: tuple[str, ...]  # of the calls so far, oldest first
    next_attempt: int | None
    next_due: datetime | None

    @property
    def dots(self) -> str:
        """●○○, ●●○, ●●● — attempts made out of three."""
        n = min(len(self.outcomes), MAX_ATTEMPTS)
        return "●" * n + "○" * (MAX_ATTEMPTS - n)

    def overdue(self, now: datetime) -> bool:
        return self.next_due is not None and self.next_due <= now


@dataclass(frozen=True)
class Board:
    unclaimed: tuple[UnclaimedLead, ...] = ()
    open_leads: tuple[OpenLead, ...] = ()  # by owner, then oldest first
    salespeople: tuple[str, ...] = ()  # who a lead can be given to
    present: tuple[Presence, ...] = ()  # who is at a PC now, as the PCs announce it

    def by_owner(self) -> dict[str, list[OpenLead]]:
        out: dict[str, list[OpenLead]] = {}
        for lead in self.open_leads:
            out.setdefault(lead.owner, []).append(lead)
        return out


@dataclass(frozen=True)
class HandOver:
    """The result of a manager's action on a lead."""

    ok: bool
    lead: str
    owner: str | None  # who holds it now, when known
    error: str | None = None  # for the log
    reason: HandOverReason | None = None  # why not, when not ok: the UI words it


# -- periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    key: PeriodKey
    first: date | None = None  # custom: first and last day, inclusive
    last: date | None = None

    def __post_init__(self) -> None:
        # A key from a combo box or a test comes as its plain word: an unknown one fails here.
        object.__setattr__(self, "key", PeriodKey(self.key))


@dataclass(frozen=True)
class PeriodView:
    """A period's KPIs (what `leadpop report` prints) and the charts' counts."""

    period: Period
    since: datetime
    until: datetime
    report: dict[str, Any]  # app.core.kpi.team_report, of `branch` when one is chosen
    stats: TeamStats
    # A group database: a row per branch, then the group's (app.engine.team_report); a
    # folder or mailbox has one branch, so one row, the team's.
    branches: tuple[reports.BranchRow, ...] = ()
    branch: str | None = None  # the branch the report and charts are of; None: all
    # The same KPIs with a row per routing mode, then the team's (app.engine.team_report):
    # did rollout make the team faster? Of `branch` when one is chosen.
    modes: tuple[reports.RoutingRow, ...] = ()

    @property
    def has_branches(self) -> bool:
        """More than one branch: the Team tab shows the filter and the group view."""
        return len(self.branches) > 2


def period_bounds(
    key: PeriodKey, now: datetime, tz: tzinfo, first: date | None = None, last: date | None = None
) -> tuple[datetime, datetime]:
    """[since, until) in the dealership's time zone; `custom` runs from `first` to `last`.

    Like `leadpop report --since D --until D'`: whole local days, until is exclusive.
    """
    today = now.astimezone(tz).date()
    if key == PeriodKey.TODAY:
        start, end = today, today + timedelta(days=1)
    elif key in (PeriodKey.WEEK, PeriodKey.LAST_WEEK):
        start = today - timedelta(days=today.weekday())
        if key == PeriodKey.LAST_WEEK:
            start -= timedelta(days=7)
        end = start + timedelta(days=7)
    elif key in (PeriodKey.MONTH, PeriodKey.LAST_MONTH):
        start = today.replace(day=1)
        if key == PeriodKey.LAST_MONTH:
            start = (start - timedelta(days=1)).replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
    elif key == PeriodKey.CUSTOM:
        if first is None or last is None or last < first:
            raise ValueError("a custom period needs a first and a last day, in order")
        start, end = first, last + timedelta(days=1)
    else:
        raise ValueError(f"unknown period {key!r}")
    return datetime.combine(start, time(0), tz), datetime.combine(end, time(0), tz)


# -- the desk -------------------------------------------------------------------------------


class TeamDesk:
    """The manager's board, actions and KPIs. Lives in one thread, like a Desk."""

    def __init__(
        self,
        inbox: Inbox,
        store: Store,
        clock: Clock,
        config: Config,
        *,
        open_window: timedelta = OPEN_WINDOW,
    ) -> None:
        self.inbox = inbox
        self.store = store
        self.clock = clock
        self.config = config
        self.user = config.user
        self.open_window = open_window
        # The salesperson's rules on the same pieces: claims, giving back, the activity log.
        self._desk = Desk(inbox, store, clock, config)
        self.privacy = self._desk.privacy  # the AVG: the manager forgets a customer too
        self._docs: dict[str, tuple[tuple[Any, ...], UnclaimedLead | None]] = {}
        self._notified: set[str] = set()  # in memory, so a quiet tick never queries
        self._team: tuple[Presence, ...] = ()
        self._present_at: datetime | None = None

    @property
    def _db(self) -> Any:
        return self.store.db

    def close(self) -> None:
        """Close the inbox (the store may be shared: its opener closes it)."""
        self.inbox.close()

    # -- reading ---------------------------------------------------------------------------

    def sync(self) -> bool:
        """Read what is new: events (only new bytes) and the `new/` listing.

        Returns whether anything the board or the KPIs show may have changed. Raises
        InboxError when the shared inbox can't be read; the store still answers.
        """
        added = self._desk.sync_events()
        refolded = team_queries.refresh_facts(self._db)
        listing = self._scan_new()
        return bool(added or refolded) or listing

    def _scan_new(self) -> bool:
        now = self.clock.now()
        docs = self.inbox.list_new()
        keys = {d.name: (d.received_at, d.size) for d in docs}
        if keys == {name: key for name, (key, _) in self._docs.items()}:
            return False
        kept = {n: v for n, v in self._docs.items() if keys.get(n) == v[0]}
        for doc in docs:
            if doc.name not in kept:
                kept[doc.name] = (keys[doc.name], self._read(doc, now))
        self._docs = kept
        return True

    def _read(self, doc: InboxDoc, now: datetime) -> UnclaimedLead | None:
        """The lead in a new/ document; None when unreadable (its salesperson PCs quarantine it)."""
        # Imported here, as in Desk: `leadpop report` never parses a document, and the
        # parsers (with phonenumbers' tables) are a good part of its start-up.
        from app.intake import MAX_DOCUMENT_BYTES, Unreadable, parse_document

        cfg = self.config
        try:
            data = self.inbox.read(doc, MAX_DOCUMENT_BYTES)
            lead = parse_document(
                data, received_at=min(doc.received_at, now), name=doc.name, region=cfg.region
            )
        except (DocumentGone, DocumentOverLimit, Unreadable) as exc:
            log.debug("team board skips %s: %s", doc.name, exc)
            return None
        return UnclaimedLead(
            lead=lead.id,
            doc=doc.name,
            name=lead.display_name(),
            source=lead.source,
            vehicle=lead.vehicle.describe() if lead.vehicle else "",
            received_at=lead.received_at,
            sla_start=cfg.hours.sla_start(lead.received_at),
            missed_call=lead.is_missed_call,
        )

    def unclaimed(self) -> list[UnclaimedLead]:
        leads = [u for _, u in self._docs.values() if u is not None]
        return sorted(leads, key=lambda u: (u.sla_start, u.lead))

    def board(self) -> Board:
        now = self.clock.now()
        cfg = self.config
        listed = self.unclaimed()
        dismissed = team_queries.dismissals(self._db, (u.lead for u in listed))
        unclaimed = tuple(replace(u, dismissed=dismissed.get(u.lead, 0)) for u in listed)
        in_new = {u.lead for u in unclaimed}  # back in new/ before its release event arrived
        open_leads = []
        for row in team_queries.followups(self._db, now - self.open_window):
            if row["lead"] in in_new:
                continue
            f = team_queries.to_facts(row, cfg.hours)
            nxt = next_attempt(
                [(ts, outcome) for ts, _, outcome, _ in f.calls],
                sla_start=f.sla_start,
                hours=cfg.hours,
                cadence=cfg.cadence,
            )
            open_leads.append(
                OpenLead(
                    lead=f.lead,
                    owner=f.owner,
                    name=f.name,
                    source=f.source,
                    received_at=f.received_at,
                    outcomes=tuple(c[2] for c in f.calls),
                    next_attempt=nxt[0] if nxt else None,
                    next_due=nxt[1] if nxt else None,
                )
            )
        open_leads.sort(key=lambda o: (o.owner, o.received_at, o.lead))
        people = set(team_queries.owners(self._db, now - ACTIVE_WINDOW))
        people.update(o.owner for o in open_leads)
        people.add(self.user)
        people_sorted = tuple(sorted(people, key=str.casefold))
        return Board(unclaimed, tuple(open_leads), people_sorted, self._present(now))

    def _present(self, now: datetime) -> tuple[Presence, ...]:
        """The team's presence, read from the inbox at most every PRESENCE_REFRESH (the
        board ticks every second); the last one read while the inbox is away."""
        if self._present_at is None or now - self._present_at >= PRESENCE_REFRESH:
            self._present_at = now
            try:
                self._team = tuple(self.inbox.present(now))
            except (InboxError, AttributeError) as exc:
                log.debug("presence not read: %s", exc)
        return self._team

    def late_unclaimed(self) -> list[UnclaimedLead]:
        """Unclaimed leads past 2:00 the manager hasn't been told about; marks them told.

        Once per lead, also across restarts (the store remembers). A quiet tick touches
        only memory.
        """
        now = self.clock.now()
        late = [u for u in self.unclaimed() if u.late(now) and u.lead not in self._notified]
        if not late:
            return []
        told = team_queries.notified(self._db, (u.lead for u in late))
        fresh = [u for u in late if u.lead not in told]
        team_queries.mark_notified(self._db, (u.lead for u in fresh), now)
        self._notified.update(u.lead for u in late)
        return fresh

    # -- the KPIs (the same functions as `leadpop report`: app.engine.team_report) ----------

    def catch_up(self) -> str | None:
        """Read the team's new events; None when done, else why the inbox didn't answer."""
        return reports.catch_up(self._desk)

    def report_text(
        self,
        fmt: str,
        since: datetime,
        until: datetime,
        *,
        detail: bool = False,
        excel: str | None = None,
    ) -> str:
        """`leadpop report --format FMT [--detail] [--excel nl|en]` for [since, until)."""
        return reports.report_text(
            self.store, self.config.hours, fmt, since, until, detail=detail, excel=excel
        )

    def bounds(self, period: Period) -> tuple[datetime, datetime]:
        """The period's [since, until), today, in the dealership's time zone."""
        tz = self.config.hours.tz
        return period_bounds(period.key, self.clock.now(), tz, period.first, period.last)

    def period_view(self, period: Period, branch: str | None = None) -> PeriodView:
        """The period's KPIs (by app.core.kpi.team_report, as `leadpop report`) and the
        charts' counts, from one read of the folded facts; on a group database also a row
        per branch, and the KPIs and charts of `branch` alone when one is given."""
        since, until = self.bounds(period)
        team_queries.refresh_facts(self._db)
        facts = team_queries.load_facts(self._db, since, until, self.config.hours)
        rows = self._branch_rows(since, until)
        if rows is None:
            branch, rows = None, ()
        elif branch is not None:
            ids = {lead for b, lead in rows[1] if b == branch}
            facts = [f for f in facts if f.lead in ids]
        report = team_report(facts, since, until)
        routing = team_queries.routing_of(self._db, since, until)
        modes = reports.routing_rows((routing.get(f.lead), f) for f in facts)
        tz = self.config.hours.tz
        by_branch = rows[0] if rows else (reports.BranchRow(None, **report["team"]),)
        return PeriodView(
            period, since, until, report, team_stats(facts, tz), by_branch, branch, modes
        )

    def _branch_rows(
        self, since: datetime, until: datetime
    ) -> tuple[tuple[reports.BranchRow, ...], list[tuple[str, str]]] | None:
        """The branch rows and (branch, lead) pairs from a group database; None for a folder
        or mailbox, or when the database doesn't answer (the KPIs then come from this PC)."""
        if not isinstance(self.inbox, reports.FoldsInDatabase):
            return None
        try:
            leads = reports.database_leads(self.inbox, self.config.hours, since, until)
        except InboxError as exc:
            log.info("branch figures not read: %s", exc)
            return None
        return reports.branch_rows(leads), [(b, k.lead) for b, k in leads]

    def export_csv(
        self, period: Period, path: str, *, detail: bool = False, excel: str | None = None
    ) -> str:
        """Write the period's CSV, as `leadpop report --format csv [--detail] [--excel L]`
        prints it, to `path`, after reading what is new when the inbox answers. Returns the
        path."""
        self.catch_up()
        since, until = self.bounds(period)
        text = self.report_text("csv", since, until, detail=detail, excel=excel)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        return path

    # -- actions ---------------------------------------------------------------------------

    def assign(self, lead_id: str, to_user: str) -> HandOver:
        """Give an unclaimed lead (in new/) to a salesperson."""
        found = next((u for u in self.unclaimed() if u.lead == lead_id), None)
        if found is None:
            return HandOver(
                False, lead_id, None, "the lead is no longer in new/", HandOverReason.GONE
            )
        fields = {
            "received_at": found.received_at.isoformat(timespec="seconds"),
            "name": found.name,
            "source": found.source,
            "doc": found.doc,
            "routing": str(self._desk.offers.policy.mode),  # the KPIs split per mode
        }
        return self._claim_for(lead_id, to_user, found.doc, fields)

    def reassign(self, lead_id: str, to_user: str) -> HandOver:
        """Move an open lead to another salesperson: release, then claim for them."""
        row = self._facts_row(lead_id)
        if row is None:
            return HandOver(
                False, lead_id, None, "no claim of this lead is known", HandOverReason.UNKNOWN
            )
        if row["owner"] == to_user and not row["released"]:
            return HandOver(True, lead_id, to_user)
        doc = self._doc(row)
        if doc is None:
            return HandOver(
                False, lead_id, row["owner"], "document name unknown", HandOverReason.NO_DOC
            )
        if not row["released"]:
            back = self._take_back(lead_id, doc, row["owner"])
            if back is not None:
                return back
        received = datetime.fromisoformat(row["received_at"]).astimezone(self.config.hours.tz)
        fields = {
            "received_at": received.isoformat(timespec="seconds"),
            "name": row["name"],
            "source": row["source"],
            "doc": doc,
            "routing": str(self._desk.offers.policy.mode),
        }
        return self._claim_for(lead_id, to_user, doc, fields)

    def release_to_team(self, lead_id: str) -> HandOver:
        """Give an open lead back to the team: it lands in new/ and alerts everyone again."""
        row = self._facts_row(lead_id)
        if row is None:
            return HandOver(
                False, lead_id, None, "no claim of this lead is known", HandOverReason.UNKNOWN
            )
        if row["released"]:
            return HandOver(True, lead_id, None)
        doc = self._doc(row)
        if doc is None:
            return HandOver(
                False, lead_id, row["owner"], "document name unknown", HandOverReason.NO_DOC
            )
        return self._take_back(lead_id, doc, row["owner"]) or HandOver(True, lead_id, None)

    def _facts_row(self, lead_id: str) -> dict[str, Any] | None:
        team_queries.refresh_facts(self._db)
        return team_queries.fact_rows(self._db, [lead_id]).get(lead_id)

    def _doc(self, row: dict[str, Any]) -> str | None:
        """The claim key: from the latest claim event, else from this PC's own store."""
        if row["doc"]:
            return str(row["doc"])
        local = self.store.lead(row["lead"])
        return str(local["doc_name"]) if local else None

    def _take_back(self, lead_id: str, doc: str, owner: str) -> HandOver | None:
        """Move the document from its holder back to new/ and log `released`.

        Returns None on success, else why not. The log may lag the inbox (a colleague's
        claim not read yet), so the inbox says who really holds it.
        """
        # Extra field `owner`: whose lead it was (readers ignore fields they don't know).
        # The desk makes each release crash-only (intent, inbox, confirm, with the event).
        release = self._desk.release_document
        try:
            if not release(lead_id, doc, owner, owner=owner):
                holder = self.inbox.claimed_by(doc) or ""
                if not holder or not release(lead_id, doc, holder, owner=holder):
                    why = f"{doc} is not in claimed/ (or new/ has one of that name)"
                    return HandOver(False, lead_id, holder or None, why, HandOverReason.STUCK)
        except InboxError as exc:
            return HandOver(False, lead_id, owner, str(exc), HandOverReason.INBOX)
        return None

    def _claim_for(self, lead_id: str, to_user: str, doc: str, fields: dict[str, Any]) -> HandOver:
        """Claim the document for `to_user`, with the `claimed` event in their name.

        When this PC's store knows the lead, Desk.claim does it (and keeps the local row and
        reminders right, e.g. when the manager takes it); otherwise the same steps by hand.
        """
        if self.store.lead(lead_id) is not None:
            outcome = self._desk.claim(lead_id, for_user=to_user)
        else:  # the same intent, inbox, confirm, for a lead this PC never stored
            outcome = self._desk.claim_document(lead_id, doc, to_user, fields)
        if outcome.error:
            return HandOver(False, lead_id, None, outcome.error, HandOverReason.INBOX)
        if not outcome.won:
            who = outcome.owner or "a colleague"
            return HandOver(
                False, lead_id, outcome.owner, f"{who} took the lead first", HandOverReason.TAKEN
            )
        return HandOver(True, lead_id, to_user)

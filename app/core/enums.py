"""The closed sets of words the app decides on: a lead's state and status, a hand-over's
reason, a person's role and availability, a KPI period.

`StrEnum`s whose values are the words stored in SQLite, written to the activity log and
saved in settings.json, so a member compares equal to (and serialises as) the old string.
"""

from __future__ import annotations

from enum import StrEnum


class LeadState(StrEnum):
    """The stored state of a lead on this PC (the `leads.state` column)."""

    OPEN = "open"
    SOLD = "sold"
    LOST = "lost"
    GONE = "gone"  # claimed elsewhere and no longer followed here


class LeadStatus(StrEnum):
    """How far a lead is, as the salesperson's list shows it (derived, never stored)."""

    NEW = "new"  # nobody owns it yet
    CLAIMED = "claimed"  # mine, not called yet
    CALLED = "called"  # mine, called but not reached; the attempts say how often
    REACHED = "reached"
    APPOINTMENT = "appointment"
    SOLD = "sold"
    LOST = "lost"
    TAKEN = "taken"  # a colleague owns it

    @property
    def closed(self) -> bool:
        return self in (LeadStatus.SOLD, LeadStatus.LOST)


class HandOverReason(StrEnum):
    """Why a manager's assign, reassign or release was not done (the UI words it)."""

    GONE = "gone"  # no longer waiting in new/
    UNKNOWN = "unknown"  # no claim of the lead is known
    NO_DOC = "no_doc"  # the lead's document name is not known
    STUCK = "stuck"  # the document could not be moved back
    TAKEN = "taken"  # a colleague claimed it first
    INBOX = "inbox"  # the shared inbox could not be reached


class Role(StrEnum):
    """Saved in settings.json as `role`."""

    SALESPERSON = "salesperson"
    MANAGER = "manager"


class Availability(StrEnum):
    AVAILABLE = "available"
    WITH_CUSTOMER = "with_customer"
    ON_BREAK = "on_break"


class PeriodKey(StrEnum):
    """The Team tab's KPI periods; CUSTOM runs from a chosen first day to a last one."""

    TODAY = "today"
    WEEK = "week"
    LAST_WEEK = "last_week"
    MONTH = "month"
    LAST_MONTH = "last_month"
    CUSTOM = "custom"


class RoutingMode(StrEnum):
    """`routing` in leadpop.toml."""

    EVERYONE = "everyone"  # every PC at once; first to claim wins (the default)
    ROLLOUT = "rollout"  # one salesperson for N s, then the next, …, then everyone
    ROUND_ROBIN = "round_robin"  # one salesperson for N s, then everyone
    BY_SOURCE = "by_source"  # a source's group for N s, then everyone


class OfferOrder(StrEnum):
    """The rollout's order: `routing_order` in leadpop.toml."""

    ROUND_ROBIN = "round_robin"  # among those present and available, starting per lead
    PRIORITY = "priority"  # the priority list, in its order

"""Where a new lead goes on this PC: the full-screen alert, a quiet notification, or nowhere.

Pure: the shell asks it on every refresh, and tests ask it without Qt.
"""

from __future__ import annotations

from enum import Enum

from app.core.enums import Availability, Role


class Route(Enum):
    ALERT = "alert"  # take over the screen with the countdown
    NOTIFY = "notify"  # one tray message per new lead; the alert pops on the colleagues' PCs
    NONE = "none"  # nothing new to route


def route(
    has_leads: bool,
    *,
    availability: Availability = Availability.AVAILABLE,
    role: Role = Role.SALESPERSON,
    manager_alert: bool = True,
    opened: bool = False,
) -> Route:
    """Decide for the current alertable leads.

    `opened`: the person clicked a new-lead notification, so they want to see the alert
    even while with a customer or on a break.
    """
    if not has_leads:
        return Route.NONE
    if opened:
        return Route.ALERT
    if availability != Availability.AVAILABLE:
        return Route.NOTIFY  # a customer in front of you comes first; the team takes it
    if role == Role.MANAGER and not manager_alert:
        return Route.NOTIFY
    return Route.ALERT

"""How the main window words a lead: its status, the next action and its due time.

Times are shown in the dealership's time zone (cfg.hours.tz), whatever the PC's zone is.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.cadence import MAX_ATTEMPTS
from app.core.enums import LeadStatus
from app.engine.views import LeadView
from app.ui.common.lead_text import vehicle_text


def status_text(view: LeadView) -> str:
    """new / attempt 1·2·3 / reached / appointment / sold / lost, translated."""
    status = view.status
    if status == LeadStatus.CALLED:
        n = len(view.attempts)
        return QCoreApplication.translate("LeadFormat", "Attempt {n}").format(n=n)
    names = {
        LeadStatus.NEW: QCoreApplication.translate("LeadFormat", "New"),
        # Mine, not called yet: still new to the customer.
        LeadStatus.CLAIMED: QCoreApplication.translate("LeadFormat", "New"),
        LeadStatus.REACHED: QCoreApplication.translate("LeadFormat", "Reached"),
        LeadStatus.APPOINTMENT: QCoreApplication.translate("LeadFormat", "Appointment"),
        LeadStatus.SOLD: QCoreApplication.translate("LeadFormat", "Sold"),
        LeadStatus.LOST: QCoreApplication.translate("LeadFormat", "Lost"),
        LeadStatus.TAKEN: QCoreApplication.translate("LeadFormat", "Taken"),
    }
    return names.get(status, str(status))


def clock_time(when: datetime, tz: tzinfo, now: datetime) -> str:
    """'10:17' today, 'tomorrow 09:00', 'Mon 09:00' within a week, else '3 Dec 09:00'."""
    local, today = when.astimezone(tz), now.astimezone(tz).date()
    hm = local.strftime("%H:%M")
    days = (local.date() - today).days
    if days == 0:
        return hm
    if days == 1:
        return QCoreApplication.translate("LeadFormat", "tomorrow {time}").format(time=hm)
    if days == -1:
        return QCoreApplication.translate("LeadFormat", "yesterday {time}").format(time=hm)
    locale = QLocale()
    if 0 < days < 7:
        day = locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{day} {hm}"
    month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
    return f"{local.day} {month} {hm}"


def next_action(view: LeadView, tz: tzinfo, now: datetime) -> str:
    """'Attempt 2 due 10:17', or what is left to do when no call is due."""
    if view.next_attempt is not None and view.next_due is not None:
        when = clock_time(view.next_due, tz, now)
        if view.next_attempt == 1:
            return QCoreApplication.translate("LeadFormat", "First call due {time}").format(
                time=when
            )
        return QCoreApplication.translate("LeadFormat", "Attempt {n} due {time}").format(
            n=view.next_attempt, time=when
        )
    status = view.status
    if status == LeadStatus.APPOINTMENT:
        at = appointment_at(view, tz)
        if at is not None and at > now:
            return QCoreApplication.translate("LeadFormat", "Appointment {time}").format(
                time=clock_time(at, tz, now)
            )
    if status in (LeadStatus.APPOINTMENT, LeadStatus.REACHED):
        return QCoreApplication.translate("LeadFormat", "Close: sold or lost")
    if status.closed:
        return ""
    if status == LeadStatus.CALLED and len(view.attempts) >= MAX_ATTEMPTS:
        return QCoreApplication.translate("LeadFormat", "3 calls made — close it")
    return ""


def unrecorded_text(started: datetime, tz: tzinfo, now: datetime) -> str:
    """A call whose outcome was put off ("Later")."""
    return QCoreApplication.translate(
        "LeadFormat", "Call started {time} — record the outcome"
    ).format(time=clock_time(started, tz, now))


def reminder_title(view: LeadView) -> str:
    name = view.shown_name
    n = view.next_attempt or len(view.attempts) + 1
    if n <= 1:
        return QCoreApplication.translate(
            "LeadFormat", "Call {name} — attempt 1 of {total}"
        ).format(name=name, total=MAX_ATTEMPTS)
    return QCoreApplication.translate(
        "LeadFormat", "Call {name} again — attempt {n} of {total}"
    ).format(name=name, n=n, total=MAX_ATTEMPTS)


def reminder_text(view: LeadView, tz: tzinfo, now: datetime) -> str:
    parts = [view.phone.shown, vehicle_text(view.vehicle)]
    if view.next_due is not None and view.next_due < now - timedelta(minutes=1):
        parts.append(
            QCoreApplication.translate("LeadFormat", "due since {time}").format(
                time=clock_time(view.next_due, tz, now)
            )
        )
    return " · ".join(p for p in parts if p)


def outcome_text(outcome: str) -> str:
    names = {
        "reached": QCoreApplication.translate("LeadFormat", "Reached"),
        "appointment": QCoreApplication.translate("LeadFormat", "Appointment made"),
        "voicemail": QCoreApplication.translate("LeadFormat", "Voicemail"),
        "no_answer": QCoreApplication.translate("LeadFormat", "No answer"),
        "busy": QCoreApplication.translate("LeadFormat", "Busy"),
        "wrong_number": QCoreApplication.translate("LeadFormat", "Wrong number"),
    }
    return names.get(outcome, outcome)


LOST_REASONS = ("bought_elsewhere", "not_interested", "no_response", "wrong_number", "other")


def lost_reason_text(reason: str) -> str:
    """The reason in words; "other: <words>" (the salesperson's own) as "Other reason: …"."""
    if reason.startswith("other:"):
        words = reason.removeprefix("other:").strip()
        other = QCoreApplication.translate("LeadFormat", "Other reason")
        return f"{other}: {words}" if words else other
    names = {
        "bought_elsewhere": QCoreApplication.translate("LeadFormat", "Bought elsewhere"),
        "not_interested": QCoreApplication.translate("LeadFormat", "Not interested"),
        "no_response": QCoreApplication.translate("LeadFormat", "No response after three attempts"),
        "wrong_number": QCoreApplication.translate("LeadFormat", "Wrong number"),
        "financing": QCoreApplication.translate("LeadFormat", "Financing declined"),
        "other": QCoreApplication.translate("LeadFormat", "Other reason"),
    }
    return names.get(reason, reason)


# The appointment's time rides in its call's note, written one way in every language
# ("Afspraak 2026-11-26 10:00"), so My leads can read it back from the call log.
_WHEN = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})")


def appointment_note(at: datetime, tz: tzinfo, note: str | None = None) -> str:
    """The note of an "Appointment made" call: when, then the salesperson's own note."""
    when = at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    text = QCoreApplication.translate("LeadFormat", "Appointment {when}").format(when=when)
    return f"{text} · {note}" if note else text


def appointment_at(view: LeadView, tz: tzinfo) -> datetime | None:
    """When the latest appointment made on this lead is (None: none, or unreadable)."""
    for attempt in reversed(view.attempts):
        if attempt.outcome == "appointment" and attempt.note:
            found = _WHEN.search(attempt.note)
            if found:
                return datetime.strptime(found.group(1), "%Y-%m-%d %H:%M").replace(tzinfo=tz)
    return None

"""How the main window words a lead: its status, the next action and its due time.

Times are shown in the dealership's time zone (cfg.hours.tz), whatever the PC's zone is.
"""

from __future__ import annotations

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
    if status in (LeadStatus.APPOINTMENT, LeadStatus.REACHED):
        return QCoreApplication.translate("LeadFormat", "Close: sold or lost")
    if status.closed:
        return ""
    if status == LeadStatus.CALLED and len(view.attempts) >= MAX_ATTEMPTS:
        return QCoreApplication.translate("LeadFormat", "3 calls made — close it")
    return ""


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
    names = {
        "bought_elsewhere": QCoreApplication.translate("LeadFormat", "Bought elsewhere"),
        "not_interested": QCoreApplication.translate("LeadFormat", "Not interested"),
        "no_response": QCoreApplication.translate("LeadFormat", "No response after three attempts"),
        "wrong_number": QCoreApplication.translate("LeadFormat", "Wrong number"),
        "financing": QCoreApplication.translate("LeadFormat", "Financing declined"),
        "other": QCoreApplication.translate("LeadFormat", "Other reason"),
    }
    return names.get(reason, reason)

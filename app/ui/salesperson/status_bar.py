"""The status bar: the inbox's health, my availability, and the leads waiting for the team."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from app.core.enums import Availability
from app.engine.desk import Health
from app.ui.common.plural import counted


class LeadStatusBar(QStatusBar):
    waiting_clicked = Signal()

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LeadStatusBar")
        self.tz = tz
        self.health = QLabel(objectName="status-health")
        self.availability = QLabel(objectName="status-availability")
        self.waiting = QPushButton(objectName="status-waiting")
        self.waiting.setFlat(True)
        self.waiting.setToolTip(self.tr("Show the waiting leads"))
        self.waiting.clicked.connect(self.waiting_clicked)
        self.demo = QLabel(objectName="status-demo")
        self.demo.hide()
        self.tls = QLabel(objectName="status-tls")
        self.tls.hide()
        self.push = QLabel(objectName="status-push")  # Health.push_problem, while it lasts
        self.push.setStyleSheet("color: #b45309; font-weight: bold;")
        self.push.hide()
        self.disk = QLabel(objectName="status-disk")  # Health.disk_full, while it lasts
        self.disk.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.disk.hide()
        self.addWidget(self.health, 1)
        self.addPermanentWidget(self.disk)
        self.addPermanentWidget(self.tls)
        self.addPermanentWidget(self.push)
        self.addPermanentWidget(self.demo)
        self.addPermanentWidget(self.waiting)
        self.addPermanentWidget(self.availability)
        self.set_health(None)
        self.set_availability(Availability.AVAILABLE)
        self.set_waiting(0, 0)

    def health_text(self, health: Health | None) -> str:
        """'Inbox unreachable since 10:02 — retrying…' (in the dealership's time zone)."""
        if health is None:
            return self.tr("Connecting to the inbox…")
        if health.ok:
            return self.tr("Inbox connected")
        if health.sign_in_needed:  # the mailbox's OAuth sign-in: only a person can mend it
            return self.tr("Mailbox: sign in again (Settings)")
        if health.down_since is None:
            return self.tr("Inbox unreachable — retrying…")
        since = health.down_since.astimezone(self.tz).strftime("%H:%M")
        return self.tr("Inbox unreachable since {time} — retrying…").format(time=since)

    def set_health(self, health: Health | None) -> None:
        self.health.setText(self.health_text(health))
        self.health.setProperty("down", bool(health and not health.ok))
        self.health.style().polish(self.health)
        if health is not None and health.error and not health.ok:
            self.health.setToolTip(health.error)
        else:
            self.health.setToolTip("")
        self.set_push_problem(health.push_problem if health is not None else None)
        self.set_disk_full(bool(health and health.disk_full))

    def set_disk_full(self, full: bool) -> None:
        """This PC's own disk, told from the inbox: leads still alert, kept in memory."""
        self.disk.setText(self.tr("This PC's disk is full"))
        self.disk.setToolTip(
            self.tr(
                "New leads still alert; Leadpop keeps them in memory and stores them "
                "once there is room. Free some space on this PC."
            )
        )
        self.disk.setVisible(full)

    def set_push_problem(self, problem: str | None) -> None:
        """One label while the inbox can't push (the details in its tooltip)."""
        self.push.setText(self.tr("No push: new leads within 2 s"))
        self.push.setToolTip(problem or "")
        self.push.setVisible(bool(problem))

    def away_text(self, availability: Availability, until: str | None = None) -> str:
        """'With a customer until 14:30' (the toolbar shows it large)."""
        if availability == Availability.AVAILABLE:
            return ""
        if availability == Availability.WITH_CUSTOMER:
            if until:
                return self.tr("With a customer until {time}").format(time=until)
            return self.tr("With a customer")
        if until:
            return self.tr("On a break until {time}").format(time=until)
        return self.tr("On a break")

    def set_availability(self, availability: Availability, until: str | None = None) -> None:
        if availability == Availability.AVAILABLE:
            text = self.tr("Available")
        else:
            text = self.tr("{status} — new leads come as a message").format(
                status=self.away_text(availability, until)
            )
        self.availability.setText(text)
        self.availability.setProperty("away", availability != Availability.AVAILABLE)
        self.availability.style().polish(self.availability)

    def set_waiting(self, now_waiting: int, before_opening: int) -> None:
        """Unclaimed leads: those whose clock runs, and those waiting for opening time."""
        total = now_waiting + before_opening
        if total == 0:
            text = self.tr("No leads waiting")
        elif before_opening and not now_waiting:
            text = self.tr("{n} waiting for opening time").format(n=before_opening)
        elif before_opening:
            text = counted(
                self.tr("%n lead(s) waiting ({m} for opening time)", "", total), total
            ).format(m=before_opening)
        else:
            text = counted(self.tr("%n lead(s) waiting", "", total), total)
        self.waiting.setText(text)
        self.waiting.setEnabled(total > 0)  # the alert, or the list of those waiting
        self.waiting.setProperty("count", total)

    def set_tls_warning(self, on: bool) -> None:
        """The mailbox's certificate is not checked: say so for as long as it is on."""
        self.tls.setText(self.tr("Warning: the mail server's certificate is not checked"))
        self.tls.setToolTip(self.tr("Set with ?tls=insecure-skip-verify in the inbox address"))
        self.tls.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.tls.setVisible(on)

    def set_demo(self, on: bool, around_the_clock: bool = False) -> None:
        text = self.tr("Demo: a sample lead arrives every 2 minutes")
        if around_the_clock:
            text += " · " + self.tr("open around the clock")
        self.demo.setText(text)
        self.demo.setVisible(on)

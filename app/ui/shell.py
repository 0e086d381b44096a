"""The shell: wires the worker, the main window, the alert, the tray and the notifications.

It holds no I/O and no business rules: the worker thread does the work, `routing.route`
decides alert vs notification, and the windows only show what they are given. Tests
build two shells in one process (two PCs sharing an inbox) with a FakeClock.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from app import __version__
from app.core.clock import Clock
from app.core.enums import Availability, Role
from app.core.hours import HoursError
from app.core.routing import Route, manager_due, route
from app.engine import unclaimed as unclaimed_ops
from app.engine.desk import ClaimOutcome, Desk, Health
from app.engine.views import LeadView
from app.settings.config import Config
from app.settings.prefs import Prefs, apply, defaults, given, language, prefs_path
from app.system import logs
from app.ui import bench_probe, i18n
from app.ui.alert.alert_window import AlertWindow
from app.ui.alert.call_panel import CallWindow
from app.ui.alert.qr_dialog import QrDialog
from app.ui.common.about_dialog import AboutDialog, AboutInfo
from app.ui.common.first_run import FirstRunDialog
from app.ui.common.lead_format import next_action, reminder_text, reminder_title
from app.ui.common.lead_text import vehicle_text
from app.ui.common.notify import Notifier
from app.ui.common.password_dialog import PasswordDialog
from app.ui.common.settings_dialog import SettingsDialog
from app.ui.common.tray import Tray
from app.ui.icons import app_icon
from app.ui.salesperson.lost_dialog import LostReasonDialog
from app.ui.salesperson.main_window import MainWindow
from app.ui.salesperson.outcome_dialog import OutcomeChoice, OutcomeDialog
from app.ui.salesperson.touch_dialog import TouchDialog, can_touch
from app.ui.salesperson.unclaimed_panel import Unclaimed
from app.ui.workers.desk_worker import DeskThread, DeskWorker, InboxFactory, default_inbox
from app.ui.workers.engine_thread import EngineOp, Refused

if TYPE_CHECKING:
    from app.ui.team.team_tab import TeamTab

log = logging.getLogger(__name__)

NOT_REACHED = ("voicemail", "no_answer", "busy")  # after these, offer a WhatsApp or an SMS


class Shell(QObject):
    ready = Signal()  # the main window is up and the desk was asked to start
    quit_requested = Signal()

    def __init__(
        self,
        base: Config,
        clock: Clock,
        *,
        demo: bool = False,
        lang: str | None = None,
        install_translations: bool = False,
        inbox_factory: InboxFactory = default_inbox,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        alert_options: dict[str, Any] | None = None,
        rng: random.Random | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.base = base
        self.cfg = base
        self.clock = clock
        self.demo = demo
        self.lang = lang
        self.install_translations = install_translations
        self.tray_available = tray_available
        self.alert_options = alert_options or {}
        self.prefs = Prefs()
        self.translators: list[Any] = []
        self.window: MainWindow | None = None
        self.alert: AlertWindow | None = None
        self.tray: Tray | None = None
        self.notifier: Notifier | None = None
        self.team_tab: TeamTab | None = None

        self.alertable: list[LeadView] = []
        self.waiting: list[LeadView] = []  # unclaimed, waiting for opening time
        self.dismissed: list[tuple[LeadView, Any]] = []  # unclaimed, "Not me" here (and when)
        self.views: dict[str, LeadView] = {}  # the freshest view of each lead, by id
        self.notified: set[str] = set()  # new leads already announced by notification
        self.in_call: set[str] = set()  # reminders stay quiet while the call is going on
        # Calls whose outcome was put off ("Later"): when they started. The list says so,
        # and the next reminder asks for the outcome instead of another call.
        self.unrecorded: dict[str, datetime] = {}
        self.started_at: dict[str, datetime] = {}  # calls under way: when they started
        # At start, once: calls left without an outcome (a quit or a crash mid-call).
        self._looked_for_unfinished = False
        self.call_window: CallWindow | None = None
        self.peek = False  # a new-lead notification was clicked: show the alert anyway
        self.last_notice: tuple[str, str] | None = None  # ("lead"|"reminder", lead id)
        self._told_tray = False
        self._asking_password = False
        self._told_sign_in = False  # "sign in again" went to the tray already
        self.closing = False
        # Messages that came before the window existed; first, a broken leadpop.toml.
        self._pending: list[str] = list(base.problems)

        self.worker = DeskWorker(clock, inbox_factory=inbox_factory, rng=rng)
        self.desk_thread = DeskThread(self.worker, self)
        w = self.worker
        w.prefs_loaded.connect(self._prefs_loaded)
        w.leads_changed.connect(self._leads_changed)
        w.lead_taken.connect(self._lead_taken)
        w.reminders_due.connect(self._reminders_due)
        w.health_changed.connect(self._health_changed)
        w.password_needed.connect(self._password_needed)
        w.tls_unverified.connect(self._tls_unverified)
        w.store_message.connect(self._message)
        w.error.connect(self._message)

    # -- start and stop --------------------------------------------------------------------

    def start(self) -> None:
        self.desk_thread.start(self.base.data_dir)

    def shutdown(self) -> None:
        """Stop and join the worker thread, close the windows. Safe to call twice."""
        self.closing = True  # closing the alert mid-call must not open the outcome prompt
        for bar in (
            self.window.snackbar if self.window else None,
            self.alert.snackbar if self.alert else None,
        ):
            if bar is not None:
                bar.flush()  # an action held for its Undo is done now
        self._remember_window()  # saved by the worker before it stops
        self._mount_team_tab(False)
        self.desk_thread.stop()
        if self.tray is not None:
            self.tray.hide()
        for widget in (self.alert, self.window):
            if widget is not None:
                if isinstance(widget, MainWindow):
                    widget.quit_for_real()
                else:
                    widget.close()
                widget.deleteLater()
        if self.call_window is not None:
            self.call_window.hide()
            self.call_window.deleteLater()
            self.call_window = None
        self.alert = self.window = None

    def prepare_quit(self) -> None:
        """The app is quitting: windows close for real (no tray, no question).

        Quit promptly, also mid-call: closing the call screen then asks no outcome. The
        store keeps the call's start, so the next start asks for it (_unfinished_calls)."""
        self.closing = True
        if self.window is not None:
            self.window.quitting = True

    def bring_to_front(self) -> None:
        if self.window is not None:
            self.window.bring_to_front()

    @Slot(object)
    def _prefs_loaded(self, prefs: Prefs) -> None:
        self.prefs = prefs
        if self.install_translations:
            app = QApplication.instance()
            assert app is not None
            lang = i18n.choose_language(self.lang, language(prefs, self.base))
            self.translators = i18n.install(app, lang)
        if "name" not in self.base.fixed and not prefs.name:  # no --user: ask once
            answer = FirstRunDialog.ask(None, self.base.user)
            if answer is not None:
                name, role = answer
                self.prefs = dataclasses.replace(prefs, name=name, role=role)
                self.desk_thread.save_prefs(self.prefs)
        try:
            self.cfg = apply(self.prefs, self.base)
        except HoursError as exc:
            self._pending.append(f"opening hours in the settings: {exc}")
            self.cfg = apply(dataclasses.replace(self.prefs, hours=None), self.base)
        self._build_ui()
        self.desk_thread.start_desk(self.cfg, self._demo_on())
        self._tell_presence(self.availability())
        self.ready.emit()

    def _demo_on(self) -> bool:
        """Demo leads only with --demo: an embedded inbox may hold real or demo-history leads."""
        return self.demo

    def _demo_around_the_clock(self) -> bool:
        """The demo's own 'always' hours, unless the person has since chosen hours."""
        return self.cfg.demo_hours and self.cfg.hours.always

    def _build_ui(self) -> None:
        icon = app_icon()
        window = MainWindow(self.clock, self.cfg.hours.tz, self.cfg.user, icon)
        window.restore_size(self.prefs.window_size)
        self.window = window
        self.alert = AlertWindow(self.clock, **self.alert_options)
        self.alert.setWindowIcon(icon)
        self.alert.tz = self.cfg.hours.tz
        bench_probe.watch(window, self.alert)  # LEADPOP_BENCH_PROBE only
        self._apply_sound()
        self.tray = Tray(
            icon,
            list(window.away_menus()),
            available=self.tray_available,
            parent=self,
        )
        window.keep_in_tray = self.tray.present
        self.notifier = Notifier(
            self.tray.icon, window.banner.show_message, tray_available=self.tray_available
        )
        window.status.set_demo(self._demo_on(), self._demo_around_the_clock())

        a = self.alert
        a.call_requested.connect(lambda lead_id: self.claim(lead_id, True))
        a.take_requested.connect(lambda lead_id: self.claim(lead_id, False))
        a.dismiss_requested.connect(self.dismiss)
        a.call_finished.connect(self.ask_outcome)
        a.alternative_requested.connect(  # the other reading of an ambiguous number
            lambda i: self._do("use number", lambda desk: desk.use_phone_alternative(i))
        )
        d = window.detail
        d.call_requested.connect(self.call_from_list)
        d.qr_requested.connect(self._show_qr)
        d.record_requested.connect(self.ask_outcome)
        d.sold_requested.connect(self.mark_sold)
        d.lost_requested.connect(self._ask_lost)
        d.release_requested.connect(self.release)
        d.snooze_requested.connect(
            lambda i, minutes: self._do("snooze", lambda desk: desk.snooze(i, minutes))
        )
        d.snooze_until_requested.connect(
            lambda i, until: self._do("snooze", lambda desk: desk.snooze_to(i, until))
        )
        d.hours = self.cfg.hours  # "Snooze until opening" reads the hours in force
        for signal in (d.call_requested, d.record_requested, d.sold_requested, d.lost_requested):
            signal.connect(window.hold_order)  # the list stays put under the pointer
        d.release_requested.connect(window.hold_order)
        d.snooze_requested.connect(window.hold_order)
        d.snooze_until_requested.connect(window.hold_order)
        d.lead_shown.connect(self._load_team_calls)
        window.unclaimed.take_requested.connect(self.take_from_list)
        window.unclaimed.alert_again_requested.connect(self.alert_again)
        window.availability_changed.connect(self._availability_changed)
        window.settings_requested.connect(self.edit_settings)
        window.about_requested.connect(self.show_about)
        window.quit_requested.connect(self.quit_requested)
        window.hidden_to_tray.connect(self._hidden_to_tray)
        window.status.waiting_clicked.connect(self._waiting_clicked)
        window.banner.open_requested.connect(self._open_notice)
        self.tray.open_requested.connect(window.bring_to_front)
        self.tray.message_clicked.connect(self._open_notice)
        self.tray.quit_requested.connect(self.quit_requested)
        for text in self._pending:
            window.show_message(text)
        self._pending.clear()
        self._mount_team_tab(self.prefs.role == Role.MANAGER)
        if self.prefs.last_tab == "mine":  # a manager who left on My leads starts there
            window.tabs.setCurrentIndex(0)
        window.show()

    def _mount_team_tab(self, wanted: bool) -> None:
        """The Team tab exists for managers only; it runs its own worker thread."""
        if wanted and self.team_tab is None and self.window is not None:
            from app.ui.team.team_tab import TeamTab  # QtCharts: only managers pay its start-up

            tab = TeamTab(self.cfg, self.clock, self.notifier)
            self.window.tabs.addTab(tab, tab.windowTitle())
            self.window.tabs.tabBar().setVisible(True)
            self.window.tabs.setCurrentWidget(tab)  # a manager's day starts with the team
            self.team_tab = tab
            tab.start()
        elif not wanted and self.team_tab is not None:
            tab, self.team_tab = self.team_tab, None
            tab.stop()
            if self.window is not None:
                self.window.tabs.removeTab(self.window.tabs.indexOf(tab))
                self.window.tabs.tabBar().setVisible(self.window.tabs.count() > 1)
            tab.deleteLater()
        elif self.team_tab is not None:
            self.team_tab.set_config(self.cfg)

    def _apply_sound(self) -> None:
        if self.alert is not None and hasattr(self.alert.sound, "enabled"):
            self.alert.sound.enabled = self.prefs.sound  # type: ignore[attr-defined]

    # -- from the worker -------------------------------------------------------------------

    @Slot(list, list, list)
    def _leads_changed(
        self, alertable: list[LeadView], mine: list[LeadView], waiting: list[LeadView]
    ) -> None:
        if self.window is None:
            return
        self.alertable = alertable
        self.waiting = waiting
        self.views = {v.id: v for v in (*alertable, *mine)}
        self.window.set_leads(mine)
        self.window.status.set_waiting(len(alertable), len(waiting))
        self.route_leads()
        self._show_unclaimed()
        if not self._looked_for_unfinished:
            self._looked_for_unfinished = True
            self._on_desk("unfinished calls", lambda d: d.calls_under_way(), refresh=False).success(
                self._unfinished_calls
            ).failure(_quiet("unfinished calls")).run_in_background()
        # Then, off the alert's path: the leads I passed on, and who gave leads back.
        self._on_desk("unclaimed", unclaimed_ops.unclaimed, refresh=False).success(
            self._unclaimed_loaded
        ).failure(_quiet("unclaimed")).run_in_background()

    def _unfinished_calls(self, started: dict[str, datetime]) -> None:
        """Calls that were going on when Leadpop last stopped: ask how they went, as after
        "Later" (the list says so, the notice opens the prompt, the reminders ask again)."""
        found = {i: at for i, at in started.items() if i in self.views and i not in self.in_call}
        if not found or self.notifier is None:
            return
        for lead_id, at in found.items():
            self.unrecorded.setdefault(lead_id, at)
        self._show_unrecorded()
        for lead_id in found:
            self._ask_outcome_later(self.views[lead_id])

    def _ask_outcome_later(self, view: LeadView) -> None:
        """The notice "How did the call with … go?"; clicked, it opens the outcome prompt."""
        assert self.notifier is not None
        self.last_notice = ("outcome", view.id)
        self.notifier.notify(
            self.tr("How did the call with {name} go?").format(name=view.shown_name),
            self.tr("Record the outcome: open this message"),
        )

    def _unclaimed_loaded(self, found: unclaimed_ops.Unclaimed) -> None:
        self.dismissed = list(found.dismissed)
        if self.alert is not None:
            self.alert.set_history(found.handed_back)
        self._show_unclaimed()

    def _show_unclaimed(self) -> None:
        if self.window is None:
            return
        rows = [Unclaimed(v, starts=v.sla_start) for v in self.waiting]
        rows += [Unclaimed(v, dismissed_at=at) for v, at in self.dismissed]
        self.window.set_unclaimed(rows)

    def route_leads(self) -> None:
        """Alert, notify or nothing, for the leads whose clock runs now (routing.route)."""
        if self.alert is None:
            return
        present = {v.id for v in self.alertable}
        self.notified &= present
        if not present:
            self.peek = False
        decision = route(
            bool(present),
            availability=self.availability(),
            role=self.prefs.role,
            manager_alert=self.prefs.manager_alert,
            opened=self.peek,
            escalated=manager_due(self.alertable, self.clock.now(), self.cfg.deployed.values),
        )
        if decision is Route.ALERT:
            self.alert.set_leads(self.alertable)
            return
        self.alert.set_leads([])  # hides it, unless a claim or a call is on screen
        if decision is Route.NOTIFY:
            for view in self.alertable:
                if view.id not in self.notified:
                    self.notified.add(view.id)
                    self._notify_new(view)

    def _notify_new(self, view: LeadView) -> None:
        assert self.notifier is not None
        parts = (vehicle_text(view.vehicle), self.tr("a colleague can take it"))
        text = " · ".join(p for p in parts if p)
        self.last_notice = ("lead", view.id)
        self.notifier.notify(self.tr("New lead — {name}").format(name=view.shown_name), text)

    @Slot(str, object)
    def _lead_taken(self, lead_id: str, owner: str | None) -> None:
        if self.alert is not None:
            self.alert.lead_taken(lead_id, owner)

    # -- the salesperson's actions, run by the worker on the Desk -------------------------

    def _on_desk(
        self, what: str, op: Callable[[Desk], Any], *, refresh: bool = True
    ) -> EngineOp[Desk, Any]:
        """An action for the worker thread (app.ui.workers.engine_thread): `op` runs there
        on the Desk; the new lists (unless not `refresh`), then its result, come back here."""
        return self.desk_thread.op(op, what=what, refresh=refresh)

    def _do(self, what: str, op: Callable[[Desk], Any]) -> None:
        """An action whose result needs no answer (a failure is shown as a message)."""
        self._on_desk(what, op).run_in_background()

    def claim(self, lead_id: str, calling: bool) -> None:
        """Call now (calling) or take the lead; the alert shows who won."""

        def failed(exc: Exception) -> None:  # a bug, not a colleague: say it, free the alert
            self._message(f"claim: {exc}")
            self._claim_done(lead_id, ClaimOutcome(False, None, "the claim failed"), calling)

        self._on_desk("claim", lambda d: d.claim(lead_id, calling=calling)).success(
            lambda outcome: self._claim_done(lead_id, outcome, calling)
        ).failure(failed).run_in_background()

    def release(self, lead_id: str) -> None:
        """Release to team, done once the snackbar's Undo has had its few seconds."""

        def give_back(desk: Desk) -> None:
            if not desk.release(lead_id):
                raise Refused("the lead could not be given back to the team")

        self._after_undo(
            lead_id,
            self.tr("{name}: given back to the team"),
            lambda: self._do("release", give_back),
        )

    def mark_sold(self, lead_id: str) -> None:
        """Mark sold, after a question when nobody ever called the customer; Undo for a while."""
        view = self.views.get(lead_id)
        if view is not None and not view.attempts and not self.confirm_sold_uncalled(view):
            return
        self._after_undo(
            lead_id,
            self.tr("{name}: marked sold"),
            lambda: self._do("mark sold", lambda desk: desk.mark_sold(lead_id)),
        )

    def confirm_sold_uncalled(self, view: LeadView) -> bool:
        """Tests replace this."""
        no = QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Mark sold?"),
            self.tr("{name} has not been called yet. Mark this lead sold anyway?").format(
                name=view.shown_name
            ),
            QMessageBox.StandardButton.Yes | no,
            self.window,
        )
        box.setDefaultButton(no)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def _after_undo(self, lead_id: str, text: str, commit: Callable[[], None]) -> None:
        """Sold, lost, release: said at once, done when Undo's few seconds are over."""
        if self.window is None:
            commit()
            return
        view = self.views.get(lead_id)
        name = view.shown_name if view is not None else lead_id
        detail = self.window.detail
        detail.set_pending(lead_id, True)  # no second close of it meanwhile

        def done() -> None:
            detail.set_pending(lead_id, False)
            commit()

        self.window.snackbar.offer(
            text.format(name=name), commit=done, undo=lambda: detail.set_pending(lead_id, False)
        )

    def dismiss(self, lead_id: str) -> None:
        """ "Not me": done at once (the team sees it); Undo lets it alert here again."""
        view = next((v for v in self.alertable if v.id == lead_id), None)
        name = view.shown_name if view is not None else lead_id
        self._do("dismiss", lambda desk: desk.dismiss(lead_id))
        text = self.tr("Not me: {name}").format(name=name)
        stays = self.alert is not None and self.alert.isVisible() and self.alert.has_more()
        bar = self.alert.snackbar if stays and self.alert is not None else None
        if bar is None and self.window is not None:
            bar = self.window.snackbar
        if bar is not None:
            bar.offer(text, undo=lambda: self.alert_again(lead_id))

    def alert_again(self, lead_id: str) -> None:
        """Undo "Not me" (from the snackbar or the list of leads not taken yet)."""
        if self.alert is not None:
            self.alert.forget(lead_id)
        self._do("alert again", lambda desk: unclaimed_ops.undismiss(desk, lead_id))

    def take_from_list(self, lead_id: str) -> None:
        """Take a lead from the list of those not taken yet (also before opening time)."""

        def done(outcome: ClaimOutcome) -> None:
            if self.window is None:
                return
            if outcome.won:
                self.window.open_lead(lead_id)
            elif outcome.error:
                self.window.show_message(self.tr("Inbox unreachable — try again"))
            else:
                owner = outcome.owner or self.tr("a colleague")
                self.window.snackbar.say(self.tr("Taken by {owner}").format(owner=owner))

        self._on_desk("claim", lambda d: d.claim(lead_id)).success(done).run_in_background()

    def _load_team_calls(self, lead_id: str) -> None:
        """Calls a colleague made on this lead before it was handed over, for its log."""

        def show(calls: tuple[Any, ...]) -> None:
            if self.window is not None:
                self.window.detail.set_team_calls(lead_id, calls)

        self._on_desk(
            "team calls", lambda desk: unclaimed_ops.team_calls(desk, lead_id), refresh=False
        ).success(show).failure(_quiet("team calls")).run_in_background()

    def _waiting_clicked(self) -> None:
        """The status bar's "n waiting": the alert, or the list when none alerts now."""
        if self.alertable:
            self._peek_alert()
        elif self.window is not None:
            self.window.show_unclaimed()

    def _claim_done(self, lead_id: str, outcome: ClaimOutcome, calling: bool) -> None:
        # The alert's call panel hands the tel: link to the OS (call_panel.open_tel_link).
        # Quiet reminders only while that panel is up: its "Record outcome" ends the quiet.
        # An alert closed before the claim came back shows no panel: the reminders nag.
        if self.alert is not None and self.alert.claim_result(lead_id, outcome, calling):
            self.in_call.add(lead_id)
            self.started_at[lead_id] = self.clock.now()

    @Slot(list)
    def _reminders_due(self, views: list[LeadView]) -> None:
        if self.notifier is None:
            return
        now = self.clock.now()
        for view in views:
            if view.id in self.in_call:
                continue  # the outcome prompt is coming; no nagging during the call
            if view.id in self.unrecorded:  # the call was made: ask how it went
                self._ask_outcome_later(view)
                continue
            self.last_notice = ("reminder", view.id)
            self.notifier.notify(reminder_title(view), reminder_text(view, self.cfg.hours.tz, now))

    @Slot(object)
    def _health_changed(self, health: Health) -> None:
        if self.window is not None:
            self.window.status.set_health(health)
        if health.sign_in_needed and not self._told_sign_in and self.notifier is not None:
            # Once, not on every poll: the status bar keeps saying it until it is mended.
            self._told_sign_in = True
            self.notifier.notify(
                self.tr("Leadpop: sign in again"),
                self.tr(
                    "The mailbox no longer accepts this PC's sign-in. Open Settings and sign "
                    "in again; your own leads and reminders keep working meanwhile."
                ),
            )
        elif health.ok:
            self._told_sign_in = False

    @Slot(str, str, bool)
    def _password_needed(self, user: str, host: str, rejected: bool) -> None:
        """Ask once; after Cancel the status bar keeps saying why the inbox is down."""
        if self._asking_password or self.closing:
            return
        self._asking_password = True
        try:
            password = PasswordDialog.ask(self.window, user, host, rejected)
        finally:
            self._asking_password = False
        if password:
            self.desk_thread.set_password(user, host, password)

    @Slot(bool)
    def _tls_unverified(self, on: bool) -> None:
        if self.window is not None:
            self.window.status.set_tls_warning(on)

    @Slot(str)
    def _message(self, text: str) -> None:
        if self.window is None:
            self._pending.append(text)
        else:
            self.window.show_message(text)

    # -- the salesperson's actions ---------------------------------------------------------

    def availability(self) -> Availability:
        return self.window.availability() if self.window is not None else Availability.AVAILABLE

    def _tell_presence(self, value: str) -> None:
        """Routing skips whoever isn't available: the Desk announces it in the inbox."""
        until = getattr(self.window, "away_until", None)  # a timed status ends by itself
        role = str(self.prefs.role)
        self._do("presence", lambda d: d.offers.set_me(value, until, role))

    def _availability_changed(self, value: str) -> None:
        self._tell_presence(value)
        self.peek = False
        if value != Availability.AVAILABLE:  # already on screen, so seen: no message
            self.notified |= {v.id for v in self.alertable}
        self.route_leads()

    def _peek_alert(self) -> None:
        self.peek = True
        self.route_leads()

    def _open_notice(self) -> None:
        """A notification (tray message or banner) was clicked: open what it was about."""
        if self.last_notice is None or self.window is None:
            self.bring_to_front()
            return
        kind, lead_id = self.last_notice
        if kind == "lead" and any(v.id == lead_id for v in self.alertable):
            self._peek_alert()
        elif kind == "outcome":
            self.window.open_lead(lead_id)
            self.ask_outcome(lead_id)
        else:
            self.window.open_lead(lead_id)

    def _dialog_parent(self) -> QWidget | None:  # where a prompt is placed
        if self.alert is not None and self.alert.isVisible():
            return self.alert
        return self.window

    @Slot(str)
    def ask_outcome(self, lead_id: str) -> None:
        """The outcome prompt after a call; the choice is recorded by the worker."""
        view = self.views.get(lead_id)
        if view is None or self.closing:
            self.in_call.discard(lead_id)
            # Quitting: the call's start stays stored and the next start asks for it.
            why = "quitting" if self.closing else "the lead is not mine (any more)"
            log.info("outcome prompt for lead %s not shown: %s", lead_id, why)
            return
        started = self.started_at.pop(lead_id, None)
        try:
            choice = OutcomeDialog.ask(
                self._dialog_parent(), view, now=self.clock.now(), tz=self.cfg.hours.tz
            )
        finally:
            self.in_call.discard(lead_id)
        if choice is None:
            # Put off after a call: it was still made. Say so, and ask again with the next
            # reminder. ("Record outcome" without a call, then Later, is just nothing.)
            if started is not None:
                self.unrecorded.setdefault(lead_id, started)
                self._show_unrecorded()
            return
        if choice.outcome in NOT_REACHED and choice.lost_reason is None and can_touch(view):
            touch = TouchDialog.ask(self._dialog_parent(), view, self.cfg.user)
            if touch:
                note = f"{choice.note} · {touch}" if choice.note else touch
                choice = dataclasses.replace(choice, note=note)
        self.record(lead_id, choice)

    def _show_unrecorded(self) -> None:
        if self.window is not None:
            self.window.set_unrecorded(dict(self.unrecorded))

    def record(self, lead_id: str, choice: OutcomeChoice) -> None:
        """Record the outcome; then say what comes next ("Attempt 2 due 14:27")."""
        outcome, note, lost = choice.outcome, choice.note, choice.lost_reason
        if self.unrecorded.pop(lead_id, None) is not None:
            self._show_unrecorded()

        at = choice.appointment_at

        def op(desk: Desk) -> LeadView:
            desk.record_call(lead_id, outcome, note, lost_reason=lost, appointment_at=at)
            return desk.view(lead_id)

        self._on_desk("record call", op).success(self._recorded).run_in_background()

    def _recorded(self, view: LeadView) -> None:
        if self.window is None:
            return
        action = next_action(view, self.cfg.hours.tz, self.clock.now())
        text = self.tr("{name}: call recorded").format(name=view.shown_name)
        self.window.snackbar.say(f"{text} · {action}" if action else text)

    @Slot(str)
    def call_from_list(self, lead_id: str) -> None:
        """Call from the detail pane: the call window hands the tel: link to the OS and
        keeps the number (and a QR code) on screen until the call is over; then the
        outcome is asked. Nothing modal covers the number while dialling by hand."""
        view = self.views.get(lead_id)
        uri = view.phone.tel_uri if view else None
        if view is None or uri is None:
            return
        self.in_call.add(lead_id)
        self.started_at[lead_id] = self.clock.now()
        self._do("start call", lambda desk: desk.start_call(lead_id))  # the call's time
        if self.call_window is None:
            self.call_window = CallWindow()
            self.call_window.setWindowIcon(app_icon())
            self.call_window.outcome_requested.connect(self.ask_outcome)
        self.call_window.call(view)

    def _show_qr(self, lead_id: str) -> None:
        view = self.views.get(lead_id)
        if view is not None and QrDialog.show_for(self.window, view):
            self.ask_outcome(lead_id)

    def _ask_lost(self, lead_id: str) -> None:
        view = self.views.get(lead_id)
        if view is None:
            return
        reason = LostReasonDialog.ask(self.window, view)
        if reason:
            self._after_undo(
                lead_id,
                self.tr("{name}: marked lost"),
                lambda: self._do("mark lost", lambda desk: desk.mark_lost(lead_id, reason)),
            )

    def settings_values(self) -> dict[str, Any]:
        """The dialog's fields: the person's settings, else IT's or the built-in ones."""
        values = dataclasses.asdict(self.prefs)
        values["name"] = self.cfg.user
        unset = defaults(self.base)
        for key, default in unset.items():
            if values.get(key) is None or key in self.base.locked:
                values[key] = default
        values["defaults"] = unset  # a value equal to these is not saved as the person's own
        values["fixed"] = sorted(self.base.fixed)  # the command line set them
        values["in_force"] = given(self.base)  # and these are the values it set
        values["locked"] = sorted(self.base.locked)  # IT locked them in leadpop.toml
        values["default_inbox"] = str(self.base.data_dir / "inbox")
        values["signin_config"] = self.cfg  # an OAuth mailbox: who is signed in, sign out
        return values

    def about_info(self) -> AboutInfo:
        """What the About dialog shows: no I/O, only what the app already knows."""
        log_file = logs.current_log_file()
        return AboutInfo(
            version=__version__,
            data_dir=str(self.cfg.data_dir),
            inbox=self.cfg.inbox,
            log_file=str(log_file) if log_file else None,
            settings_file=str(prefs_path(self.base.data_dir)),
            it_files=tuple(str(p) for p in self.base.deployed.sources),
            locked=tuple(sorted(self.base.locked)),
        )

    @Slot()
    def show_about(self) -> None:
        AboutDialog.show_for(self.window, self.about_info(), app_icon())

    @Slot()
    def edit_settings(self) -> None:
        values = SettingsDialog.edit(self.window, self.settings_values())
        if values is None:
            return
        known = {f.name for f in dataclasses.fields(Prefs)}
        prefs = dataclasses.replace(self.prefs, **{k: v for k, v in values.items() if k in known})
        try:
            cfg = apply(prefs, self.base)
        except HoursError as exc:
            self._message(self.tr("Opening hours: {error}").format(error=exc))
            return
        self.prefs = prefs
        self.desk_thread.save_prefs(prefs)
        self._apply_sound()
        if self.window is not None:
            self.window.set_user(cfg.user)
            self.window.detail.hours = cfg.hours
        self.cfg = cfg
        self.desk_thread.start_desk(cfg, self._demo_on())  # new inbox, hours, cadence, name
        self._mount_team_tab(prefs.role == Role.MANAGER)
        if self.window is not None:
            self.window.status.set_demo(self._demo_on(), self._demo_around_the_clock())
        self.route_leads()

    def _remember_window(self) -> None:
        """The window's size and tab for the next start (settings.json, by the worker).
        The tab only while there is a choice of tabs."""
        if self.window is None:
            return
        tab = self.window.current_tab() if self.team_tab is not None else self.prefs.last_tab
        size = self.window.remembered_size()
        if (size, tab) != (self.prefs.window_size, self.prefs.last_tab):
            self.prefs = dataclasses.replace(self.prefs, window_size=size, last_tab=tab)
            self.desk_thread.save_prefs(self.prefs)

    def _hidden_to_tray(self) -> None:
        self._remember_window()
        if self._told_tray or self.tray is None or self.tray.icon is None:
            return
        self._told_tray = True
        self.tray.icon.showMessage(
            "Leadpop",
            self.tr("Leadpop keeps running here and pops up new leads. Quit from this menu."),
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )


def _quiet(what: str) -> Callable[[Exception], None]:
    """A read for a side list failed (the desk is being reopened, say): the next list
    change asks again; no message for the salesperson."""

    def failed(exc: Exception) -> None:
        log.info("%s: %s", what, exc)

    return failed

"""The alert: a new lead takes over the screen with a two-minute countdown.

One window for all unclaimed leads, oldest first. It only shows what it is given
(`set_leads`, `claim_result`, `lead_taken`) and says what the salesperson wants by
signal; the shell does the claiming in its worker.

Keystroke guard: the alert grabs focus while the salesperson may be typing elsewhere.
For `guard_s` (0.4 s) after a lead appears, keys and clicks are ignored, so an Enter
meant for an e-mail can't claim a lead and a double Esc can't dismiss the next one too.
A key acts when it is released, and only if it went down here, on this lead, after the
guard: a key already held when the alert appeared never acts. Auto-repeat is ignored, also
when X11 hands it over as a release and a press with the same timestamp. The guard reads
the injected clock, so tests move a FakeClock instead of waiting.
"""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.countdown import countdown
from app.engine.desk import ClaimOutcome
from app.engine.views import LeadView
from app.ui.alert import theme as th
from app.ui.alert.call_panel import CallPanel
from app.ui.alert.name_label import NameLabel
from app.ui.alert.sound import AlertSound
from app.ui.common.fit_label import FitLabel
from app.ui.common.lead_format import clock_time, outcome_text
from app.ui.common.lead_text import duration_text, vehicle_text
from app.ui.salesperson.snackbar import Snackbar

if TYPE_CHECKING:
    from app.engine.unclaimed import HandedBack

log = logging.getLogger(__name__)

TICK_MS = 200  # the countdown is recomputed from the clock; a fast tick keeps seconds even
NOTICE_MS = 3000  # how long "Taken by Piet" stays before the next lead
GUARD_S = 0.4
# X11 auto-repeat may reach us as a release and a press at the same instant; no hand
# lets go of a key and presses it again this fast.
REPEAT_GAP_MS = 20
MESSAGE_CHARS = 280  # the question is for a glance; the full text is in the main window
ASKED_GAP_S = 60  # say "asked 4 min ago" only when the request is this much older


_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


# alert: buttons live | pending: a claim in flight | notice: "Taken by …" | call: the panel
Mode = Literal["alert", "pending", "notice", "call"]


class Sound(Protocol):
    def play(self) -> bool: ...


class AlertWindow(QWidget):
    call_requested = Signal(str)  # lead id: claim it, then dial
    take_requested = Signal(str)  # lead id: claim it, call later
    dismiss_requested = Signal(str)  # lead id: "Not me", this PC stops alerting
    call_finished = Signal(str)  # lead id: the call panel's "Record outcome"
    alternative_requested = Signal(str)  # lead id: dial the other reading of its number

    def __init__(
        self,
        clock: Clock,
        *,
        sound: Sound | None = None,
        guard_s: float = GUARD_S,
        notice_ms: int = NOTICE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AlertWindow")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clock = clock
        self.sound: Sound = sound if sound is not None else AlertSound(parent=self)
        self.guard_s = guard_s

        self._queue: list[LeadView] = []  # alertable leads, oldest first
        self._current: LeadView | None = None
        self._mode: Mode = "alert"
        self._handled: set[str] = set()  # leads finished here; filters stale set_leads lists
        self._shown_at: datetime | None = None
        self._down: dict[Qt.Key, tuple[Mode, str | None]] = {}  # keys pressed here: on what
        self._released_at: dict[Qt.Key, int] = {}  # each key's last release (event timestamp)
        self._scale = 0.0
        self._history: dict[str, HandedBack] = {}  # leads given back to the team
        self.tz: tzinfo | None = None  # the dealership's, for the times of earlier calls

        self._tick = QTimer(self, objectName="alert-tick", interval=TICK_MS)
        self._tick.timeout.connect(self._update_times)
        self._notice = QTimer(self, objectName="alert-notice", interval=notice_ms)
        self._notice.setSingleShot(True)
        self._notice.timeout.connect(self._notice_over)

        self._build()
        self._apply_scale(th.BASE_W, th.BASE_H)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.kicker = QLabel(objectName="alert-kicker")
        self.waiting = QLabel(objectName="alert-waiting")
        # "Not me" can be undone for a few seconds, here, in the top row (nothing moves).
        self.snackbar = Snackbar()
        top = QHBoxLayout()
        top.addWidget(self.kicker, 1)
        top.addWidget(self.snackbar)
        top.addWidget(self.waiting)

        self.name = NameLabel(60)
        self.name.setObjectName("alert-name")
        self.phone = FitLabel(52)
        self.phone.setObjectName("alert-phone")
        # An ambiguous number: the other country's reading, under the home one.
        self.phone_alt = QLabel(objectName="alert-phone-alt")
        self.use_alt = QPushButton(self.tr("Use this number"), objectName="alert-use-alt")
        self.use_alt.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter and Esc stay the window's
        self.use_alt.clicked.connect(self._use_alternative)
        alt_row = QHBoxLayout()
        alt_row.addWidget(self.phone_alt)
        alt_row.addSpacing(16)
        alt_row.addWidget(self.use_alt)
        alt_row.addStretch(1)
        self.phone_alt.hide()
        self.use_alt.hide()
        self.vehicle = QLabel(objectName="alert-vehicle")
        self.vehicle.setWordWrap(True)
        self.message = QLabel(objectName="alert-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.asked = QLabel(objectName="alert-asked")
        self.history = QLabel(objectName="alert-history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.hide()
        info = QVBoxLayout()
        info.setSpacing(0)
        info.addWidget(self.name)
        info.addSpacing(6)
        info.addWidget(self.phone)
        info.addLayout(alt_row)
        info.addSpacing(12)
        info.addWidget(self.history)
        info.addWidget(self.vehicle)
        info.addSpacing(16)
        info.addWidget(self.message)
        info.addSpacing(8)
        info.addWidget(self.asked)
        info.addStretch(1)

        self.clock_card = QFrame(objectName="alert-clock-card")
        self.clock_caption = QLabel(objectName="alert-clock-caption")
        self.clock_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = FitLabel(150)
        self.countdown.setObjectName("alert-countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = self._card_layout = QVBoxLayout(self.clock_card)
        card.addStretch(1)
        card.addWidget(self.clock_caption)
        card.addWidget(self.countdown)
        card.addStretch(1)

        middle = QHBoxLayout()
        middle.addLayout(info, 3)
        middle.addWidget(self.clock_card, 2)

        self.status = QLabel(objectName="alert-status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.call_button = self._button(self.tr("Call now"), "alert-call", "primary")
        self.take_button = self._button(self.tr("Take it"), "alert-take", "secondary")
        self.dismiss_button = self._button(self.tr("Not me"), "alert-dismiss", "quiet")
        self.call_button.clicked.connect(self._call)
        self.take_button.clicked.connect(self._take)
        self.dismiss_button.clicked.connect(self._dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self._with_hint(self.call_button, self.tr("Enter")), 5)
        buttons.addWidget(self._with_hint(self.take_button, ""), 3)
        buttons.addWidget(self._with_hint(self.dismiss_button, self.tr("Esc")), 2)
        self._button_row = buttons

        lead_page = QWidget(objectName="alert-lead-page")
        page = QVBoxLayout(lead_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(middle, 1)
        page.addWidget(self.status)
        page.addLayout(buttons)
        self._page_layout = page

        self.call_panel = CallPanel()
        self.call_panel.outcome_requested.connect(self._call_done)
        self.pages = QStackedWidget(objectName="alert-pages")
        self.pages.addWidget(lead_page)
        self.pages.addWidget(self.call_panel)

        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.pages, 1)
        self._root = root

    def _button(self, text: str, name: str, role: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setProperty("role", role)
        # Keys go to the window's own handler (with the guard), never to a focused button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _with_hint(self, button: QPushButton, hint: str) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        col.addWidget(button)
        label = QLabel(hint, objectName="alert-key-hint")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(label)
        return box

    def _apply_scale(self, width: int, height: int) -> None:
        scale = round(th.scale_for(width, height), 2)
        if scale == self._scale:
            return
        self._scale = s = scale
        p = th.px
        self.name.set_max_px(p(60, s))
        self.phone.set_max_px(p(52, s))
        self.countdown.set_max_px(p(150, s))
        self._root.setContentsMargins(p(40, s), p(24, s), p(40, s), p(28, s))
        self._root.setSpacing(p(20, s))
        self._page_layout.setSpacing(p(18, s))
        self._button_row.setSpacing(p(20, s))
        self._card_layout.setContentsMargins(p(28, s), p(20, s), p(28, s), p(20, s))
        self.call_panel.set_scale(s)
        self.setStyleSheet(self._qss(s))

    @staticmethod
    def _qss(s: float) -> str:
        p = th.px
        return (
            th.button_qss(s)
            + f"""
        #AlertWindow {{ background: {th.BG}; }}
        QLabel {{ color: {th.TEXT}; font-family: {th.FONT_FAMILY}; }}
        #alert-kicker {{ color: {th.MUTED}; font-size: {p(20, s)}px; font-weight: 600; }}
        #alert-waiting {{
            color: {th.BG}; background: {th.TEXT}; font-size: {p(20, s)}px;
            font-weight: 700; border-radius: {p(14, s)}px; padding: {p(4, s)}px {p(16, s)}px;
        }}
        #alert-phone {{ color: {th.TEXT}; }}
        #alert-vehicle {{ color: {th.TEXT}; font-size: {p(28, s)}px; }}
        #alert-message {{
            color: {th.TEXT}; font-size: {p(23, s)}px; background: {th.SURFACE};
            border-left: {p(5, s)}px solid {th.MUTED}; padding: {p(12, s)}px {p(16, s)}px;
        }}
        #alert-asked {{ color: {th.MUTED}; font-size: {p(20, s)}px; }}
        #alert-phone-alt {{ color: {th.AMBER}; font-size: {p(24, s)}px; }}
        #alert-use-alt {{
            color: {th.TEXT}; background: {th.SURFACE}; border: 1px solid {th.BORDER};
            border-radius: {p(6, s)}px; font-size: {p(18, s)}px; padding: {p(4, s)}px {p(12, s)}px;
            min-height: 0px; font-weight: 600;
        }}
        #alert-kicker[missed="true"] {{ color: {th.AMBER}; font-weight: 700; }}
        #alert-history {{
            color: {th.TEXT}; font-size: {p(22, s)}px; background: {th.SURFACE};
            border-radius: {p(8, s)}px; padding: {p(8, s)}px {p(14, s)}px;
            margin-bottom: {p(10, s)}px;
        }}
        #alert-clock-card {{
            background: {th.SURFACE}; border-radius: {p(24, s)}px;
            border: {p(2, s)}px solid {th.BORDER};
        }}
        #alert-clock-card[phase="amber"] {{ background: {th.AMBER}; border-color: {th.AMBER}; }}
        #alert-clock-card[phase="overtime"] {{ background: {th.RED}; border-color: {th.RED}; }}
        #alert-clock-caption {{ color: {th.MUTED}; font-size: {p(24, s)}px; font-weight: 600; }}
        #alert-clock-card[phase="amber"] QLabel {{ color: {th.AMBER_TEXT}; }}
        #alert-clock-card[phase="overtime"] QLabel {{ color: white; }}
        #alert-status {{ color: {th.TEXT}; font-size: {p(28, s)}px; font-weight: 700; }}
        #alert-status[error="true"] {{ color: {th.ERROR_TEXT}; }}
        #alert-key-hint {{ color: {th.MUTED}; font-size: {p(16, s)}px; }}
        """
        )

    # -- API -------------------------------------------------------------------------------

    def set_leads(self, views: list[LeadView]) -> None:
        """The unclaimed alertable leads, oldest first. An empty list hides the alert."""
        present = {v.id for v in views}
        self._handled &= present  # a lead released back to the team may alert again later
        self._queue = [v for v in views if v.id not in self._handled]
        if self._mode == "alert":
            self._show_next()
        else:  # a claim, a notice or a call is on screen: don't pull the lead away
            self._update_waiting()

    def claim_result(self, lead_id: str, outcome: ClaimOutcome, calling: bool) -> bool:
        """What became of "Call now" (`calling`) or "Take it" for the lead on screen.

        Returns whether the call panel took over: only then does `call_finished` follow
        (the alert may have closed while the claim was on its way).
        """
        if self._mode != "pending" or self.current_id() != lead_id:
            log.debug("claim result for %s is not the one on screen", lead_id)
            return False
        if outcome.error:
            self._mode = "alert"
            self._set_status(self.tr("Inbox unreachable — try again"), error=True)
            self._set_buttons(True)
            return False
        self._finish(lead_id)
        if not outcome.won:
            owner = outcome.owner or self.tr("a colleague")
            self._show_notice(self.tr("Taken by {owner}").format(owner=owner))
            return False
        if calling:
            assert self._current is not None
            self._mode = "call"
            self.call_panel.show_lead(self._current, dial=True)
            self.pages.setCurrentWidget(self.call_panel)
            self.kicker.setText(self.tr("Calling"))
            return True
        self._mode = "alert"
        self._advance()
        return False

    def lead_taken(self, lead_id: str, owner: str | None) -> None:
        """A colleague took the lead: say so if it is on screen, then move on."""
        self._finish(lead_id)
        # Only an alert waiting for a decision says so; a claim in flight gets its own
        # result ("Taken by …"), and during a call the lead on screen is ours.
        if self._mode == "alert" and self.current_id() == lead_id:
            self._show_notice(
                self.tr("{owner} took this lead").format(owner=owner)
                if owner
                else self.tr("A colleague took this lead")
            )
        else:
            self._update_waiting()

    def current_id(self) -> str | None:
        return self._current.id if self._current else None

    def forget(self, lead_id: str) -> None:
        """Undo of "Not me": the lead may show here again with the next list."""
        self._handled.discard(lead_id)

    def set_history(self, history: dict[str, HandedBack]) -> None:
        """Leads given back to the team: who gave them back, the calls made (arrives
        just after the lists, so the alert itself is never held up by it)."""
        self._history = history
        if self._current is not None and self._mode == "alert":
            self._fill_history()
            self._update_times()

    def history_text(self, lead_id: str) -> str:
        """'Given back by Bram · 2 calls: voicemail, no answer' and the calls' times."""
        back = self._history.get(lead_id)
        if back is None:
            return ""
        who = back.by or self.tr("a colleague")
        head = self.tr("Given back by {name}").format(name=who)
        if not back.calls:
            return head + " · " + self.tr("no calls yet")
        outcomes = ", ".join(outcome_text(c.outcome).lower() for c in back.calls)
        n = len(back.calls)
        count = self.tr("1 call") if n == 1 else self.tr("{n} calls").format(n=n)
        calls = f"{count}: {outcomes}"
        now = self.clock.now()
        tz = self.tz or now.tzinfo
        assert tz is not None
        log_lines = [
            f"{c.number}. {clock_time(c.at, tz, now)}  {outcome_text(c.outcome)}"
            + (f" ({c.user})" if c.user else "")
            for c in back.calls
        ]
        return head + " · " + calls + "\n" + "   ".join(log_lines)

    def has_more(self) -> bool:
        """Leads left to show (after "Not me", the alert stays up for these)."""
        return any(v.id != self.current_id() for v in self._queue)

    def waiting_count(self) -> int:
        """Leads behind the one on screen."""
        return sum(1 for v in self._queue if v.id != self.current_id())

    # -- showing leads ---------------------------------------------------------------------

    def _show_next(self) -> None:
        """Keep the lead on screen while it is still alertable; otherwise the oldest."""
        keep = next((v for v in self._queue if v.id == self.current_id()), None)
        if keep is None and not self._queue:
            self._current = None
            self.hide()
            return
        # Same lead, still on screen: fresher data only; no new guard, no new chime.
        fresh = keep is None or not self.isVisible()
        self._current = keep or self._queue[0]
        if fresh:
            self._shown_at = self.clock.now()
            self._down.clear()  # a key pressed before this lead showed must not act on it
            self._set_status("")
            self._set_buttons(True)
        self._fill()
        if fresh:
            self._present()

    def _advance(self) -> None:
        self._current = None
        self._show_next()

    def _fill(self) -> None:
        assert self._current is not None
        view = self._current
        name = view.name
        self.setWindowTitle(self.tr("New lead — {name}").format(name=view.shown_name))
        self.name.setText(view.shown_name)
        self.phone.setText(view.phone.shown if name else "")
        self.phone.setVisible(bool(name))
        self.kicker.setProperty("missed", view.missed_call)
        self._repolish(self.kicker)
        alt = view.phone_alternative
        self.phone_alt.setText(self.alternative_text(alt.shown, alt.country) if alt else "")
        self.phone_alt.setVisible(alt is not None)
        self.use_alt.setVisible(alt is not None)
        self.vehicle.setText(vehicle_text(view.vehicle))
        self.vehicle.setVisible(bool(self.vehicle.text()))
        message = " ".join(view.message.split())
        if len(message) > MESSAGE_CHARS:
            message = message[: MESSAGE_CHARS - 1].rstrip() + "…"
        self.message.setText(f"“{message}”" if message else "")
        self.message.setVisible(bool(message))
        self._fill_history()
        self.pages.setCurrentIndex(0)
        self._update_waiting()
        self._update_times()

    def _fill_history(self) -> None:
        text = self.history_text(self._current.id) if self._current is not None else ""
        self.history.setText(text)
        self.history.setVisible(bool(text))

    def _present(self) -> None:
        if self.isVisible():
            return  # already full screen and on top
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            # Without a window manager showFullScreen() alone shows nothing useful.
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.sound.play()

    def _update_waiting(self) -> None:
        n = self.waiting_count()
        self.waiting.setText(self.tr("{n} more waiting").format(n=n))
        self.waiting.setVisible(n > 0)

    def _update_times(self) -> None:
        """Everything that moves with time, recomputed from the clock (never counted down)."""
        if self._current is None or self._mode == "call":
            return
        now = self.clock.now()
        c = countdown(self._current.sla_start, now)
        self.countdown.setText(c.text)
        self.clock_caption.setText(
            self.tr("Over time") if c.phase == "overtime" else self.tr("Call within")
        )
        if self.clock_card.property("phase") != c.phase:
            self.clock_card.setProperty("phase", c.phase)
            self._repolish(self.clock_card)
        self.kicker.setText(self._kicker(now))
        asked = ""
        requested, received = self._current.requested_at, self._current.received_at
        if requested and (received - requested).total_seconds() >= ASKED_GAP_S:
            ago = duration_text((now - requested).total_seconds())
            asked = self.tr("asked {ago} ago").format(ago=ago)
        self.asked.setText(asked)
        self.asked.setVisible(bool(asked))

    def _use_alternative(self) -> None:
        """The salesperson picks the other reading; the fresh view comes with the next list."""
        if self._current is not None:
            self.alternative_requested.emit(self._current.id)

    def alternative_text(self, number: str, country: str | None) -> str:
        """'possibly Belgian: +32 478 55 66 77': the other reading of an ambiguous number."""
        texts = {
            "BE": self.tr("possibly Belgian: {number}"),
            "NL": self.tr("possibly Dutch: {number}"),
            "DE": self.tr("possibly German: {number}"),
            "FR": self.tr("possibly French: {number}"),
            "LU": self.tr("possibly from Luxembourg: {number}"),
        }
        text = texts.get(country or "", self.tr("possibly from {country}: {number}"))
        return text.format(number=number, country=country or "?")

    def _kicker(self, now: datetime) -> str:
        """The top line: "New lead · via website · landed 1 min ago"."""
        assert self._current is not None
        back = self._history.get(self._current.id)
        parts = [self.tr("Given back to the team") if back is not None else self.tr("New lead")]
        if self._current.missed_call:  # the customer phoned a minute ago: that comes first
            new = parts[0] == self.tr("New lead")
            parts = [self.tr("Missed call: call back now"), *parts[1 if new else 0 :]]
        source = self._current.source
        if source:
            parts.append(self.tr("via {source}").format(source=source))
        since = (now - self._current.received_at).total_seconds()
        parts.append(
            self.tr("landed just now")
            if since < 60
            else self.tr("landed {ago} ago").format(ago=duration_text(since))
        )
        return "  ·  ".join(parts)

    # -- actions ---------------------------------------------------------------------------

    def _armed(self) -> bool:
        """False during the guard after a lead appears (see the module docstring)."""
        if self._shown_at is None:
            return True
        elapsed = (self.clock.now() - self._shown_at).total_seconds()
        return not 0 <= elapsed < self.guard_s  # a clock jumped backwards: don't lock up

    def _can_act(self) -> bool:
        return self._mode == "alert" and self._current is not None and self._armed()

    def _call(self) -> None:
        self._claim(calling=True)

    def _take(self) -> None:
        self._claim(calling=False)

    def _claim(self, calling: bool) -> None:
        if not self._can_act():
            return
        assert self._current is not None
        self._mode = "pending"
        self._set_buttons(False)
        self._set_status(self.tr("Claiming the lead…"))
        (self.call_requested if calling else self.take_requested).emit(self._current.id)

    def _dismiss(self) -> None:
        if not self._can_act():
            return
        assert self._current is not None
        lead_id = self._current.id
        self._finish(lead_id)
        self.dismiss_requested.emit(lead_id)
        self._advance()

    def _call_done(self, lead_id: str) -> None:
        self._mode = "alert"
        self._current = None
        # Next lead (or hide) first: the shell's outcome prompt then opens on top of it.
        self._show_next()
        self.call_finished.emit(lead_id)

    def _finish(self, lead_id: str) -> None:
        self._handled.add(lead_id)
        self._queue = [v for v in self._queue if v.id != lead_id]

    def _show_notice(self, text: str) -> None:
        self._mode = "notice"
        self._set_buttons(False)
        self._set_status(text)
        self._update_waiting()
        self._notice.start()

    def _notice_over(self) -> None:
        self._mode = "alert"
        self._advance()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if self.status.property("error") != error:
            self.status.setProperty("error", error)
            self._repolish(self.status)

    def _set_buttons(self, enabled: bool) -> None:
        for button in (self.call_button, self.take_button, self.dismiss_button):
            button.setEnabled(enabled)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        """Re-apply the style sheet after a property it selects on changed."""
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        for child in widget.findChildren(QWidget):
            child.style().unpolish(child)
            child.style().polish(child)

    # -- Qt events -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key not in _KEYS:
            super().keyPressEvent(event)
            return
        event.accept()  # ours, even while guarded: it must not reach anything else
        if event.isAutoRepeat() or self._repeated(key, event.timestamp()):
            self._down.pop(key, None)  # held down: it acts on nothing
        elif self._mode == "call" or self._can_act():
            self._down[key] = self._target()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key not in _KEYS:
            super().keyReleaseEvent(event)
            return
        event.accept()
        if event.isAutoRepeat():
            return
        self._released_at[key] = event.timestamp()
        if self._down.pop(key, None) != self._target():
            return  # pressed before this alert (or lead) showed, or during the guard
        if self._mode == "call":  # the call screen: Enter or Esc, the call is over
            self.call_panel.done_button.click()
        elif key == Qt.Key.Key_Escape:
            self._dismiss()
        else:
            self._call()

    def _target(self) -> tuple[Mode, str | None]:
        """What a key pressed now would act on: the lead on screen, or its call."""
        return self._mode, self.current_id()

    def _repeated(self, key: Qt.Key, timestamp: int) -> bool:
        """A press right after the same key's release: auto-repeat, not a new press.
        (Events made up without a timestamp, say 0, are taken as real presses.)"""
        released = self._released_at.get(key)
        if not timestamp or not released:
            return False
        return 0 <= timestamp - released < REPEAT_GAP_MS

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick.start()
        self._update_times()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()  # no timers left running behind a hidden window
        self._down.clear()  # a key held while it was away must not act when it is back
        self.snackbar.flush()  # an Undo offered here ends with the alert
        if self._notice.isActive():
            self._notice.stop()
            self._mode = "alert"  # that lead is finished; the next set_leads shows the rest
            self._current = None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Alt+F4 only hides the alert: an unclaimed lead pops up again on the next poll
        ("Not me" is the way to let one go), and a call still gets its outcome prompt."""
        finished = self.current_id() if self._mode == "call" else None
        self._mode = "alert"
        self._current = None
        super().closeEvent(event)
        if finished:
            self.call_finished.emit(finished)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale(event.size().width(), event.size().height())

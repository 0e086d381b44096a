"""The main window: "My leads" (what is due first), the lead's details, the status bar.

It shows what the shell gives it and says what the salesperson wants by signal; the
shell does the work in the worker thread. A QTabWidget holds "My leads" as the first
tab, leaving a clean place for the manager's Team tab.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.enums import Availability
from app.engine.views import LeadView
from app.ui.common import about_dialog
from app.ui.common.lead_format import clock_time
from app.ui.common.notify import Banner
from app.ui.common.plural import counted
from app.ui.salesperson.lead_detail import LeadDetail
from app.ui.salesperson.lead_table import (
    CAR,
    FILTER_ALL,
    FILTER_OPEN,
    FILTER_TODAY,
    LeadFilter,
    LeadTableModel,
    OverdueDelegate,
)
from app.ui.salesperson.snackbar import Snackbar
from app.ui.salesperson.status_bar import LeadStatusBar
from app.ui.salesperson.unclaimed_panel import Unclaimed, UnclaimedPanel

# "With a customer" / "On a break" for a while (minutes; None: until I switch back), so a
# forgotten status doesn't silence the alerts all day.
AWAY_MINUTES: tuple[int | None, ...] = (15, 30, 60, None)
AWAY_CHECK_MS = 5000
# After an action in the list or the details, the list keeps its order this long (and
# while the pointer is over it): the next click must land on the lead it was aimed at.
HOLD_ORDER_S = 8


class MainWindow(QMainWindow):
    availability_changed = Signal(str)
    settings_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()
    hidden_to_tray = Signal()

    def __init__(
        self,
        clock: Clock,
        tz: tzinfo,
        user: str,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.clock = clock
        self.tz = tz
        self.keep_in_tray = False  # the shell sets it when a tray icon is shown
        self.quitting = False
        self.away_until: datetime | None = None  # with a customer / on a break until
        self._choosing_until: datetime | None = None
        self._hold_until: datetime | None = None
        self._latest: list[LeadView] = []
        self.set_user(user)
        if icon is not None:
            self.setWindowIcon(icon)

        self.model = LeadTableModel(clock, tz, self)
        self.proxy = LeadFilter(self.model, self)
        self.table = QTableView(objectName="lead-table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Customer and next action keep their full text; the car takes the rest (elided,
        # the whole text as a tooltip).
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CAR, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setItemDelegate(OverdueDelegate(self.table))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.viewport().installEventFilter(self)

        self.search = QLineEdit(objectName="lead-search")
        self.search.setPlaceholderText(self.tr("Search name, phone, car…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.filters = QButtonGroup(self)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(0)
        for which, text in (
            (FILTER_TODAY, self.tr("Today")),
            (FILTER_OPEN, self.tr("Open")),
            (FILTER_ALL, self.tr("All")),
        ):
            button = QPushButton(text, objectName=f"filter-{which}")
            button.setCheckable(True)
            button.setProperty("which", which)
            button.setChecked(which == FILTER_OPEN)
            self.filters.addButton(button)
            filter_row.addWidget(button)
        self.filters.buttonClicked.connect(lambda b: self.set_filter(b.property("which")))
        self.count = QLabel(objectName="lead-count")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(filter_row)
        left = QWidget(objectName="leads-pane")
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(14, 12, 8, 8)
        left_col.addLayout(top)
        left_col.addWidget(self.table, 1)
        self.unclaimed = UnclaimedPanel(tz)
        left_col.addWidget(self.unclaimed)
        # The snackbar keeps its room beside the count, shown or not: nothing moves.
        self.snackbar = Snackbar()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addSpacing(12)
        bottom.addWidget(self.snackbar, 1)
        left_col.addLayout(bottom)

        self.detail = LeadDetail(clock, tz)
        self.detail.me = self.user
        scroll = QScrollArea(objectName="detail-scroll")
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._split_done = False

        self.tabs = QTabWidget(objectName="main-tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("My leads"))
        self.tabs.tabBar().setVisible(self.tabs.count() > 1)  # one tab: no tab bar needed

        self.banner = Banner()
        self.message = QLabel(objectName="main-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message_close = QPushButton("×", objectName="main-message-close")
        self.message_close.setToolTip(self.tr("Dismiss"))
        self.message_close.clicked.connect(self.clear_message)
        self.message_box = QWidget(objectName="main-message-box")
        self.message_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self.message_box)
        row.setContentsMargins(16, 8, 10, 8)
        row.addWidget(self.message, 1)
        row.addWidget(self.message_close)
        self.message_box.hide()

        # Messages come below the tabs: a banner appearing must not push the list, the
        # search box or the buttons away from under the pointer.
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.tabs, 1)
        col.addWidget(self.banner)
        col.addWidget(self.message_box)
        self.setCentralWidget(central)

        self._build_actions()
        self.status = LeadStatusBar(tz)
        self.setStatusBar(self.status)
        self.resize(1240, 740)
        self.setMinimumSize(900, 560)
        self.setStyleSheet(_QSS)
        self._update_count()
        self.away_timer = QTimer(self, objectName="away-timer", interval=AWAY_CHECK_MS)
        self.away_timer.timeout.connect(self.check_away)

    def set_user(self, user: str) -> None:
        # Only the name: Qt adds the application's display name ("… — Leadpop") itself.
        self.setWindowTitle(user)
        self.user = user
        if hasattr(self, "detail"):
            self.detail.me = user  # calls by anyone else are a colleague's

    def _build_actions(self) -> None:
        self.with_customer_action = QAction(self.tr("With a customer"), self)
        self.with_customer_action.setObjectName("action-with-customer")
        self.break_action = QAction(self.tr("On a break"), self)
        self.break_action.setObjectName("action-break")
        self.availability_group = QActionGroup(self)
        self.availability_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for action in (self.with_customer_action, self.break_action):
            action.setCheckable(True)
            self.availability_group.addAction(action)
            action.toggled.connect(self._availability_toggled)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setObjectName("action-settings")
        self.settings_action.triggered.connect(self.settings_requested)
        self.about_action = QAction(about_dialog.action_text(), self)
        self.about_action.setObjectName("action-about")
        self.about_action.triggered.connect(self.about_requested)
        toolbar = QToolBar(self.tr("Availability"), objectName="main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addWidget(QLabel(self.tr("I am:"), objectName="toolbar-caption"))
        self.away_buttons: dict[Availability, QToolButton] = {}
        for value, action in (
            (Availability.WITH_CUSTOMER, self.with_customer_action),
            (Availability.ON_BREAK, self.break_action),
        ):
            button = QToolButton(objectName=f"away-{value}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            menu = QMenu(button)
            menu.aboutToShow.connect(lambda m=menu, v=value: self._fill_away_menu(m, v))
            button.setMenu(menu)
            menu.setTitle(action.text())  # also the tray's submenu (away_menus)
            # A click asks for how long (or switches back); it never toggles blindly.
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            toolbar.addWidget(button)
            self.away_buttons[value] = button
        self.away_label = QLabel(objectName="away-status")
        self.away_label_action = toolbar.addWidget(self.away_label)
        self.away_label_action.setVisible(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.settings_action)
        toolbar.addAction(self.about_action)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    # -- availability ------------------------------------------------------------------

    def availability(self) -> Availability:
        if self.with_customer_action.isChecked():
            return Availability.WITH_CUSTOMER
        if self.break_action.isChecked():
            return Availability.ON_BREAK
        return Availability.AVAILABLE

    def set_availability(self, value: Availability, minutes: int | None = None) -> None:
        """Away for `minutes` (None: until switched back); AVAILABLE ends it."""
        self._choosing_until = (
            self.clock.now() + timedelta(minutes=minutes)
            if minutes and value != Availability.AVAILABLE
            else None
        )
        try:
            if value == Availability.AVAILABLE:
                self.with_customer_action.setChecked(False)
                self.break_action.setChecked(False)
            else:
                target = (
                    self.with_customer_action
                    if value == Availability.WITH_CUSTOMER
                    else self.break_action
                )
                if target.isChecked():  # same status, a new duration
                    self._availability_toggled(True)
                target.setChecked(True)
        finally:
            self._choosing_until = None

    def away_menus(self) -> list[QMenu]:
        """ "With a customer ▸", "On a break ▸": for how long (the tray shows them too)."""
        return [button.menu() for button in self.away_buttons.values()]

    def check_away(self) -> None:
        """The chosen time is up: available again (time comes from the injected clock)."""
        if self.away_until is not None and self.clock.now() >= self.away_until:
            self.set_availability(Availability.AVAILABLE)

    def _fill_away_menu(self, menu: QMenu, value: Availability) -> None:
        menu.clear()
        if self.availability() == value:
            back = menu.addAction(self.tr("I'm available again"))
            back.triggered.connect(lambda: self.set_availability(Availability.AVAILABLE))
            menu.addSeparator()
        for minutes in AWAY_MINUTES:
            text = (
                self.tr("Until I switch back")
                if minutes is None
                else self.tr("For 1 hour")
                if minutes == 60
                else self.tr("For {n} minutes").format(n=minutes)
            )
            action = menu.addAction(text)
            action.setObjectName(f"away-{value}-{minutes or 'open'}")
            action.triggered.connect(
                lambda _=False, v=value, m=minutes: self.set_availability(v, m)
            )

    def _availability_toggled(self, _checked: bool) -> None:
        value = self.availability()
        self.away_until = self._choosing_until if value != Availability.AVAILABLE else None
        until = clock_time(self.away_until, self.tz, self.clock.now()) if self.away_until else None
        self.status.set_availability(value, until)
        self.away_label.setText(self.status.away_text(value, until))
        self.away_label_action.setVisible(value != Availability.AVAILABLE)
        if self.away_until is not None:
            self.away_timer.start()
        else:
            self.away_timer.stop()
        self.availability_changed.emit(value)

    # -- leads ---------------------------------------------------------------------------

    def hold_order(self) -> None:
        """An action was just taken: keep the rows where they are for a moment."""
        self._hold_until = self.clock.now() + timedelta(seconds=HOLD_ORDER_S)

    def holding(self) -> bool:
        if self.table.viewport().underMouse():
            return True
        return self._hold_until is not None and self.clock.now() < self._hold_until

    def _held(self, views: list[LeadView]) -> list[LeadView]:
        """`views` in the order now on screen; new leads below, gone ones dropped."""
        place = {v.id: i for i, v in enumerate(self.model.views)}
        end = len(place)
        order = sorted(range(len(views)), key=lambda i: (place.get(views[i].id, end), i))
        return [views[i] for i in order]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The pointer left the list: show the order held back while it was there.
        left = event.type() == QEvent.Type.Leave and watched is self.table.viewport()
        if left and self._latest is not self.model.views and not self.holding():
            self.set_leads(self._latest)
        return super().eventFilter(watched, event)

    def set_unrecorded(self, started: dict[str, datetime]) -> None:
        """Calls whose outcome was put off: the list and the details say so."""
        self.model.unrecorded = self.detail.unrecorded = started
        self.model.set_views(list(self.model.views))
        self.detail.show_lead(self.detail.view)

    def set_unclaimed(self, rows: list[Unclaimed]) -> None:
        """Leads nobody took that the alert doesn't show (waiting for opening, Not me)."""
        self.unclaimed.set_rows(rows, self.clock.now())

    def show_unclaimed(self) -> None:
        self.bring_to_front()
        self.tabs.setCurrentIndex(0)
        if self.unclaimed.rows and self.unclaimed.selected() is None:
            self.unclaimed.table.selectRow(0)
        self.unclaimed.table.setFocus()

    def set_leads(self, views: list[LeadView]) -> None:
        """My leads in desk.my_leads() order (held still right after an action); the
        detail pane follows the selected lead."""
        self._latest = views
        if self.holding() and self.model.views:
            views = self._held(views)
        selected = self.detail.lead_id()
        self.model.set_views(views)  # the proxy re-filters changed rows by itself
        if selected is not None:
            if not self._select(selected):
                self.detail.show_lead(None)
            else:
                row = self.model.row_of(selected)
                self.detail.show_lead(self.model.view_at(row))
        self._update_count()

    def open_lead(self, lead_id: str) -> bool:
        """Show the window with this lead selected (from a reminder, for instance)."""
        self.bring_to_front()
        if self.model.row_of(lead_id) < 0:
            return False
        if not self._select(lead_id):
            self.search.clear()
            self.set_filter(FILTER_ALL)
            self._select(lead_id)
        self.detail.show_lead(self.model.view_at(self.model.row_of(lead_id)))
        return True

    def _select(self, lead_id: str) -> bool:
        row = self.model.row_of(lead_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        if self.table.currentIndex().row() != index.row():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        return True

    def set_filter(self, which: str) -> None:
        for button in self.filters.buttons():
            button.setChecked(button.property("which") == which)
        self.proxy.set_which(which)
        self._update_count()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _current_changed(self, current, _previous) -> None:
        source = self.proxy.mapToSource(current)
        self.detail.show_lead(self.model.view_at(source.row()) if source.isValid() else None)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            counted(self.tr("{shown} of %n lead(s)", "", total), total).format(shown=shown)
            if shown != total
            else counted(self.tr("%n lead(s)", "", total), total)
        )

    # -- messages ------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """A problem the salesperson should know of (inbox, store); stays until dismissed."""
        self.message.setText(text)
        self.message_box.show()

    def clear_message(self) -> None:
        self.message_box.hide()

    # -- window --------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:  # list and details side by side, the list a bit wider
            self._split_done = True
            width = self.splitter.width() or self.width()
            # 64%: at 1366 px the car's make, model and year fit beside what is due next.
            self.splitter.setSizes([int(width * 0.64), width - int(width * 0.64)])

    def remembered_size(self) -> str:
        """'1240x740': the size to open with next time (the normal one when maximised)."""
        size = self.normalGeometry().size() if self.isMaximized() else self.size()
        return f"{size.width()}x{size.height()}"

    def restore_size(self, saved: str | None) -> None:
        """The size the person left the window at, within this screen (it may be smaller)."""
        if not saved:
            return
        width, _, height = saved.partition("x")
        w, h = int(width), int(height)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            w, h = min(w, room.width()), min(h, room.height())
        self.resize(w, h)  # never below the minimum size

    def current_tab(self) -> str:
        """'mine' or 'team', for the tab to start on next time."""
        return "mine" if self.tabs.currentIndex() == 0 else "team"

    def quit_for_real(self) -> None:
        self.quitting = True
        self.close()

    @staticmethod
    def quit_question(parent: QWidget | None) -> QMessageBox:
        """Quitting stops the alerts on this PC: No is the default (Enter, Esc)."""
        no = QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Quit Leadpop?"),
            QCoreApplication.translate(
                "MainWindow",
                "This desktop has no system tray, so Leadpop can't keep running in the "
                "background: closing the window quits it, and new leads will not pop up "
                "on this PC.",
            ),
            QMessageBox.StandardButton.Yes | no,
            parent,
        )
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        return box

    @staticmethod
    def confirm_quit_without_tray(parent: QWidget) -> bool:
        """No tray here, so closing quits: ask first. Tests replace this."""
        box = MainWindow.quit_question(parent)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quitting:
            event.accept()
            return
        if self.keep_in_tray:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        if self.confirm_quit_without_tray(self):
            event.accept()
            self.quit_requested.emit()
        else:
            event.ignore()


_QSS = """
#MainWindow, #leads-pane, #LeadDetail { background: #f8fafc; }
QWidget { font-size: 15px; color: #0f172a; }
QToolBar#main-toolbar { background: #e2e8f0; border: none; spacing: 6px; padding: 4px 10px; }
QToolBar QToolButton {
    font-size: 15px; padding: 6px 14px; border-radius: 6px; border: 1px solid #94a3b8;
    background: #ffffff; margin: 2px;
}
QToolBar QToolButton:checked { background: #b45309; color: white; border-color: #b45309; }
QToolBar QToolButton::menu-indicator { image: none; width: 0; }
#away-status { color: #b45309; font-size: 20px; font-weight: 700; padding: 0 12px; }
#unclaimed-heading { font-size: 14px; font-weight: 700; color: #475569; }
QTableWidget#unclaimed-table { background: white; border: 1px solid #cbd5e1; border-radius: 6px; }
QTableWidget#unclaimed-table::item { padding: 0 10px; }
#UnclaimedPanel QPushButton {
    padding: 4px 12px; border: 1px solid #94a3b8; border-radius: 6px; background: white;
}
#UnclaimedPanel QPushButton:disabled { color: #94a3b8; border-color: #cbd5e1; }
#toolbar-caption { color: #334155; font-weight: 600; padding: 0 6px; }
QLineEdit#lead-search {
    padding: 7px 10px; border: 1px solid #94a3b8; border-radius: 8px; background: white;
}
QPushButton[which] {
    padding: 7px 16px; border: 1px solid #94a3b8; background: white; margin-left: -1px;
}
QPushButton[which]:checked { background: #0f172a; color: white; border-color: #0f172a; }
QTableView#lead-table {
    background: white; border: 1px solid #cbd5e1; border-radius: 8px;
    selection-background-color: #bfdbfe;
}
QTableView#lead-table::item { padding: 0 10px; border-bottom: 1px solid #e2e8f0; }
QHeaderView::section {
    background: #f1f5f9; color: #334155; font-weight: 700; padding: 8px 10px;
    border: none; border-bottom: 1px solid #cbd5e1;
}
#lead-count { color: #475569; font-size: 14px; }
#detail-empty { color: #64748b; font-size: 17px; }
#detail-name { font-size: 26px; font-weight: 700; }
#detail-status {
    font-size: 15px; font-weight: 700; padding: 4px 12px; border-radius: 12px;
    background: #e2e8f0; color: #0f172a;
}
#detail-status[overdue="true"] { background: #b91c1c; color: white; }
#detail-next { font-size: 18px; font-weight: 600; color: #0f172a; }
#detail-next[overdue="true"] { color: #b91c1c; }
#detail-phone { font-size: 22px; font-weight: 700; }
#detail-caption { color: #475569; }
#detail-heading { font-size: 14px; font-weight: 700; color: #475569; padding-top: 6px; }
#detail-log-empty { color: #64748b; }
#detail-original {
    font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 13px;
    background: white; border: 1px solid #cbd5e1; border-radius: 6px;
}
#LeadDetail QPushButton, #LeadDetail QToolButton {
    font-size: 15px; padding: 8px 12px; border-radius: 8px; border: 1px solid #94a3b8;
    background: white; min-height: 24px;
}
#detail-snooze::menu-indicator { image: none; width: 0; }
#LeadDetail QPushButton:hover, #LeadDetail QToolButton:hover { background: #e2e8f0; }
#LeadDetail QPushButton[role="primary"] {
    background: #15803d; color: white; border-color: #15803d; font-weight: 700; font-size: 17px;
}
#LeadDetail QPushButton[role="primary2"] {
    background: #0f172a; color: white; border-color: #0f172a; font-weight: 600; font-size: 17px;
}
#LeadDetail QPushButton:disabled, #LeadDetail QToolButton:disabled {
    background: #f1f5f9; color: #94a3b8; border-color: #cbd5e1;
}
QTableWidget#detail-log { background: white; border: 1px solid #cbd5e1; border-radius: 6px; }
#main-message-box { background: #fee2e2; border-bottom: 2px solid #b91c1c; }
#main-message { color: #7f1d1d; font-size: 15px; }
#main-message-close { border: none; background: transparent; font-size: 20px; color: #7f1d1d; }
QStatusBar { background: #e2e8f0; }
QStatusBar QLabel, QStatusBar QPushButton { font-size: 14px; padding: 2px 8px; }
#status-health[down="true"] { color: #b91c1c; font-weight: 700; }
#status-availability[away="true"] { color: #b45309; font-weight: 700; }
#status-waiting { border: none; text-decoration: underline; }
#status-waiting:disabled { text-decoration: none; color: #475569; }
#status-demo { color: #1d4ed8; }
"""

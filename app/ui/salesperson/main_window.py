"""The main window: "My leads" (what is due first), the lead's details, the status bar.

It shows what the shell gives it and says what the salesperson wants by signal; the
shell does the work in the worker thread. A QTabWidget holds "My leads" as the first
tab, leaving a clean place for the manager's Team tab.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.enums import Availability
from app.engine.views import LeadView
from app.ui.common import about_dialog
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
from app.ui.salesperson.status_bar import LeadStatusBar


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
        left_col.addWidget(self.count)

        self.detail = LeadDetail(clock, tz)
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

        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.banner)
        col.addWidget(self.message_box)
        col.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.status = LeadStatusBar(tz)
        self.setStatusBar(self.status)
        self.resize(1240, 740)
        self.setMinimumSize(900, 560)
        self.setStyleSheet(_QSS)
        self._update_count()

    def set_user(self, user: str) -> None:
        self.setWindowTitle(self.tr("Leadpop — {user}").format(user=user))

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
        toolbar.addAction(self.with_customer_action)
        toolbar.addAction(self.break_action)
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

    def set_availability(self, value: Availability) -> None:
        self.with_customer_action.setChecked(value == Availability.WITH_CUSTOMER)
        self.break_action.setChecked(value == Availability.ON_BREAK)

    def _availability_toggled(self, _checked: bool) -> None:
        value = self.availability()
        self.status.set_availability(value)
        self.availability_changed.emit(value)

    # -- leads ---------------------------------------------------------------------------

    def set_leads(self, views: list[LeadView]) -> None:
        """My leads in desk.my_leads() order; the detail pane follows the selected lead."""
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

    def quit_for_real(self) -> None:
        self.quitting = True
        self.close()

    @staticmethod
    def confirm_quit_without_tray(parent: QWidget) -> bool:
        """No tray here, so closing quits: ask first. Tests replace this."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Quit Leadpop?"),
            QCoreApplication.translate(
                "MainWindow",
                "This desktop has no system tray, so Leadpop can't keep running in the "
                "background: closing the window quits it, and new leads will not pop up "
                "on this PC.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

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

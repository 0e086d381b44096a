"""The call panel: after winning the claim, the number big and a QR code to dial from a mobile.

Shown inside the alert; the shell may also put it in a window for attempts 2 and 3.
"""

from __future__ import annotations

import io
import logging

import segno
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QKeyEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.lead import Phone
from app.engine.views import LeadView
from app.ui.alert import theme as th
from app.ui.common.fit_label import FitLabel
from app.ui.common.lead_text import vehicle_text

log = logging.getLogger(__name__)

QR_BORDER = 4  # the quiet zone the QR standard asks for; phones read it much more reliably
QR_PX = 300  # target size at scale 1.0
QUESTION_CHARS = 280


def open_tel_link(url: str) -> bool:
    """Hand the tel: link to the OS (softphone, Teams, Phone Link). Tests replace this."""
    return QDesktopServices.openUrl(QUrl(url))


def qr_code(content: str) -> segno.QRCode:
    # Medium error correction: survives a glare on the monitor, still a small symbol.
    return segno.make(content, error="m", micro=False)


def qr_pixmap(qr: segno.QRCode, scale: int) -> QPixmap:
    """Render in memory (no temp file): PNG bytes from segno into a QPixmap."""
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=scale, border=QR_BORDER, dark="black", light="white")
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


class CallPanel(QWidget):
    outcome_requested = Signal(str)  # lead id: "Record outcome" was pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # also as its own window
        self._view: LeadView | None = None
        self._phone: Phone | None = None
        self._scale = 1.0
        self.qr: segno.QRCode | None = None  # what the QR image encodes (tests check it)
        self.qr_scale = 0  # pixels per module of the shown QR image

        self.heading = FitLabel(34, bold=False)
        self.heading.setObjectName("call-heading")
        self.detail = QLabel(objectName="call-detail")
        self.detail.setWordWrap(True)
        # The customer's question stays in view during the call: it is what they want.
        self.question = QLabel(objectName="call-question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.number = FitLabel(96)
        self.number.setObjectName("call-number")
        self.note = QLabel(objectName="call-note")
        self.note.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy number"), objectName="call-copy")
        self.copy_button.setProperty("role", "secondary")
        self.done_button = QPushButton(self.tr("Record outcome"), objectName="call-done")
        self.done_button.setProperty("role", "primary")
        self.qr_label = QLabel(objectName="call-qr")
        self.qr_caption = QLabel(self.tr("Scan to call"), objectName="call-qr-caption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.detail)
        left.addWidget(self.number)
        left.addWidget(self.note)
        left.addWidget(self.question)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.qr_label)
        right.addWidget(self.qr_caption)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button, 2)
        buttons.addWidget(self.copy_button, 1)
        self._layouts = (left, right, top, buttons)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(top, 1)
        root.addLayout(buttons)

        self.copy_button.clicked.connect(self.copy_number)
        self.done_button.clicked.connect(self._done)
        self.set_scale(1.0)

    # -- API -------------------------------------------------------------------------------

    def show_lead(self, view: LeadView, *, dial: bool = False) -> None:
        """Show the lead's number; with `dial`, also hand the tel: link to the OS once."""
        self._view = view
        self._phone = phone = view.phone
        name = view.name
        self.heading.setText(self.tr("Call {name}").format(name=name) if name else "")
        self.detail.setText(vehicle_text(view.vehicle))
        self.detail.setVisible(bool(self.detail.text()))
        question = " ".join(view.message.split())
        if len(question) > QUESTION_CHARS:
            question = question[: QUESTION_CHARS - 1].rstrip() + "…"
        self.question.setText(f"“{question}”" if question else "")
        self.question.setVisible(bool(question))
        self.number.setText(phone.shown or self.tr("No phone number"))
        self.copy_button.setEnabled(bool(phone.raw or phone.e164))
        uri = phone.tel_uri
        if uri is None:
            self.qr = None
            self.qr_label.clear()
            self.qr_label.hide()
            self.qr_caption.hide()
            self.note.setText(
                self.tr("This number could not be checked — dial it by hand")
                if phone.raw
                else self.tr("This lead has no phone number")
            )
            return
        self.qr = qr_code(uri)
        self._render_qr()
        self.qr_label.show()
        self.qr_caption.show()
        if not dial:
            self.note.setText(self.tr("Scan the code to call from your mobile"))
        elif open_tel_link(uri):
            self.note.setText(self.tr("Sent to your phone app — or scan the code with your mobile"))
        else:
            log.info("no handler for tel: links on this PC")
            self.note.setText(self.tr("No phone app here — dial the number or scan the code"))

    def copy_number(self) -> None:
        """E.164 when known: it pastes into any softphone, whatever country it is set to."""
        if self._phone is None:
            return
        QGuiApplication.clipboard().setText(self._phone.e164 or self._phone.raw)
        self.note.setText(self.tr("Number copied"))

    def set_scale(self, scale: float) -> None:
        """Sizes follow the screen: the alert passes its scale on."""
        self._scale = scale
        self.number.set_max_px(th.px(96, scale))
        self.heading.set_max_px(th.px(34, scale))
        for layout in self._layouts:
            layout.setSpacing(th.px(16, scale))
        self.setStyleSheet(self._qss(scale))
        if self.qr is not None:
            self._render_qr()

    # -- internals -------------------------------------------------------------------------

    def _render_qr(self) -> None:
        assert self.qr is not None
        modules = self.qr.symbol_size(border=QR_BORDER)[0]
        self.qr_scale = max(2, th.px(QR_PX, self._scale) // modules)
        self.qr_label.setPixmap(qr_pixmap(self.qr, self.qr_scale))

    def _done(self) -> None:
        if self._view is not None:
            self.outcome_requested.emit(self._view.id)

    @staticmethod
    def _qss(s: float) -> str:
        p = th.px
        return (
            th.button_qss(s)
            + f"""
        #CallPanel {{ background: {th.BG}; }}
        QLabel {{ color: {th.TEXT}; font-family: {th.FONT_FAMILY}; }}
        #call-heading {{ color: {th.MUTED}; }}
        #call-detail {{ color: {th.TEXT}; font-size: {p(26, s)}px; }}
        #call-note {{ color: {th.MUTED}; font-size: {p(22, s)}px; }}
        #call-question {{
            color: {th.TEXT}; font-size: {p(23, s)}px; background: {th.SURFACE};
            border-left: {p(5, s)}px solid {th.MUTED}; padding: {p(12, s)}px {p(16, s)}px;
        }}
        #call-qr {{ background: white; border-radius: {p(8, s)}px; }}
        #call-qr-caption {{ color: {th.MUTED}; font-size: {p(20, s)}px; }}
        """
        )


class CallWindow(QWidget):
    """The call panel in a window of its own, for a call from My leads: the number stays
    on screen until the salesperson says the call is over (Enter, Esc, or the button)."""

    outcome_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("CallWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.panel = CallPanel()
        self.panel.set_scale(0.62)
        self.panel.outcome_requested.connect(self._done)
        root = QVBoxLayout(self)
        root.setContentsMargins(28, 22, 28, 22)
        root.addWidget(self.panel)
        self.setStyleSheet(f"#CallWindow {{ background: {th.BG}; }}")
        self.resize(900, 520)

    def call(self, view: LeadView) -> None:
        self.setWindowTitle(self.tr("Calling {name}").format(name=view.shown_name))
        self.panel.show_lead(view, dial=True)
        self.show()
        self.raise_()
        self.activateWindow()

    def lead_id(self) -> str | None:
        return self.panel._view.id if self.panel._view is not None else None

    def _done(self, lead_id: str) -> None:
        self.hide()
        self.outcome_requested.emit(lead_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if not event.isAutoRepeat():
                self.panel.done_button.click()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window ends the call too: its outcome is still asked."""
        lead_id = self.lead_id() if self.isVisible() else None
        super().closeEvent(event)
        if lead_id is not None:
            self.outcome_requested.emit(lead_id)

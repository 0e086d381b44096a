"""A second touch besides calling: after a call without an answer, a WhatsApp message or an
SMS from the salesperson's own phone.

Two QR codes: `https://wa.me/<number>?text=…` and `sms:<number>?body=…` with a short
message (the customer's name, the car, the salesperson's name) in the app's language.
The phone opens the message ready to send; no message service, no API key. What was sent
goes into the call's note ("WhatsApp sent"), so the call log and the team's log show it.
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.engine.views import LeadView
from app.ui.alert.call_panel import qr_code, qr_pixmap
from app.ui.common.lead_text import vehicle_text

WHATSAPP, SMS = "whatsapp", "sms"
QR_SCALE = 5


def message_text(view: LeadView, me: str) -> str:
    """The short message, in the app's language."""
    car = vehicle_text(view.vehicle).split(" · ")[0]
    first = view.name.split()[0] if view.name.strip() else ""
    hello = (
        QCoreApplication.translate("TouchDialog", "Hello {name},").format(name=first)
        if first
        else QCoreApplication.translate("TouchDialog", "Hello,")
    )
    body = (
        QCoreApplication.translate(
            "TouchDialog",
            "you asked us about the {car}. I just tried to call you. When may I call you back?",
        ).format(car=car)
        if car
        else QCoreApplication.translate(
            "TouchDialog",
            "thank you for your question. I just tried to call you. When may I call you back?",
        )
    )
    bye = QCoreApplication.translate("TouchDialog", "Kind regards, {me}").format(me=me)
    return f"{hello} {body} {bye}"


def whatsapp_link(view: LeadView, text: str) -> str | None:
    digits = "".join(c for c in (view.phone.e164 or "") if c.isdigit())
    return f"https://wa.me/{digits}?text={quote(text)}" if digits else None


def sms_link(view: LeadView, text: str) -> str | None:
    number = view.phone.e164
    return f"sms:{number}?body={quote(text)}" if number else None


def can_touch(view: LeadView) -> bool:
    return bool(view.phone.e164)


class TouchDialog(QDialog):
    def __init__(self, view: LeadView, me: str, parent: QWidget | None = None) -> None:
        super().__init__(None)  # its own window, like the outcome prompt
        self.setObjectName("TouchDialog")
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(True)
        self._over = parent
        self.view = view
        self.sent: str | None = None
        self.setWindowTitle(self.tr("Send a message"))
        title = QLabel(
            self.tr("No answer — send {name} a message?").format(name=view.shown_name),
            objectName="touch-title",
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="touch-text")
        self.text.setPlainText(message_text(view, me))
        self.text.setFixedHeight(96)
        self.text.textChanged.connect(self._render)
        self.codes: dict[str, QLabel] = {}
        self.links: dict[str, str | None] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        self.buttons: dict[str, QPushButton] = {}
        for col, (kind, caption, done) in enumerate(
            (
                (WHATSAPP, self.tr("WhatsApp: scan with your phone"), self.tr("WhatsApp sent")),
                (SMS, self.tr("SMS: scan with your phone"), self.tr("SMS sent")),
            )
        ):
            code = QLabel(objectName=f"touch-qr-{kind}")
            code.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.codes[kind] = code
            grid.addWidget(QLabel(caption, objectName="touch-caption"), 0, col)
            grid.addWidget(code, 1, col)
            button = QPushButton(done, objectName=f"touch-{kind}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=kind: self._sent(k))
            grid.addWidget(button, 2, col)
            self.buttons[kind] = button
        skip = QPushButton(self.tr("No message"), objectName="touch-skip")
        skip.setAutoDefault(False)
        skip.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(skip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(grid)
        layout.addLayout(bottom)
        self.setStyleSheet(_QSS)
        self._render()

    def note(self) -> str | None:
        """What goes into the call's note: "WhatsApp sent" / "SMS sent", or None."""
        return self.buttons[self.sent].text() if self.sent else None

    def _render(self) -> None:
        text = " ".join(self.text.toPlainText().split())
        self.links = {WHATSAPP: whatsapp_link(self.view, text), SMS: sms_link(self.view, text)}
        for kind, link in self.links.items():
            label = self.codes[kind]
            if link is None:
                label.clear()
            else:
                label.setPixmap(qr_pixmap(qr_code(link), QR_SCALE))

    def _sent(self, kind: str) -> None:
        self.sent = kind
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, view: LeadView, me: str) -> str | None:
        """The note for the call ("WhatsApp sent"), or None. Tests replace this."""
        dialog = cls(view, me, parent)
        try:
            dialog.exec()
            return dialog.note()
        finally:
            dialog.deleteLater()


_QSS = """
#TouchDialog { background: #f8fafc; }
QLabel { color: #0f172a; font-size: 17px; font-weight: 400; }
#touch-title { font-size: 24px; font-weight: 700; }
#touch-caption { font-size: 16px; font-weight: 700; color: #475569; }
QPlainTextEdit {
    font-size: 16px; border: 1px solid #94a3b8; border-radius: 8px; background: white;
}
QPushButton {
    font-size: 18px; font-weight: 400; min-height: 44px; padding: 6px 18px; background: white;
    color: #0f172a; border: 1px solid #94a3b8; border-radius: 10px;
}
QPushButton:hover { background: #e2e8f0; }
#touch-whatsapp, #touch-sms { background: #15803d; color: white; border: none; font-weight: 700; }
"""

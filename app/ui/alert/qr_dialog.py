"""The QR code of the customer's number, to dial from a mobile (reuses the alert's CallPanel)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from app.engine.views import LeadView
from app.ui.alert.call_panel import CallPanel


class QrDialog(QDialog):
    def __init__(self, view: LeadView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QrDialog")
        self.setWindowTitle(self.tr("Call {name}").format(name=view.shown_name))
        self.panel = CallPanel()
        self.panel.set_scale(0.8)
        self.panel.show_lead(view, dial=False)
        self.record = False
        self.panel.outcome_requested.connect(self._record)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.panel)
        self.setStyleSheet("#QrDialog { background: #0f172a; }")
        self.resize(860, 520)

    def _record(self, _lead_id: str) -> None:
        self.record = True
        self.accept()

    @classmethod
    def show_for(cls, parent: QWidget | None, view: LeadView) -> bool:
        """Show the number and QR code; True when "Record outcome" was pressed."""
        dialog = cls(view, parent)
        try:
            dialog.exec()
            return dialog.record
        finally:
            dialog.deleteLater()

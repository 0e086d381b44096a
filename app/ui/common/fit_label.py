"""A one-line label whose font shrinks to fit its width.

The alert shows names, numbers and a countdown in huge type; a long Dutch name
("Mevrouw van der Heijden-Vermeulen") or an overtime of "+1:02:03" must still fit at
1366×768 rather than being clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FitLabel(QLabel):
    """Single line, bold, as large as `max_px` allows; below `min_px` the text is elided."""

    def __init__(
        self, max_px: int, *, min_px: int = 14, bold: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._max_px = max_px
        self._min_px = min_px
        self._bold = bold
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._apply()

    def set_max_px(self, max_px: int) -> None:
        """The size the text gets when it fits (changes with the screen size)."""
        if max_px != self._max_px:
            self._max_px = max_px
            self._apply()

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._apply()

    def full_text(self) -> str:
        """The text before any eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._line_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._line_height())

    def _line_height(self) -> int:
        return QFontMetrics(self._font(self._max_px)).height()

    def _font(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(self._bold)
        return font

    def _apply(self) -> None:
        width = self.contentsRect().width()
        px = self._max_px
        # Shrink in 4 % steps: a handful of metric calls, only when text or size changes.
        while px > self._min_px and width > 0:
            if QFontMetrics(self._font(px)).horizontalAdvance(self._full) <= width:
                break
            px = max(self._min_px, int(px * 0.96))
        font = self._font(px)
        shown = self._full
        if width > 0:
            shown = QFontMetrics(font).elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        self.setFont(font)
        self.setFixedHeight(self._line_height())
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")

"""The customer's name on the alert: big, on one line, or on two lines at a readable size.

A one-line label that shrinks to fit turns "Mevrouw Alexandra van der Heijden-Vermeulen"
into 20 px type, smaller than the car line under it. This one shrinks a little on one
line, then wraps to two lines, and only past that gets smaller (never below `min_ratio`
of the full size; the rare name that still doesn't fit is elided on its second line).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.common.fit_label import FitLabel

ONE_LINE_RATIO = 0.8  # shrink a one-line name this far before wrapping it
MIN_RATIO = 0.55  # two lines never get smaller than this


class NameLabel(FitLabel):
    """FitLabel's text and sizes, with its own fitting: two lines before small type."""

    def __init__(self, max_px: int, parent: QWidget | None = None) -> None:
        self.lines = 1
        super().__init__(max_px, parent=parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # customer data: never rich text
        self.setWordWrap(True)

    def px(self) -> int:
        return self.font().pixelSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        QLabel.resizeEvent(self, event)
        if event.oldSize().width() != event.size().width():
            self._apply()

    def sizeHint(self) -> QSize:
        return QSize(QLabel.sizeHint(self).width(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def _two_lines_fit(self, px: int, width: int) -> bool:
        metrics = QFontMetrics(self._font(px))
        flags = Qt.TextFlag.TextWordWrap
        rect = metrics.boundingRect(QRect(0, 0, width, 100_000), int(flags), self._full)
        return rect.height() <= 2 * metrics.lineSpacing() and rect.width() <= width

    def _apply(self) -> None:
        width = self.contentsRect().width()
        top = self._max_px
        px, lines, shown = top, 1, self._full
        if width > 0 and self._full:
            px = top
            floor = int(top * ONE_LINE_RATIO)
            while px > floor and QFontMetrics(self._font(px)).horizontalAdvance(self._full) > width:
                px = int(px * 0.96)
            if QFontMetrics(self._font(px)).horizontalAdvance(self._full) > width:
                lines, px = 2, floor
                low = int(top * MIN_RATIO)
                while px > low and not self._two_lines_fit(px, width):
                    px = int(px * 0.96)
                if not self._two_lines_fit(px, width):
                    shown = self._elided(px, width)
        font = self._font(px)
        self.lines = lines
        self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).lineSpacing() * lines + 4)
        QLabel.setText(self, shown)  # FitLabel's setText would fit again
        self.setToolTip(self._full if shown != self._full else "")

    def _elided(self, px: int, width: int) -> str:
        """The first line as it wraps, the rest elided onto the second."""
        metrics = QFontMetrics(self._font(px))
        words = self._full.split()
        first = ""
        while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
            first = (first + " " + words.pop(0)).strip()
        rest = " ".join(words)
        return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)

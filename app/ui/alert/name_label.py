"""The customer's name on the alert: big, on one line, or on two lines at a readable size.

A one-line label that shrinks to fit turns "Mevrouw Alexandra van der Heijden-Vermeulen"
into 20 px type, smaller than the car line under it. This one shrinks a little on one
line, then wraps to two lines, and only past that gets smaller (never below `min_ratio`
of the full size; the rare name that still doesn't fit is elided on its second line).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ONE_LINE_RATIO = 0.8  # shrink a one-line name this far before wrapping it
MIN_RATIO = 0.55  # two lines never get smaller than this


class NameLabel(QLabel):
    def __init__(self, max_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._max_px = max_px
        self.lines = 1
        self.setTextFormat(Qt.TextFormat.PlainText)  # customer data: never rich text
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._apply()

    def set_max_px(self, max_px: int) -> None:
        if max_px != self._max_px:
            self._max_px = max_px
            self._apply()

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._apply()

    def full_text(self) -> str:
        return self._full

    def px(self) -> int:
        return self.font().pixelSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._apply()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def _font(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, px))
        font.setBold(True)
        return font

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
        super().setText(shown)
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

"""The Team tab's charts (QtCharts, from PySide6-Addons), drawn from app.engine.team_stats counts.

Four charts in a 2×2 grid, plus the conversion chart that sits next to the KPI table.
A chart with no data says so instead of drawing empty axes. Per-salesperson charts get
taller with the team (a scroll area holds them), so 40 names stay readable at 1366×768.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.engine.team_stats import TEAM, TeamStats

# Green when the customer was called fast, red when late, grey when never.
SPEED_COLORS = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027", "#bdbdbd")
ATTEMPT_COLORS = ("#bdbdbd", "#d73027", "#fc8d59", "#1a9850")  # none, 1, 2, 3+
FUNNEL_COLOR = "#3b6fb6"
TEAM_COLOR = "#26394f"
MIN_LINE_COLOR, PAYS_OFF_LINE_COLOR = "#c62828", "#2e7d32"
ROW_PX = 22  # height per salesperson in the per-person charts
BASE_PX = 150  # title, legend and axis


class ChartCard(QWidget):
    """A chart, or a "no data" message in its place; a one-line caption says how to read it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName(f"{name}-empty")
        self.empty.setStyleSheet("color: #666; font-size: 11pt;")
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #555;")
        self.stack = QStackedLayout()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(self.stack, 1)
        layout.addWidget(self.caption)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_chart(self, chart: QChart, min_height: int = 260) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.view.setMinimumHeight(min_height)
        self.stack.setCurrentWidget(self.view)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.view.setMinimumHeight(0)
        self.stack.setCurrentWidget(self.empty)

    @property
    def has_chart(self) -> bool:
        return self.stack.currentWidget() is self.view


def _chart(legend: bool = True) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # redrawn on every update
    chart.setLocalizeNumbers(True)  # 13,5% in Dutch, as in the KPI table
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    chart.legend().setVisible(legend)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    small = QFont(chart.legend().font())
    small.setPointSizeF(max(8.0, small.pointSizeF() - 0.5))
    chart.legend().setFont(small)
    return chart


def _bar_set(label: str, values: Sequence[float], color: str) -> QBarSet:
    s = QBarSet(label)
    s.append([float(v) for v in values])
    s.setColor(QColor(color))
    s.setBorderColor(QColor(color))
    return s


def _percent_axis(chart: QChart, align: Qt.AlignmentFlag, top: float = 100.0) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setLabelFormat("%.0f%")  # localized labels take the format literally: no %% escape
    axis.setTickCount(6 if top == 100 else 7)
    chart.addAxis(axis, align)
    return axis


def _category_axis(
    chart: QChart, names: Sequence[str], align: Qt.AlignmentFlag
) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(names))
    chart.addAxis(axis, align)
    return axis


def per_person_height(people: int) -> int:
    return BASE_PX + ROW_PX * (people + 1)


class TeamCharts(QWidget):
    """The 2×2 grid: speed to first call, calls on unreached leads, funnel, by hour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speed = ChartCard("chart-speed")
        self.attempts = ChartCard("chart-attempts")
        self.funnel = ChartCard("chart-funnel")
        self.by_hour = ChartCard("chart-hour")
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        grid.addWidget(self.speed, 0, 0)
        grid.addWidget(self.attempts, 0, 1)
        grid.addWidget(self.funnel, 1, 0)
        grid.addWidget(self.by_hour, 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._retitle()

    def cards(self) -> tuple[ChartCard, ...]:
        return (self.speed, self.attempts, self.funnel, self.by_hour)

    def _retitle(self) -> None:
        self.speed.title.setText(self.tr("Time to first call"))
        self.speed.caption.setText(
            self.tr("Share of each salesperson's leads by how soon the first call came.")
        )
        self.attempts.title.setText(self.tr("Calls on leads never reached"))
        self.attempts.caption.setText(
            self.tr(
                "After voicemail, most salespeople never make the third call. "
                "Green is the share that got all three."
            )
        )
        self.funnel.title.setText(self.tr("From lead to sale"))
        self.funnel.caption.setText(self.tr("Leads of the period, and how many got how far."))
        self.by_hour.title.setText(self.tr("Speed to first call by hour of the day"))
        self.by_hour.caption.setText(
            self.tr("By the hour the lead landed; a lead from the evening counts from opening.")
        )

    def speed_labels(self) -> list[str]:
        return [
            self.tr("≤ 2 min"),
            self.tr("2–5 min"),
            self.tr("5–30 min"),
            self.tr("30 min–2 h"),
            self.tr("later"),
            self.tr("never"),
        ]

    def set_stats(self, stats: TeamStats) -> None:
        if stats.empty:
            for card in self.cards():
                card.show_empty(self.tr("No leads in this period"))
            return
        names = [*stats.people, TEAM]
        shown = [self.tr("Team") if n == TEAM else n for n in names]
        height = per_person_height(len(stats.people))
        self.speed.show_chart(
            self._per_person(names, shown, stats.speed, self.speed_labels(), SPEED_COLORS), height
        )
        if sum(stats.attempts[TEAM]):
            labels = [
                self.tr("not called"),
                self.tr("1 call"),
                self.tr("2 calls"),
                self.tr("3 or more"),
            ]
            self.attempts.show_chart(
                self._per_person(names, shown, stats.attempts, labels, ATTEMPT_COLORS), height
            )
        else:
            self.attempts.show_empty(self.tr("Every customer of this period was reached"))
        self.funnel.show_chart(self._funnel(stats.funnel))
        self.by_hour.show_chart(self._hours(stats))

    def _per_person(
        self,
        keys: list[str],
        shown: list[str],
        counts: dict[str, tuple[int, ...]],
        labels: list[str],
        colors: Sequence[str],
    ) -> QChart:
        """Stacked 100% bars, one per salesperson, the team at the bottom."""
        chart = _chart()
        series = QHorizontalPercentBarSeries()
        order = list(reversed(range(len(keys))))  # first name on top
        for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
            series.append(_bar_set(label, [counts[keys[k]][i] for k in order], color))
        series.setBarWidth(0.75)
        chart.addSeries(series)
        y = _category_axis(chart, [shown[k] for k in order], Qt.AlignmentFlag.AlignLeft)
        x = _percent_axis(chart, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart

    def _funnel(self, funnel: tuple[int, int, int, int]) -> QChart:
        leads = funnel[0]
        names = [self.tr("Leads"), self.tr("Reached"), self.tr("Appointment"), self.tr("Sold")]
        shown = [
            f"{name}  {n} ({round(100 * n / leads)}%)" if i else f"{name}  {n}"
            for i, (name, n) in enumerate(zip(names, funnel, strict=True))
        ]
        chart = _chart(legend=False)
        series = QHorizontalBarSeries()
        series.append(_bar_set(self.tr("Leads"), list(reversed(funnel)), FUNNEL_COLOR))
        series.setBarWidth(0.7)
        chart.addSeries(series)
        y = _category_axis(chart, list(reversed(shown)), Qt.AlignmentFlag.AlignLeft)
        x = QValueAxis()
        x.setRange(0, max(1, leads))
        x.setLabelFormat("%.0f")
        x.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart

    def _hours(self, stats: TeamStats) -> QChart:
        hours = list(stats.speed_by_hour)
        span = list(range(min(hours), max(hours) + 1))  # no gaps: the axis reads as a clock
        empty = (0,) * len(SPEED_COLORS)
        chart = _chart()
        series = QPercentBarSeries()
        for i, (label, color) in enumerate(zip(self.speed_labels(), SPEED_COLORS, strict=True)):
            series.append(
                _bar_set(label, [stats.speed_by_hour.get(h, empty)[i] for h in span], color)
            )
        series.setBarWidth(0.8)
        chart.addSeries(series)
        x = _category_axis(chart, [f"{h}" for h in span], Qt.AlignmentFlag.AlignBottom)
        x.setTitleText(self.tr("hour"))
        y = _percent_axis(chart, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        return chart


class ConversionChart(ChartCard):
    """% sold per salesperson against the two reference lines.

    13% is the minimum expected of a salesperson; a contact centre only pays off above 20%.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("chart-conversion", parent)
        self.title.setText(self.tr("Conversion: % sold"))

    def set_rows(
        self, rows: list[tuple[str, float | None]], minimum: float, pays_off: float
    ) -> None:
        """`rows`: (shown name, % sold) per salesperson, the team last."""
        self.caption.setText(
            self.tr(
                "Red line: {low}% is the least a salesperson is expected to sell. "
                "Green line: above {high}%, an internal contact centre pays for itself."
            ).format(low=_pct(minimum), high=_pct(pays_off))
        )
        if not rows:
            self.show_empty(self.tr("No leads in this period"))
            return
        chart = _chart()
        series = QHorizontalBarSeries()
        order = list(reversed(rows))
        bars = _bar_set(self.tr("% sold"), [v or 0.0 for _, v in order], FUNNEL_COLOR)
        bars.setLabelColor(QColor("#222"))
        bars.setSelectedColor(QColor(TEAM_COLOR))
        bars.selectBar(0)  # the team, at the bottom, in its own colour
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        highest = max(25.0, *(v or 0.0 for _, v in rows), minimum, pays_off) * 1.12
        step = 5 if highest <= 50 else 10  # ticks on round numbers
        top = min(100.0, step * math.ceil(highest / step))
        y = _category_axis(chart, [name for name, _ in order], Qt.AlignmentFlag.AlignLeft)
        x = _percent_axis(chart, Qt.AlignmentFlag.AlignBottom, top=top)
        x.setTickCount(int(top / step) + 1)
        series.attachAxis(x)
        series.attachAxis(y)
        for label, value, color in (
            (self.tr("Minimum per salesperson ({n}%)"), minimum, MIN_LINE_COLOR),
            (self.tr("Contact centre pays off ({n}%)"), pays_off, PAYS_OFF_LINE_COLOR),
        ):
            line = QLineSeries()
            line.setName(label.format(n=_pct(value)))
            line.append(value, -0.5)
            line.append(value, len(rows) - 0.5)
            pen = QPen(QColor(color))
            pen.setWidth(3)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
        legend_markers = chart.legend().markers(series)
        for marker in legend_markers:
            marker.setVisible(False)  # the bars need no legend; the lines do
        self.show_chart(chart, per_person_height(len(rows) - 1))


def _pct(value: float) -> str:
    return f"{value:g}"

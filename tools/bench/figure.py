"""One benchmark figure: what was measured, its goal, and whether the goal is met."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Figure:
    key: str  # stable name in the JSON, e.g. "lead_to_alert_folder"
    title: str  # the row's label in the table
    unit: str  # "ms", "s", "MB", "% of a core", "docs/s"
    goal: str  # the goal, as text
    median: float | None = None  # None: not measured (see note)
    p95: float | None = None
    n: int = 0  # how many measurements the median is over
    meets: bool | None = None  # None when not measured
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def judge(self, ok: Callable[[Figure], bool]) -> Figure:
        """Set `meets` from the goal check, unless nothing was measured."""
        self.meets = None if self.median is None else bool(ok(self))
        return self

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def not_available(key: str, title: str, unit: str, goal: str, why: str) -> Figure:
    """A figure that could not be measured here: printed as n/a, never an error."""
    return Figure(key, title, unit, goal, note=f"n/a ({why})")

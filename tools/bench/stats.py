"""Small helpers: medians and p95 over repeated measurements, and a timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def p95(xs: list[float]) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(0.95 * len(s)) - 1))]


def time_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall time of each call, in milliseconds."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out

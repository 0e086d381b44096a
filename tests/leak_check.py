"""Shared by the inbox conftests: a test that leaves a thread running fails (napari's habit)."""

from __future__ import annotations

import threading
from collections.abc import Iterator


def no_leaked_threads() -> Iterator[None]:
    """close() must stop and join every watcher or IDLE thread it started."""
    before = set(threading.enumerate())
    yield
    leaked = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"

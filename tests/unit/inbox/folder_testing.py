"""Shared constants of the folder backend's tests (conftest modules aren't importable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

# Tuesday 25 November 2026, 10:12 in Amsterdam.
NOW = datetime(2026, 11, 25, 9, 12, 0, tzinfo=UTC)

# drop(name, data=b"{}", at=NOW) -> the landed file
Drop = Callable[..., Path]

"""Where and when the figures were measured: date, CPU, cores, Python and Qt versions."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def describe() -> dict[str, Any]:
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "memory_mb": _total_memory_mb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials") or _version("PySide6"),
        "sqlite": _sqlite_version(),
        "pyside6_none_refs_lost_per_100_calls": pyside_leaks_none(),
    }


def _total_memory_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def pyside_leaks_none() -> int | None:
    """References to None lost by 100 Qt calls that return nothing (0 on a sound build).

    PySide6 6.12.0 on CPython 3.11 loses one per call; a long-running app then dies with
    "Fatal Python error: none_dealloc". Checked in a subprocess: the bench has no Qt.
    """
    import subprocess
    import sys

    code = (
        "import sys\nfrom PySide6.QtCore import QObject\no = QObject()\n"
        "b = sys.getrefcount(None)\nfor _ in range(100): o.setObjectName('x')\n"
        "print(b - sys.getrefcount(None))\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        return int(out.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError):
        return None

"""Inbox re-list: `new/` with 10 files while `claimed/` holds a long history."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.inbox.folder.inbox import FolderInbox
from tools.bench.stats import median, p95, time_calls


def run(claimed: int, repeat: int = 200) -> dict[str, float | int | None]:
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        root = Path(tmp)
        inbox = FolderInbox(root, "bench", "pc", watch=False, create=True)
        try:
            for i in range(10):
                (root / "new" / f"lead-{i}.json").write_bytes(b"{}")
            for u in range(8):
                (root / "claimed" / f"user{u}").mkdir()
            for i in range(claimed):
                fd = os.open(
                    root / "claimed" / f"user{i % 8}" / f"old-{i}.json", os.O_CREAT | os.O_WRONLY
                )
                os.close(fd)
            times = time_calls(inbox.list_new, repeat)
        finally:
            inbox.close()
    return {
        "claimed_files": claimed,
        "n": len(times),
        "median_ms": median(times),
        "p95_ms": p95(times),
    }

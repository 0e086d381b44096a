"""The benchmark (`make bench`, issue 7) runs once at a tiny size, so it can't rot.

The benchmark itself stays out of the test run: it takes minutes and reports figures
without failing on them. This runs every part once (`--tiny`: two leads per latency
figure, 2 s idle windows, a 2,000-lead report) and checks that every figure came back
as a number next to its goal. Whether a goal is met is the benchmark's business, not a
test's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.bench import imap_latency

ROOT = Path(__file__).resolve().parents[2]
FIGURES = {
    "lead_to_alert_folder",
    "lead_to_alert_no_watch",
    "lead_to_alert_imap",
    "lead_to_alert_imap_oauth",
    "lead_to_alert_postgres",
    "pg_claim_race",
    "pg_group_report",
    "duckdb_group_report",
    "pg_new_pc",
    "pg_report_first",
    "startup",
    "memory_startup",
    "memory_after_leads",
    "idle_tray",
    "idle_alert",
    "report_first",
    "report_after",
    "intake_json",
    "intake_adf",
    "intake_email",
    "relist",
}


@pytest.mark.slow
def test_the_benchmark_reports_every_figure_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--tiny", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "meets goal" in proc.stdout  # the table

    result = json.loads(out.read_text(encoding="utf-8"))
    for key in ("date", "nproc", "cpu", "python", "pyside6"):
        assert result[key], key
    figures = {f["key"]: f for f in result["figures"]}
    assert set(figures) == FIGURES, proc.stderr[-3000:]
    no_mailbox = imap_latency.unavailable()
    for key, f in figures.items():
        if key.startswith("lead_to_alert_imap") and no_mailbox:
            assert f["median"] is None and "n/a" in f["note"]
            continue
        assert isinstance(f["median"], int | float), (key, f["note"])
        assert f["goal"] and f["meets"] in (True, False), key
        assert f["n"] >= 1, key

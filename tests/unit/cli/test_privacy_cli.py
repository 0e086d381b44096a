"""`leadpop export-customer` and `leadpop forget` as a privacy officer runs them: real
processes on a real folder inbox and store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.folder.inbox import FolderInbox
from app.settings.config import resolve
from app.store import Store

JAN = {
    "source": "website",
    "name": "Jan Jansen",
    "phone": "06 12345678",
    "email": "jan@example.nl",
    "vehicle": "Volkswagen Golf",
    "message": "Is deze auto nog beschikbaar?",
}


def leadpop(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADPOP_")}
    env |= {
        "LEADPOP_INBOX": str(tmp / "inbox"),
        "LEADPOP_DATA_DIR": str(tmp / "data"),
        "LEADPOP_USER": "anna",
        "LEADPOP_LOG_DIR": str(tmp / "logs"),
        "LEADPOP_CONFIG_DIR": str(tmp / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,  # as in CI: no terminal to confirm on
    )


def claimed_and_called(tmp: Path) -> str:
    """Jan's lead, claimed and called by anna on this PC (the engine, in-process)."""
    root = tmp / "inbox"
    (root / "new").mkdir(parents=True)
    (root / "new" / "20261201-jansen.json").write_text(json.dumps(JAN), encoding="utf-8")
    cfg = resolve(inbox=str(root), data_dir=str(tmp / "data"), user="anna", env={})
    clock = FakeClock(datetime.now(ZoneInfo("Europe/Amsterdam")))
    desk = Desk(
        FolderInbox(root, "anna", cfg.host, watch=False), Store.open(cfg.data_dir), clock, cfg
    )
    try:
        [lead] = desk.poll().new_leads
        assert desk.claim(lead).won
        desk.record_call(lead, "appointment", "Jansen komt zaterdag")
    finally:
        desk.store.close()
        desk.inbox.close()
    return lead


def holding(folders: list[Path], text: bytes) -> list[str]:
    return [
        str(p)
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file() and text.lower() in p.read_bytes().lower()
    ]


def test_export_then_forget_from_the_command_line(tmp_path: Path) -> None:
    lead = claimed_and_called(tmp_path)
    before = leadpop(tmp_path, "report", "--format", "json")
    assert before.returncode == 0, before.stderr

    export = leadpop(tmp_path, "export-customer", "--phone", "+31 6 1234 5678")
    assert export.returncode == 0, export.stderr
    data = json.loads(export.stdout)
    assert [r["id"] for r in data["leads"]] == [lead]
    assert data["leads"][0]["attempts"][0]["note"] == "Jansen komt zaterdag"
    assert [d["folder"] for d in data["documents"]] == ["claimed/anna"]
    assert [e["type"] for e in data["activity_events"]] == ["claimed", "call"]

    refused = leadpop(tmp_path, "forget", "--email", "jan@example.nl")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("error: ") and "--yes" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert holding([tmp_path / "inbox"], b"Jansen")  # nothing erased

    forgot = leadpop(tmp_path, "forget", "--email", "JAN@example.nl", "--yes")
    assert forgot.returncode == 0, forgot.stderr
    assert "1 lead(s)" in forgot.stdout and "1 document(s)" in forgot.stdout
    assert "Jansen" not in forgot.stdout + forgot.stderr
    folders = [tmp_path / "inbox", tmp_path / "data", tmp_path / "logs"]
    for text in (b"Jansen", b"jan@example.nl", b"0612345678", b"06 12345678", b"+31612345678"):
        assert holding(folders, text) == [], text
    after = leadpop(tmp_path, "report", "--format", "json")
    assert json.loads(after.stdout) == json.loads(before.stdout)

    again = leadpop(tmp_path, "forget", "--phone", "0612345678", "--yes")
    assert again.returncode == 0 and "nothing" in again.stdout
    bad = leadpop(tmp_path, "export-customer", "--phone", "hello")
    assert bad.returncode == 1 and bad.stderr.startswith("error: --phone")

"""The log file for IT support: where it is, that it rotates, and no personal data in it."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.cli import main as cli
from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.folder.inbox import FolderInbox
from app.inbox.producer import drop_bytes
from app.settings.config import resolve
from app.settings.deployed import Deployed
from app.store import Store
from app.system import logs

AMS = ZoneInfo("Europe/Amsterdam")
CUSTOMER = {
    "name": "Fatima el Amrani",
    "phone": "06 23456789",
    "email": "fatima.elamrani@example.nl",
}
SECRETS = ("Fatima", "Amrani", "23456789", "+31623456789", "fatima.elamrani")


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """logs.setup() into tmp_path; afterwards the root logger is as it was."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    monkeypatch.setenv(logs.ENV_LOG_DIR, str(tmp_path / "logs"))
    path = logs.setup()
    assert path == tmp_path / "logs" / "leadpop.log"
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def text_of(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_setup_rotates_and_can_run_twice(log_file):
    logs.setup()  # the CLI in tests, or the app started again in one process
    mine = [h for h in logging.getLogger().handlers if getattr(h, "leadpop", False)]
    files = [h for h in mine if isinstance(h, RotatingFileHandler)]
    assert len(mine) == 2 and len(files) == 1
    assert (files[0].maxBytes, files[0].backupCount) == (logs.MAX_BYTES, logs.BACKUPS)
    assert logs.current_log_file() == log_file
    logging.getLogger("app.test").info("an INFO line for IT")
    logging.getLogger("app.test").debug("a DEBUG line")
    text = text_of(log_file)
    assert "INFO app.test [MainThread] an INFO line for IT" in text
    assert "DEBUG" not in text


def test_the_platform_log_folder(monkeypatch):
    monkeypatch.delenv(logs.ENV_LOG_DIR, raising=False)
    folder = logs.log_dir({})
    assert folder.name in ("log", "Logs") and "Leadpop" in folder.parts


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("call 06 12345678 now", "call <phone> now"),
        ("+32 470 12 34 56 or (020) 123 4567", "<phone> or <phone>"),
        ("mail jan.jansen@example.nl", "mail <e-mail>"),
        ("lead L3f9a0c2b7d1e4a6 at 2026-11-25 10:02:00", None),
        ("new/20261127-040330-sample-d1cd74.json", None),
        ("web-20261127-050133-857eb8 took 1500 ms", None),
    ],
)
def test_redact(line, shown):
    assert logs.redact(line) == (line if shown is None else shown)


def test_a_leads_whole_life_logs_its_id_and_nothing_personal(tmp_path, log_file):
    clock = FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=AMS))
    inbox = tmp_path / "inbox"
    (inbox / "new").mkdir(parents=True)
    cfg = resolve(
        inbox=str(inbox),
        data_dir=str(tmp_path / "data"),
        user="piet",
        hours="always",
        env={},
        deployed=Deployed(),
    )
    folder = FolderInbox(inbox, "piet", cfg.host, watch=False, now=clock.now)
    store = Store.open(cfg.data_dir)
    try:
        desk = Desk(folder, store, clock, cfg)
        # Producers name files as they like: after the customer, in this case.
        doc = {**CUSTOMER, "source": "website", "vehicle": "Kia EV6"}
        drop_bytes(
            inbox,
            json.dumps(doc).encode(),
            stem="fatima-el-amrani",
            suffix=".json",
            now=clock.now(),
        )
        drop_bytes(inbox, b"{not json", stem="fatima-el-amrani-2", suffix=".json", now=clock.now())
        (lead_id,) = desk.poll().new_leads
        assert desk.claim(lead_id, calling=True).won
        desk.record_call(lead_id, "voicemail")
        clock.advance(minutes=20)
        desk.poll()
        desk.record_call(lead_id, "appointment")
        desk.mark_sold(lead_id)
    finally:
        store.close()
        folder.close()
    text = text_of(log_file)
    assert f"new lead {lead_id}" in text  # the lead is there, by its id
    assert "quarantined a document: malformed JSON" in text
    for secret in SECRETS:
        assert secret.lower() not in text.lower(), secret


def test_the_cli_logs_to_the_file_without_the_customer(tmp_path, log_file, capsys):
    doc = tmp_path / "Fatima el Amrani.json"
    doc.write_text(json.dumps(CUSTOMER), encoding="utf-8")
    inbox = tmp_path / "inbox"
    (inbox / "new").mkdir(parents=True)
    assert cli.main(["drop", str(doc), "--inbox", str(inbox)]) == 0
    assert cli.main(["parse", str(tmp_path / "missing.json")]) == 1
    logging.getLogger("app.engine.desk").warning(
        "phone %s", CUSTOMER["phone"]
    )  # the net's last line
    capsys.readouterr()
    text = text_of(log_file)
    assert "WARNING app.engine.desk [MainThread] phone <phone>" in text
    for secret in SECRETS:
        assert secret.lower() not in text.lower(), secret

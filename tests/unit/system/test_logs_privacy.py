"""Nothing personal in the log file at INFO and up, the file its user's only, and a
forgotten customer's lines dropped from it."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.system import logs

log = logging.getLogger("app.test_privacy")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.setup({logs.ENV_LOG_DIR: str(tmp_path / "logs"), logs.ENV_LOG_LEVEL: "DEBUG"})
    assert path is not None
    yield path
    logs.setup()
    logging.getLogger().setLevel(logging.WARNING)


def flushed(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text("utf-8")


def test_names_in_document_names_and_exception_messages_are_masked_at_info(
    log_file: Path,
) -> None:
    log.info("quarantined %s", "20261125-jan-jansen.json")
    log.warning("reading failed: %s", ValueError("not a document name: 'Jan Jansen'"))
    customer = {"name": "Jan Jansen"}
    try:
        raise KeyError(customer["name"])  # the traceback quotes the code, and the message
    except KeyError:
        log.error("a reader's bug", exc_info=True)
    log.info("can't read the settings /home/anna/.config/Leadpop/settings.json")
    log.debug("lead L1 is 20261125-jan-jansen.json")  # IT support asked for more
    text = flushed(log_file)
    info_up = "\n".join(line for line in text.splitlines() if " DEBUG " not in line)
    assert "jansen" not in info_up.lower()
    assert "quarantined <document>" in info_up and "not a document name: <…>" in info_up
    assert "KeyError: <…>" in info_up and "Traceback" in info_up
    assert "settings.json" in info_up  # Leadpop's own file, no customer's
    assert "lead L1 is 20261125-jan-jansen.json" in text


@pytest.mark.skipif(os.name == "nt", reason="Windows: the profile's ACL (app.core.private)")
def test_the_log_file_and_folder_are_the_users_only(log_file: Path) -> None:
    log.info("started")
    flushed(log_file)
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_forget_drops_the_lines_that_mention_the_customer(log_file: Path) -> None:
    log.info("new lead L1")
    log.debug("lead L1 is Jansen-offerte.json")
    log.info("new lead L2")
    flushed(log_file)
    assert logs.forget(["jansen-OFFERTE.json", "nobody"]) == 1
    log.info("after the rewrite")  # the running handler goes on appending
    lines = flushed(log_file).splitlines()
    assert [line.split(" INFO ")[-1] for line in lines] == [
        "app.test_privacy [MainThread] new lead L1",
        "app.test_privacy [MainThread] new lead L2",
        "app.test_privacy [MainThread] after the rewrite",
    ]

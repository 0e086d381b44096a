"""Both workers stop the same way (app.ui.workers.engine_thread): closed in their own
thread, then handed back to the GUI thread, where they are deleted like any object."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shell_harness import Relay, config

from app.core.clock import FakeClock
from app.inbox.folder.inbox import FolderInbox
from app.settings.config import Config
from app.ui.workers.desk_worker import DeskThread, DeskWorker
from app.ui.workers.team_worker import TeamThread, TeamWorker


def _started(kind: str, qtbot: Any, tmp_path: Path, clock: FakeClock) -> tuple[Any, Any]:
    (tmp_path / "inbox").mkdir()
    cfg = config(tmp_path, tmp_path / "inbox", "marco")

    def factory(c: Config) -> FolderInbox:
        return FolderInbox(Path(c.inbox), c.user, c.host, watch=False, now=clock.now)

    if kind == "desk":
        worker: Any = DeskWorker(clock, inbox_factory=factory)
        handle: Any = DeskThread(worker)
        ready = Relay(worker.leads_changed)
        handle.start(cfg.data_dir)
        handle.start_desk(cfg)
    else:
        worker = TeamWorker(clock, inbox_factory=factory, refresh_ms=3_600_000)
        handle = TeamThread(worker)
        ready = Relay(worker.board_changed)
        handle.start(cfg)
    qtbot.waitUntil(lambda: bool(ready.calls), timeout=10_000)
    return worker, handle


@pytest.mark.parametrize("kind", ["desk", "team"])
def test_a_stopped_worker_is_back_in_the_gui_thread_and_is_deleted_there(
    kind: str, qtbot: Any, tmp_path: Path, clock: FakeClock
) -> None:
    worker, handle = _started(kind, qtbot, tmp_path, clock)
    app = QCoreApplication.instance()
    assert worker.thread() is not app.thread()
    handle.stop()
    assert handle.finished
    assert handle.thread() is app.thread()  # QObject.thread(), not shadowed by the QThread
    assert worker.thread() is app.thread()  # left on the finished thread it would be lost
    deleted: list[bool] = []
    worker.destroyed.connect(lambda *_: deleted.append(True))
    worker.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert deleted == [True]
    handle.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _team(tmp_path: Path, clock: FakeClock) -> dict[str, str]:
    inbox = FolderInbox(tmp_path / "inbox", "reader", "pc-9", watch=False, now=clock.now)
    try:
        return {p.user: str(p.status) for p in inbox.present(clock.now())}
    finally:
        inbox.close()


def test_a_pc_that_quits_is_offline_at_once_not_after_the_presence_timeout(
    qtbot: Any, tmp_path: Path, clock: FakeClock
) -> None:
    worker, handle = _started("desk", qtbot, tmp_path, clock)
    assert _team(tmp_path, clock) == {"marco": "available"}
    handle.stop()
    assert _team(tmp_path, clock) == {"marco": "offline"}  # the clock never moved
    worker.deleteLater()


def test_a_quit_whose_leaving_fails_is_logged_and_still_quits(
    qtbot: Any, tmp_path: Path, clock: FakeClock, monkeypatch: Any, caplog: Any
) -> None:
    worker, handle = _started("desk", qtbot, tmp_path, clock)

    def broken(self: Any, now: Any) -> None:
        raise OSError("the share is gone")

    monkeypatch.setattr("app.engine.offers.Offers.leave", broken)
    handle.stop()
    assert handle.finished
    assert "leaving was not announced" in caplog.text
    assert _team(tmp_path, clock) == {"marco": "available"}  # away after the timeout only
    worker.deleteLater()

"""Demo leads only with --demo: not into an embedded inbox that holds real or demo-history leads."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.settings.config import resolve
from app.ui.shell import Shell
from tests.ui.conftest import NOW


@pytest.mark.parametrize("demo", [False, True])
def test_the_embedded_inbox_gets_demo_leads_only_with_demo(qtbot, tmp_path: Path, demo: bool):
    cfg = resolve(data_dir=str(tmp_path), user="anna", hours="always", env={})
    assert cfg.embedded_inbox
    shell = Shell(cfg, FakeClock(NOW), demo=demo, tray_available=lambda: False)
    started: list[bool] = []
    shell.desk_thread.start_desk = lambda _cfg, on: started.append(on)  # type: ignore[method-assign]
    try:
        shell._prefs_loaded(shell.prefs)
        assert started == [demo]
        assert shell.window is not None
        assert shell.window.status.demo.isVisibleTo(shell.window) is demo  # the "Demo" label
    finally:
        shell.shutdown()

"""An ambiguous number on the alert of a running app: the salesperson picks the other
country's reading, and the alert (and so the call panel, tel: link and QR code) dials it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FakeClock
from tests.ui.shell_harness import App, config, drop, lead_doc


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def test_the_salesperson_picks_the_belgian_reading_on_the_alert(qtbot: Any, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = App(qtbot, config(tmp_path, inbox, "piet"), clock).start()
    try:
        # 0478 55 66 77: a landline in Venray and a Belgian mobile; no hint either way.
        drop(inbox, clock, lead_doc("Luc Maes", phone="0478 55 66 77", email="luc@example.com"))
        alert = app.alert
        qtbot.waitUntil(alert.isVisible, timeout=10_000)
        assert alert.phone.text() == "0478 556 677"
        assert alert.phone_alt.text() == "possibly Belgian: +32 478 55 66 77"
        assert alert.use_alt.isVisible()

        alert.use_alt.click()
        qtbot.waitUntil(lambda: alert.phone.text() == "+32 478 55 66 77", timeout=10_000)
        assert alert.phone_alt.text() == "possibly Dutch: 0478 556 677"
        assert alert.current_id() is not None  # the same lead, still waiting for a call
    finally:
        app.close()

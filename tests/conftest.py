"""Suite-wide setup: Qt never needs a screen, and nothing here sleeps."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The notification library must never reach a real desktop bus from a test.
os.environ.setdefault("LEADPOP_NO_DESKTOP_NOTIFY", "1")
# No chime in tests: QtMultimedia logs warnings on machines without audio.
os.environ.setdefault("LEADPOP_MUTE", "1")

from app.core.clock import FakeClock
from tests.showroom import WED_10


@pytest.fixture
def clock() -> FakeClock:
    """Wednesday 25 November 2026, 10:00 in Amsterdam: a working day, the dealership open.

    Every test that moves time starts here, unless it says why not with a clock of its own.
    """
    return FakeClock(WED_10)


@pytest.fixture(autouse=True, scope="session")
def _own_log_and_config_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The log file, the user's leadpop.toml and settings, the autostart entry: never the
    developer's own (also for resolve(env={}), which asks platformdirs: XDG_CONFIG_HOME)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEADPOP_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
        mp.setenv("LEADPOP_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
        mp.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
        yield

"""The terminal shows what Leadpop says; the libraries' chatter goes to the log file."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.system import logs


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    monkeypatch.setenv(logs.ENV_LOG_DIR, str(tmp_path / "logs"))
    path = logs.setup()
    assert path is not None
    yield path
    logging.captureWarnings(False)
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def text_of(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_qt_and_library_warnings_go_to_the_file_not_the_terminal(log_file, capsys):
    logging.getLogger("qt.multimedia.ffmpeg").warning("Could not open PulseAudio")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        # As setup() left it: pytest's own catch_warnings put its showwarning back.
        logging.captureWarnings(False)
        logging.captureWarnings(True)
        warnings.warn("The Python dbus package is not installed.", UserWarning, stacklevel=1)
    logging.getLogger("app.engine.desk").warning("inbox unreachable")
    logging.getLogger("qt").error("the platform plugin could not be loaded")
    err = capsys.readouterr().err
    assert "PulseAudio" not in err and "dbus" not in err  # quiet
    assert "inbox unreachable" in err  # Leadpop's own warning still shows
    assert "platform plugin" in err  # and anybody's error
    text = text_of(log_file)
    assert "Could not open PulseAudio" in text and "dbus package is not installed" in text

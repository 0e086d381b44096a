"""Two launches at the same instant: exactly one Leadpop runs per data folder.

Both used to run now and then (2 of 45): each found no server, and the second removed the
first's socket as a crash's leftover. Both alerted and both "won" a claim. An OS file lock
in the data folder now decides; the socket only carries "come to the front".
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.ui import single_instance
from app.ui.single_instance import SingleInstance

TRIALS = 6

# One launch: get ready (imports done), wait for "go", try to be the instance, say so, and
# hold on until told to quit (a winner that quits at once would let the loser in).
_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from app.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
print("ran" if instance.acquire() else "raised the other", flush=True)
sys.stdin.readline()
instance.release()
"""


class Launch:
    def __init__(self, data_dir: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert self.line() == "ready"

    def line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def say(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def end(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()


def test_two_launches_at_the_same_instant_run_once(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    once = 0
    for trial in range(TRIALS):
        data_dir = tmp_path / f"data-{trial}"
        launches = [Launch(data_dir), Launch(data_dir)]
        for launch in launches:  # both go at once: they are past their imports already
            launch.say("go")
        said = sorted(launch.line() for launch in launches)
        for launch in launches:
            launch.say("quit")
            launch.end()
        assert said == ["raised the other", "ran"], f"trial {trial}: {said}"
        once += 1
    figures(f"racing launches: {TRIALS} trials of 2 processes at once, one instance ran in {once}")


def test_a_launch_never_takes_over_from_one_still_starting(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race, pinned down: the first holds the data folder but isn't listening yet."""
    monkeypatch.setattr(single_instance, "REACH_S", 0.2)
    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    assert first.server is not None
    first.server.close()  # as if it were still starting: no server to talk to
    try:
        assert not SingleInstance(tmp_path / "data").acquire()
    finally:
        first.release()
    again = SingleInstance(tmp_path / "data")  # the first is gone: the next one runs
    assert again.acquire()
    again.release()


def test_a_killed_instance_leaves_nothing_that_stops_the_next(tmp_path: Path) -> None:
    crashed = Launch(tmp_path / "data")
    crashed.say("go")
    assert crashed.line() == "ran"
    crashed.proc.send_signal(signal.SIGKILL)  # its socket file stays behind
    crashed.proc.wait(timeout=10)
    assert crashed.proc.stdin is not None and crashed.proc.stdout is not None
    crashed.proc.stdin.close()
    crashed.proc.stdout.close()
    after = Launch(tmp_path / "data")
    after.say("go")
    assert after.line() == "ran"
    after.say("quit")
    after.end()

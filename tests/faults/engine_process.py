"""A showroom PC's engine in a process of its own, for killing at random instants.

It opens its inbox and store as the app does, says "ready", then works as fast as it can:
polls, claims every lead that alerts ("Call now"), and records CALLS calls on each of its
leads. It prints "done" and exits once nothing is left to do; a kill -9 may come at any
moment before. Each run starts its (fake) clock an hour after the previous run's.

    EngineProcess(inbox, "anna", run=3).wait_or_kill(0.2)   # True: it finished by itself
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

CALLS = 2

_CHILD = """
import sys
from datetime import timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from showroom import WED_10, Showroom
from app.core.clock import FakeClock
root, user, run, calls = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[5])
clock = FakeClock(WED_10 + timedelta(hours=run))
desk = Showroom(root, clock).desk(user)
print("ready", flush=True)
while True:
    result = desk.poll()
    assert result.health.ok, desk.health.error
    busy = False
    for view in desk.alertable():
        desk.claim(view.id, calling=True)
        busy = True
    for view in desk.my_leads():
        if len(view.attempts) < calls:
            desk.record_call(view.id, "no_answer")
            busy = True
    clock.advance(seconds=1)
    if busy or desk.inbox.list_new() or desk.store.outbox() or desk.store.intents():
        continue
    print("done", flush=True)
    break
"""


class EngineProcess:
    def __init__(self, inbox: Path, user: str, run: int) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _CHILD,
                str(inbox),
                user,
                str(run),
                str(Path(__file__).parent),
                str(CALLS),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line == "ready", f"the engine didn't start: {line!r}"

    def wait_or_kill(self, seconds: float) -> bool:
        """Let it work up to `seconds`, then kill -9 it. True if it finished first."""
        try:
            code = self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            self._close()
            return False
        finished = self._done()
        assert code == 0 and finished, f"the engine failed (exit {code})"
        return True

    def _done(self) -> bool:
        assert self.proc.stdout is not None
        said = self.proc.stdout.read()
        self._close()
        return said.strip().endswith("done")

    def _close(self) -> None:
        if self.proc.stdout is not None:
            self.proc.stdout.close()

"""The real desktop app as a subprocess, with the paint probe (app/ui/bench_probe.py).

The benchmark reads what the app's probe writes (one JSON line per first paint) and the
app's /proc entries for memory and CPU. The app runs exactly as a salesperson starts it,
`python -m app --inbox … --data-dir … --user …`, on the display the caller set up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
POLL_S = 0.005  # how often the bench looks at the probe file; it is not what is measured
Event = dict[str, Any]


class AppGone(RuntimeError):
    """The app exited (or never showed) while the benchmark waited for it."""


class AppProcess:
    def __init__(
        self,
        inbox: str | Path,
        data_dir: Path,
        work: Path,
        *,
        env: dict[str, str] | None = None,
        hours: str = "always",
    ) -> None:
        self.probe = work / f"probe-{time.monotonic_ns()}.jsonl"
        self.log = work / f"app-{time.monotonic_ns()}.log"
        self.probe.touch()
        full_env = {
            **os.environ,
            "LEADPOP_BENCH_PROBE": str(self.probe),
            "LEADPOP_NO_DESKTOP_NOTIFY": "1",
            **(env or {}),
        }
        cmd = [
            sys.executable,
            "-m",
            "app",
            "--inbox",
            str(inbox),
            "--data-dir",
            str(data_dir),
            "--user",
            "bench",
            "--hours",
            hours,
            "--lang",
            "en",
        ]
        self.started = time.time()
        self._log_fh = open(self.log, "wb")  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=full_env, stdout=self._log_fh, stderr=subprocess.STDOUT
        )
        self._offset = 0
        self.events: list[Event] = []

    # -- the probe ---------------------------------------------------------------------

    def _read(self) -> None:
        with open(self.probe, "rb") as fh:
            fh.seek(self._offset)
            data = fh.read()
        end = data.rfind(b"\n") + 1
        self._offset += end
        self.events += [json.loads(line) for line in data[:end].splitlines() if line]

    def wait_for(self, match: Callable[[Event], bool], timeout: float, since: int = 0) -> Event:
        """The first probe event from index `since` on that matches; AppGone on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            self._read()
            for ev in self.events[since:]:
                if match(ev):
                    return ev
            if self.proc.poll() is not None:
                raise AppGone(f"the app exited ({self.proc.returncode}){self.log_tail()}")
            if time.monotonic() > deadline:
                raise AppGone(f"no probe event in {timeout:.0f} s{self.log_tail()}")
            time.sleep(POLL_S)

    def log_tail(self, lines: int = 15) -> str:
        """The end of the app's output, for an error message (the work folder goes away)."""
        text = self.log.read_text("utf-8", "replace").splitlines()
        fatal = [t for t in text if t.startswith("Fatal Python error")]
        text = fatal[:1] + text[-lines:]  # the cause first, when Python died of one
        return "; the app said:\n  " + "\n  ".join(text) if text else ""

    def alive(self) -> None:
        if self.proc.poll() is not None:
            raise AppGone(f"the app exited ({self.proc.returncode}){self.log_tail()}")

    def mark(self) -> int:
        """An index into the events: wait_for(since=mark()) sees only what comes later."""
        self._read()
        return len(self.events)

    def wait_main_shown(self, timeout: float = 60) -> float:
        return float(self.wait_for(lambda e: e["event"] == "main_shown", timeout)["t"])

    # -- /proc -------------------------------------------------------------------------

    def peak_rss_mb(self) -> float:
        """VmHWM: the peak resident set size so far."""
        self.alive()
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise AppGone("no VmHWM in /proc")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the whole process (all threads) so far."""
        self.alive()
        stat = Path(f"/proc/{self.proc.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
        return ticks / os.sysconf("SC_CLK_TCK")

    # -- the end -----------------------------------------------------------------------

    def stop(self) -> None:
        """Ctrl+C, as in a terminal: the app quits cleanly (worker joined, store closed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log_fh.close()

    def __enter__(self) -> AppProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

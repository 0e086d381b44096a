"""Showroom PCs in one test process: a Shell (worker thread + windows) per user, sharing a
real folder inbox in tmp_path, each with its own real SQLite data dir, on one FakeClock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.clock import FakeClock
from app.engine.views import LeadView
from app.inbox.folder.inbox import FolderInbox
from app.inbox.producer import drop_bytes
from app.settings.config import Config, resolve
from app.ui.shell import Shell


class FakeSound:
    def __init__(self) -> None:
        self.plays = 0
        self.enabled = True

    def play(self) -> bool:
        self.plays += 1
        return True


class _FirstArgs(list):  # type: ignore[type-arg]
    """A live view of a relay's calls as their first arguments; clear() empties the relay."""

    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        super().__init__(c[0] for c in calls)
        self._calls = calls

    def clear(self) -> None:
        self._calls.clear()
        super().clear()


def lead_doc(name: str = "Jan Jansen", phone: str = "06 12345678", **extra: Any) -> bytes:
    doc = {
        "source": "website",
        "name": name,
        "phone": phone,
        "email": f"{name.split()[0].lower()}@example.nl",
        "vehicle": {
            "make": "Volkswagen",
            "model": "Golf",
            "year": 2021,
            "stock": "V1234",
            "price": 21950,
        },
        "message": "Is deze auto nog beschikbaar?",
        **extra,
    }
    return json.dumps(doc).encode()


def drop(inbox: Path, clock: FakeClock, data: bytes, stem: str = "lead") -> Path:
    """A producer drops a lead that landed at the fake clock's now.

    drop_bytes writes it (X.tmp, then rename) into a staging folder next to the inbox; its
    modification time is set there, and one more rename lands it in `new/`, so a watcher
    never sees it with the real time.
    """
    staging = inbox.parent / f"{inbox.name}-staging"
    staging.mkdir(exist_ok=True)
    staged = drop_bytes(staging, data, stem=stem, suffix=".json", now=clock.now())
    when = clock.now().timestamp()
    os.utime(staged, (when, when))
    final = inbox / "new" / staged.name
    final.parent.mkdir(exist_ok=True)
    os.rename(staged, final)
    return final


def config(root: Path, inbox: Path, user: str | None, hours: str = "always") -> Config:
    cfg = resolve(
        inbox=str(inbox),
        data_dir=str(root / f"data-{user or 'anon'}"),
        user=user,
        hours=hours,
        env={},
    )
    cfg.host = f"pc-{user or 'anon'}"
    return cfg


class Relay(QObject):
    """Re-emits a worker-thread signal in the GUI thread (pytest-qt's waitSignal would run
    its callback in the emitting thread). Connected after the shell, so it fires once the
    shell has handled the same signal."""

    fired = Signal(tuple)

    def __init__(self, signal: Any, only: Callable[..., bool] | None = None) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []
        self.only = only
        signal.connect(self._fire)

    def _fire(self, *args: Any) -> None:
        if self.only is not None and not self.only(*args):
            return
        self.calls.append(args)
        self.fired.emit(args)

    @contextmanager
    def next_call(
        self, qtbot: Any, matching: Callable[[tuple[Any, ...]], bool] | None = None
    ) -> Iterator[None]:
        """Until this relay fires again after the block (one whose args match, if given).

        It watches the recorded calls instead of waiting on `fired`: when two emissions
        arrived in one turn of the event loop, pytest-qt's waitSignal disconnected its slot
        twice, which PySide6 reports as an error in the event loop (a flaky failure).
        """
        before = len(self.calls)
        yield
        qtbot.waitUntil(
            lambda: any(matching is None or matching(c) for c in self.calls[before:]),
            timeout=10_000,
        )


RELAYED = (
    "leads_changed",
    "desk_ready",
    "reminders_due",
    "lead_taken",
    "error",
    "pong",
)


class App:
    """One PC. `start()` waits until the window is up and the first poll has been shown."""

    def __init__(self, qtbot: Any, cfg: Config, clock: FakeClock, **shell_kw: Any) -> None:
        self.qtbot = qtbot
        self.cfg = cfg
        self.clock = clock

        def factory(c: Config) -> FolderInbox:
            return FolderInbox(Path(c.inbox), c.user, c.host, watch=True, now=clock.now)

        options = {"sound": FakeSound(), "notice_ms": 50, "guard_s": 0.0}
        shell_kw.setdefault("tray_available", lambda: False)
        self.shell = Shell(cfg, clock, inbox_factory=factory, alert_options=options, **shell_kw)
        self.worker = self.shell.worker
        self._token = 0
        self.relays = {name: Relay(getattr(self.worker, name)) for name in RELAYED}
        # A claim's reply, once the shell's callback has shown it (app.ui.workers.engine_thread).
        self.relays["claim_done"] = Relay(
            self.shell.desk_thread.answered, lambda reply: reply.request.what == "claim"
        )

    def waiting(self, name: str = "leads_changed") -> Any:
        """`with app.waiting("claim_done"): …` — until the GUI has handled that signal."""
        return self.relays[name].next_call(self.qtbot)

    @property
    def reminders(self) -> list[list[LeadView]]:
        """Every reminders_due so far (clear it to start counting anew)."""
        return _FirstArgs(self.relays["reminders_due"].calls)

    @property
    def taken(self) -> list[tuple[str, str | None]]:
        return [tuple(c) for c in self.relays["lead_taken"].calls]  # type: ignore[misc]

    def start(self) -> App:
        with self.waiting():
            self.shell.start()
        return self

    def sync(self) -> None:
        """Wait until everything asked of the worker so far is done and shown."""
        self._token += 1
        token = self._token
        with self.relays["pong"].next_call(self.qtbot, lambda a: a == (token,)):
            self.shell.desk_thread.ping(token)

    def refresh(self) -> None:
        """One poll now (the FakeClock moved); returns when its results reached the GUI."""
        self.shell.desk_thread.refresh()
        self.sync()

    @property
    def window(self):
        assert self.shell.window is not None
        return self.shell.window

    @property
    def alert(self):
        assert self.shell.alert is not None
        return self.shell.alert

    def mine(self) -> list[LeadView]:
        return list(self.window.model.views)

    def close(self) -> None:
        self.shell.shutdown()

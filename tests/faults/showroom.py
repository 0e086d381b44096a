"""Showroom PCs for the fault scenarios: each a real Desk on the shared folder inbox (opened
as the app opens it) with its own SQLite store, all on one fake clock."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.clock import FakeClock
from app.engine import session
from app.engine.desk import Desk
from app.settings.config import Config, resolve

AMS = ZoneInfo("Europe/Amsterdam")
WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)


def lead_document(n: int, message: str = "Is de Golf nog beschikbaar?") -> bytes:
    """A JSON lead of a customer of its own (never a duplicate of another n)."""
    doc = {
        "id": f"fault-{n}",
        "source": "website",
        "name": f"Klant {n:03d}",
        "phone": f"06 {30_000_000 + n:08d}",
        "email": f"klant{n}@example.nl",
        "message": message,
    }
    return json.dumps(doc).encode()


class Showroom:
    def __init__(self, root: Path, clock: FakeClock) -> None:
        self.root, self.clock = root, clock
        self.desks: list[Desk] = []

    def config(self, user: str) -> Config:
        cfg = resolve(
            inbox=str(self.root),
            data_dir=str(self.root.parent / f"data-{user}"),
            user=user,
            hours="always",
            env={},
        )
        cfg.host = f"pc-{user}"
        return cfg

    def desk(self, user: str, **kw: Any) -> Desk:
        """A PC whose inbox is opened as the app opens it (retrying a share not there yet)."""
        cfg = self.config(user)
        kw.setdefault("watch", False)
        inbox = session.open_inbox(cfg, retry=True, now=self.clock.now, **kw)
        desk = Desk(inbox, session.open_store(cfg.data_dir), self.clock, cfg)
        self.desks.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.store.close()
            desk.inbox.close()

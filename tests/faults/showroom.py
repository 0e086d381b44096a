"""Showroom PCs for the fault scenarios: each a real Desk on the shared folder inbox (opened
as the app opens it) with its own SQLite store, all on one fake clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.clock import FakeClock
from app.engine import session
from app.engine.desk import Desk
from tests.showroom import AMS, WED_10
from tests.showroom import Showroom as BaseShowroom

__all__ = ["AMS", "WED_10", "Showroom", "lead_document"]


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


class Showroom(BaseShowroom):
    """The shared harness, with each PC's inbox opened as the app opens it: a shared
    folder that isn't there yet is an outage it retries, never a fresh empty inbox."""

    def __init__(self, root: Path, clock: FakeClock) -> None:
        super().__init__(root, clock, hours="always")

    def desk(self, user: str, **kw: Any) -> Desk:  # type: ignore[override]
        cfg = self.config(user)
        kw.setdefault("watch", False)
        inbox = session.open_inbox(cfg, retry=True, now=self.clock.now, **kw)
        desk = Desk(inbox, session.open_store(cfg.data_dir), self.clock, cfg)
        self.desks.append(desk)
        return desk

"""One harness for "several showroom PCs on one shared inbox": each PC a real Desk on the
real folder inbox with its own SQLite store, all on one fake clock.

The engine, team, privacy and fault tests use `Showroom`; the GUI harness
(tests/ui/shell_harness.py) uses `lead_doc` and `drop`. Documents land the way a producer
must put them (X.tmp written, then renamed into `new/`), never half-written.
"""

from __future__ import annotations

import json
import os
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.engine.team_desk import TeamDesk
from app.inbox.folder.inbox import FolderInbox
from app.inbox.producer import drop_bytes
from app.intake import make_sample_document
from app.settings.config import Config, resolve
from app.settings.deployed import Deployed
from app.store import Store

AMS = ZoneInfo("Europe/Amsterdam")
WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)  # a Wednesday, the dealership open
HOURS = "mo-fr 09:00-18:00, sa 09:00-17:00"


def lead_doc(name: str = "Jan Jansen", phone: str = "06 12345678", **extra: Any) -> bytes:
    """The README's example lead (JSON v1); `extra` adds or replaces fields."""
    doc = {
        "requested_at": "2026-11-25T09:59:00+01:00",
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


def drop(
    root: Path, data: bytes, *, at: datetime, name: str | None = None, stem: str = "lead"
) -> Path:
    """A producer drops a document that landed at `at`, as the share will report it.

    drop_bytes writes it (X.tmp, then rename) into a staging folder beside the inbox; its
    modification time is set there and one more rename lands it in `new/`, so a watcher
    never sees it with the real time. `name` fixes the document's name (else drop_bytes
    makes one from `stem`, as `leadpop drop` does).
    """
    staging = root.parent / f"{root.name}-staging"
    staging.mkdir(exist_ok=True)
    staged = drop_bytes(staging, data, stem=stem, suffix=".json", now=at)
    when = at.timestamp()
    os.utime(staged, (when, when))
    final = root / "new" / (name or staged.name)
    final.parent.mkdir(exist_ok=True)
    os.rename(staged, final)
    return final


class Showroom:
    """PCs sharing one folder inbox at `root`, each with its data folder beside it.

    The harness makes no folders: a test decides whether the share is there.
    """

    def __init__(
        self,
        root: Path,
        clock: FakeClock,
        hours: str = HOURS,
        deployed: Deployed | None = None,
    ) -> None:
        self.root, self.clock, self.hours = root, clock, hours
        self.deployed = deployed or Deployed()
        self.desks: list[Desk] = []

    def config(self, user: str, data: str | None = None) -> Config:
        cfg = resolve(
            inbox=str(self.root),
            data_dir=str(self.root.parent / (data or f"data-{user}")),
            user=user,
            hours=self.hours,
            env={},
            deployed=self.deployed,
        )
        cfg.host = f"pc-{user}"
        return cfg

    def desk(
        self, user: str, *, data: str | None = None, share: type[FolderInbox] = FolderInbox
    ) -> Desk:
        """`user`'s PC; `share` may be a FolderInbox subclass that injects a fault."""
        cfg = self.config(user, data)
        inbox = share(self.root, user, cfg.host, watch=False, now=self.clock.now)
        d = Desk(inbox, Store.open(cfg.data_dir), self.clock, cfg)
        self.desks.append(d)
        return d

    def team(self, user: str, data: str | None = None) -> TeamDesk:
        """A manager's PC: a TeamDesk on the same pieces as that user's Desk."""
        d = self.desk(user, data=data)
        return TeamDesk(d.inbox, d.store, self.clock, d.config)

    def drop(self, data: bytes, name: str, at: datetime | None = None) -> Path:
        """`data` lands in `new/` as `name`, at `at` (default: now)."""
        return drop(self.root, data, at=at or self.clock.now(), name=name)

    def drop_sample(self, n: int = 1, age_s: float = 0) -> str:
        """A realistic sample lead (seeded by `n`) landed `age_s` ago; returns its lead id."""
        landed = self.clock.now() - timedelta(seconds=age_s)
        data = make_sample_document(random.Random(n), landed)
        self.drop(data, f"lead-{n}.json", at=landed)
        return str(json.loads(data)["id"])

    def close(self) -> None:
        for d in self.desks:
            d.store.close()
            d.inbox.close()

"""Lead documents as a producer writes them: X.tmp first, then an atomic rename to new/."""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

VEHICLES = ("Volkswagen Golf", "Kia EV6", "Toyota Yaris Cross", "Skoda Enyaq", "Peugeot 2008")


class Producer:
    """Unique leads (own id, phone and e-mail: never a duplicate of an earlier one)."""

    def __init__(self, inbox: Path) -> None:
        self.new = inbox / "new"
        self.run = secrets.token_hex(3)
        self.count = 0

    def document(self, n: int) -> tuple[str, bytes]:
        lead_id = f"bench-{self.run}-{n}"
        doc = {
            "id": lead_id,
            "source": "website",
            "name": self.name(n),
            "phone": f"06 {20_000_000 + int(self.run, 16) % 1000 * 10_000 + n:08d}",
            "email": f"bench.{self.run}.{n}@example.nl",
            "vehicle": VEHICLES[n % len(VEHICLES)],
            "message": "Is deze auto nog beschikbaar? Ik wil graag een proefrit maken.",
        }
        return lead_id, json.dumps(doc).encode()

    def name(self, n: int) -> str:
        return f"Klant {self.run} {n:04d}"

    def stage(self) -> tuple[str, Path]:
        """Write the next lead as new/X.tmp; returns the customer's name and the .tmp path."""
        self.count += 1
        lead_id, data = self.document(self.count)
        tmp = self.new / f"{lead_id}.json.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        return self.name(self.count), tmp

    @staticmethod
    def land(tmp: Path) -> float:
        """The rename that makes it a lead; returns time.time() just before it."""
        t0 = time.time()
        os.rename(tmp, tmp.with_suffix(""))
        return t0

    def drop(self) -> tuple[str, float, Path]:
        """Stage and land one lead: (the customer's name, t0, its path in new/)."""
        name, tmp = self.stage()
        return name, self.land(tmp), tmp.with_suffix("")


def make_inbox(root: Path) -> Path:
    """An empty folder inbox, laid out as FolderInbox expects it."""
    from app.inbox.folder.inbox import LAYOUT

    for sub in LAYOUT:
        (root / sub).mkdir(parents=True, exist_ok=True)
    return root


def take_away(doc: Path, inbox: Path, colleague: str = "collega") -> None:
    """A colleague claimed it: new/X -> claimed/<colleague>/X (the app closes its alert)."""
    folder = inbox / "claimed" / colleague
    folder.mkdir(parents=True, exist_ok=True)
    os.rename(doc, folder / doc.name)

"""Kill -9 at random instants: every claim and every call reaches the log exactly once.

A crash right after a claim used to lose its `claimed` event for good: the document was
already in claimed/, so the PC took the lead back as its own on restart, but the event was
never written (24 of 600 leads missing from every report); a call stored locally could
miss its `call` event the same way, and an event appended just before a kill was appended
again after the restart (47 duplicate lines). Each action is now one local transaction
holding its state change and its event (a claim or release first stored as an intent),
and a restart finishes or drops what it finds.

Two showroom PCs, each an engine in a process of its own on one real folder inbox with its
own SQLite store, race for a few hundred leads and are killed again and again at random
instants; then they finish undisturbed, and the shared log is checked line by line.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from engine_process import CALLS, EngineProcess
from showroom import lead_document

from app.inbox.folder.inbox import LAYOUT
from app.inbox.producer import drop_bytes

LEADS = 400
KILLS = 60  # kills of either PC; then both finish undisturbed
KILLING_S = 20.0  # at most this long (a busy machine starts processes slowly)
MIN_KILLS = 20
PCS = ("anna", "bram")


def test_kill_at_random_loses_and_doubles_no_event(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    root = tmp_path / "share"
    for sub in LAYOUT:
        (root / sub).mkdir(parents=True)
    for n in range(LEADS):
        drop_bytes(root, lead_document(n), stem=f"lead-{n}", suffix=".json", now=datetime.now(UTC))
    rng = random.Random(19)
    runs, kills, finished = Counter[str](), 0, set[str]()
    stop_killing = time.monotonic() + KILLING_S
    while len(finished) < len(PCS):
        killing = kills < KILLS and time.monotonic() < stop_killing
        engines = {}
        for user in rng.sample(PCS, len(PCS)):  # the one waited on first has less time
            if user not in finished:
                runs[user] += 1
                engines[user] = EngineProcess(root, user, run=runs[user])
        for user, engine in engines.items():
            # A random instant: mostly within the first actions after start-up, where a
            # restart's recovery runs too; without killing, a generous bound.
            if engine.wait_or_kill(rng.uniform(0.0, 0.06) if killing else 120.0):
                finished.add(user)
            elif killing:
                kills += 1
            else:
                raise AssertionError(f"{user}'s engine didn't finish in 120 s")

    lines = [
        line
        for log in sorted((root / "activity").glob("*.jsonl"))
        for line in log.read_bytes().split(b"\n")
        if line.strip()
    ]
    events = [json.loads(line) for line in lines]  # a torn line would fail here too
    ids = Counter(e["id"] for e in events)
    doubled = sum(n - 1 for n in ids.values())
    claims = Counter(e["lead"] for e in events if e["type"] == "claimed")
    leads = {f"fault-{n}" for n in range(LEADS)}
    unclaimed = sorted(leads - set(claims))
    twice = sorted(lead for lead, n in claims.items() if n > 1)
    # Who holds each document in the inbox is who the log says claimed it.
    holders = {p.name: p.parent.name for p in root.glob("claimed/*/*") if p.suffix == ".json"}
    claimers = {e["doc"]: e["user"] for e in events if e["type"] == "claimed"}
    won = Counter(claimers.values())
    calls = {(e["user"], e["lead"], e["attempt"]) for e in events if e["type"] == "call"}
    stored = set()
    for user in PCS:
        db = sqlite3.connect(root.parent / f"data-{user}" / "leadpop.db")
        try:
            stored |= {
                (user, lead, number)
                for lead, number in db.execute("select lead_id, number from attempts")
            }
        finally:
            db.close()
    figures(
        f"kill -9 at random: {kills} kills of 2 PCs over {LEADS} leads "
        f"({won['anna']} and {won['bram']} claimed), {len(lines)} log "
        f"lines; {len(unclaimed)} leads without a claimed event, {len(twice)} with two, "
        f"{len(stored - calls)} stored calls without an event, {doubled} duplicate lines"
    )
    assert kills >= MIN_KILLS
    assert not unclaimed and not twice
    assert holders == claimers
    assert stored == calls and len(stored) == LEADS * CALLS
    assert doubled == 0

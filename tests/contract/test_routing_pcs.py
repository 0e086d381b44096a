"""Several showroom PCs on one shared inbox, one injected clock: who is offered a lead at
each second, in each routing mode, on every backend (folder, mailbox, database).

Each PC is a whole engine (Desk) with its own store; they know of each other only through
the inbox (presence, documents, the activity log), as in a showroom.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from inbox_harness import T0, FolderBackend

from app.core.clock import FakeClock
from app.core.offer import Stage
from app.engine.desk import Desk
from app.settings.config import resolve
from app.settings.deployed import Deployed
from app.store import Store

PEOPLE = ("anna", "bram", "chantal", "dirk")
STEP = 20  # offer_seconds: a rollout of four ends at 80 s, before the 2:00 escalation
LEAD = json.dumps({"source": "leaseplan.nl", "name": "Jan Jansen", "phone": "06 12345678"}).encode()


class Showroom:
    """The PCs of one dealership: same inbox, same leadpop.toml, one clock."""

    def __init__(self, backend: FolderBackend, tmp: Path, routing: dict[str, Any]) -> None:
        self.backend, self.tmp = backend, tmp
        self.clock = FakeClock(T0 - timedelta(minutes=2))
        self.deployed = Deployed(values=routing)
        self.desks: dict[str, Desk] = {}

    def start(self, user: str) -> Desk:
        cfg = resolve(
            inbox=self.backend.location,
            data_dir=str(self.tmp / f"data-{user}"),
            user=user,
            hours="always",
            env={},
            deployed=self.deployed,
        )
        cfg.host = f"pc-{user}"
        desk = Desk(self.backend.make(user, cfg.host), Store.open(cfg.data_dir), self.clock, cfg)
        self.desks[user] = desk
        return desk

    def poll(self) -> None:
        for desk in self.desks.values():
            assert desk.poll().health.ok

    def offered(self) -> set[str]:
        """Who alerts now: the PCs whose list of offered leads holds the lead."""
        return {u for u, d in self.desks.items() if d.alertable()}

    def stop(self, user: str) -> None:
        self.desks.pop(user).store.close()  # the inbox client is closed by the harness

    def close(self) -> None:
        for desk in self.desks.values():
            desk.store.close()


@pytest.fixture
def showroom(backend: FolderBackend, tmp_path: Path) -> Iterator[Any]:
    made: list[Showroom] = []

    def make(**routing: Any) -> Showroom:
        room = Showroom(backend, tmp_path, routing)
        made.append(room)
        for user in PEOPLE:
            room.start(user)
        room.poll()  # everyone announces
        room.clock.advance(31)
        room.poll()  # everyone reads the whole team
        room.clock.set(T0)
        backend.put("20261125-100000-jansen.json", LEAD, at=T0)
        room.poll()  # the lead lands on every PC
        return room

    yield make
    for room in made:
        room.close()


def run(room: Showroom, seconds: range, poll_every: int = 10) -> list[set[str]]:
    """Who is offered the lead at each second (the PCs poll now and then, as they do)."""
    out = []
    for s in seconds:
        room.clock.set(T0 + timedelta(seconds=s))
        if s % poll_every == 0:
            room.poll()
        out.append(room.offered())
    return out


def turns(timeline: list[set[str]]) -> list[tuple[str, int, int]]:
    """(who, first second, last second) of each run of one person alone."""
    out: list[tuple[str, int, int]] = []
    for s, who in enumerate(timeline):
        if len(who) != 1:
            continue
        [person] = who
        if out and out[-1][0] == person and out[-1][2] == s - 1:
            out[-1] = (person, out[-1][1], s)
        else:
            out.append((person, s, s))
    return out


def test_everyone_at_once(showroom: Any) -> None:
    room = showroom()
    assert run(room, range(0, 5)) == [set(PEOPLE)] * 5


def test_rollout_one_at_a_time_nobody_twice_then_everyone(showroom: Any) -> None:
    room = showroom(routing="rollout", offer_seconds=STEP)
    timeline = run(room, range(0, 100))
    got = turns(timeline)
    assert sorted(p for p, _, _ in got) == sorted(PEOPLE)  # each once: nobody twice
    assert [(a, b) for _, a, b in got] == [(0, 19), (20, 39), (40, 59), (60, 79)]
    assert timeline[80:] == [set(PEOPLE)] * 20  # then everyone


def test_rollout_by_priority_skips_who_is_on_a_break(showroom: Any) -> None:
    room = showroom(
        routing="rollout", offer_seconds=STEP, offer_order="priority", priority="dirk, anna, bram"
    )
    room.desks["anna"].offers.set_me("on_break")
    room.clock.set(T0 - timedelta(seconds=1))
    room.poll()  # anna announces her break; everyone reads it
    room.poll()
    got = turns(run(room, range(0, 60)))
    assert [(p, a, b) for p, a, b in got] == [("dirk", 0, 19), ("bram", 20, 39)]


def test_a_pc_restarting_mid_rollout_agrees(showroom: Any) -> None:
    room = showroom(routing="rollout", offer_seconds=STEP)
    before = run(room, range(0, 30))
    holder = turns(before)[1][0]  # whose turn it is from 20 s
    room.clock.set(T0 + timedelta(seconds=30))
    room.stop(holder)
    room.start(holder)  # the same store: it knows the lead already
    assert room.offered() == set()  # not read the team yet: it takes no turn on a guess
    room.poll()
    assert room.offered() == {holder}  # and then it is its turn still, as the others say
    timeline = before + run(room, range(30, 100))
    got = turns(timeline)  # the same rollout as without the restart
    assert sorted(p for p, _, _ in got) == sorted(PEOPLE)
    assert [(a, b) for _, a, b in got] == [(0, 19), (20, 39), (40, 59), (60, 79)]
    assert timeline[80:] == [set(PEOPLE)] * 20


def test_round_robin_one_then_everyone_after_n_seconds(showroom: Any) -> None:
    room = showroom(routing="round_robin", offer_seconds=STEP)
    timeline = run(room, range(0, 30))
    assert len(turns(timeline)) == 1 and turns(timeline)[0][1:] == (0, STEP - 1)
    assert timeline[STEP:] == [set(PEOPLE)] * (30 - STEP)


def test_per_source_its_group_first(showroom: Any) -> None:
    room = showroom(routing="by_source", offer_seconds=STEP, source_rules="leaseplan: bram, dirk")
    timeline = run(room, range(0, 30))
    assert timeline[:STEP] == [{"bram", "dirk"}] * STEP
    assert timeline[STEP:] == [set(PEOPLE)] * (30 - STEP)


def test_escalation_brings_not_me_back_at_two_minutes_and_the_manager_at_the_mark(
    showroom: Any,
) -> None:
    room = showroom(routing="everyone", manager_alert_min=10)
    room.desks["dirk"].dismiss(room.desks["dirk"].alertable()[0].id)
    timeline = run(room, range(0, 125))
    assert timeline[119] == set(PEOPLE) - {"dirk"}  # "Not me" holds until 2:00
    assert timeline[120] == set(PEOPLE)  # then the alert comes back to everyone
    anna = room.desks["anna"]
    row = anna.store.unclaimed()[0]
    stages = []
    for s in (119, 120, 599, 600):
        now = T0 + timedelta(seconds=s)
        stages.append(anna.offers.stage(row, T0, now))
    assert stages == [Stage.EVERYONE, Stage.ESCALATED, Stage.ESCALATED, Stage.MANAGER]


def test_the_claim_carries_the_mode_for_the_kpis(showroom: Any) -> None:
    room = showroom(routing="round_robin", offer_seconds=STEP)
    [first] = run(room, range(0, 1))[0]
    desk = room.desks[first]
    lead = desk.alertable()[0].id
    assert desk.claim(lead).won
    other = room.desks[next(p for p in PEOPLE if p != first)]
    events, _ = other.inbox.read_events({})
    claims = [e for e in events if e["type"] == "claimed"]
    assert [(e["user"], e["routing"]) for e in claims] == [(first, "round_robin")]

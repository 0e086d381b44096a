"""`leadpop demo-history`: a folder inbox with weeks of realistic team history.

For demos, screenshots and the benchmark. Every salesperson's PC wrote its own activity
file, exactly as FolderInbox appends them; the documents of recent leads sit in
`claimed/<user>/` and a few fresh leads wait in `new/`.

The team is realistic on purpose, because that is what the Team tab is for: some call
within a minute, some after half an hour; some never make the third call; reached
customers make an appointment 20–35% of the time and 10–25% of the leads are sold.
Deterministic for a given --seed and --now.
"""

from __future__ import annotations

import json
import math
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.cadence import Cadence
from app.core.events import encode_event
from app.core.hours import OpeningHours
from app.inbox.folder.inbox import LAYOUT, safe_name
from app.intake import make_sample_document
from app.intake.sample import sample_lead

STAFF = (
    "Anouk",
    "Bram",
    "Daan",
    "Fleur",
    "Joost",
    "Priya",
    "Sanne",
    "Thijs",
    "Mehmet",
    "Esther",
    "Ruben",
    "Lotte",
    "Niels",
    "Iris",
    "Wouter",
    "Yara",
    "Gerrit",
    "Ilse",
    "Sem",
    "Noor",
    "Kevin",
    "Marieke",
    "Sven",
    "Chantal",
    "Pieter",
    "Fatima",
    "Lucas",
    "Julia",
    "Emma",
    "Jan",
    "René",
    "Zoë",
    "Koen",
    "Anne",
    "Tim",
    "Eva",
    "Mark",
    "Sara",
    "Rob",
    "Linda",
)
MANAGER, MANAGER_HOST = "Marco", "pc-kantoor"
SOURCES = (
    ("website", 45),
    ("autoscout24", 20),
    ("marktplaats", 15),
    ("gaspedaal", 10),
    ("facebook", 5),
    ("mobile.de", 5),
)
# Web leads by hour of the day (dealership time): office hours, and evenings at home.
HOUR_WEIGHTS = {
    7: 0.5,
    8: 1,
    9: 3,
    10: 4,
    11: 4,
    12: 3,
    13: 3,
    14: 4,
    15: 4,
    16: 4,
    17: 3,
    18: 2,
    19: 2,
    20: 2,
    21: 1.5,
    22: 0.7,
    23: 0.2,
}
DAY_WEIGHTS = (1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 0.5)  # Monday first
MISSED = (("voicemail", 50), ("no_answer", 33), ("busy", 12), ("wrong_number", 5))
DOCS_WINDOW = timedelta(days=14)  # older claimed documents are left out (size, not realism)
DEFAULTS: dict[str, Any] = {"salespeople": 6, "weeks": 6, "leads_per_day": 12.0}
SCALE: dict[str, Any] = {"salespeople": 40, "weeks": 52, "leads_per_day": 137.0}  # ≈ 50,000 leads


@dataclass(frozen=True)
class Profile:
    """How one salesperson works."""

    name: str
    first_call_s: float  # median from claim to first call
    spread: float  # lognormal sigma of that delay
    second: float  # chance of a 2nd call when the 1st didn't reach the customer
    third: float  # chance of a 3rd call when the 2nd didn't either
    share: float  # how many of the leads they take (fast people grab more alerts)
    closer: float  # appointment and sale skill, 1 = average


BASE = (
    Profile("Anouk", 45, 0.6, 0.95, 0.9, 1.3, 1.15),
    Profile("Bram", 150, 0.8, 0.85, 0.7, 1.0, 1.0),
    Profile("Daan", 20 * 60, 1.0, 0.55, 0.15, 0.8, 0.85),
    Profile("Fleur", 70, 0.7, 0.9, 0.8, 1.2, 1.05),
    Profile("Joost", 50 * 60, 1.1, 0.45, 0.1, 0.7, 0.85),
    Profile("Priya", 4 * 60, 0.9, 0.9, 0.85, 1.0, 1.1),
)


def team(n: int, rng: random.Random) -> list[Profile]:
    """The six base profiles, then variations of them under other names."""
    if not 1 <= n <= len(STAFF):
        raise ValueError(f"salespeople must be 1–{len(STAFF)}")
    out = list(BASE[:n])
    for i in range(len(out), n):
        b = BASE[i % len(BASE)]
        out.append(
            Profile(
                STAFF[i],
                b.first_call_s * rng.uniform(0.6, 1.6),
                b.spread,
                min(1.0, b.second * rng.uniform(0.85, 1.1)),
                min(1.0, b.third * rng.uniform(0.7, 1.2)),
                b.share * rng.uniform(0.8, 1.2),
                b.closer * rng.uniform(0.9, 1.1),
            )
        )
    return out


@dataclass
class Summary:
    salespeople: int = 0
    leads: int = 0
    events: int = 0
    unclaimed: int = 0
    files: list[str] = field(default_factory=list)


class _Log:
    """Events per writing PC; written sorted by time, as each client appended them."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng, self.now = rng, now
        self.by_file: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (user, host) ->

    def add(
        self,
        type_: str,
        lead: str,
        user: str,
        ts: datetime,
        *,
        writer: tuple[str, str],
        **extra: Any,
    ) -> bool:
        """Log it, unless it lies in the future (then nothing after it happens either)."""
        if ts > self.now:
            return False
        event = {
            "v": 1,
            "id": f"{self.rng.getrandbits(128):032x}",  # seeded, unlike uuid4: reproducible
            "ts": ts.isoformat(timespec="seconds"),
            "type": type_,
            "lead": lead,
            "user": user,
            "host": writer[1],
            **{k: v for k, v in extra.items() if v is not None},
        }
        self.by_file.setdefault(writer, []).append(event)
        return True

    def write(self, folder: Path) -> tuple[int, list[str]]:
        n, names = 0, []
        for (user, host), events in sorted(self.by_file.items()):
            names.append(f"{safe_name(user)}@{safe_name(host, 'host name')}.jsonl")
            events.sort(key=lambda e: e["ts"])
            with open(folder / names[-1], "wb") as fh:
                fh.writelines(encode_event(e) for e in events)
            n += len(events)
        return n, names


def _lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0.0, sigma))


def _poisson(rng: random.Random, mean: float) -> int:
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    names, weights = zip(*weighted, strict=True)
    return rng.choices(names, weights)[0]


def _arrivals(
    rng: random.Random, first: date, last: date, per_day: float, tz: Any
) -> Iterator[datetime]:
    hours, weights = zip(*HOUR_WEIGHTS.items(), strict=True)
    mean_weight = sum(DAY_WEIGHTS) / 7
    day = first
    while day <= last:
        for _ in range(_poisson(rng, per_day * DAY_WEIGHTS[day.weekday()] / mean_weight)):
            hour = rng.choices(hours, weights)[0]
            yield datetime(
                day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60), tzinfo=tz
            )
        day += timedelta(days=1)


class _Builder:
    def __init__(
        self,
        root: Path,
        now: datetime,
        hours: OpeningHours,
        rng: random.Random,
        people: list[Profile],
    ) -> None:
        self.root, self.now, self.hours, self.rng, self.people = root, now, hours, rng, people
        self.cadence = Cadence()
        self.log = _Log(rng, now)
        self.hosts = {p.name: (p.name, f"pc{i + 1:02d}") for i, p in enumerate(people)}
        self.docs = 0

    def writer(self, p: Profile) -> tuple[str, str]:
        return self.hosts[p.name]

    def document(self, received: datetime) -> tuple[dict[str, Any], str, str]:
        """(document, its file name, customer name): a realistic lead from some portal."""
        doc = sample_lead(self.rng, received)
        doc["source"] = _pick(self.rng, SOURCES)
        name = doc.get("name") or f"{doc['first_name']} {doc['last_name']}"
        return doc, f"{received:%Y%m%d-%H%M%S}-{doc['id'][-6:]}.json", name

    def place(self, folder: Path, name: str, data: bytes, landed: datetime) -> None:
        """Write a document as the share keeps it: its mtime is when it landed."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        os.utime(path, (landed.timestamp(), landed.timestamp()))
        self.docs += 1

    def lead(self, received: datetime, *, max_calls: int = 3) -> bool:
        """One lead's life up to now; False when it isn't claimed yet (closed showroom)."""
        rng, hours = self.rng, self.hours
        doc, doc_name, customer = self.document(received)
        lead_id, source = doc["id"], doc["source"]
        owner = rng.choices(self.people, [p.share for p in self.people])[0]
        sla = hours.sla_start(received)
        t = sla + timedelta(seconds=_lognormal(rng, 12, 0.6))
        claim = {
            "received_at": received.isoformat(timespec="seconds"),
            "name": customer,
            "source": source,
            "doc": doc_name,
        }
        others = [p for p in self.people if p is not owner]
        if others and rng.random() < 0.4:  # colleagues busy with a customer said "not me"
            for other in rng.sample(others, rng.randint(1, max(1, min(5, len(others) // 2)))):
                self.log.add("dismissed", lead_id, other.name, t, writer=self.writer(other))
            t += timedelta(seconds=rng.uniform(5, 40))
        if not self.log.add("claimed", lead_id, owner.name, t, writer=self.writer(owner), **claim):
            return False
        if rng.random() < 0.03 and len(self.people) > 1:  # the manager hands it to someone else
            t += timedelta(seconds=rng.uniform(60, 600))
            new_owner = rng.choice([p for p in self.people if p is not owner])
            writer = (MANAGER, MANAGER_HOST)
            released = self.log.add(
                "released", lead_id, MANAGER, t, writer=writer, owner=owner.name
            )
            t += timedelta(seconds=2)
            if released and self.log.add(
                "claimed", lead_id, new_owner.name, t, writer=writer, **claim
            ):
                owner = new_owner
        if received >= self.now - DOCS_WINDOW:
            data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
            self.place(self.root / "claimed" / safe_name(owner.name), doc_name, data, received)
        self.follow_up(lead_id, owner, sla, t, max_calls)
        return True

    def follow_up(
        self, lead_id: str, p: Profile, sla: datetime, claimed: datetime, max_calls: int
    ) -> None:
        rng, hours, w = self.rng, self.hours, self.writer(p)
        t = hours.next_open(claimed + timedelta(seconds=_lognormal(rng, p.first_call_s, p.spread)))
        outcome, calls = "", 0
        for attempt in range(1, max_calls + 1):
            if attempt > 1:
                if rng.random() >= (p.second if attempt == 2 else p.third):
                    break
                late = _lognormal(rng, 4 * 60 * (p.first_call_s / 150) ** 0.5, 0.8)
                delay = self.cadence.delay_before(attempt) + timedelta(seconds=late)
                t = hours.next_open(t + delay)
            waited = (t - sla).total_seconds()
            # Called fast, the customer still has the phone in hand.
            fast = 0.62 if waited <= 120 else 0.55 if waited <= 300 else 0.45
            first = fast if waited <= 1800 else 0.35
            reach = first if attempt == 1 else 0.3 if attempt == 2 else 0.25
            if rng.random() < reach:
                outcome = "appointment" if rng.random() < 0.25 * p.closer else "reached"
            else:
                outcome = _pick(rng, MISSED)
            if not self.log.add(
                "call", lead_id, p.name, t, writer=w, attempt=attempt, outcome=outcome
            ):
                return
            calls += 1
            if outcome in ("reached", "appointment", "wrong_number"):
                break
        if outcome in ("reached", "appointment") and rng.random() < 0.5:
            # A call back after reaching them: an offer, a trade-in price, a confirmation.
            t = hours.next_open(t + timedelta(days=rng.uniform(0.5, 3)))
            again = "appointment" if rng.random() < 0.12 * p.closer else "reached"
            if not self.log.add(
                "call", lead_id, p.name, t, writer=w, attempt=calls + 1, outcome=again
            ):
                return
            outcome = "appointment" if "appointment" in (outcome, again) else outcome
        self.close(lead_id, p, t, outcome, calls)

    def close(self, lead_id: str, p: Profile, t: datetime, outcome: str, calls: int) -> None:
        rng, w = self.rng, self.writer(p)

        def later(lo: float, hi: float) -> datetime:
            return self.hours.next_open(t + timedelta(days=rng.uniform(lo, hi)))

        if outcome == "wrong_number":
            self.log.add(
                "lost", lead_id, p.name, t + timedelta(minutes=1), writer=w, reason="wrong_number"
            )
        elif outcome == "appointment":
            if rng.random() < 0.55 * p.closer:
                self.log.add("sold", lead_id, p.name, later(1, 10), writer=w)
            elif rng.random() < 0.7:
                self.log.add(
                    "lost", lead_id, p.name, later(3, 14), writer=w, reason="bought_elsewhere"
                )
        elif outcome == "reached":
            if rng.random() < 0.07 * p.closer:
                self.log.add("sold", lead_id, p.name, later(2, 14), writer=w)
            elif rng.random() < 0.6:
                self.log.add(
                    "lost", lead_id, p.name, later(1, 7), writer=w, reason="not_interested"
                )
        elif calls and rng.random() < (0.85 if p.third > 0.5 else 0.3):
            self.log.add("lost", lead_id, p.name, later(2, 10), writer=w, reason="no_response")

    def unclaimed(self, ages_s: tuple[int, ...]) -> None:
        """Fresh leads waiting in new/, real documents; one was dismissed by a colleague."""
        for i, age in enumerate(ages_s):
            landed = self.now - timedelta(seconds=age)
            data = make_sample_document(self.rng, landed)
            lead_id = json.loads(data)["id"]
            self.place(self.root / "new", f"{landed:%Y%m%d-%H%M%S}-web-{i}.json", data, landed)
            if i == len(ages_s) - 1 and len(self.people) > 1:
                for p in self.people[:2]:
                    self.log.add(
                        "dismissed",
                        lead_id,
                        p.name,
                        landed + timedelta(seconds=20),
                        writer=self.writer(p),
                    )


def fill(
    root: Path,
    *,
    now: datetime,
    hours: OpeningHours,
    seed: int = 1,
    weeks: int = 6,
    salespeople: int = 6,
    leads_per_day: float = 12.0,
    unclaimed: tuple[int, ...] = (25, 95, 200),
    open_claimed: int = 3,
) -> Summary:
    """Fill the inbox folder `root` (empty or missing) with history up to `now`.

    `unclaimed` gives the ages in seconds of the leads left waiting in new/;
    `open_claimed` recent leads are claimed and called at most once, so they are open.
    """
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    activity = root / "activity"
    if activity.is_dir() and any(activity.iterdir()):
        raise FileExistsError(f"{root} already has activity: demo-history fills a fresh inbox")
    for sub in LAYOUT:
        (root / sub).mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    people = team(salespeople, rng)
    b = _Builder(root, now, hours, rng, people)
    local_now = now.astimezone(hours.tz)
    first = local_now.date() - timedelta(weeks=weeks)
    recent = now - timedelta(minutes=20)  # the last minutes belong to the special leads below
    leads = 0
    for received in _arrivals(rng, first, local_now.date(), leads_per_day, hours.tz):
        if received < recent:
            leads += b.lead(received)
    for i in range(open_claimed):  # landed minutes ago: their next call is still to come
        leads += b.lead(now - timedelta(minutes=rng.uniform(3, 5) + 5 * i), max_calls=1)
    b.unclaimed(unclaimed)
    events, files = b.log.write(activity)
    return Summary(len(people), leads + len(unclaimed), events, len(unclaimed), files)

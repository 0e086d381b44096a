"""The AVG on a real folder inbox, real SQLite files, real log files and a fake clock:
a forgotten customer is in no byte of the inbox, either PC's data folder or the logs,
and the team's figures are the same before and after."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.engine.privacy import Customer, months_before
from app.settings.deployed import Deployed
from app.system import logs
from tests.showroom import WED_10, Showroom

# Jan Jansen in every notation a file could hold him in.
JAN = ("Jansen", "jan@example.nl", "JAN@EXAMPLE.NL", "0612345678", "06 12345678")
JAN_NUMBERS = ("+31612345678", "+31 6 12345678", "06-12345678", "612345678", "6 1234 5678")


def doc(name: str, phone: str, email: str, **extra: object) -> bytes:
    return json.dumps(
        {
            "source": "website",
            "name": name,
            "phone": phone,
            "email": email,
            "vehicle": "Volkswagen Golf",
            "message": f"Ik ben {name}, bel me terug",
            **extra,
        }
    ).encode()


@pytest.fixture
def shop(tmp_path: Path, clock: FakeClock) -> Iterator[Showroom]:
    (tmp_path / "inbox").mkdir()
    s = Showroom(tmp_path / "inbox", clock, hours="always")
    yield s
    s.close()


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    """A log file of our own at DEBUG: document names (producers name them after the
    customer) go into it, so erasing them from it is tested for real."""
    folder = tmp_path / "logs"
    logs.setup({logs.ENV_LOG_DIR: str(folder), logs.ENV_LOG_LEVEL: "DEBUG"})
    yield folder
    logs.setup()  # the suite's own again
    logging.getLogger().setLevel(logging.WARNING)


def files_holding(folders: list[Path], texts: tuple[str, ...]) -> dict[str, list[str]]:
    """Which files under `folders` hold which of `texts` (bytes, case-insensitive)."""
    hits: dict[str, list[str]] = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes().lower()
                found = [t for t in texts if t.lower().encode() in data]
                if found:
                    hits[str(path.relative_to(folder.parent))] = found
    return hits


def report(desk: Desk) -> dict[str, object]:
    return desk.report(WED_10 - timedelta(days=30), WED_10 + timedelta(days=30))


def jan_and_piet(shop: Showroom, clock: FakeClock) -> tuple[Desk, Desk, list[str]]:
    """Jan's leads claimed and called on both PCs, a duplicate and a quarantined mail of
    his, and Piet's lead, which must stay."""
    anna, bram = shop.desk("anna"), shop.desk("bram")
    shop.drop(doc("Jan Jansen", "06 12345678", "jan@example.nl"), "20261125-jansen.json")
    shop.drop(doc("Piet Pieters", "06 87654321", "piet@example.nl"), "20261125-pieters.json")
    [a_jan, a_piet] = sorted(anna.poll().new_leads, key=lambda i: anna.view(i).name)
    bram.poll()
    assert anna.claim(a_jan).won and bram.claim(a_piet).won
    anna.record_call(a_jan, "appointment", "Jansen komt zaterdag, zoon Kees mee")
    anna.mark_sold(a_jan)
    bram.record_call(a_piet, "reached", "Piet wil inruilen")
    clock.advance(hours=1)
    shop.drop(doc("J. Jansen", "06-1234 5678", "jan@example.nl"), "20261125-dup.json")
    anna.poll()  # the same customer within 24 hours: a duplicate
    clock.advance(days=3)
    shop.drop(doc("Jan Jansen", "+31 6 1234 5678", "jan@example.nl", id="p-2"), "b.json")
    shop.drop(b'{"name": "Jan Jansen", "phone": "06 12345678", "mess', "q.json")  # cut off
    [b_jan] = bram.poll().new_leads
    anna.poll()
    assert bram.claim(b_jan, calling=True).won
    bram.record_call(b_jan, "no_answer", "Jansen niet bereikt")
    anna.poll()
    assert len(list((shop.root / "quarantine").glob("q*.reason"))) == 1
    assert len(list((shop.root / "duplicates").glob("*.reason"))) == 1
    return anna, bram, [a_jan, b_jan, a_piet]


def test_a_forgotten_customer_is_in_no_file_of_either_pc_and_the_figures_stay(
    shop: Showroom, clock: FakeClock, log_dir: Path
) -> None:
    anna, bram, (a_jan, b_jan, _) = jan_and_piet(shop, clock)
    logging.getLogger("test").info("the lead of Jan Jansen (0612345678) was looked at")
    where = [shop.root, shop.root.parent / "data-anna", shop.root.parent / "data-bram", log_dir]
    assert files_holding(where, JAN)  # the test can fail: he is everywhere at first
    before = report(anna), report(bram)
    assert before[0] == before[1] and before[0]["team"]["leads"] == 3

    found = anna.privacy.find(Customer(phone="+31 (0)6-1234 5678"))
    assert sorted(found.leads) == sorted([a_jan, b_jan])
    assert sorted(d.where for d in found.documents) == [
        "claimed/anna",
        "claimed/bram",
        "duplicates",
        "quarantine",
    ]
    erased = anna.privacy.forget(found)
    assert (erased.leads, erased.documents) == (2, 4)
    assert erased.clean and erased.log_lines >= 1
    # The other PC still has him (its own log, its store) until its next poll.
    assert files_holding([shop.root.parent / "data-bram"], JAN)
    clock.advance(seconds=2)
    bram.poll()

    assert files_holding(where, JAN + JAN_NUMBERS) == {}
    assert report(anna) == before[0] and report(bram) == before[1]
    # Piet is untouched, and so are the facts of Jan's leads.
    assert files_holding([shop.root / "claimed", shop.root.parent / "data-bram"], ("Pieters",))
    assert anna.view(a_jan).state == "sold"
    assert [a.outcome for a in bram.view(b_jan).attempts] == ["no_answer"]
    assert bram.view(b_jan).attempts[0].note is None
    # A third PC, new, reading the whole log, finds nothing of him either.
    carla = shop.desk("carla")
    carla.poll()
    assert report(carla) == before[0]
    assert files_holding([shop.root.parent / "data-carla"], JAN + JAN_NUMBERS) == {}


def test_the_activity_lines_keep_their_place_and_their_facts(
    shop: Showroom, clock: FakeClock
) -> None:
    anna, _, (a_jan, _, _) = jan_and_piet(shop, clock)
    own = shop.root / "activity" / "anna@pc-anna.jsonl"
    lines = own.read_bytes().split(b"\n")
    anna.privacy.forget(anna.privacy.find(Customer(email="Jan@Example.nl")))
    after = own.read_bytes().split(b"\n")
    # Same offsets (a reader's cursor still falls on a line start), one more line: the
    # `forgotten` event, which says nothing but the lead.
    assert [len(x) for x in after[: len(lines) - 1]] == [len(x) for x in lines[:-1]]
    events = [json.loads(x) for x in after if x.strip()]
    about = [e for e in events if e["lead"] == a_jan]
    assert [e["type"] for e in about] == ["claimed", "call", "sold", "forgotten"]
    assert about[1]["outcome"] == "appointment" and "note" not in about[1]
    assert "name" not in about[0] and "doc" not in about[0]
    assert set(about[3]) == {"v", "id", "ts", "type", "lead", "user", "host"}


def test_export_holds_everything_on_the_customer(shop: Showroom, clock: FakeClock) -> None:
    anna, _, (a_jan, b_jan, a_piet) = jan_and_piet(shop, clock)
    data = anna.privacy.export(anna.privacy.find(Customer(phone="0031612345678")))
    json.dumps(data)  # JSON as it is
    assert [r["id"] for r in data["leads"]] == sorted([a_jan, b_jan])
    assert {d["folder"] for d in data["documents"]} == {
        "claimed/anna",
        "claimed/bram",
        "duplicates",
        "quarantine",
    }
    assert any(
        "Jansen komt zaterdag" in (a["note"] or "") for r in data["leads"] for a in r["attempts"]
    )
    types = sorted(e["type"] for e in data["activity_events"])
    assert types == ["call", "call", "claimed", "claimed", "sold"]
    assert "Pieters" not in json.dumps(data) and a_piet not in json.dumps(data)


def test_forgetting_one_lead_forgets_its_customer_with_all_their_leads(
    shop: Showroom, clock: FakeClock
) -> None:
    anna, _, (a_jan, b_jan, a_piet) = jan_and_piet(shop, clock)
    erased = anna.privacy.forget_lead(b_jan)  # the Team tab's action
    assert erased.leads == 2 and erased.documents == 4
    assert anna.view(a_jan).name == anna.view(b_jan).name == ""
    assert anna.view(a_piet).name == "Piet Pieters"


def test_a_waiting_lead_forgotten_alerts_nowhere_and_the_polls_go_on(
    shop: Showroom, clock: FakeClock
) -> None:
    anna, bram = shop.desk("anna"), shop.desk("bram")
    shop.drop(doc("Jan Jansen", "06 12345678", "jan@example.nl"), "20261125-jansen.json")
    [lead] = anna.poll().new_leads
    bram.poll()
    assert [v.id for v in bram.alertable()] == [lead]
    anna.privacy.forget(anna.privacy.find(Customer(phone="06 12345678")))
    for desk in (anna, bram, anna, bram):
        clock.advance(seconds=2)
        assert desk.poll().health.ok
        assert desk.alertable() == []
    assert list((shop.root / "new").iterdir()) == []


def test_unknown_customer_finds_nothing(shop: Showroom, clock: FakeClock) -> None:
    anna, _, _ = jan_and_piet(shop, clock)
    assert not anna.privacy.find(Customer(email="nobody@example.nl"))


def test_retention_anonymises_leads_past_it_on_every_pc_once_a_day(
    tmp_path: Path, clock: FakeClock
) -> None:
    (tmp_path / "inbox").mkdir()
    shop = Showroom(
        tmp_path / "inbox", clock, hours="always", deployed=Deployed(values={"retention_months": 6})
    )
    try:
        anna, bram, (a_jan, b_jan, a_piet) = jan_and_piet(shop, clock)
        clock.advance(days=30)
        bram.record_call(b_jan, "reached")  # Jan's second lead stays alive a month longer
        last_call = clock.now()
        anna.poll()
        before = report(anna)
        clock.set(months_before(WED_10, -6) + timedelta(days=4))
        anna.poll()
        bram.poll()
        assert anna.view(a_jan).name == "" and anna.view(a_piet).name == ""
        assert bram.view(b_jan).name == "Jan Jansen"
        assert not (shop.root / "claimed" / "anna" / "20261125-jansen.json").exists()
        assert (shop.root / "claimed" / "bram" / "b.json").exists()
        assert report(anna) == before
        # Checked once a day: the second lead expires an hour after a check, and goes
        # at the next day's check, not at the polls in between.
        expires = months_before(last_call, -6)
        clock.set(expires - timedelta(hours=1))
        bram.poll()
        clock.set(expires + timedelta(hours=1))
        bram.poll()
        assert (shop.root / "claimed" / "bram" / "b.json").exists()
        assert bram.view(b_jan).name == "Jan Jansen"
        clock.set(expires + timedelta(hours=23))
        bram.poll()
        assert bram.view(b_jan).name == ""
        assert not (shop.root / "claimed" / "bram" / "b.json").exists()
        where = [tmp_path / "data-anna", tmp_path / "data-bram", shop.root / "activity"]
        anna.poll()
        assert files_holding(where, (*JAN, "Pieters")) == {}
    finally:
        shop.close()

"""The manager's board, actions and the per-lead facts table, on a real folder inbox.

No Qt. Several PCs (desks) share one inbox folder; one fake clock moves for all.
"""

from __future__ import annotations

import json
import os
import random
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FakeClock
from app.core.events import encode_event
from app.core.fold import fold_events
from app.core.hours import OpeningHours
from app.core.kpi import KPI_KEYS, LeadFacts, team_report
from app.engine import team_report as reports
from app.engine.team_desk import Period, period_bounds
from app.engine.team_stats import TEAM, speed_bucket, team_stats
from app.store import Store, team_queries
from tests import showroom
from tests.activity import call, claimed, ev
from tests.showroom import AMS, Showroom

HOURS = OpeningHours.parse(showroom.HOURS)


# -- a shared inbox with several PCs ------------------------------------------------------


@pytest.fixture
def room(tmp_path: Path, clock: FakeClock) -> Iterator[Showroom]:
    root = tmp_path / "inbox"
    root.mkdir()
    r = Showroom(root, clock)
    yield r
    r.close()


# -- the facts table against the fold -----------------------------------------------------


def at(minutes: float, day: int = 25) -> datetime:
    return datetime(2026, 11, day, 10, 0, tzinfo=AMS) + timedelta(minutes=minutes)


def history() -> list[dict[str, Any]]:
    """Every kind of event, including the ones readers must survive."""
    return [
        claimed("A", "anna", at(0), at(0.5), doc="a.json"),
        call("A", "anna", at(1.5), 1, "voicemail"),
        call("A", "anna", at(20), 2, "no_answer"),
        call("A", "anna", at(150), 3, "busy"),
        claimed("B", "bram", at(10), at(10.2)),
        call("B", "bram", at(12), 1, "appointment"),
        ev("sold", "B", "bram", at(0, day=27)),
        claimed("C", "anna", at(30), at(31), doc="c.json"),
        ev("released", "C", "anna", at(35)),
        claimed("C", "carla", at(30), at(36), doc="c.json"),
        call("C", "carla", at(40), 1, "no_answer"),
        ev("lost", "C", "carla", at(0, day=26), reason="no response"),
        claimed("D", "carla", datetime(2026, 11, 28, 19, 30, tzinfo=AMS), at(0, day=30)),
        call("X", "dirk", at(5), 1, "reached"),  # a lead nobody ever claimed
        ev("teleported", "A", "anna", at(6)),  # an unknown type
        ev("dismissed", "E", "bram", at(7)),
    ]


def facts_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data")


def absorb(store: Store, events: list[dict[str, Any]]) -> int:
    return team_queries.add_events(store.db, events)


def all_facts(store: Store, hours: OpeningHours = HOURS) -> dict[str, LeadFacts]:
    far = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return {f.lead: f for f in team_queries.load_facts(store.db, *far, hours)}


def test_facts_table_equals_the_fold(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    events = history()
    assert absorb(store, events) == len(events) - 1  # the unknown type changes nothing
    assert absorb(store, events[:3]) == 0  # read again: nothing new
    got = all_facts(store)
    assert got == fold_events(events, HOURS)
    assert set(got) == {"A", "B", "C", "D"}
    assert got["C"].owner == "carla"
    assert got["D"].sla_start == datetime(2026, 11, 30, 9, 0, tzinfo=AMS)
    # X (a call nobody claimed) and E (dismissed) have a state but no period yet.
    (rows,) = store.db.execute("select count(*) from lead_facts").fetchone()
    assert rows == 6
    assert team_queries.dismissals(store.db, ["E", "A"]) == {"E": 1}
    store.close()


def test_facts_rows_know_followup_release_and_doc(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    absorb(store, history())
    rows = team_queries.fact_rows(store.db, ["A", "B", "C", "D", "X"])
    assert {k: r["followup"] for k, r in rows.items()} == {"A": 0, "B": 0, "C": 0, "D": 1}
    assert rows["C"]["doc"] == "c.json" and rows["C"]["released"] == 0
    assert (rows["C"]["name"], rows["C"]["source"]) == ("X", "website")
    absorb(store, [ev("released", "D", "carla", at(5, day=30))])
    d = team_queries.fact_rows(store.db, ["D"])["D"]
    assert d["released"] == 1 and d["followup"] == 0 and d["doc"] is None
    store.close()


def test_only_new_events_touch_the_table(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    log = history()
    absorb(store, log)
    assert team_queries.refresh_facts(store.db) == 0
    before = store.db.conn.total_changes
    assert absorb(store, log) == 0  # the whole log read again: no write at all
    assert store.db.conn.total_changes == before
    assert absorb(store, [call("D", "carla", at(2, day=30), 1, "reached")]) == 1
    assert store.db.conn.total_changes == before + 1
    assert all_facts(store)["D"].reached
    store.close()


def test_a_late_claim_picks_up_earlier_calls(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    log = [
        claimed("L", "anna", at(0), at(0.2)),
        call("L", "anna", at(1), 1, "voicemail"),
        call("L", "anna", at(20), 2, "reached"),
    ]
    absorb(store, log[1:])  # anna's PC was offline: her claim reaches the share last
    assert all_facts(store) == {}
    absorb(store, log[:1])
    f = all_facts(store)["L"]
    assert len(f.calls) == 2 and f.reached and f.first_call_s == 60
    store.close()


def test_other_opening_hours_move_the_sla_starts(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    log = history()
    absorb(store, log)
    assert all_facts(store)["D"].sla_start == datetime(2026, 11, 30, 9, 0, tzinfo=AMS)
    always = OpeningHours.parse("always")
    assert all_facts(store, always) == fold_events(log, always)  # nothing to rewrite
    assert all_facts(store, always)["D"].sla_start == datetime(2026, 11, 28, 19, 30, tzinfo=AMS)
    store.close()


def test_a_new_fold_version_recomputes_from_the_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = facts_store(tmp_path)
    absorb(store, history())
    store.db.execute("update lead_facts set owner = 'nobody', followup = 0")  # stale columns
    store.db.conn.commit()
    monkeypatch.setattr(team_queries, "FOLD_VERSION", "next")
    assert team_queries.refresh_facts(store.db) == 6
    assert all_facts(store) == fold_events(history(), HOURS)
    assert team_queries.fact_rows(store.db, ["D"])["D"]["followup"] == 1
    store.close()


def test_random_logs_in_any_order_match_the_fold(tmp_path: Path) -> None:
    rng = random.Random(7)
    store = facts_store(tmp_path)
    events: list[dict[str, Any]] = []
    for i in range(60):
        lead, user = f"R{i}", rng.choice(("anna", "bram"))
        rec = at(rng.uniform(0, 600), day=rng.choice((24, 25, 28)))
        events.append(claimed(lead, user, rec, rec + timedelta(seconds=rng.uniform(1, 90))))
        for n in range(rng.randint(0, 3)):
            outcome = rng.choice(("voicemail", "no_answer", "reached", "appointment"))
            events.append(call(lead, user, rec + timedelta(minutes=n * 20 + 2), n + 1, outcome))
        if rng.random() < 0.2:
            events.append(claimed(lead, "carla", rec, rec + timedelta(hours=1)))
    rng.shuffle(events)
    for i in range(0, len(events), 17):  # arriving in batches, some of them twice
        absorb(store, events[i : i + 17])
        if rng.random() < 0.3:
            absorb(store, events[max(0, i - 30) : i + 17])
    assert all_facts(store) == fold_events(events, HOURS)
    # `leadpop report` reads only the KPI columns: the same report.
    period = (datetime(2026, 11, 24, tzinfo=AMS), datetime(2026, 11, 29, tzinfo=AMS))
    light = team_queries.load_kpi_leads(store.db, *period, HOURS)
    assert len(light) == 60
    assert team_report(light, *period) == team_report(all_facts(store).values(), *period)
    store.close()


def test_a_first_read_folded_while_the_other_worker_wrote_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first read folds without the write lock; if the other connection wrote meanwhile,
    the read is absorbed into what it wrote."""
    mine = facts_store(tmp_path)
    other = facts_store(tmp_path)
    log = [claimed("L", "anna", at(0), at(0.2)), call("L", "anna", at(1), 1, "voicemail")]
    theirs = [call("L", "anna", at(20), 2, "no_answer"), ev("dismissed", "M", "bram", at(3))]
    real = team_queries._fold

    def fold_while_the_other_writes(*args: Any) -> int:
        changed = real(*args)
        monkeypatch.setattr(team_queries, "_fold", real)
        absorb(other, theirs)  # the Team tab's worker, just before this one takes the lock
        return changed

    monkeypatch.setattr(team_queries, "_fold", fold_while_the_other_writes)
    assert absorb(mine, log) == 2
    assert [c[2] for c in all_facts(mine)["L"].calls] == ["voicemail", "no_answer"]
    assert team_queries.dismissals(mine.db, ["M"]) == {"M": 1}
    mine.close()
    other.close()


def test_two_connections_absorbing_at_once_lose_nothing(tmp_path: Path) -> None:
    """The salesperson's worker and the Team tab each have a connection to one store."""
    one = facts_store(tmp_path)
    log = [claimed("L", "anna", at(0), at(0.2))]
    log += [call("L", "anna", at(n + 1), n + 1, "voicemail") for n in range(6)]
    absorb(one, log[:1])
    one.db.conn.execute("BEGIN IMMEDIATE")  # one is mid-write ...
    one.db.conn.executemany("update lead_facts set followup = followup where lead = ?", [("L",)])
    done = threading.Event()

    def other() -> None:
        two = facts_store(tmp_path)  # a connection stays in its thread
        absorb(two, log[1:4])  # ... so two waits for it, then reads its result
        two.close()
        done.set()

    t = threading.Thread(target=other)
    t.start()
    assert not done.wait(0.2)
    team_queries.add_events(one.db, log[4:])  # inside one's open transaction
    one.db.conn.commit()
    t.join(10)
    assert done.is_set() and len(all_facts(one)["L"].calls) == 6
    one.close()


def test_report_comes_from_the_table_and_equals_the_fold(room: Showroom) -> None:
    desk = room.desk("marco")
    with open(room.root / "activity" / "anna@pc1.jsonl", "wb") as fh:
        for e in history():
            fh.write(encode_event(e))
        fh.write(b'{"v":1,"id":"torn')  # a crash mid-line
    since, until = datetime(2026, 11, 23, tzinfo=AMS), datetime(2026, 11, 30, tzinfo=AMS)
    assert reports.catch_up(desk) is None
    report = reports.kpi_report(desk.store, desk.config.hours, since, until)
    assert report == team_report(fold_events(history(), HOURS).values(), since, until)
    assert report["team"]["leads"] == 4
    claimed_rows = "select count(*) from lead_facts where received_at is not null"
    assert desk.store.db.execute(claimed_rows).fetchone()[0] == 4


def test_the_team_tab_and_the_command_show_the_same_kpis(room: Showroom) -> None:
    """The tab's period view and `leadpop report` come from the same engine code."""
    team = room.team("marco")
    with open(room.root / "activity" / "anna@pc1.jsonl", "wb") as fh:
        for e in history():
            fh.write(encode_event(e))
    assert team.catch_up() is None
    view = team.period_view(Period("custom", date(2026, 11, 23), date(2026, 11, 29)))
    assert (view.since, view.until) == (
        datetime(2026, 11, 23, tzinfo=AMS),
        datetime(2026, 11, 30, tzinfo=AMS),
    )
    assert view.report["team"]["leads"] == 4
    assert view.report == reports.kpi_report(team.store, HOURS, view.since, view.until)
    assert json.loads(team.report_text("json", view.since, view.until)) == view.report
    assert view.stats.funnel[0] == 4


def test_the_team_tab_splits_the_kpis_per_routing_mode_as_the_command(room: Showroom) -> None:
    """Did rollout make the team faster? A row per mode (the first claim's), then the team."""
    team = room.team("marco")
    events = history()
    events[0]["routing"] = "rollout"  # A; B and D from before routing: everyone at once
    events[7]["routing"] = "rollout"  # C's first claim; its reassignment says everyone
    events[9]["routing"] = "everyone"
    with open(room.root / "activity" / "anna@pc1.jsonl", "wb") as fh:
        for e in events:
            fh.write(encode_event(e))
    assert team.catch_up() is None
    view = team.period_view(Period("custom", date(2026, 11, 23), date(2026, 11, 29)))
    assert [(m.mode, m.leads) for m in view.modes] == [("everyone", 2), ("rollout", 2), (None, 4)]
    assert view.modes[-1].is_team and view.modes[-1].sold_pct == view.report["team"]["sold_pct"]
    by_routing = reports.kpi_report(team.store, HOURS, view.since, view.until, by="routing")
    assert by_routing["routing"] == [
        {"mode": m.mode, **{k: getattr(m, k) for k in KPI_KEYS}} for m in view.modes[:-1]
    ]
    assert by_routing["team"] == view.report["team"]


def test_unreachable_inbox_is_said_and_the_store_still_answers(room: Showroom) -> None:
    team = room.team("marco")
    (room.root / "activity").rename(room.root / "activity-away")
    (room.root / "activity").write_text("not a folder")
    why = team.catch_up()
    assert why and "\n" not in why
    since, until = datetime(2026, 11, 23, tzinfo=AMS), datetime(2026, 11, 30, tzinfo=AMS)
    assert reports.kpi_report(team.store, HOURS, since, until)["team"]["leads"] == 0


# -- periods ------------------------------------------------------------------------------


def test_period_bounds_in_dealership_time() -> None:
    now = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)  # already Thursday in Amsterdam
    assert period_bounds("today", now, AMS) == (
        datetime(2026, 11, 26, tzinfo=AMS),
        datetime(2026, 11, 27, tzinfo=AMS),
    )
    assert period_bounds("week", now, AMS) == (
        datetime(2026, 11, 23, tzinfo=AMS),
        datetime(2026, 11, 30, tzinfo=AMS),
    )
    since, until = period_bounds("month", datetime(2026, 10, 10, tzinfo=AMS), AMS)
    assert (since, until) == (datetime(2026, 10, 1, tzinfo=AMS), datetime(2026, 11, 1, tzinfo=AMS))
    assert since.utcoffset() != until.utcoffset()  # summer time ended in between
    assert period_bounds("custom", now, AMS, date(2026, 11, 2), date(2026, 11, 8)) == (
        datetime(2026, 11, 2, tzinfo=AMS),
        datetime(2026, 11, 9, tzinfo=AMS),
    )
    with pytest.raises(ValueError):
        period_bounds("custom", now, AMS, date(2026, 11, 8), date(2026, 11, 2))


def test_last_week_and_last_month_are_the_whole_ones_before() -> None:
    now = datetime(2026, 1, 7, 10, 0, tzinfo=AMS)  # a Wednesday, early in the year
    assert period_bounds("last_week", now, AMS) == (
        datetime(2025, 12, 29, tzinfo=AMS),
        datetime(2026, 1, 5, tzinfo=AMS),
    )
    assert period_bounds("last_month", now, AMS) == (
        datetime(2025, 12, 1, tzinfo=AMS),
        datetime(2026, 1, 1, tzinfo=AMS),
    )
    march = period_bounds("last_month", datetime(2026, 3, 31, tzinfo=AMS), AMS)
    assert march == (datetime(2026, 2, 1, tzinfo=AMS), datetime(2026, 3, 1, tzinfo=AMS))


# -- chart counts -------------------------------------------------------------------------


def test_team_stats_counts() -> None:
    facts = fold_events(history(), HOURS)
    stats = team_stats(facts.values(), AMS)
    assert stats.people == ("anna", "bram", "carla")
    # A: 60 s, B: 108 s -> ≤ 2 min; C: 10 min -> 5–30 min; D: never called.
    assert stats.speed[TEAM] == (2, 0, 1, 0, 0, 1)
    assert stats.speed["carla"] == (0, 0, 1, 0, 0, 1)
    # Unreached: A (3 calls), C (1 call), D (none).
    assert stats.attempts[TEAM] == (1, 1, 0, 1)
    assert stats.funnel == (4, 1, 1, 1)
    assert stats.speed_by_hour[10] == (2, 0, 1, 0, 0, 0) and stats.speed_by_hour[19] == (
        0,
        0,
        0,
        0,
        0,
        1,
    )
    assert team_stats([], AMS).empty


@pytest.mark.parametrize(
    "seconds,bucket", [(120, 0), (121, 1), (300, 1), (301, 2), (1800, 2), (7200, 3), (7201, 4)]
)
def test_speed_bucket_limits(seconds: int, bucket: int) -> None:
    rec = at(0)
    f = fold_events(
        [
            claimed("S", "anna", rec, rec),
            call("S", "anna", rec + timedelta(seconds=seconds), 1, "busy"),
        ],
        HOURS,
    )["S"]
    assert speed_bucket(f) == bucket


# -- the live board -----------------------------------------------------------------------


def test_board_follows_a_lead_from_landing_to_reassignment(
    room: Showroom, clock: FakeClock
) -> None:
    anna, bram = room.desk("anna"), room.desk("bram")
    team = room.team("marco")
    lead = room.drop_sample(1, age_s=30)
    assert team.sync()
    [u] = team.board().unclaimed
    assert u.lead == lead and u.countdown(clock.now()).text == "1:30" and u.dismissed == 0

    bram.poll()
    bram.dismiss(lead)
    assert team.sync()
    assert team.board().unclaimed[0].dismissed == 1

    anna.poll()
    assert anna.claim(lead).won
    assert team.sync()
    board = team.board()
    assert board.unclaimed == ()
    [o] = board.open_leads
    assert (o.owner, o.dots, o.next_attempt, o.overdue(clock.now())) == ("anna", "○○○", 1, True)

    clock.advance(60)
    anna.record_call(lead, "voicemail")
    team.sync()
    [o] = team.board().open_leads
    assert o.dots == "●○○" and o.next_attempt == 2
    assert o.next_due == clock.now() + timedelta(minutes=15) and not o.overdue(clock.now())

    result = team.reassign(lead, "bram")
    assert result.ok and result.owner == "bram"
    assert (room.root / "claimed" / "bram" / "lead-1.json").exists()
    team.sync()
    [o] = team.board().open_leads
    assert o.owner == "bram" and o.dots == "●○○"
    lines = (room.root / "activity" / "marco@pc-marco.jsonl").read_text().splitlines()
    types = [(e["type"], e["user"]) for e in map(json.loads, lines)]
    assert types == [("released", "marco"), ("claimed", "bram")]
    assert team_queries.fact_rows(team.store.db, [lead])[lead]["owner"] == "bram"
    assert "bram" in team.board().salespeople


def test_release_to_team_puts_it_back_in_new(room: Showroom) -> None:
    anna = room.desk("anna")
    team = room.team("marco")
    lead = room.drop_sample(2)
    anna.poll()
    anna.claim(lead)
    team.sync()
    assert team.release_to_team(lead).ok
    assert (room.root / "new" / "lead-2.json").exists()
    assert team.sync()
    board = team.board()
    assert [u.lead for u in board.unclaimed] == [lead] and board.open_leads == ()
    assert lead in anna.poll().new_leads  # everyone is alerted again


def test_assign_an_unclaimed_lead(room: Showroom) -> None:
    team = room.team("marco")
    lead = room.drop_sample(3)
    team.sync()
    assert team.assign(lead, "carla").ok
    assert (room.root / "claimed" / "carla" / "lead-3.json").exists()
    team.sync()
    board = team.board()
    assert board.unclaimed == () and [o.owner for o in board.open_leads] == ["carla"]
    assert not team.assign(lead, "anna").ok  # no longer waiting


def test_reassign_finds_the_real_holder_when_the_log_lags(room: Showroom) -> None:
    anna = room.desk("anna")
    team = room.team("marco")
    lead = room.drop_sample(4)
    anna.poll()
    anna.claim(lead)
    team.sync()
    # carla took it over on the share, but her claim event never reached the log
    os.makedirs(room.root / "claimed" / "carla")
    os.rename(
        room.root / "claimed" / "anna" / "lead-4.json",
        room.root / "claimed" / "carla" / "lead-4.json",
    )
    result = team.reassign(lead, "bram")
    assert result.ok
    assert (room.root / "claimed" / "bram" / "lead-4.json").exists()


def test_reassign_a_lead_nobody_claimed_is_refused(room: Showroom) -> None:
    team = room.team("marco")
    team.sync()
    result = team.reassign("nope", "bram")
    assert not result.ok and result.error


def test_manager_is_told_once_per_late_lead_even_after_a_restart(
    room: Showroom, clock: FakeClock
) -> None:
    team = room.team("marco")
    lead = room.drop_sample(5)
    team.sync()
    clock.advance(119)
    assert team.late_unclaimed() == []
    clock.advance(1)
    assert [u.lead for u in team.late_unclaimed()] == [lead]
    clock.advance(60)
    assert team.late_unclaimed() == []
    again = room.team("marco", data="data-marco")  # the app restarted
    again.sync()
    assert again.late_unclaimed() == []


def test_a_lead_that_landed_at_night_is_late_two_minutes_after_opening(
    room: Showroom, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 25, 22, 0, tzinfo=AMS))
    team = room.team("marco")
    room.drop_sample(6)
    team.sync()
    clock.set(datetime(2026, 11, 26, 9, 1, tzinfo=AMS))
    assert team.late_unclaimed() == []
    [u] = team.board().unclaimed
    assert not u.waiting(clock.now()) and u.countdown(clock.now()).text == "1:00"
    clock.advance(60)
    assert len(team.late_unclaimed()) == 1


def test_nothing_new_is_no_change(room: Showroom) -> None:
    team = room.team("marco")
    room.drop_sample(7)
    assert team.sync()
    assert not team.sync()
    room.drop_sample(8)
    assert team.sync()


def test_unreadable_document_in_new_is_left_off_the_board(room: Showroom) -> None:
    team = room.team("marco")
    (room.root / "new" / "kapot.json").write_bytes(b'{"name": ')
    room.drop_sample(9)
    team.sync()
    assert len(team.board().unclaimed) == 1


def test_followups_older_than_the_window_are_not_on_the_board(
    room: Showroom, clock: FakeClock
) -> None:
    anna = room.desk("anna")
    team = room.team("marco")
    lead = room.drop_sample(10)
    anna.poll()
    anna.claim(lead)
    team.sync()
    assert len(team.board().open_leads) == 1
    clock.advance(days=15)
    assert team.board().open_leads == ()


def test_a_reassignment_in_one_second_leaves_the_lead_claimed(tmp_path: Path) -> None:
    store = facts_store(tmp_path)
    same = at(5)
    released = {**ev("released", "R", "marco", same), "id": "zzz"}  # sorts after the claim
    again = {**claimed("R", "bram", at(0), same), "id": "aaa"}
    absorb(store, [claimed("R", "anna", at(0), at(1)), released, again])
    row = team_queries.fact_rows(store.db, ["R"])["R"]
    assert (row["owner"], row["released"], row["followup"]) == ("bram", 0, 1)
    store.close()

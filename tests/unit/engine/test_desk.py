"""The engine on a real folder inbox, real SQLite files and a fake clock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.core.enums import LeadState, LeadStatus
from app.core.lead import Vehicle
from app.inbox.base import ClaimResult, InboxUnavailable
from app.inbox.folder.inbox import FolderInbox
from app.store import team_queries
from tests.showroom import AMS, WED_10, Showroom, lead_doc


@pytest.fixture
def team(tmp_path: Path, clock: FakeClock) -> Iterator[Showroom]:
    (tmp_path / "inbox").mkdir()
    t = Showroom(tmp_path / "inbox", clock, hours="mo-fr 09:00-18:00")
    yield t
    t.close()


def test_a_dropped_lead_becomes_an_alertable_lead(team: Showroom, clock: FakeClock) -> None:
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json", at=clock.now() - timedelta(seconds=30))
    res = anna.poll()
    assert len(res.new_leads) == 1
    [view] = anna.alertable()
    assert view.name == "Jan Jansen" and view.status == LeadStatus.NEW
    assert view.phone.e164 == "+31612345678" and view.phone.tel_uri == "tel:+31612345678"
    assert view.vehicle == Vehicle("Volkswagen", "Golf", 2021, "V1234", 21950)
    assert view.requested_at == datetime(2026, 11, 25, 9, 59, tzinfo=AMS)
    assert view.state == LeadState.OPEN and view.attempts == ()
    # The countdown runs from when it landed, not from when we noticed.
    assert view.sla_start == view.received_at == WED_10 - timedelta(seconds=30)
    assert anna.poll().new_leads == []  # seen once


def test_one_claim_wins_and_the_other_pc_learns_who(team: Showroom) -> None:
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    assert anna.claim(lead_id).won
    lost = bram.claim(lead_id)
    assert not lost.won and lost.owner == "anna"
    assert bram.alertable() == []
    # A third PC that never tried learns it from the inbox on its next poll.
    carla = team.desk("carla")
    carla.poll()
    res = carla.poll()
    assert carla.alertable() == [] and res.gone == []
    bram.poll()
    state = team_queries.states_of(bram.store.db, [lead_id])[lead_id]
    assert state.owner == "anna" and state.first and state.last  # one claim: the winner's
    assert state.first[1] == state.last[1]


def test_gone_is_reported_with_the_winner(team: Showroom) -> None:
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    anna.claim(lead_id)
    assert bram.poll().gone == [(lead_id, "anna")]


def test_cadence_and_reminders_until_the_third_attempt(team: Showroom, clock: FakeClock) -> None:
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    anna.claim(lead_id)
    clock.advance(60)
    assert anna.record_call(lead_id, "voicemail") == 1
    view = anna.view(lead_id)
    assert view.next_attempt == 2 and view.next_due == clock.now() + timedelta(minutes=15)
    clock.advance(minutes=14)
    assert anna.due_reminders() == []
    clock.advance(minutes=1)
    assert [v.id for v in anna.due_reminders()] == [lead_id]
    clock.advance(minutes=4)
    assert anna.due_reminders() == []  # repeats only every 5 minutes
    clock.advance(minutes=1)
    assert [v.id for v in anna.due_reminders()] == [lead_id]
    assert anna.my_leads()[0].overdue
    anna.record_call(lead_id, "no_answer")
    clock.advance(hours=2)
    assert [v.next_attempt for v in anna.due_reminders()] == [3]
    assert anna.record_call(lead_id, "busy") == 3
    clock.advance(hours=5)
    assert anna.due_reminders() == [] and anna.view(lead_id).next_attempt is None
    view = anna.view(lead_id)
    assert view.status == LeadStatus.CALLED
    assert [(a.number, a.outcome) for a in view.attempts] == [
        (1, "voicemail"),
        (2, "no_answer"),
        (3, "busy"),
    ]


def test_reached_stops_reminders(team: Showroom, clock: FakeClock) -> None:
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    anna.claim(lead_id)
    anna.record_call(lead_id, "voicemail")
    anna.record_call(lead_id, "appointment")
    clock.advance(hours=3)
    assert anna.due_reminders() == []
    assert anna.view(lead_id).status == LeadStatus.APPOINTMENT


def test_unreadable_document_is_quarantined_never_lost(team: Showroom) -> None:
    anna = team.desk("anna")
    team.drop(b'{"name": "Jan", "phone": ', "broken.json")
    res = anna.poll()
    assert [n for n, _ in res.quarantined] == ["broken.json"]
    kept = team.root / "quarantine" / "broken.json"
    assert kept.read_bytes() == b'{"name": "Jan", "phone": '
    reason = (team.root / "quarantine" / "broken.json.reason").read_text()
    assert reason.strip() and "\n" not in reason.strip()
    assert anna.alertable() == []


def test_same_document_twice_and_same_customer_give_one_lead(
    team: Showroom, clock: FakeClock
) -> None:
    anna = team.desk("anna")
    now = clock.now()
    team.drop(lead_doc(), "a.json", at=now - timedelta(seconds=3))
    team.drop(lead_doc(), "a-again.json", at=now - timedelta(seconds=2))
    # The same customer (same phone) through a portal, a bit later.
    team.drop(lead_doc(source="autoscout24"), "portal.json", at=now - timedelta(seconds=1))
    anna.poll()
    [view] = anna.alertable()
    row = anna.store.lead(view.id)
    assert row is not None
    dups = json.loads(row["duplicates"])
    assert sorted(d["doc_name"] for d in dups) == ["a-again.json", "portal.json"]
    assert sorted(
        p.name for p in (team.root / "duplicates").iterdir() if not p.name.endswith(".reason")
    ) == ["a-again.json", "portal.json"]


def test_outage_buffers_events_and_flushes_exactly_once(team: Showroom, clock: FakeClock) -> None:
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    anna.claim(lead_id)
    away = team.root.with_name("inbox-unmounted")
    team.root.rename(away)  # the share goes away
    try:
        anna.record_call(lead_id, "voicemail")
        anna.record_call(lead_id, "no_answer")
        res = anna.poll()
        assert not res.health.ok and res.health.down_since == clock.now()
        assert [e["type"] for e in anna.store.outbox()] == ["call", "call"]
        view = anna.view(lead_id)  # the local store keeps working
        assert view.status == LeadStatus.CALLED and len(view.attempts) == 2
    finally:
        away.rename(team.root)
    assert not anna.poll().health.ok  # still backing off: no hammering
    clock.advance(seconds=anna.health.retry_delay() + 1)
    res = anna.poll()
    assert res.health.ok and res.published == 2 and anna.store.outbox() == []
    clock.advance(60)
    anna.poll()
    bram.poll()
    facts = bram.lead_facts(WED_10 - timedelta(hours=1), WED_10 + timedelta(hours=1))
    assert sorted(c[1] for c in facts[lead_id].calls) == [1, 2]  # both in one second
    lines = (team.root / "activity" / "anna@pc-anna.jsonl").read_text().splitlines()
    assert len(lines) == len({json.loads(x)["id"] for x in lines}) == 3


def test_released_lead_alerts_again(team: Showroom) -> None:
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    anna.claim(lead_id)
    bram.poll()
    assert bram.alertable() == []
    assert anna.release(lead_id)
    assert lead_id in bram.poll().new_leads
    assert [v.id for v in bram.alertable()] == [lead_id]
    assert anna.due_reminders() == []


def test_saturday_evening_lead_waits_for_monday(team: Showroom, clock: FakeClock) -> None:
    sat = datetime(2026, 11, 28, 19, 30, tzinfo=AMS)
    clock.set(sat)
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    anna.poll()
    assert anna.alertable() == [] and len(anna.waiting()) == 1
    clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=AMS))
    [view] = anna.alertable()
    assert view.sla_start == clock.now()


def test_dismiss_is_local_and_recorded(team: Showroom) -> None:
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    anna.dismiss(lead_id)
    assert anna.alertable() == []
    bram.poll()
    assert [v.id for v in bram.alertable()] == [lead_id]
    assert team_queries.dismissals(bram.store.db, [lead_id]) == {lead_id: 1}


def test_future_mtime_is_clamped(team: Showroom, clock: FakeClock) -> None:
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json", at=clock.now() + timedelta(hours=1))
    [lead_id] = anna.poll().new_leads
    row = anna.store.lead(lead_id)
    assert row is not None
    assert datetime.fromisoformat(row["received_at"]) == clock.now().astimezone(UTC)


def test_a_lead_released_back_alerts_again_where_not_me_was_pressed(team: Showroom) -> None:
    """The manager's prompt promises "Everyone gets the alert again": "Not me" included."""
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    bram.dismiss(lead_id)
    anna.claim(lead_id)
    assert bram.poll().gone == [(lead_id, "anna")]  # bram saw it go
    assert anna.release(lead_id)
    bram.poll()
    assert [v.id for v in bram.alertable()] == [lead_id]


def test_a_release_read_from_the_log_alerts_again_where_not_me_was_pressed(
    team: Showroom, clock: FakeClock
) -> None:
    """Claimed and released between two of bram's polls: only the log tells him."""
    anna, bram = team.desk("anna"), team.desk("bram")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    bram.poll()
    bram.dismiss(lead_id)
    clock.advance(30)
    anna.claim(lead_id)
    clock.advance(60)
    assert anna.release(lead_id)
    bram.poll()
    assert [v.id for v in bram.alertable()] == [lead_id]


def test_a_lead_released_to_the_team_alerts_the_manager_again(
    team: Showroom, clock: FakeClock
) -> None:
    """The manager pressed "Not me", then gave the lead back from a salesperson."""
    from app.engine.team_desk import TeamDesk

    anna, marco = team.desk("anna"), team.desk("marco")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    marco.poll()
    marco.dismiss(lead_id)
    anna.claim(lead_id)
    marco.poll()
    board = TeamDesk(marco.inbox, marco.store, clock, marco.config)
    assert board.release_to_team(lead_id).ok
    marco.poll()
    assert [v.id for v in marco.alertable()] == [lead_id]


def test_a_belgian_dealer_sees_a_dutch_number_with_its_country_code(
    team: Showroom, clock: FakeClock
) -> None:
    """The view shows a number as dialled from the dealer's country (Config.region)."""
    anna = team.desk("anna")
    anna.config.region = "BE"
    team.drop(lead_doc(phone="+31 6 12345678"), "a.json")
    anna.poll()
    [view] = anna.alertable()
    assert view.phone.e164 == "+31612345678"
    assert view.phone.shown.startswith("+31")


class ReplyLost(FolderInbox):
    """A share that does what it is asked and then loses the reply (as SMB and NFS can):
    the next claim or append lands, and then raises as if the share were gone."""

    lose_claim = lose_append = False

    def claim(self, name: str, user: str) -> ClaimResult:
        result = super().claim(name, user)
        if self.lose_claim:
            self.lose_claim = False
            raise InboxUnavailable("the share didn't answer")
        return result

    def append_event(self, event: dict[str, object]) -> None:
        super().append_event(event)
        if self.lose_append:
            self.lose_append = False
            raise InboxUnavailable("the share didn't answer")


def log_events(team: Showroom) -> list[dict[str, object]]:
    return [
        json.loads(line)
        for log in sorted((team.root / "activity").glob("*.jsonl"))
        for line in log.read_text("utf-8").splitlines()
    ]


def test_a_claim_whose_reply_was_lost_is_completed_with_one_claimed_event(
    team: Showroom, clock: FakeClock
) -> None:
    """The rename happened but the engine heard an error: the PC holds the lead on the
    share, so the next poll makes it its own and logs `claimed`, once (it used to hold it
    with no event at all: missing from every report)."""
    anna = team.desk("anna", share=ReplyLost)
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    anna.inbox.lose_claim = True  # type: ignore[attr-defined]
    outcome = anna.claim(lead_id, calling=True)
    assert not outcome.won and outcome.error
    assert anna.claim(lead_id).won  # pressed again: the same intent, the same event id
    clock.advance(seconds=anna.health.retry_delay() + 1)
    anna.poll()
    assert [v.id for v in anna.my_leads()] == [lead_id]
    claims = [e for e in log_events(team) if e["type"] == "claimed"]
    assert len(claims) == 1 and claims[0]["user"] == "anna"


def test_a_claim_whose_reply_was_lost_is_settled_by_the_next_poll(
    team: Showroom, clock: FakeClock
) -> None:
    anna = team.desk("anna", share=ReplyLost)
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    anna.inbox.lose_claim = True  # type: ignore[attr-defined]
    assert anna.claim(lead_id).error
    clock.advance(seconds=anna.health.retry_delay() + 1)
    assert anna.poll().health.ok
    assert [v.id for v in anna.my_leads()] == [lead_id] and anna.alertable() == []
    assert [e["type"] for e in log_events(team)] == ["claimed"]
    assert anna.store.intents() == [] and anna.store.outbox() == []


def test_a_claim_interrupted_before_the_share_moved_it_is_dropped(team: Showroom) -> None:
    """An intent whose claim never reached the share (a crash, or the share down): the
    lead stays with the team and alerts again; no event."""
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    (team.root / "new").rename(team.root / "new-away")
    assert anna.claim(lead_id).error
    (team.root / "new-away").rename(team.root / "new")
    anna._next_try = None  # the back-off is another test's subject
    assert anna.poll().health.ok
    assert [v.id for v in anna.alertable()] == [lead_id] and anna.my_leads() == []
    assert log_events(team) == [] and anna.store.intents() == []


def test_an_event_appended_before_an_error_is_not_appended_again(
    team: Showroom, clock: FakeClock
) -> None:
    """The line reached the log but the engine heard an error (or was killed before it
    took the event off its outbox): the retry finds it there and writes no second line."""
    anna = team.desk("anna", share=ReplyLost)
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    assert anna.claim(lead_id).won
    anna.inbox.lose_append = True  # type: ignore[attr-defined]
    anna.record_call(lead_id, "no_answer")
    assert len(anna.store.outbox()) == 1  # it may not be in the log: kept
    clock.advance(seconds=anna.health.retry_delay() + 1)
    assert anna.poll().health.ok and anna.store.outbox() == []
    assert [e["type"] for e in log_events(team)] == ["claimed", "call"]


def test_a_restart_finds_an_unconfirmed_event_in_the_log(team: Showroom) -> None:
    """Killed between the append and taking the event off the outbox: the next process
    doesn't know whether it was appended, and looks at the log's end before appending."""
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    assert anna.claim(lead_id).won
    [claimed] = log_events(team)
    anna.store.enqueue(claimed, WED_10)  # as the killed process left it
    import app.engine.desk as desk_module

    desk_module._UNTRIED.discard(str(claimed["id"]))  # queued by a process now gone
    assert anna.poll().health.ok and anna.store.outbox() == []
    assert log_events(team) == [claimed]


def test_a_call_is_logged_with_when_call_now_was_pressed(team: Showroom, clock: FakeClock) -> None:
    """Speed to first call used to count to the outcome, typed in after the talk: 30-40 s
    slower than the salesperson was. The `call` event now says when the call started."""
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    clock.advance(seconds=25)
    assert anna.claim(lead_id, calling=True).won  # "Call now"
    clock.advance(seconds=40)
    anna.record_call(lead_id, "no_answer")
    clock.advance(minutes=20)
    anna.start_call(lead_id)  # from My leads
    clock.advance(seconds=30)
    anna.record_call(lead_id, "reached")
    calls = [e for e in log_events(team) if e["type"] == "call"]
    assert [e["started"] for e in calls] == [
        (WED_10 + timedelta(seconds=25)).isoformat(),
        (WED_10 + timedelta(minutes=21, seconds=5)).isoformat(),
    ]
    report = anna.report(WED_10 - timedelta(hours=1), WED_10 + timedelta(hours=1))
    assert report["team"]["first_call_median_s"] == 25.0


def test_a_call_without_call_now_is_logged_at_its_outcome(team: Showroom, clock: FakeClock) -> None:
    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    assert anna.claim(lead_id).won  # taken, not called
    clock.advance(hours=2)
    anna.record_call(lead_id, "no_answer")
    [call] = [e for e in log_events(team) if e["type"] == "call"]
    assert "started" not in call


def test_a_hand_over_whose_reply_was_lost_is_completed_by_the_next_poll(
    team: Showroom, clock: FakeClock
) -> None:
    """The manager gives a lead to a salesperson (Team tab, assign): the share moved it
    but the reply was lost. The manager's next poll logs the claim, in the salesperson's
    name, once (it used to sit in claimed/piet/ with no event: in no report)."""
    from app.engine.team_desk import TeamDesk

    anna = team.desk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    mia = team.desk("mia", share=ReplyLost)
    board = TeamDesk(mia.inbox, mia.store, clock, mia.config)
    mia.inbox.lose_claim = True  # type: ignore[attr-defined]
    board.sync()
    handed = board.assign(lead_id, "piet")
    assert not handed.ok, handed
    assert (team.root / "claimed" / "piet" / "a.json").exists()
    clock.advance(seconds=61)
    assert mia.poll().health.ok
    claims = [e for e in log_events(team) if e["type"] == "claimed"]
    assert [(e["user"], e["doc"]) for e in claims] == [("piet", "a.json")]
    anna.poll()
    assert anna.alertable() == []


def test_a_release_whose_reply_was_lost_is_completed_by_the_next_poll(
    team: Showroom, clock: FakeClock
) -> None:
    anna = team.desk("anna", share=ReplyLost)
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    assert anna.claim(lead_id).won

    def lost_reply(name: str, user: str) -> bool:
        FolderInbox.release(anna.inbox, name, user)  # type: ignore[arg-type]
        raise InboxUnavailable("the share didn't answer")

    anna.inbox.release = lost_reply  # type: ignore[method-assign]
    assert not anna.release(lead_id)
    del anna.inbox.release
    clock.advance(seconds=anna.health.retry_delay() + 1)
    assert anna.poll().health.ok
    assert [e["type"] for e in log_events(team)] == ["claimed", "released"]
    assert anna.my_leads() == [] and [v.id for v in anna.alertable()] == [lead_id]


@pytest.mark.parametrize("damage", ["garbage", "empty"])
def test_a_damaged_store_is_rebuilt_from_the_activity_log(
    team: Showroom, clock: FakeClock, damage: str
) -> None:
    """A damaged local store (or a 0-byte one) used to be replaced by an empty one: My
    leads showed none of the claimed leads, no calls, no reminders, and a lead dismissed
    with "Not me" alerted again. The shared log holds this PC's own events: all of it
    comes back, and the person is told."""
    anna = team.desk("anna")
    for n in range(4):
        team.drop(lead_doc(f"Klant{n} Jansen", phone=f"06 1234567{n}"), f"{n}.json")
    leads = sorted(anna.poll().new_leads)
    for lead_id in leads[:3]:
        assert anna.claim(lead_id).won
    anna.record_call(leads[0], "no_answer")
    anna.record_call(leads[1], "reached")
    anna.mark_sold(leads[1])
    anna.dismiss(leads[3])
    before = {v.id: (v.status, v.phone, v.next_attempt, len(v.attempts)) for v in anna.my_leads()}
    due_before = anna.view(leads[0]).next_due
    anna.store.close()
    anna.inbox.close()
    team.desks.remove(anna)
    path = team.root.parent / "data-anna" / "leadpop.db"
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    path.write_bytes(b"" if damage == "empty" else b"SQLite format 3\x00" + b"\xde\xad" * 4000)

    anna = team.desk("anna")
    assert anna.store.messages and "rebuilt from the team's activity log" in anna.store.messages[0]
    result = anna.poll()
    assert result.messages == [
        'rebuilt from the team\'s activity log: 3 of your leads, 2 calls, 1 "not me"'
    ]
    after = {v.id: (v.status, v.phone, v.next_attempt, len(v.attempts)) for v in anna.my_leads()}
    assert after == before
    assert anna.view(leads[0]).next_due == due_before  # the reminder, as it was
    assert anna.alertable() == []  # "Not me" holds
    assert anna.poll().messages == []  # once
    # Nothing was logged twice by the rebuild.
    ids = [e["id"] for e in log_events(team)]
    assert len(ids) == len(set(ids)) == 3 + 2 + 1 + 1

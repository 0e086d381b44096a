"""LeadState (events absorbed in any order, any number of times) against the plain fold:
sort the deduplicated events by time, then walk them once. That walk is written out here,
independently, as the reference."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.events import EventRecord, record_of
from app.core.fold import LeadState, fold_events
from app.core.hours import OpeningHours
from app.core.kpi import LeadFacts

AMS = ZoneInfo("Europe/Amsterdam")
HOURS = OpeningHours.parse("mo-fr 09:00-18:00, sa 09:00-17:00")
T0 = datetime(2026, 10, 24, 16, 50, tzinfo=AMS)  # a Saturday before the clocks go back


def reference_fold(events: list[dict[str, Any]]) -> dict[str, LeadFacts]:
    """Leadpop's first fold: sorted by (instant, id); the first claim places the lead, the
    latest names the owner; calls before a claim wait for it."""
    stamped = sorted((datetime.fromisoformat(e["ts"]).timestamp(), e["id"], e) for e in events)
    facts: dict[str, dict[str, Any]] = {}
    pending: dict[str, list[dict[str, Any]]] = {}
    for _, _, ev in stamped:
        lead, ts = ev["lead"], datetime.fromisoformat(ev["ts"])
        if ev["type"] == "claimed":
            if lead in facts:
                facts[lead]["owner"] = ev["user"]
                continue
            try:
                received = datetime.fromisoformat(ev["received_at"])
            except (KeyError, TypeError, ValueError):
                received = ts
            if received.tzinfo is None:
                received = received.replace(tzinfo=ts.tzinfo)
            facts[lead] = {
                "lead": lead,
                "received_at": received,
                "sla_start": HOURS.sla_start(received),
                "owner": ev["user"],
                "name": str(ev.get("name") or ""),
                "source": str(ev.get("source") or ""),
                "claimed_at": ts,
                "calls": [],
                "sold": False,
                "lost": False,
                "lost_reason": None,
            }
            for early in pending.pop(lead, []):
                _apply(facts[lead], early)
        elif lead in facts:
            _apply(facts[lead], ev)
        else:
            pending.setdefault(lead, []).append(ev)
    return {lead: LeadFacts(**f) for lead, f in facts.items()}


def _apply(f: dict[str, Any], ev: dict[str, Any]) -> None:
    if ev["type"] == "call":
        attempt = ev.get("attempt")
        f["calls"].append(
            (
                datetime.fromisoformat(ev["ts"]),
                attempt if isinstance(attempt, int) else len(f["calls"]) + 1,
                str(ev.get("outcome", "")),
                ev["user"],
            )
        )
    elif ev["type"] == "sold":
        f["sold"] = True
    elif ev["type"] == "lost":
        f["lost"], f["lost_reason"] = True, ev.get("reason")


def reference_handover(events: list[dict[str, Any]], lead: str) -> tuple[bool, str | None]:
    """(released, document of the latest claim that named one), the plain way."""
    hand = sorted(
        (datetime.fromisoformat(e["ts"]), e["type"] == "claimed", e["id"], e)
        for e in events
        if e["lead"] == lead and e["type"] in ("claimed", "released")
    )
    docs = [e["doc"] for *_, e in hand if e["type"] == "claimed" and isinstance(e.get("doc"), str)]
    return bool(hand) and hand[-1][3]["type"] == "released", (docs[-1] if docs else None)


USERS = ("anna", "bram", "carla")
event_st = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            ("claimed", "call", "call", "sold", "lost", "released", "dismissed", "teleported")
        ),
        "lead": st.sampled_from(("L1", "L2", "L3")),
        "user": st.sampled_from(USERS),
        # Whole seconds, often the same second; summer and winter time both.
        "minute": st.integers(0, 40),
        "second": st.sampled_from((0, 0, 30)),
        "offset": st.sampled_from(("+02:00", "+01:00", "Z")),
        "attempt": st.one_of(st.none(), st.integers(1, 4), st.just(True), st.just(2.0)),
        "outcome": st.sampled_from(("reached", "appointment", "voicemail", "no_answer", None)),
        "doc": st.sampled_from(("a.json", None, 7)),
        "received": st.sampled_from(
            ("2026-10-24T16:45:00+02:00", "2026-10-25T08:00:00", "yesterday", None)
        ),
        "name": st.sampled_from(("Jan de Vries", "", None, 42)),
        "reason": st.sampled_from(("te duur", None)),
    }
)


def make(i: int, d: dict[str, Any]) -> dict[str, Any]:
    local = (T0 + timedelta(minutes=d["minute"], seconds=d["second"])).astimezone(
        ZoneInfo("UTC") if d["offset"] == "Z" else AMS
    )
    ev: dict[str, Any] = {
        "v": 1,
        "id": f"{i:03d}{random.Random(i).randrange(1000):03d}",
        "ts": local.isoformat(),
        "type": d["type"],
        "lead": d["lead"],
        "user": d["user"],
        "host": "pc",
    }
    if d["type"] == "claimed":
        ev.update(received_at=d["received"], name=d["name"], source="website", doc=d["doc"])
        ev = {k: v for k, v in ev.items() if not (k == "doc" and v is None)}
    elif d["type"] == "call":
        ev.update(attempt=d["attempt"], outcome=d["outcome"])
        if d["attempt"] is None:
            del ev["attempt"]
    elif d["type"] == "lost":
        ev["reason"] = d["reason"]
    return ev


@settings(max_examples=300, deadline=None)
@given(st.lists(event_st, max_size=25), st.randoms(use_true_random=False))
def test_any_order_and_repeats_give_the_plain_fold(raw: list[dict[str, Any]], rng: Any) -> None:
    events = [make(i, d) for i, d in enumerate(raw)]
    arriving = events + rng.sample(events, k=len(events) // 2)  # re-read, some twice
    rng.shuffle(arriving)
    states: dict[str, LeadState] = {}
    for ev in arriving:
        state = states.setdefault(ev["lead"], LeadState())
        state.apply(*record_of(ev))
    # ... and stored in between: a state survives its JSON.
    states = {k: LeadState.from_json(v.to_json()) for k, v in states.items()}
    got = {k: f for k, s in states.items() if (f := s.facts(k, HOURS)) is not None}
    assert got == reference_fold(events)
    assert fold_events(arriving, HOURS) == got
    for lead, state in states.items():
        assert (state.released, state.document) == reference_handover(events, lead)
        users = {e["user"] for e in events if e["lead"] == lead and e["type"] == "dismissed"}
        assert state.dismissed == sorted(users)


def test_absorbing_says_whether_anything_changed() -> None:
    s = LeadState()
    claim = make(
        1,
        {
            "type": "claimed",
            "lead": "L",
            "user": "anna",
            "minute": 0,
            "second": 0,
            "offset": "+02:00",
            "attempt": None,
            "outcome": None,
            "doc": "a.json",
            "received": None,
            "name": "Jan",
            "reason": None,
        },
    )
    sold = {**claim, "id": "s1", "type": "sold"}

    def rec(ev: dict[str, Any]) -> EventRecord:
        return record_of(ev)[0]

    assert s.apply(rec(claim), 1.0) and not s.apply(rec(claim), 1.0)
    assert s.apply(rec(sold), 2.0) and not s.apply(rec({**sold, "id": "s2"}), 3.0)  # sold is sold
    assert s.apply(rec({**claim, "id": "d1", "type": "dismissed", "user": "bram"}), 4.0)
    assert not s.apply(rec({**claim, "id": "d2", "type": "dismissed", "user": "bram"}), 5.0)
    assert not s.apply(rec({**claim, "id": "t1", "type": "teleported"}), 6.0)


def _call(eid: str, ts: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "v": 1,
        "id": eid,
        "ts": ts.isoformat(),
        "type": "call",
        "lead": "L1",
        "user": "anna",
        "host": "pc",
        "attempt": 1,
        "outcome": "no_answer",
        **extra,
    }


def _claim(ts: datetime) -> dict[str, Any]:
    return {
        "v": 1,
        "id": "c1",
        "ts": ts.isoformat(),
        "type": "claimed",
        "lead": "L1",
        "user": "anna",
        "host": "pc",
        "received_at": ts.isoformat(),
    }


def test_a_call_counts_from_when_it_started() -> None:
    """Speed to first call is to the dialling, not to the outcome typed in 35 s later."""
    monday = datetime(2026, 10, 26, 10, 0, tzinfo=AMS)
    started = monday + timedelta(seconds=20)
    call = _call("k1", started + timedelta(seconds=35), started=started.isoformat())
    [facts] = fold_events([_claim(monday), call], HOURS).values()
    assert facts.calls[0][0] == started and facts.first_call_s == 20.0


def test_a_call_start_that_makes_no_sense_is_ignored() -> None:
    monday = datetime(2026, 10, 26, 10, 0, tzinfo=AMS)
    recorded = monday + timedelta(seconds=55)
    for started in ("soon", 7, (recorded + timedelta(seconds=1)).isoformat(), "2026-10-26T10:00"):
        call = _call("k1", recorded, started=started)
        [facts] = fold_events([_claim(monday), call], HOURS).values()
        assert facts.first_call_s == 55.0, started


def _absorbed(*events: dict[str, Any]) -> LeadState:
    state = LeadState()
    for ev in events:
        state.apply(*record_of(ev))
    return state


def test_the_routing_mode_is_the_first_claims_whatever_the_order() -> None:
    """How the lead was first offered: a reassignment under another mode later (or read
    first) doesn't change it; a claim without the field is from before routing: everyone."""
    monday = datetime(2026, 10, 26, 10, 0, tzinfo=AMS)
    first = {**_claim(monday), "routing": "rollout"}
    later = {**_claim(monday + timedelta(hours=1)), "id": "c2", "user": "bram"}
    later["routing"] = "everyone"
    for events in ((first, later), (later, first), (later, first, later)):
        state = _absorbed(*events)
        assert state.routing == "rollout" and state.owner == "bram"
        assert LeadState.from_json(state.to_json()).routing == "rollout"
    assert _absorbed(_claim(monday)).routing == "everyone"
    assert _absorbed({**_claim(monday), "routing": 3}).routing == "everyone"
    assert LeadState().routing is None


def test_a_state_stored_before_the_mode_was_kept_learns_it_when_its_claim_is_read_again() -> None:
    monday = datetime(2026, 10, 26, 10, 0, tzinfo=AMS)
    claim = {**_claim(monday), "routing": "round_robin"}
    old = _absorbed(claim).to_json()
    old[0] = old[0][:6]  # as stored by a Leadpop that didn't keep the mode
    state = LeadState.from_json(old)
    assert state.routing is None
    [facts] = [state.facts("L1", HOURS)]  # the facts read without it
    assert facts is not None and facts.owner == "anna"
    assert state.apply(*record_of(claim)) is True
    assert state.routing == "round_robin"
    assert state.apply(*record_of(claim)) is False  # and only once

"""Contract: claiming a document, racing for it, giving it back."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable

import pytest
from inbox_harness import FolderBackend, claimer

from app.inbox.base import ClaimResult, Inbox

Factory = Callable[[str, str], Inbox]
RACE_ROUNDS = 30


def test_a_claim_takes_the_document_out_of_new(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("a.json", b"{}")
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    assert anna.claimed_by("a.json") is None
    assert anna.claim("a.json", "anna") == ClaimResult(True, "anna")
    assert anna.list_new() == bram.list_new() == []
    assert bram.claimed_by("a.json") == "anna"


def test_the_loser_learns_who_won(inbox_factory: Factory, producer: FolderBackend) -> None:
    producer.put("a.json", b"{}")
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    assert anna.claim("a.json", "anna").won
    assert bram.claim("a.json", "bram") == ClaimResult(False, "anna")
    assert anna.claimed_by("a.json") == "anna"


def test_claiming_what_i_already_hold_is_a_win(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("a.json", b"{}")
    anna = inbox_factory("anna", "pc-anna")
    anna_at_home = inbox_factory("anna", "pc-home")  # the same salesperson on a second PC
    assert anna.claim("a.json", "anna").won
    assert anna_at_home.claim("a.json", "anna") == ClaimResult(True, "anna")
    assert anna.claimed_by("a.json") == "anna"


def test_a_claim_for_a_colleague(inbox_factory: Factory, producer: FolderBackend) -> None:
    producer.put("a.json", b"{}")
    manager = inbox_factory("marco", "pc-office")
    assert manager.claim("a.json", "bram") == ClaimResult(True, "bram")
    assert inbox_factory("anna", "pc-anna").claimed_by("a.json") == "bram"


def test_a_claim_of_an_unknown_document_is_lost_to_nobody(inbox_factory: Factory) -> None:
    assert inbox_factory("anna", "pc-anna").claim("nope.json", "anna") == ClaimResult(False, None)


def test_release_gives_it_back_and_another_can_claim_it(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("a.json", b'{"x": 1}')
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    [before] = bram.list_new()
    assert anna.claim("a.json", "anna").won
    assert not bram.release("a.json", "bram")  # bram doesn't hold it
    assert anna.claimed_by("a.json") == "anna"
    assert anna.release("a.json", "anna")
    assert bram.list_new() == [before]  # same name, same received_at: the clock runs on
    assert anna.claimed_by("a.json") is None
    assert not anna.release("a.json", "anna")  # not twice
    assert bram.claim("a.json", "bram") == ClaimResult(True, "bram")
    assert anna.claim("a.json", "anna") == ClaimResult(False, "bram")


@pytest.mark.slow
def test_a_claim_race_between_two_processes_has_exactly_one_winner(
    backend: FolderBackend, producer: FolderBackend, inbox_factory: Factory
) -> None:
    """Two OS processes rename at the same moment, round after round."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    users = ("anna", "bram")
    conns, procs = [], []
    try:
        for user in users:
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(
                target=claimer,
                args=(backend.location, user, f"pc-{user}", barrier, theirs),
                daemon=True,
            )
            proc.start()
            theirs.close()
            conns.append(mine)
            procs.append(proc)
        observer = inbox_factory("carla", "pc-carla")
        for n in range(RACE_ROUNDS):
            name = f"race-{n:02d}.json"
            producer.put(name, b"{}")
            for conn in conns:
                conn.send(name)
            results = {}
            for user, conn in zip(users, conns, strict=True):
                assert conn.poll(15), f"{user}'s claimer didn't answer"
                results[user] = conn.recv()
            winners = [u for u, (won, _) in results.items() if won]
            assert len(winners) == 1, f"round {n}: {results}"
            [winner] = winners
            [loser] = [u for u in users if u != winner]
            assert results[loser] == (False, winner), f"round {n}: {results}"
            assert observer.claimed_by(name) == winner
        assert observer.list_new() == []
    finally:
        for conn in conns:
            with contextlib.suppress(OSError):  # a claimer that died already
                conn.send(None)
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
                proc.join(5)
            assert proc.exitcode == 0
        for conn in conns:
            conn.close()

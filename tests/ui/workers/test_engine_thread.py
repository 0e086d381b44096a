"""The generic request machinery on its own: ops run in the worker thread, in order;
callbacks run in the GUI thread; after stop nothing runs anywhere."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from shell_harness import Relay

from app.ui.workers.engine_thread import (
    EngineOp,
    EngineThread,
    EngineWorker,
    NotReady,
    Refused,
    Reply,
)


def here() -> str:
    """The Qt thread this runs in: "gui", or the worker thread's name."""
    thread = QThread.currentThread()
    return "gui" if thread is QCoreApplication.instance().thread() else thread.objectName()


class Counter:
    """A tiny engine: it remembers which thread each call ran in."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []  # (what, thread name)

    def add(self, what: str, value: int) -> int:
        self.calls.append((what, here()))
        return value + 1


class CounterWorker(EngineWorker):
    def __init__(self, engine: Counter | None) -> None:
        super().__init__()
        self.counter = engine
        self.refreshes: list[str] = []  # thread names, one per refreshed()
        self.closed_in: str | None = None

    def engine(self) -> Counter | None:
        return self.counter

    def refreshed(self) -> None:
        self.refreshes.append(here())

    def close(self) -> None:
        self.closed_in = here()


class Rig:
    def __init__(self, qtbot: Any, engine: Counter | None) -> None:
        self.qtbot = qtbot
        self.worker = CounterWorker(engine)
        self.handle: EngineThread[Counter] = EngineThread(self.worker, "test-engine")
        self.answered = Relay(self.handle.answered)
        self.errors = Relay(self.worker.error)
        self.pong = Relay(self.worker.pong)
        self.seen: list[tuple[str, Any, str]] = []  # (callback, value, thread name)
        self.handle._start_thread()

    def callback(self, name: str) -> Any:
        def record(value: Any) -> None:
            self.seen.append((name, value, here()))

        return record

    def sync(self) -> None:
        """Until every request asked so far is done (pong comes after them)."""
        with self.pong.next_call(self.qtbot):
            self.handle.ping(1)

    def wait_answers(self, n: int) -> None:
        self.qtbot.waitUntil(lambda: len(self.answered.calls) >= n, timeout=10_000)


@pytest.fixture
def rig(qtbot: Any) -> Iterator[Any]:
    made: list[Rig] = []

    def make(engine: Counter | None = None) -> Rig:
        r = Rig(qtbot, Counter() if engine is None else engine)
        made.append(r)
        return r

    yield make
    for r in made:
        r.handle.stop()


def test_the_op_runs_in_the_worker_thread_and_the_callback_in_the_gui_thread(rig) -> None:
    r = rig()
    op = EngineOp(r.handle, lambda c: c.add("one", 41), what="add")
    op.success(r.callback("ok")).failure(r.callback("failed")).run_in_background()
    r.wait_answers(1)
    assert r.worker.counter.calls == [("one", "test-engine")]
    assert r.seen == [("ok", 42, "gui")]
    assert r.worker.refreshes == ["test-engine"]  # the GUI gets the new state too
    (reply,) = r.answered.calls[0]
    assert isinstance(reply, Reply) and reply.ok and reply.value == 42


def test_requests_run_in_the_order_they_were_asked(rig) -> None:
    r = rig()
    for i in range(20):
        r.handle.op(lambda c, i=i: c.add(str(i), i), what="add").success(
            r.callback(str(i))
        ).run_in_background()
    r.wait_answers(20)
    assert [w for w, _ in r.worker.counter.calls] == [str(i) for i in range(20)]
    assert [name for name, _, _ in r.seen] == [str(i) for i in range(20)]


def test_a_failing_op_goes_to_its_failure_callback_and_the_worker_lives_on(rig, caplog) -> None:
    r = rig()

    def broken(_: Counter) -> int:
        raise ValueError("store on fire")

    r.handle.op(broken, what="burn").success(r.callback("ok")).failure(
        r.callback("failed")
    ).run_in_background()
    r.handle.op(lambda c: c.add("after", 1), what="add").success(
        r.callback("ok")
    ).run_in_background()
    r.wait_answers(2)
    (failed, after) = r.seen
    assert failed[0] == "failed" and str(failed[1]) == "store on fire"
    assert after[:2] == ("ok", 2)
    assert r.errors.calls == []  # the failure callback said it; no second message
    assert r.worker.refreshes == ["test-engine"]  # only after the op that succeeded
    assert "burn failed" in caplog.text


def test_without_a_failure_callback_the_worker_says_it_in_one_line(rig) -> None:
    r = rig()

    def refuse(_: Counter) -> None:
        raise Refused("the lead could not be given back to the team")

    r.handle.op(refuse, what="release").run_in_background()
    r.wait_answers(1)
    assert r.errors.calls == [("release: the lead could not be given back to the team",)]


def test_no_engine_yet_is_a_failure_not_a_crash(qtbot) -> None:
    r = Rig(qtbot, None)
    try:
        r.handle.op(lambda c: c.add("x", 1), what="claim").failure(
            r.callback("failed")
        ).run_in_background()
        r.wait_answers(1)
        ((name, exc, _),) = r.seen
        assert name == "failed" and isinstance(exc, NotReady)
        assert str(exc) == "the inbox is not open"
    finally:
        r.handle.stop()


def test_after_stop_a_request_is_dropped_with_a_log_line(rig, caplog) -> None:
    r = rig()
    r.sync()
    r.handle.stop()
    assert r.worker.closed_in == "test-engine"  # closed in its own thread
    app = QCoreApplication.instance()
    assert r.worker.thread() is app.thread()  # handed back, so it is deleted normally
    with caplog.at_level(logging.INFO, logger="app.ui.workers.engine_thread"):
        r.handle.op(lambda c: c.add("late", 1), what="late claim").success(
            r.callback("ok")
        ).run_in_background()
        r.handle.ping(2)
        QCoreApplication.processEvents()
    assert r.worker.counter.calls == []  # it ran nowhere, least of all in the GUI thread
    assert r.seen == []
    assert "late claim dropped: the test-engine thread has stopped" in caplog.text
    r.handle.stop()  # twice is fine


def test_a_reply_that_arrives_after_stop_is_not_delivered(rig) -> None:
    """The window it would update is being torn down; the op itself did run."""
    r = rig()
    r.handle.op(lambda c: c.add("last", 1), what="add").success(
        r.callback("ok")
    ).run_in_background()
    r.handle.stop()  # joins: the op ran, its reply is still queued for the GUI thread
    QCoreApplication.processEvents()
    assert [w for w, _ in r.worker.counter.calls] == ["last"]
    assert r.seen == []

"""Guards against a PySide6 regression that would crash a long-running showroom PC.

PySide6 6.12.0 on Python 3.11 drops a reference to True on every signal emission that
carries it, and to None on every Qt call that returns nothing; after a few hundred the
interpreter aborts ("bool_dealloc", "none_dealloc"). A showroom PC runs all day, so such a
build must never ship.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

# From Python 3.12 on, True and None are immortal (PEP 683): their reference count is a
# constant, so a lost reference can neither be measured nor crash the interpreter. Said
# out loud rather than passing without having checked anything.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True/None are immortal on Python >= 3.12: the crash can't happen, nor be measured",
)


class _Emitter(QObject):
    flag = Signal(str, bool)


def test_emitting_a_bool_keeps_its_reference_count() -> None:
    emitter = _Emitter()
    seen = [0]

    def count(_name: str, value: bool) -> None:
        seen[0] += value  # keeps no reference to True itself

    emitter.flag.connect(count)
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit("lead", True)
    after = sys.getrefcount(True)
    assert seen[0] == 50
    assert after - before >= 0, f"PySide6 lost {before - after} references to True"


def test_qt_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    """6.12.0 also lost a reference to None on every void call, e.g. QLabel.setText."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(50):
        label.setText(str(i))
    after = sys.getrefcount(None)
    assert after - before >= 0, f"PySide6 lost {before - after} references to None"

"""Guards against a PySide6 regression that would crash a long-running showroom PC.

PySide6 6.12.0 on Python 3.11 drops a reference to True on every signal emission that
carries it; after a few hundred emissions the interpreter aborts ("bool_dealloc"). The
worker emits booleans all day (claims, availability), so such a build must never ship.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


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

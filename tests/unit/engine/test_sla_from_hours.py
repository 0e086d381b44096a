"""The countdown's start follows the opening hours in force now, on each PC."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.clock import FakeClock
from tests.showroom import Showroom, lead_doc

AMS = ZoneInfo("Europe/Amsterdam")
NIGHT = datetime(2026, 11, 26, 3, 22, tzinfo=AMS)  # a Thursday, before opening
NINE = datetime(2026, 11, 26, 9, 0, tzinfo=AMS)


def test_new_hours_move_a_lead_already_waiting_and_each_pc_uses_its_own(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    root.mkdir()
    clock = FakeClock(NIGHT)
    office = Showroom(root, clock, hours="mo-fr 09:00-18:00")
    round_the_clock = Showroom(root, clock, hours="always")
    try:
        anna = office.desk("anna")
        office.drop(lead_doc(), "a.json")
        anna.poll()
        [waiting] = anna.waiting()
        assert waiting.sla_start == NINE

        # Anna switches to "always": the same store, the lead starts when it landed.
        anna_always = round_the_clock.desk("anna")
        assert anna_always.waiting() == []
        [now_due] = anna_always.alertable()
        assert now_due.sla_start == now_due.received_at == NIGHT

        # A second PC with "always" shows it so too, while an office-hours PC still waits.
        bram = round_the_clock.desk("bram")
        bram.poll()
        [at_bram] = bram.alertable()
        assert at_bram.sla_start == NIGHT
        assert [v.sla_start for v in anna.waiting()] == [NINE]
    finally:
        office.close()
        round_the_clock.close()

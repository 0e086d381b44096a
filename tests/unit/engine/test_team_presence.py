"""The Team board shows who is at a PC now, as the PCs announce it in the shared inbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.clock import FakeClock
from app.core.presence import Status
from app.engine.desk import Desk
from app.engine.team_desk import TeamDesk
from app.inbox.folder.inbox import FolderInbox
from app.settings.config import resolve
from app.store import Store

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_the_board_shows_who_is_present_and_follows_changes(tmp_path: Path) -> None:
    clock = FakeClock(T0)
    inbox_dir = tmp_path / "inbox"
    opened: list[tuple[FolderInbox, Store]] = []

    def engine(user: str) -> tuple[FolderInbox, Store, object]:
        cfg = resolve(
            inbox=str(inbox_dir),
            data_dir=str(tmp_path / user),
            user=user,
            hours="always",
            env={},
        )
        cfg.host = f"pc-{user}"
        inbox = FolderInbox(inbox_dir, user, cfg.host, watch=False, create=True)
        store = Store.open(cfg.data_dir)
        opened.append((inbox, store))
        return inbox, store, cfg

    try:
        anna_inbox, anna_store, anna_cfg = engine("anna")
        anna = Desk(anna_inbox, anna_store, clock, anna_cfg)  # type: ignore[arg-type]
        bram_inbox, bram_store, bram_cfg = engine("bram")
        bram = Desk(bram_inbox, bram_store, clock, bram_cfg)  # type: ignore[arg-type]
        bram.offers.set_me("with_customer")
        anna.poll()
        bram.poll()
        marco_inbox, marco_store, marco_cfg = engine("marco")
        team = TeamDesk(marco_inbox, marco_store, clock, marco_cfg)  # type: ignore[arg-type]
        board = team.board()
        assert [(p.user, p.status) for p in board.present] == [
            ("anna", Status.AVAILABLE),
            ("bram", Status.WITH_CUSTOMER),
        ]
        clock.advance(seconds=10)
        bram.offers.set_me("available")
        bram.poll()  # anna's PC is switched off: no more announcements
        assert team.board().present == board.present  # read at most every 30 s
        clock.set(T0 + timedelta(seconds=101))  # anna silent for longer than the timeout
        assert [(p.user, p.status) for p in team.board().present] == [
            ("anna", Status.OFFLINE),
            ("bram", Status.AVAILABLE),
        ]
    finally:
        for inbox, store in opened:
            store.close()
            inbox.close()

"""`leadpop drop`, `bridge` and `migrate-inbox` with a group database, in-process."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli.main import main
from app.engine.bridge import BRIDGE_USER, bridge_once
from app.inbox.folder.inbox import FolderInbox
from app.inbox.postgres.inbox import PostgresInbox

OpenPc = Callable[..., PostgresInbox]
MAIL = (
    b"From: AutoScout24 <noreply@autoscout24.nl>\r\nTo: leads@dealer.nl\r\n"
    b"Subject: Nieuwe aanvraag\r\nMessage-ID: <lead-42@autoscout24.nl>\r\n\r\n"
    b"Naam: Jan Jansen\r\nTelefoon: 06 12345678\r\n"
)


def leadpop(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> str:
    code = main([*args, "--data-dir", str(tmp_path / "data"), "--user", "anna"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def folder_inbox(root: Path, docs: dict[str, bytes]) -> Path:
    (root / "new").mkdir(parents=True)
    for name, data in docs.items():
        (root / "new" / name).write_bytes(data)
    return root


def test_drop_puts_a_document_into_the_branch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, open_pc: OpenPc
) -> None:
    out = leadpop(capsys, tmp_path, "drop", "--sample", "--inbox", f"{pg_url}?branch=utrecht")
    name = out.strip()
    assert name.endswith(".json") and "-sample-" in name
    assert [d.name for d in open_pc(branch="utrecht").list_new()] == [name]
    assert open_pc(branch="amersfoort").list_new() == []


def test_the_bridge_moves_each_document_once_and_keeps_the_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, open_pc: OpenPc
) -> None:
    src = folder_inbox(tmp_path / "share", {"a.json": b'{"name": "A"}', "b.eml": MAIL})
    args = ("bridge", "--once", "--from", str(src), "--to", f"{pg_url}?branch=utrecht")
    assert leadpop(capsys, tmp_path, *args).strip() == "2 moved, 0 already there"
    assert sorted(d.name for d in open_pc(branch="utrecht").list_new()) == ["a.json", "b.eml"]
    assert sorted(p.name for p in (src / "claimed" / BRIDGE_USER).iterdir()) == ["a.json", "b.eml"]
    assert leadpop(capsys, tmp_path, *args).strip() == "0 moved, 0 already there"
    # The same e-mail from another mailbox or share: its Message-ID says it is in already.
    (src / "new" / "b-again.eml").write_bytes(MAIL)
    assert leadpop(capsys, tmp_path, *args).strip() == "0 moved, 1 already there"
    assert len(open_pc().list_new()) == 2


def test_two_bridges_at_once_move_every_document_exactly_once(
    tmp_path: Path, pg_url: str, open_pc: OpenPc
) -> None:
    src = folder_inbox(tmp_path / "share", {f"l{n:02d}.json": b"{}" for n in range(30)})
    pairs = [
        (FolderInbox(src, "bridge", f"srv-{n}", watch=False), open_pc("bridge", f"srv-{n}"))
        for n in range(2)
    ]
    barrier = threading.Barrier(2)
    moved: list[int] = []

    def run(source: FolderInbox, target: PostgresInbox) -> None:
        barrier.wait(10)
        moved.append(bridge_once(source, target).moved)

    threads = [threading.Thread(target=run, args=pair) for pair in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for source, _ in pairs:
        source.close()
    assert sum(moved) == 30
    assert len(open_pc().list_new()) == 30
    assert list((src / "new").iterdir()) == []


def test_migrate_inbox_copies_everything_and_the_report_agrees(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, open_pc: OpenPc
) -> None:
    src = tmp_path / "showroom"
    now = "2026-11-25T18:00:00+01:00"
    leadpop(
        capsys,
        tmp_path,
        "demo-history",
        "--inbox",
        str(src),
        "--weeks",
        "2",
        "--salespeople",
        "4",
        "--leads-per-day",
        "6",
        "--now",
        now,
    )
    claimed = sum(1 for p in (src / "claimed").rglob("*") if p.is_file() and p.name != ".user")
    waiting = len(list((src / "new").iterdir()))
    out = leadpop(capsys, tmp_path, "migrate-inbox", "--from", str(src), "--to", pg_url)
    assert out.startswith(f"{claimed + waiting} documents ({claimed} claimed")
    again = leadpop(capsys, tmp_path, "migrate-inbox", "--from", str(src), "--to", pg_url)
    assert again.startswith("0 documents (0 claimed, 0 set aside), 0 events")
    assert len(open_pc().list_new()) == waiting

    def report(inbox: str, data: str) -> dict[str, object]:
        code = main(
            [
                "report",
                "--inbox",
                inbox,
                "--data-dir",
                str(tmp_path / data),
                "--user",
                "marco",
                "--since",
                "2026-11-01",
                "--until",
                "2026-11-26",
                "--format",
                "json",
            ]
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        return json.loads(out)

    before, after = report(str(src), "d-folder"), report(pg_url, "d-pg")
    assert before["team"]["leads"] > 0  # type: ignore[index]
    assert after == before
    # The same leads and sales, computed in the database (its SLA starts at arrival).
    since, until = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 26, tzinfo=UTC)
    group = open_pc("marco", "pc-office").group_figures(since, until)
    team = before["team"]
    assert (group[0]["branch"], group[0]["owner"]) == (None, None)
    assert group[0]["leads"] == team["leads"]  # type: ignore[index]
    for kpi in ("reached_pct", "three_attempts_pct", "appointment_pct", "sold_pct"):
        assert round(group[0][kpi], 1) == team[kpi], kpi  # type: ignore[index]
    assert {row["owner"] for row in group[1:] if row["owner"]} == {
        row["user"]
        for row in before["salespeople"]  # type: ignore[union-attr]
    }

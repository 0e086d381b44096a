"""The `leadpop` command as a person runs it: real processes, one-line errors, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.events import encode_event

GOOD = {
    "id": "web-20261125-0001",
    "requested_at": "2026-11-25T10:02:00+01:00",
    "source": "website",
    "name": "Jan Jansen",
    "phone": "06 12345678",
    "email": "jan@example.nl",
    "vehicle": {
        "make": "Volkswagen",
        "model": "Golf",
        "year": 2021,
        "stock": "V1234",
        "price": 21950,
    },
    "message": "Is deze auto nog beschikbaar?",
}


def leadpop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("LEADPOP_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_parse_prints_the_contract_keys(tmp_path: Path) -> None:
    f = tmp_path / "lead.json"
    f.write_text(json.dumps(GOOD), encoding="utf-8")
    proc = leadpop("parse", str(f))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    for key in (
        "id",
        "received_at",
        "requested_at",
        "source",
        "name",
        "phone_raw",
        "phone_e164",
        "phone_display",
        "phone_valid",
        "email",
        "vehicle",
        "message",
    ):
        assert key in out
    assert out["phone_e164"] == "+31612345678" and out["phone_valid"] is True


def test_parse_unreadable_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    f = tmp_path / "kapot.json"
    f.write_text('{"name": "Jan"', encoding="utf-8")
    proc = leadpop("parse", str(f))
    assert proc.returncode == 1
    assert "kapot.json" in one_line_error(proc)


def test_parse_missing_file(tmp_path: Path) -> None:
    proc = leadpop("parse", str(tmp_path / "nope.json"))
    assert proc.returncode == 1
    assert "nope.json" in one_line_error(proc)


@pytest.mark.parametrize(
    "args",
    [["--bogus"], ["report", "--format", "pdf"], ["parse"], ["drop"]],
)
def test_bad_arguments(args: list[str]) -> None:
    proc = leadpop(*args)
    assert proc.returncode == 2
    one_line_error(proc)


def test_bad_hours_option(tmp_path: Path) -> None:
    proc = leadpop("report", "--hours", "whenever", "--data-dir", str(tmp_path))
    assert proc.returncode == 1
    assert "--hours" in one_line_error(proc)


def test_hours_from_environment(tmp_path: Path) -> None:
    proc = leadpop(
        "report",
        "--data-dir",
        str(tmp_path),
        "--inbox",
        str(tmp_path),
        env={"LEADPOP_HOURS": "nonsense"},
    )
    assert proc.returncode == 1 and "--hours" in one_line_error(proc)


def test_drop_sample_lands_atomically(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    proc = leadpop("drop", "--sample", "--inbox", str(inbox))
    assert proc.returncode == 0, proc.stderr
    files = list((inbox / "new").iterdir())
    assert len(files) == 1 and files[0].suffix == ".json"
    assert Path(proc.stdout.strip()) == files[0]
    parsed = leadpop("parse", str(files[0]))
    assert json.loads(parsed.stdout)["phone_valid"] is True


@pytest.mark.parametrize("form", ["file://localhost{path}", "file://{path}"])
def test_drop_into_a_file_url_inbox(tmp_path: Path, form: str) -> None:
    """Every address the app opens, `drop` takes too (file://localhost/… was refused)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    proc = leadpop("drop", "--sample", "--inbox", form.format(path=inbox.as_posix()))
    assert proc.returncode == 0, proc.stderr
    assert [f.suffix for f in (inbox / "new").iterdir()] == [".json"]


def test_drop_into_a_mailbox_says_to_mail_it(tmp_path: Path) -> None:
    proc = leadpop("drop", "--sample", "--inbox", "imaps://leads%40dealer.nl@127.0.0.1/INBOX")
    assert proc.returncode == 1
    assert "e-mail the lead" in one_line_error(proc)


def test_drop_into_missing_inbox(tmp_path: Path) -> None:
    proc = leadpop("drop", "--sample", "--inbox", str(tmp_path / "nowhere"))
    assert proc.returncode == 1
    assert "does not exist" in one_line_error(proc)


def test_drop_refuses_an_unreadable_document(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = tmp_path / "leeg.json"
    bad.write_bytes(b"")
    proc = leadpop("drop", str(bad), "--inbox", str(inbox))
    assert proc.returncode == 1
    one_line_error(proc)
    assert not (inbox / "new").exists() or not any((inbox / "new").iterdir())


def _activity(inbox: Path) -> None:
    act = inbox / "activity"
    act.mkdir(parents=True)
    rec = "2026-11-25T10:00:00+01:00"
    ev = [
        {
            "v": 1,
            "id": "1",
            "ts": "2026-11-25T10:00:20+01:00",
            "type": "claimed",
            "lead": "A",
            "user": "anna",
            "host": "pc1",
            "received_at": rec,
            "name": "Jan",
            "source": "website",
        },
        {
            "v": 1,
            "id": "2",
            "ts": "2026-11-25T10:01:30+01:00",
            "type": "call",
            "lead": "A",
            "user": "anna",
            "host": "pc1",
            "attempt": 1,
            "outcome": "appointment",
        },
        {
            "v": 1,
            "id": "3",
            "ts": "2026-11-25T11:00:20+01:00",
            "type": "claimed",
            "lead": "B",
            "user": "bram",
            "host": "pc2",
            "received_at": "2026-11-25T11:00:00+01:00",
            "name": "Els",
            "source": "autoscout24",
        },
    ]
    with open(act / "anna@pc1.jsonl", "wb") as fh:
        for e in ev[:2]:
            fh.write(encode_event(e))
        fh.write(b'{"v":1,"id":"torn')  # a crash mid-line: skipped
    with open(act / "bram@pc2.jsonl", "wb") as fh:
        fh.write(encode_event(ev[2]))
        fh.write(encode_event(ev[2]))  # a duplicate: counted once


def test_report_json_csv_and_table(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _activity(inbox)
    common = [
        "--inbox",
        str(inbox),
        "--data-dir",
        str(tmp_path / "data"),
        "--since",
        "2026-11-23",
        "--until",
        "2026-11-30",
    ]
    proc = leadpop("report", "--format", "json", *common)
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert set(rep) == {"since", "until", "salespeople", "team"}
    assert rep["team"]["leads"] == 2
    assert rep["team"]["within_2min_pct"] == 50.0
    assert rep["team"]["appointment_pct"] == 50.0
    assert [r["user"] for r in rep["salespeople"]] == ["anna", "bram"]

    proc = leadpop("report", "--format", "csv", *common)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["user"] for r in rows] == ["anna", "bram", "team"]
    assert rows[-1]["leads"] == "2" and rows[1]["first_call_median_s"] == ""

    proc = leadpop("report", *common)
    assert proc.returncode == 0 and "team" in proc.stdout and "13%" in proc.stdout

    proc = leadpop("report", "--format", "csv", "--detail", *common)
    detail = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["lead"], r["owner"], r["attempts"]) for r in detail] == [
        ("A", "anna", "1"),
        ("B", "bram", "0"),
    ]


def test_report_on_missing_inbox(tmp_path: Path) -> None:
    proc = leadpop("report", "--inbox", str(tmp_path / "nope"), "--data-dir", str(tmp_path))
    assert proc.returncode == 1
    assert "does not exist" in one_line_error(proc)


def test_version_on_stdout_without_touching_anything(tmp_path: Path) -> None:
    from importlib.metadata import version

    env = {**os.environ, "HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "app", "--version"]
    cp = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert cp.returncode == 0 and cp.stderr == ""
    assert cp.stdout == f"leadpop {version('leadpop')}\n"
    assert list(tmp_path.iterdir()) == []  # no log, no store: --version leaves no trace


def test_a_store_that_went_bad_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    _activity(inbox)
    assert leadpop("report", "--inbox", str(inbox), "--data-dir", str(data)).returncode == 0
    db = sqlite3.connect(data / "leadpop.db")
    db.execute("alter table lead_facts rename column sold to verkocht")  # a broken schema
    db.commit()
    db.close()
    late = {
        "v": 1,
        "id": "late",
        "ts": "2026-11-26T09:00:00+01:00",
        "type": "sold",
        "lead": "A",
        "user": "anna",
        "host": "pc1",
    }
    with (inbox / "activity" / "anna@pc1.jsonl").open("ab") as fh:
        fh.write(encode_event(late))
    proc = leadpop("report", "--inbox", str(inbox), "--data-dir", str(data))
    assert proc.returncode == 1
    assert "another --data-dir" in one_line_error(proc)


def test_report_while_the_activity_log_is_unreadable_warns_and_uses_what_was_read(
    tmp_path: Path,
) -> None:
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    _activity(inbox)
    common = ["--inbox", str(inbox), "--data-dir", str(data), "--format", "json"]
    common += ["--since", "2026-11-23", "--until", "2026-11-30"]
    before = leadpop("report", *common)
    assert before.returncode == 0 and before.stderr == ""
    (inbox / "activity").rename(tmp_path / "activity-away")
    (inbox / "activity").write_text("the share lost this folder")
    proc = leadpop("report", *common)
    assert proc.returncode == 0
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith("warning: inbox unreachable (")
    assert warning.endswith("figures are from the events read earlier")
    assert json.loads(proc.stdout) == json.loads(before.stdout)


def test_report_by_routing_mode_json_csv_and_table(tmp_path: Path) -> None:
    """Lead A was claimed under rollout, B by a Leadpop before routing (everyone at once)."""
    inbox = tmp_path / "inbox"
    _activity(inbox)
    log = inbox / "activity" / "anna@pc1.jsonl"
    text = log.read_bytes().replace(
        b'"source":"website"', b'"source":"website","routing":"rollout"'
    )
    assert b'"routing":"rollout"' in text
    log.write_bytes(text)
    common = ["--inbox", str(inbox), "--data-dir", str(tmp_path / "data")]
    common += ["--since", "2026-11-23", "--until", "2026-11-30", "--by", "routing"]

    proc = leadpop("report", "--format", "json", *common)
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert set(rep) == {"since", "until", "routing", "team"}
    assert [(r["mode"], r["leads"], r["within_2min_pct"]) for r in rep["routing"]] == [
        ("everyone", 1, 0.0),
        ("rollout", 1, 100.0),
    ]
    assert rep["team"]["leads"] == 2 and rep["team"]["within_2min_pct"] == 50.0

    proc = leadpop("report", "--format", "csv", *common)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["routing"], r["leads"]) for r in rows] == [
        ("everyone", "1"),
        ("rollout", "1"),
        ("team", "2"),
    ]

    proc = leadpop("report", *common)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1].split()[:2] == ["routing", "mode"]
    assert [line.split()[0] for line in lines[3:5]] == ["everyone", "rollout"]

    proc = leadpop("report", "--format", "csv", "--detail", *common)
    assert proc.returncode != 0 and "--by" in one_line_error(proc)

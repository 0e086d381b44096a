"""The command line's small edges: each mistake is named as the person made it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main as cli


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LEADPOP_INBOX", "LEADPOP_HOURS", "LEADPOP_USER", "LEADPOP_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def error_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.main(list(argv)) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("error: ")
    return err


@pytest.mark.parametrize("command", ["parse", "drop"])
def test_a_folder_given_as_a_document_is_called_a_folder(capsys, tmp_path: Path, command):
    err = error_of(capsys, command, "--data-dir", str(tmp_path / "d"), str(tmp_path))
    assert "is a folder, not a file" in err and "no such file" not in err


def test_a_missing_document_is_still_no_such_file(capsys, tmp_path: Path):
    err = error_of(capsys, "parse", str(tmp_path / "gone.json"))
    assert "no such file" in err


@pytest.mark.parametrize("command", [["report"], ["drop", "--sample"], ["demo-history"]])
def test_a_file_given_as_inbox_is_a_file_not_a_folder(capsys, tmp_path: Path, command):
    f = tmp_path / "lead.json"
    f.write_text("{}")
    err = error_of(capsys, *command, "--data-dir", str(tmp_path / "d"), "--inbox", str(f))
    assert err == f"error: --inbox: {f} is a file, not a folder"


def test_options_before_the_command_are_kept(capsys, monkeypatch, tmp_path: Path):
    # `leadpop --inbox X drop …` dropped into the default inbox: the subcommand's defaults
    # overwrote what came before its name.
    monkeypatch.setenv("LEADPOP_DATA_DIR", str(tmp_path / "ignored"))  # never the real home
    inbox = tmp_path / "inbox"
    (inbox / "new").mkdir(parents=True)
    argv = ["--data-dir", str(tmp_path / "d"), "--inbox", str(inbox), "drop", "--sample"]
    assert cli.main(argv) == 0
    assert Path(capsys.readouterr().out.strip()).parent == inbox / "new"


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_report_detail_without_csv_is_an_error_not_ignored(capsys, tmp_path: Path, fmt):
    err = error_of(capsys, "report", "--data-dir", str(tmp_path), "--format", fmt, "--detail")
    assert "--format csv" in err


def test_demo_history_now_takes_the_date_time_its_help_promises(capsys, tmp_path: Path):
    inbox = tmp_path / "inbox"
    base = ["demo-history", "--data-dir", str(tmp_path / "d"), "--inbox", str(inbox)]
    err = error_of(capsys, *base, "--now", "yesterday")
    assert "YYYY-MM-DDTHH:MM" in err
    with pytest.raises(SystemExit):
        cli.main(["demo-history", "--help"])
    assert "YYYY-MM-DDTHH:MM" in capsys.readouterr().out
    assert cli.main([*base, "--weeks", "1", "--now", "2026-11-20T17:30"]) == 0
    assert "1 weeks" in capsys.readouterr().out

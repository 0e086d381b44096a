"""scripts/setup.sh: one line per step; what the tools say goes to .setup.log, shown on failure."""

from __future__ import annotations

import subprocess
from pathlib import Path

SETUP = Path(__file__).resolve().parents[3] / "scripts" / "setup.sh"


def run_quietly(tmp_path: Path, command: str) -> subprocess.CompletedProcess[str]:
    """The script's own `quietly` helper, on a command of the test's."""
    text = SETUP.read_text(encoding="utf-8")
    helper = text[text.index("quietly() {") : text.index("\n}\n", text.index("quietly() {")) + 3]
    script = (
        f'set -euo pipefail\nlog="{tmp_path}/setup.log"\n{helper}\nquietly {command}\necho done'
    )
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)


def test_a_step_that_works_says_nothing(tmp_path: Path) -> None:
    proc = run_quietly(tmp_path, "printf 'warning: setuptools chatter\\n%.0s' 1 2 3")
    assert proc.returncode == 0 and proc.stdout == "done\n" and proc.stderr == ""
    assert (tmp_path / "setup.log").read_text().count("setuptools chatter") == 3


def test_a_step_that_fails_shows_its_log(tmp_path: Path) -> None:
    proc = run_quietly(tmp_path, "sh -c 'echo the real reason; exit 3'")
    assert proc.returncode == 1 and "done" not in proc.stdout
    assert f"{tmp_path}/setup.log" in proc.stderr and "the real reason" in proc.stderr

"""The real thing: build the one-folder bundle with PyInstaller, then run it as a showroom
PC would, offscreen, with its own inbox, data, config and log folders. Slow (about a
minute on two cores): it runs once per test run, all checks on one build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_rules as rules  # noqa: E402

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: scripts/setup.sh installs '.[test,package]'")
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
            "--no-tarball",
            "--no-installer",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    folder = out / "dist" / rules.NAME
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle: {size / 1e6:.0f} MB, built in {time.monotonic() - started:.0f} s")
    return folder


@pytest.fixture
def pc(tmp_path: Path) -> dict[str, str]:
    """A showroom PC's environment: offscreen, and every folder in tmp_path."""
    (tmp_path / "inbox").mkdir()
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR")
    return {
        **{k: os.environ[k] for k in keep if k in os.environ},
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "LEADPOP_INBOX": str(tmp_path / "inbox"),
        "LEADPOP_DATA_DIR": str(tmp_path / "data"),
        "LEADPOP_CONFIG_DIR": str(tmp_path / "config"),
        "LEADPOP_LOG_DIR": str(tmp_path / "logs"),
        "LEADPOP_NO_DESKTOP_NOTIFY": "1",
    }


def run(bundle: Path, env: dict[str, str], *args: str, timeout: float = 60) -> str:
    exe = bundle / rules.executables()[0]
    proc = subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=timeout
    )
    assert proc.returncode == 0, f"leadpop {' '.join(args)}: {proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def test_the_bundle_holds_what_the_app_needs_and_nothing_it_doesnt(bundle):
    inside = bundle / "_internal"
    resources = inside / "app" / "resources"
    for name in ("leadpop_nl.qm", "alert_nl.qm", "team_nl.qm", "packaging_nl.qm"):
        assert (resources / "i18n" / name).is_file(), name
    assert (resources / "sounds" / "alert.wav").is_file()
    assert {p.name for p in (resources / "icons").glob("leadpop-*.png")} >= {
        "leadpop-16.png",
        "leadpop-256.png",
    }
    files = [p.relative_to(inside).as_posix() for p in inside.rglob("*") if p.is_file()]
    for word in ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "QtOpenGL.", "tkinter", "gtk-3"):
        assert not [f for f in files if word.lower() in f.lower()], word
    qt_translations = [f for f in files if "/translations/" in f]
    assert [f.rsplit("/", 1)[-1] for f in qt_translations] == ["qtbase_nl.qm"]
    assert [f for f in files if "plugins/platforms/" in f]  # xcb, wayland, offscreen


def test_the_bundled_cli_drops_and_parses_a_lead(bundle, pc):
    assert run(bundle, pc, "--version").strip() == f"leadpop {version('leadpop')}"
    dropped = Path(run(bundle, pc, "drop", "--sample").strip())
    assert dropped.parent == Path(pc["LEADPOP_INBOX"]) / "new"
    lead = json.loads(run(bundle, pc, "parse", str(dropped)))
    assert lead["id"] and lead["phone_valid"] is True


def test_the_bundled_app_starts_takes_the_lead_in_and_quits(bundle, pc, tmp_path):
    dropped = Path(run(bundle, pc, "drop", "--sample").strip())
    lead_id = json.loads(run(bundle, pc, "parse", str(dropped)))["id"]
    # A manager (so the Team tab loads QtCharts), and IT's leadpop.toml next to the program.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text(
        json.dumps({"version": 1, "name": "Piet", "role": "manager", "manager_alert": False})
    )
    deployed = bundle / "leadpop.toml"
    deployed.write_text('hours = "always"\nlanguage = "nl"\nlocked = ["hours"]\n')
    try:
        run(bundle, {**pc, "LEADPOP_QUIT_AFTER_MS": "5000"}, timeout=90)
    finally:
        deployed.unlink()
    log = (tmp_path / "logs" / "leadpop.log").read_text(encoding="utf-8")
    assert f"settings from {deployed}" in log  # found next to the frozen executable
    assert f"new lead {lead_id}" in log  # the bundled app's worker took the lead in
    problems = [
        line
        for line in log.splitlines()
        if (" WARNING " in line or " ERROR " in line)
        and "notification unavailable" not in line  # offscreen has no tray: the next way
    ]
    assert problems == []

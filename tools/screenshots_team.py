"""Screenshots of the Team tab (live board, KPIs, charts) on six weeks of demo history.

    .venv/bin/python tools/screenshots_team.py [--out docs/screenshots] [--all]

Fills a temporary inbox with `leadpop demo-history` (six Dutch salespeople, fast and slow
callers), then starts the real app as a manager on a fake clock set to the end of that
history and shows the Team tab inside the maximised main window, as a manager sees it.
Runs under a real X server with a window manager: when DISPLAY is unset it starts Xvfb +
openbox (tools/screenshot_kit.py) and stops them.

Writes docs/screenshots/team-<page>-<lang>-<width>.png: the eight pictures in KEEP, or all
twelve with --all (for a review; only KEEP are committed). With --group, a dealer group
instead: three branches' histories migrated into a throw-away PostgreSQL (Debian's
postgresql, as the tests use it), and the KPI page's group view with a row per branch:
team-group-<lang>-<width>.png in both languages and sizes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot_kit import SIZES, x_server  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 12, tzinfo=AMS)  # a Wednesday morning in the showroom
PAGES = ("board", "kpis", "charts")
BRANCHES = (("utrecht", 1), ("amersfoort", 2), ("den-bosch", 3))  # name, demo seed
KEEP = {
    ("board", "nl", 1366),
    ("kpis", "nl", 1366),
    ("charts", "nl", 1366),
    ("kpis", "en", 1366),
    ("charts", "en", 1366),
    ("board", "en", 1920),
    ("kpis", "en", 1920),
    ("charts", "nl", 1920),
}


def demo_inbox(work: Path) -> Path:
    """Six weeks of history through the real command, as a reader of the README would."""
    inbox = work / "inbox"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADPOP_")}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "demo-history",
            "--inbox",
            str(inbox),
            "--now",
            NOW.isoformat(),
            "--seed",
            "1",
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    return inbox


def group_inbox(work: Path, url: str) -> str:
    """Three branches' six weeks, each migrated into the group database with its branch."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADPOP_")}
    for branch, seed in BRANCHES:
        folder = work / branch
        run = [sys.executable, "-m", "app"]
        subprocess.run(
            [*run, "demo-history", "--inbox", str(folder), "--now", NOW.isoformat(),
             "--seed", str(seed), "--data-dir", str(work / f"gen-{branch}")],
            check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        subprocess.run(
            [*run, "migrate-inbox", "--from", str(folder), "--to", f"{url}?branch={branch}",
             "--data-dir", str(work / f"gen-{branch}")],
            check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return url


def shoot(
    out: Path,
    inbox: Path | str,
    data: Path,
    lang: str,
    size: tuple[int, int],
    wanted: set[tuple[str, str, int]],
    *,
    group: bool = False,
) -> list[Path]:
    """The Team tab as a manager sees it: inside the real main window (the shell, its
    worker and the Team tab's own), maximised on a screen of `size`."""
    # Imported under the X server just started: Qt reads DISPLAY when the app is made.
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from app.core.clock import FakeClock
    from app.core.enums import Role
    from app.inbox.folder.inbox import FolderInbox
    from app.settings.config import resolve
    from app.settings.prefs import Prefs, prefs_path
    from app.ui import i18n
    from app.ui.shell import Shell

    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, lang)
    clock = FakeClock(NOW)
    data.mkdir(parents=True, exist_ok=True)
    # A manager's saved settings, as the first-run dialog leaves them.
    prefs = Prefs(name="Marco", role=Role.MANAGER, language=lang)
    prefs_path(data).write_text(prefs.to_json(), encoding="utf-8")
    cfg = resolve(inbox=str(inbox), data_dir=str(data), user="Marco", env={})
    cfg.host = "pc-kantoor"

    def inbox_factory(c):  # type: ignore[no-untyped-def]
        if group:
            from app.inbox.postgres.inbox import PostgresInbox

            return PostgresInbox(c.inbox, c.user, c.host, watch=False)
        return FolderInbox(Path(c.inbox), c.user, c.host, watch=False, now=clock.now)

    def wait_for(*signals: object) -> None:
        loop = QEventLoop()
        pending = set(range(len(signals)))
        for i, signal in enumerate(signals):
            signal.connect(lambda *_, i=i: (pending.discard(i), pending or loop.quit()))  # type: ignore[attr-defined]
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()

    def settle(ms: int = 500) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)  # let the window manager map and lay it out
        loop.exec()

    shell = Shell(cfg, clock, inbox_factory=inbox_factory, tray_available=lambda: False)
    shell.start()
    wait_for(shell.ready)
    window, tab = shell.window, shell.team_tab
    assert window is not None and tab is not None, "not started as a manager"
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.showMaximized()
    window.tabs.setCurrentWidget(tab)
    wait_for(tab.board_shown)
    tab.set_period("month")
    wait_for(tab.period_shown)
    if tab.board.open_leads:
        tab.select_lead(tab.board.open_leads[0].lead)
    shots = []
    if group:  # the KPI page: the row per branch above the salespeople of all branches
        tab.pages.setCurrentIndex(PAGES.index("kpis"))
        settle()
        path = out / f"team-group-{lang}-{size[0]}.png"
        window.grab().save(str(path))
        shots.append(path)
        wanted = set()
    for index, page in enumerate(PAGES):
        if (page, lang, size[0]) not in wanted:
            continue
        tab.pages.setCurrentIndex(index)
        settle()
        path = out / f"team-{page}-{lang}-{size[0]}.png"
        window.grab().save(str(path))
        shots.append(path)
    shell.prepare_quit()
    shell.shutdown()
    settle(100)
    for t in translators:
        QCoreApplication.removeTranslator(t)
    app.processEvents()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--all", action="store_true", help="every page, language and size")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--inbox", help=argparse.SUPPRESS)
    parser.add_argument("--group", action="store_true", help="a dealer group on PostgreSQL")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["LEADPOP_MUTE"] = "1"
    wanted = {(p, lang, w) for p in PAGES for lang in ("nl", "en") for w, _ in SIZES}
    if not args.all:
        wanted &= KEEP
    if args.child:  # one resolution per process: Qt keeps its first display for good
        width, height = (int(n) for n in args.child.split("x"))
        with x_server(width, height), tempfile.TemporaryDirectory() as data:
            for lang in ("nl", "en"):
                where = Path(data) / lang  # a PC of its own per language
                inbox = args.inbox if args.group else Path(args.inbox)
                shots = shoot(
                    args.out, inbox, where, lang, (width, height), wanted, group=args.group
                )
                for path in shots:
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True)
    with contextlib.ExitStack() as stack:
        work = stack.enter_context(tempfile.TemporaryDirectory(prefix="leadpop-team-shots-"))
        if args.group:
            from tests.postgres.pg_server import PostgresServer

            server = stack.enter_context(PostgresServer())
            os.environ.update(server.env)  # the password, for the children too
            inbox: str | Path = group_inbox(Path(work), server.new_database())
        else:
            inbox = demo_inbox(Path(work))
        for w, h in SIZES:
            cmd = [
                sys.executable,
                __file__,
                "--child",
                f"{w}x{h}",
                "--out",
                str(args.out),
                "--inbox",
                str(inbox),
                *(["--all"] if args.all else []),
                *(["--group"] if args.group else []),
            ]
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()

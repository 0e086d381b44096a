"""Screenshots of the main window (with a lead's details), the settings and first-run dialogs.

    .venv/bin/python tools/screenshots_main.py [--out docs/screenshots] [--lang nl en]

Launches the real shell (worker thread, store, folder inbox) on a temporary data dir with
realistic leads at different stages, one of them overdue. Under a real X server with a
window manager: when DISPLAY is unset it starts Xvfb + openbox (tools/screenshot_kit.py)
and stops them. Writes e.g. docs/screenshots/main-nl-1366.png.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot_kit import parser, per_size  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 26, tzinfo=AMS)  # a Wednesday morning in the showroom

# (name, phone, car, question, landed minutes before NOW, calls: (minutes after landing, outcome))
LEADS = (
    (
        "Jan Jansen",
        "06 12345678",
        ("Volkswagen", "Golf", 2021, 21950),
        "Is deze auto nog beschikbaar? Ik wil zaterdag graag een proefrit maken.",
        24,
        [(1, "voicemail")],
    ),
    (
        "Fatima el Amrani",
        "06 23456789",
        ("Kia", "EV6", 2023, 42950),
        "Wat is de actieradius in de winter?",
        50,
        [(1, "no_answer"), (16, "voicemail")],
    ),
    (
        "Sanne Bakker",
        "06 34567890",
        ("Toyota", "Yaris Cross", 2022, 27950),
        "Ik heb een Opel Astra uit 2014 om in te ruilen. Wat zou die ongeveer waard zijn?",
        6,
        [(1, "busy")],
    ),
    (
        "Pieter de Vries",
        "06 45678901",
        ("Skoda", "Enyaq", 2022, 36950),
        "Kan de auto nog vóór het eind van de maand geleverd worden?",
        60 * 24 + 35,
        [(2, "appointment")],
    ),
    (
        "Mehmet Yilmaz",
        "+32 470 12 34 56",
        ("Peugeot", "2008", 2021, 19950),
        "Graag teruggebeld na 17:00 uur, overdag werk ik.",
        60 * 24 * 2 + 30,
        [(2, "no_answer"), (20, "voicemail"), (140, "no_answer")],
    ),
    (  # nobody's yet: Piet said "Not me" (it stays in "Not taken yet")
        "Kees van Dijk",
        "06 56789012",
        ("Volvo", "XC40", 2022, 33950),
        "Heeft u deze ook met trekhaak?",
        3,
        None,
    ),
)


def seed(data_dir: Path, inbox: Path, clock) -> None:
    """Leads claimed and called at their own times, through the real engine."""
    import json

    from app.engine.desk import Desk
    from app.inbox.folder.inbox import FolderInbox
    from app.inbox.producer import drop_bytes
    from app.settings.config import resolve
    from app.store import Store

    cfg = resolve(inbox=str(inbox), data_dir=str(data_dir), user="Piet", env={})
    folder = FolderInbox(inbox, cfg.user, cfg.host, watch=False, now=clock.now)
    store = Store.open(data_dir)
    desk = Desk(folder, store, clock, cfg)
    try:
        for name, phone, (make, model, year, price), question, ago, calls in LEADS:
            landed = NOW - timedelta(minutes=ago)
            clock.set(landed)
            doc = {
                "source": "website",
                "name": name,
                "phone": phone,
                "email": name.split()[0].lower() + "@example.nl",
                "requested_at": (landed - timedelta(minutes=2)).isoformat(),
                "vehicle": {
                    "make": make,
                    "model": model,
                    "year": year,
                    "stock": f"V{random.Random(name).randint(1000, 9999)}",
                    "price": price,
                },
                "message": question,
            }
            path = drop_bytes(
                inbox,
                json.dumps(doc, ensure_ascii=False, indent=2).encode(),
                stem=name,
                suffix=".json",
                now=landed,
            )
            os.utime(path, (landed.timestamp(), landed.timestamp()))
            desk.poll()
            row = store.leads_by_doc([path.name]).get(path.name)
            assert row is not None, f"{name} was not taken in"
            clock.set(landed + timedelta(seconds=50))
            if calls is None:
                desk.dismiss(row["id"])
                continue
            desk.claim(row["id"])
            for minutes, outcome in calls:
                clock.set(landed + timedelta(minutes=minutes))
                desk.record_call(row["id"], outcome)
        clock.set(NOW)
    finally:
        store.close()
        folder.close()


def shoot(out: Path, lang: str, width: int, height: int) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from app.core.clock import FakeClock
    from app.core.enums import Availability
    from app.inbox.folder.inbox import FolderInbox
    from app.settings.config import resolve
    from app.ui import i18n
    from app.ui.alert import call_panel
    from app.ui.common.first_run import FirstRunDialog
    from app.ui.common.lead_format import next_action
    from app.ui.common.settings_dialog import SettingsDialog
    from app.ui.salesperson.lost_dialog import LostReasonDialog
    from app.ui.salesperson.touch_dialog import TouchDialog
    from app.ui.shell import Shell

    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, lang)

    def settle(ms: int = 500) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)  # let the window manager map and lay it out
        loop.exec()

    def save(widget: QWidget, name: str, sized: bool = True) -> Path:
        settle()
        path = out / (f"{name}-{lang}-{width}.png" if sized else f"{name}-{lang}.png")
        widget.grab().save(str(path))
        return path

    shots = []
    with tempfile.TemporaryDirectory(prefix="leadpop-shots-") as tmp:
        data, inbox = Path(tmp) / "data", Path(tmp) / "inbox"
        inbox.mkdir()
        clock = FakeClock(NOW)
        seed(data, inbox, clock)
        cfg = resolve(inbox=str(inbox), data_dir=str(data), user="Piet", env={})
        shell = Shell(
            cfg,
            clock,
            inbox_factory=lambda c: FolderInbox(
                Path(c.inbox), c.user, c.host, watch=False, now=clock.now
            ),
        )
        loop = QEventLoop()
        shell.worker.leads_changed.connect(loop.quit)
        shell.start()
        loop.exec()
        settle(300)
        window = shell.window
        assert window is not None
        screen = QGuiApplication.primaryScreen().availableGeometry()
        window.setGeometry(screen)
        window.showMaximized()
        first = window.model.views[0].id
        window.open_lead(first)
        shots.append(save(window, "main"))

        # With a customer for 30 minutes (shown large), and an outcome just confirmed.
        window.set_availability(Availability.WITH_CUSTOMER, 30)
        view = window.model.views[0]
        action = next_action(view, cfg.hours.tz, clock.now())
        text = shell.tr("{name}: call recorded").format(name=view.shown_name)
        window.snackbar.say(f"{text} · {action}", 60_000)
        shots.append(save(window, "main-away"))
        window.snackbar.expire()
        window.set_availability(Availability.AVAILABLE)

        # A call from My leads: the number stays up while dialling by hand.
        call_panel.open_tel_link = lambda url: False  # a PC without a phone app
        shell.call_from_list(first)
        assert shell.call_window is not None
        shots.append(save(shell.call_window, "call-window"))
        shell.call_window.hide()
        shell.in_call.clear()

        if width == 1366:  # dialogs of their own size: one picture per language
            lost = LostReasonDialog(view, window)
            lost.show()
            shots.append(save(lost, "lost", sized=False))
            lost.close()
            touch = TouchDialog(view, "Piet de Vries", window)
            touch.show()
            shots.append(save(touch, "touch", sized=False))
            touch.close()

        current = {
            **shell.settings_values(),
            "fixed": [],
            "inbox": "/mnt/showroom/leads",
            "hours": "ma-vr 09:00-18:00, za 09:00-17:00",
        }
        dialog = SettingsDialog(current, window)
        dialog.show()
        shots.append(save(dialog, "settings"))
        dialog.close()
        welcome = FirstRunDialog("piet", window)
        welcome.show()
        shots.append(save(welcome, "first-run"))
        welcome.close()
        shell.prepare_quit()
        shell.shutdown()
        settle(100)
    for translator in translators:
        app.removeTranslator(translator)
    return shots


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--lang", nargs="+", default=["nl", "en"])
    args = p.parse_args()

    def shoot_size(width: int, height: int) -> list[Path]:
        return [path for lang in args.lang for path in shoot(args.out, lang, width, height)]

    per_size(args, shoot_size, __file__, ["--lang", *args.lang])


if __name__ == "__main__":
    main()

"""Screenshots of the alert, the call panel and the outcome prompt, for review.

    .venv/bin/python tools/screenshots_alert.py [--out docs/screenshots] [--lang nl en]

Runs under a real X server with a window manager, as a showroom PC has: when DISPLAY is
unset it starts `Xvfb` and `openbox` itself (one screen per resolution) and stops them.
Dutch needs the compiled catalogue: `python tools/build_translations.py`.
Writes e.g. docs/screenshots/alert-normal-nl-1366.png.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot_kit import SIZES, parser, per_size  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 12, 0, tzinfo=UTC)


def lead_row(now: datetime, **over: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": "L3f9a0c2b7d1e4a6",
        "name": "Jan Jansen",
        "source": "website",
        "phone_raw": "06 12345678",
        "phone_e164": "+31612345678",
        "phone_display": "06 12345678",
        "phone_valid": 1,
        "vehicle": json.dumps(
            {"make": "Volkswagen", "model": "Golf", "year": 2021, "stock": "V1234", "price": 21950}
        ),
        "message": "Is deze auto nog beschikbaar? Ik wil zaterdag graag een proefrit maken, "
        "en heb een Opel Astra uit 2015 om in te ruilen.",
        "received_at": (now - timedelta(seconds=65)).isoformat(timespec="seconds"),
        "requested_at": (now - timedelta(minutes=5)).isoformat(timespec="seconds"),
        "sla_start": (now - timedelta(seconds=65)).isoformat(timespec="seconds"),
    }
    row.update(over)
    return row


def special_leads(clock: object, save: Callable[[object, str], Path]) -> list[Path]:
    """A missed call (the customer phoned a minute ago, often without a name), and an
    ambiguous number with its other reading and the pick."""
    from app.core.enums import LeadStatus
    from app.engine.unclaimed import HandedBack
    from app.engine.views import AttemptView, from_row
    from app.ui.alert.alert_window import AlertWindow

    own = "_leadpop"  # app.core.lead.STORED_KEY: the Lead fields without a column
    leads = {
        "alert-missed-call": lead_row(
            NOW,
            id="L5",
            name="",
            source="AutoScout24",
            phone_raw="0470 12 34 56",
            phone_e164="+32470123456",
            phone_display="0470 12 34 56",
            message="",
            requested_at=None,
            extra=json.dumps({own: {"kind": "missed_call"}}),
        ),
        "alert-ambiguous": lead_row(
            NOW,
            id="L6",
            name="Luc Maes",
            phone_raw="0478 55 66 77",
            phone_e164="+31478556677",
            phone_display="0478 556 677",
            extra=json.dumps({own: {"phone_alternative": {"e164": "+32478556677"}}}),
        ),
    }
    leads["alert-long-name"] = lead_row(
        NOW, id="L7", name="Mevrouw Alexandra Wilhelmina van der Heijden-Vermeulen"
    )
    leads["alert-given-back"] = lead_row(
        NOW, id="L8", name="Kees van Dijk", received_at=(NOW - timedelta(minutes=24)).isoformat()
    )
    back = HandedBack(
        "Bram",
        (
            AttemptView(1, NOW - timedelta(minutes=22), "voicemail", user="Bram"),
            AttemptView(2, NOW - timedelta(minutes=7), "no_answer", user="Bram"),
        ),
    )
    shots = []
    for name, row in leads.items():
        alert = AlertWindow(clock, sound=type("Mute", (), {"play": lambda self: False})())
        alert.tz = ZoneInfo("Europe/Amsterdam")
        clock.set(NOW - timedelta(seconds=65) + timedelta(seconds=18))  # type: ignore[attr-defined]
        view = from_row(row, status=LeadStatus.NEW, next_attempt=1, next_due=NOW)
        alert.set_leads([view])
        alert.set_history({"L8": back})
        shots.append(save(alert, name))
        alert.close()
    return shots


def shoot(out: Path, lang: str, width: int, height: int) -> list[Path]:
    # Imported under the X server just started: Qt reads DISPLAY when the app is made.
    from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from app.core.clock import FakeClock
    from app.core.enums import LeadStatus
    from app.engine.desk import ClaimOutcome
    from app.engine.views import from_row
    from app.ui.alert import call_panel
    from app.ui.alert.alert_window import AlertWindow
    from app.ui.salesperson.outcome_dialog import OutcomeDialog

    app = QApplication.instance() or QApplication([])
    translator = QTranslator()
    language = QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English
    QLocale.setDefault(QLocale(language, QLocale.Country.Netherlands))
    main_translator = QTranslator()  # the snackbar on the alert
    if lang == "nl":
        qm = ROOT / "app" / "resources" / "i18n" / "alert_nl.qm"
        if not translator.load(str(qm)):
            sys.exit(f"error: {qm} missing; run pyside6-lrelease first")
        QCoreApplication.installTranslator(translator)
        main_translator.load(str(qm.with_name("leadpop_nl.qm")))
        QCoreApplication.installTranslator(main_translator)
    call_panel.open_tel_link = lambda url: True  # never dial from a screenshot run

    def settle(widget: QWidget) -> None:
        loop = QEventLoop()
        QTimer.singleShot(400, loop.quit)  # let the window manager map and lay it out
        loop.exec()

    def save(widget: QWidget, name: str) -> Path:
        settle(widget)
        path = out / f"{name}-{lang}-{width}.png"
        widget.grab().save(str(path))
        return path

    clock = FakeClock(NOW)
    alert = AlertWindow(clock, sound=type("Mute", (), {"play": lambda self: False})())
    new = LeadStatus.NEW
    view = from_row(lead_row(NOW), status=new, next_attempt=1, next_due=NOW)
    other = from_row(
        lead_row(NOW, id="L2", name="Fatima el Amrani"), status=new, next_attempt=1, next_due=NOW
    )
    shots = []
    clock.set(NOW - timedelta(seconds=65) + timedelta(seconds=18))  # 1:42 left
    alert.set_leads([view, other])
    shots.append(save(alert, "alert-normal"))
    clock.set(NOW - timedelta(seconds=65) + timedelta(seconds=103))  # 0:17 left
    shots.append(save(alert, "alert-amber"))
    clock.set(NOW - timedelta(seconds=65) + timedelta(seconds=165))  # +0:45
    shots.append(save(alert, "alert-overtime"))
    alert.call_button.click()
    alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=True)
    shots.append(save(alert, "call-panel"))
    alert.close()
    shots += special_leads(clock, save)

    attempt = {
        "id": 1,
        "lead_id": view.id,
        "number": 1,
        "ts": NOW.isoformat(),
        "outcome": "voicemail",
        "note": None,
        "user": "piet",
    }
    later = from_row(
        lead_row(NOW),
        [attempt],
        status=LeadStatus.CALLED,
        next_attempt=2,
        next_due=NOW,
        overdue=True,
    )
    if width == SIZES[0][0]:  # a dialog of fixed size: one picture per language
        dialog = OutcomeDialog(later)
        dialog.show()
        settle(dialog)
        path = out / f"outcome-{lang}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
        # "Appointment made": when? (tomorrow 10:00 by default)
        ams = ZoneInfo("Europe/Amsterdam")
        dialog = OutcomeDialog(later, now=NOW, tz=ams)
        dialog.show()
        dialog.buttons["appointment"].click()
        settle(dialog)
        path = out / f"outcome-appointment-{lang}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
    QCoreApplication.removeTranslator(translator)
    QCoreApplication.removeTranslator(main_translator)
    app.processEvents()
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

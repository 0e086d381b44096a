"""The reminder chain: tray, then plyer, then the in-app banner; each failure logged."""

from __future__ import annotations

import logging

import plyer
import pytest
from PySide6.QtCore import Qt

from app.ui.common import notify
from app.ui.common.notify import Banner, Notifier

# The offscreen platform can't pass size hints on to a window; not our warning.


class FakeTray:
    def __init__(self, visible: bool = True, error: Exception | None = None) -> None:
        self.visible = visible
        self.error = error
        self.messages: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return self.visible

    def showMessage(self, title, text, icon, ms):
        if self.error:
            raise self.error
        self.messages.append((title, text))


class Links:
    """Records what reached plyer and the banner; plyer can be made to fail."""

    def __init__(self, plyer_error: BaseException | None = None) -> None:
        self.plyer_error = plyer_error
        self.plyer: list[tuple[str, str]] = []
        self.banner: list[tuple[str, str]] = []

    def desktop(self, title: str, text: str) -> None:
        if self.plyer_error:
            raise self.plyer_error
        self.plyer.append((title, text))

    def show_banner(self, title: str, text: str) -> None:
        self.banner.append((title, text))


def notifier(links: Links, tray=None, *, available=True, env=None) -> Notifier:
    return Notifier(
        tray,
        links.show_banner,
        tray_available=lambda: available,
        desktop_notify=links.desktop,
        env={} if env is None else env,
    )


MSG = ("Call Jan Jansen — attempt 2", "Due now: 06 12345678")


def warnings_of(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == notify.__name__ and r.levelno == logging.WARNING
    ]


def test_tray_first(caplog):
    links, tray = Links(), FakeTray()
    assert notifier(links, tray).notify(*MSG) == "tray"
    assert tray.messages == [MSG]
    assert links.plyer == links.banner == []
    assert warnings_of(caplog) == []


def test_no_system_tray_falls_back_to_plyer(caplog):
    links, tray = Links(), FakeTray()
    assert notifier(links, tray, available=False).notify(*MSG) == "plyer"
    assert tray.messages == []
    assert links.plyer == [MSG]
    assert warnings_of(caplog) == [
        "tray notification unavailable: no system tray on this desktop; trying the next way"
    ]


def test_no_tray_icon_at_all_falls_back_to_plyer():
    links = Links()
    assert notifier(links, None).notify(*MSG) == "plyer"


def test_hidden_tray_icon_falls_back(caplog):
    links = Links()
    assert notifier(links, FakeTray(visible=False)).notify(*MSG) == "plyer"
    assert "tray icon not shown" in warnings_of(caplog)[0]


def test_tray_raising_falls_back():
    links = Links()
    tray = FakeTray(error=RuntimeError("Internal C++ object already deleted."))
    assert notifier(links, tray).notify(*MSG) == "plyer"


def test_plyer_without_backend_falls_back_to_the_banner(caplog):
    links = Links(plyer_error=NotImplementedError())
    assert notifier(links, None).notify(*MSG) == "banner"
    assert links.banner == [MSG]
    assert warnings_of(caplog) == [
        "tray notification unavailable: no tray icon; trying the next way",
        "plyer notification unavailable: no notification backend on this system; "
        "trying the next way",
    ]


@pytest.mark.parametrize("error", [OSError("notify-send: not found"), ValueError("dbus")])
def test_any_plyer_error_falls_back_to_the_banner(caplog, error):
    links = Links(plyer_error=error)
    assert notifier(links, FakeTray(), available=False).notify(*MSG) == "banner"
    assert any(type(error).__name__ in w for w in warnings_of(caplog))


def test_plyer_is_skipped_when_switched_off(caplog):
    links = Links()
    n = notifier(links, None, env={"LEADPOP_NO_DESKTOP_NOTIFY": "1"})
    assert n.notify(*MSG) == "banner"
    assert links.plyer == []


def test_the_test_suite_switches_plyer_off():
    # tests/conftest.py sets it: no test may reach a real desktop bus.
    links = Links()
    n = Notifier(
        None, links.show_banner, tray_available=lambda: False, desktop_notify=links.desktop
    )
    assert n.notify(*MSG) == "banner"
    assert links.plyer == []


def test_a_repeated_failure_warns_once(caplog):
    links = Links(plyer_error=NotImplementedError())
    n = notifier(links, None)
    for _ in range(3):
        n.notify(*MSG)
    assert len(warnings_of(caplog)) == 2  # tray once, plyer once
    assert len(links.banner) == 3


def test_a_channel_that_recovers_warns_again_when_it_fails_again(caplog):
    links = Links(plyer_error=NotImplementedError())
    n = notifier(links, None)
    n.notify(*MSG)
    links.plyer_error = None
    assert n.notify(*MSG) == "plyer"
    links.plyer_error = NotImplementedError()
    n.notify(*MSG)
    assert sum("plyer" in w for w in warnings_of(caplog)) == 2


def test_plyer_adapter_passes_title_and_text(monkeypatch):
    seen = {}
    monkeypatch.setattr(plyer.notification, "notify", lambda **kw: seen.update(kw))
    notify.plyer_notify(*MSG)
    assert (seen["title"], seen["message"], seen["app_name"]) == (*MSG, "Leadpop")


# -- the banner ------------------------------------------------------------------------------


@pytest.fixture
def banner(qtbot):
    widget = Banner()
    qtbot.addWidget(widget)
    return widget


def test_banner_shows_the_reminder(banner):
    assert banner.isHidden()
    n = Notifier(
        None,
        banner.show_message,
        tray_available=lambda: False,
        env={"LEADPOP_NO_DESKTOP_NOTIFY": "1"},
    )
    assert n.notify(*MSG) == "banner"
    assert not banner.isHidden()
    assert (banner.title_label.text(), banner.text_label.text()) == MSG


def test_banner_open(qtbot, banner):
    banner.show_message(*MSG)
    with qtbot.waitSignal(banner.open_requested):
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()


def test_banner_dismiss(qtbot, banner):
    banner.show_message(*MSG)
    with qtbot.waitSignal(banner.dismissed):
        qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()


def test_the_newest_reminder_replaces_the_last(banner):
    banner.show_message("Bel Jan Jansen", "poging 2")
    banner.show_message("Bel Sanne Bakker", "poging 3")
    assert banner.title_label.text() == "Bel Sanne Bakker"

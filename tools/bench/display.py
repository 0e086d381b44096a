"""Where the app's windows go: a real X server (Xvfb + openbox) or Qt's offscreen platform.

Xvfb with a window manager is what a showroom PC has (a full-screen alert really maps
and paints); offscreen is the fallback where Xvfb or openbox is missing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator

from tools.screenshot_kit import x_server

WIDTH, HEIGHT = 1920, 1080


def xvfb_available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "openbox"))


@contextlib.contextmanager
def display(kind: str = "auto") -> Iterator[str]:
    """Set up the display for the app subprocesses; yields "xvfb" or "offscreen"."""
    if kind == "auto":
        kind = "xvfb" if xvfb_available() else "offscreen"
    saved = os.environ.get("QT_QPA_PLATFORM")
    if kind == "xvfb":
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        cm: contextlib.AbstractContextManager[None] = x_server(WIDTH, HEIGHT)
    else:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        cm = contextlib.nullcontext()
    try:
        with cm:
            yield kind
    finally:
        if saved is None:
            os.environ.pop("QT_QPA_PLATFORM", None)
        else:
            os.environ["QT_QPA_PLATFORM"] = saved

"""Suite-wide setup: Qt never needs a screen, and nothing here sleeps."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The notification library must never reach a real desktop bus from a test.
os.environ.setdefault("LEADPOP_NO_DESKTOP_NOTIFY", "1")
# No chime in tests: QtMultimedia logs warnings on machines without audio.
os.environ.setdefault("LEADPOP_MUTE", "1")

"""The alert chime: a short two-tone WAV played with QSoundEffect.

A showroom PC without speakers (or a test run) stays silent without an error. Qt's
multimedia backend is only loaded on the first chime, and not at all when muted or when
there is no audio output: loading it logs Qt warnings on a machine without sound.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

ALERT_WAV = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "alert.wav"
ENV_MUTE = "LEADPOP_MUTE"  # "1": never touch the audio stack (tests, kiosks, quiet offices)


def muted_by_env() -> bool:
    return os.environ.get(ENV_MUTE, "") not in ("", "0")


class AlertSound:
    """Plays the chime; every failure ends in silence, never in an exception."""

    def __init__(self, path: Path = ALERT_WAV, parent: QObject | None = None) -> None:
        self.path = path
        self.enabled = True  # a user setting the shell may switch off
        self._parent = parent
        self._effect: QSoundEffect | None = None
        self._unavailable = False  # decided once: no outputs or no file

    def play(self) -> bool:
        """Start the chime. False when silent (muted, no device, no file)."""
        if not self.enabled or muted_by_env() or self._unavailable:
            return False
        effect = self._effect or self._load()
        if effect is None:
            return False
        effect.play()
        return True

    def _load(self) -> QSoundEffect | None:
        if not self.path.is_file():
            log.warning("alert sound missing: %s", self.path)
            self._unavailable = True
            return None
        # Imported here: the multimedia plugin is heavy and noisy where there is no audio.
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not QMediaDevices.audioOutputs():
            log.info("no audio output; the alert stays silent")
            self._unavailable = True
            return None
        effect = QSoundEffect(self._parent)
        effect.setObjectName("alert-sound")
        effect.setSource(QUrl.fromLocalFile(str(self.path)))
        effect.setVolume(0.8)
        self._effect = effect
        return effect

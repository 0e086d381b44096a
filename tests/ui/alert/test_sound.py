"""The alert chime: a small pleasant WAV, silent without an error where there is no audio."""

from __future__ import annotations

import array
import logging
import wave
from typing import ClassVar

import pytest
from PySide6 import QtMultimedia

from app.ui.alert import sound
from app.ui.alert.sound import ALERT_WAV, AlertSound


def test_the_wav_is_short_small_and_not_silent():
    assert ALERT_WAV.stat().st_size < 100_000
    with wave.open(str(ALERT_WAV)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        seconds = w.getnframes() / w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
    assert 0.3 <= seconds <= 1.5
    peak = max(abs(s) for s in samples)
    assert 0.2 * 32767 < peak < 32767  # audible, not clipped
    assert abs(samples[0]) < 500 and abs(samples[-1]) < 500  # fades in and out: no click


def test_muted_by_the_environment():
    # conftest sets LEADPOP_MUTE=1 for every UI test.
    assert AlertSound().play() is False


def test_switched_off_by_the_user(monkeypatch):
    monkeypatch.delenv("LEADPOP_MUTE")
    s = AlertSound()
    s.enabled = False
    assert s.play() is False


def test_a_missing_file_is_silent_and_logged_once(monkeypatch, tmp_path, caplog):
    monkeypatch.delenv("LEADPOP_MUTE")
    s = AlertSound(tmp_path / "gone.wav")
    assert s.play() is False
    assert s.play() is False
    assert [r.levelno for r in caplog.records if r.name == sound.__name__] == [logging.WARNING]


class FakeEffect:
    made: ClassVar[list[FakeEffect]] = []

    def __init__(self, parent=None) -> None:
        self.source = None
        self.plays = 0
        FakeEffect.made.append(self)

    def setObjectName(self, name):
        pass

    def setSource(self, url):
        self.source = url

    def setVolume(self, v):
        pass

    def play(self):
        self.plays += 1


@pytest.fixture
def audio(monkeypatch):
    """Qt's audio backend replaced: the real one logs warnings on a machine without sound."""
    outputs: list[object] = []
    FakeEffect.made = []
    monkeypatch.delenv("LEADPOP_MUTE")
    monkeypatch.setattr(QtMultimedia, "QSoundEffect", FakeEffect)
    fake_devices = type("Devices", (), {"audioOutputs": staticmethod(lambda: outputs)})
    monkeypatch.setattr(QtMultimedia, "QMediaDevices", fake_devices)
    return outputs


def test_no_audio_output_is_silent(audio):
    assert AlertSound().play() is False
    assert FakeEffect.made == []


def test_plays_the_chime_and_loads_it_once(audio):
    audio.append("speakers")
    s = AlertSound()
    assert s.play() is True
    assert s.play() is True
    [effect] = FakeEffect.made
    assert effect.plays == 2
    assert effect.source.toLocalFile() == str(ALERT_WAV)

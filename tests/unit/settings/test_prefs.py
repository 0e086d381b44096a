"""Saved settings and how they combine with the command line (no Qt needed)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.hours import HoursError
from app.settings.config import resolve
from app.settings.prefs import Prefs, apply


def test_round_trip_and_defaults():
    prefs = Prefs(name="Piet", role="manager", hours="always", second_after_min=10)
    assert Prefs.from_json(prefs.to_json()) == prefs
    assert Prefs.from_json(None) == Prefs()
    assert Prefs.from_json("{broken") == Prefs()


def test_wrong_values_fall_back_to_defaults():
    text = (
        '{"version": 1, "role": "boss", "second_after_min": -3, "sound": "yes",'
        ' "language": "fr", "name": 42, "future_field": 1}'
    )
    assert Prefs.from_json(text) == Prefs()


def test_saved_settings_fill_in_what_the_command_line_leaves_open(tmp_path):
    base = resolve(data_dir=str(tmp_path), env={})
    prefs = Prefs(
        name="Anna",
        inbox="/mnt/leads",
        hours="always",
        region="be",
        second_after_min=10,
        third_after_min=60,
    )
    cfg = apply(prefs, base)
    assert cfg.user == "Anna"
    assert cfg.inbox == "/mnt/leads" and not cfg.embedded_inbox
    assert cfg.hours.always
    assert cfg.region == "BE"
    assert cfg.cadence.second_after == timedelta(minutes=10)
    assert cfg.cadence.third_after == timedelta(hours=1)


def test_the_command_line_wins(tmp_path):
    base = resolve(
        data_dir=str(tmp_path), user="piet", inbox="/srv/inbox", hours="mo-fr 08:00-17:00", env={}
    )
    cfg = apply(Prefs(name="Anna", inbox="/mnt/leads", hours="always"), base)
    assert (cfg.user, cfg.inbox, cfg.hours.spec) == ("piet", "/srv/inbox", "mo-fr 08:00-17:00")


def test_unreadable_saved_hours_raise(tmp_path):
    base = resolve(data_dir=str(tmp_path), env={})
    with pytest.raises(HoursError):
        apply(Prefs(hours="whenever"), base)

"""The local store and the person's settings are readable by their user only (POSIX;
on Windows the profile's ACL does it, see app.core.private)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.settings.prefs import Prefs, PrefsFile
from app.store import Store

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows: the profile's ACL")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_store_its_wal_and_its_folder_are_the_users_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # as on a default Debian desktop
    try:
        store = Store.open(tmp_path / "data")
        store.set_setting("k", "v")  # a write: the -wal and -shm files exist now
        try:
            files = sorted(p.name for p in (tmp_path / "data").iterdir())
            assert files == ["leadpop.db", "leadpop.db-shm", "leadpop.db-wal"]
            assert {mode(tmp_path / "data" / f) for f in files} == {0o600}
            assert mode(tmp_path / "data") == 0o700
        finally:
            store.close()
    finally:
        os.umask(old)


def test_settings_json_is_the_users_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        prefs = PrefsFile(tmp_path / "config" / "settings.json")
        prefs.write(Prefs(name="Anna de Vries"))
        assert mode(prefs.path) == 0o600 and mode(prefs.path.parent) == 0o700
    finally:
        os.umask(old)

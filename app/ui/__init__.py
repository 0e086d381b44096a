"""The desktop app (PySide6): the only layer that knows Qt.

This package file imports nothing, so its Qt-free helpers (routing, prefs) load without Qt.
"""

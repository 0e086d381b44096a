"""Leadpop's hook for PySide6.QtGui: PyInstaller's own collection, less what the
bundle leaves out (packaging/bundle_rules.py). Trimming here, before the libraries are
resolved, also keeps out what only the dropped plugins link against. leadpop.spec puts
packaging/ on sys.path.
"""

from bundle_rules import trim_hook
from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

hiddenimports, binaries, datas = trim_hook(
    *add_qt6_dependencies(__file__), qt_version=tuple(pyside6_library_info.version)
)

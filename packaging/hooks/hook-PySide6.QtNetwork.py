"""Leadpop's hook for PySide6.QtNetwork: PyInstaller's own collection, less what the
bundle leaves out (packaging/bundle_rules.py). Trimming here, before the libraries are
resolved, also keeps out what only the dropped plugins link against. leadpop.spec puts
packaging/ on sys.path.
"""

from bundle_rules import full_build, trim_hook
from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

hiddenimports, binaries, datas = trim_hook(
    *add_qt6_dependencies(__file__), qt_version=tuple(pyside6_library_info.version)
)
# PyInstaller adds OpenSSL for Qt's TLS backend here; we drop that backend (the mailbox inbox
# uses Python's ssl, which brings its own).
if full_build():
    binaries += pyside6_library_info.collect_qtnetwork_files()

"""Translations: every app/resources/i18n/*_<lang>.qm plus Qt's own qtbase_<lang>.qm.

Language: --lang, else the saved setting, else Dutch when the system locale is Dutch,
else English (the source language needs no catalogue).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def choose_language(cli: str | None, saved: str | None, system: QLocale | None = None) -> str:
    if cli:
        return cli
    if saved:
        return saved
    system = system or QLocale.system()
    return "nl" if system.language() == QLocale.Language.Dutch else "en"


def locale_for(lang: str) -> QLocale:
    """Numbers and dates as the language writes them: "87,5" and "€ 21.950" in Dutch,
    "87.5" and "€ 21,950" in English (English as written in the Netherlands would give
    "87,5": the decimal mark follows the language the person reads, not the country)."""
    if lang == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load and install the catalogues; returns them (keep them alive as long as the app)."""
    QLocale.setDefault(locale_for(lang))
    if lang == "en":
        return []
    translators: list[QTranslator] = []
    paths = sorted(I18N.glob(f"*_{lang}.qm"))
    if not paths:
        log.warning("no %s translations in %s (run tools/build_translations.py)", lang, I18N)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    paths.append(Path(qt_dir) / f"qtbase_{lang}.qm")
    for path in paths:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.info("translation %s not loaded", path)
    return translators

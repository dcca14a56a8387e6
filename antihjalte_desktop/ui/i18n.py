"""Loading the Swedish translation and writing dates the way the UI language reads them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from antihjalte_desktop.core.dates import format_day

QM_PATH = ":/i18n/antihjalte_sv.qm"
# English is the source language: this one holds only plural forms ("1 week" / "4 weeks").
QM_PLURALS_EN = ":/i18n/antihjalte_en.qm"


class Translations:
    """Installs our translator and Qt's own (standard buttons, context menus) for one language."""

    def __init__(self) -> None:
        self.language = "en"
        self.loaded = False  # our .qm (Swedish) is installed
        self._installed: list[QTranslator] = []

    def remove(self) -> None:
        """Uninstall our translators (the app falls back to the English source, and so do the
        messages of the core, store, feed and services: an app shut down leaves no language behind
        in its process)."""
        from antihjalte_desktop.core import i18n

        for t in self._installed:
            QCoreApplication.removeTranslator(t)
        self._installed = []
        i18n.set_language("en")

    def apply(self, lang: str) -> bool:
        """Switch to ``lang`` ("sv" or "en"); returns whether a translation file was loaded."""
        app = QCoreApplication.instance()
        self.remove()
        self.language = "sv" if lang == "sv" else "en"
        self.loaded = False
        # The messages of the core, store, feed and services (errors, warnings) follow too.
        from antihjalte_desktop.core import i18n

        i18n.set_language(self.language)
        from antihjalte_desktop.ui import resources  # noqa: F401 - registers :/i18n

        if self.language == "sv":
            ours = QTranslator(app)
            if ours.load(QM_PATH):
                QCoreApplication.installTranslator(ours)
                self._installed.append(ours)
                self.loaded = True
            qt = QTranslator(app)
            # By file name, not by QLocale: building QLocale's enums costs ~30 ms of start-up.
            if qt.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt)
                self._installed.append(qt)
        else:
            plurals = QTranslator(app)
            if plurals.load(QM_PLURALS_EN):
                QCoreApplication.installTranslator(plurals)
                self._installed.append(plurals)
        return self.loaded


def tr(context: str, text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP in core (contexts settings, handover, holiday)."""
    return QCoreApplication.translate(context, text)


def day_text(day: date, lang: str, *, year: bool = False) -> str:
    """``fredag 4 december`` / ``Friday 4 December``."""
    return format_day(day, lang, with_year=year)


def apply_qlocale(lang: str) -> None:
    """Qt's own formats (month and weekday names in the calendar) in ``lang``. The windows call this
    when they open, not the start-up: QLocale's enums are slow to build."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(qlocale(lang))


def qlocale(lang: str) -> Any:
    from PySide6.QtCore import QLocale

    if lang == "sv":
        return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

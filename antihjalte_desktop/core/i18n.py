"""Marking strings for translation without importing Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate``
finds the calls by name and puts the strings in ``resources/*.ts``. The Qt shell
translates them with ``QCoreApplication.translate(context, text)``; the CLI shows
English.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    del context
    return text


def no_translation(context: str, text: str) -> str:
    del context
    return text

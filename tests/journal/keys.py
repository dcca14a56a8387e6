"""Typing any text (å, ä, ö too) into a widget as key events. QTest.keyClicks only
knows ASCII keys (it aborts on "ä"), so each character goes as a KeyPress carrying
its text, the way an input method delivers it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_KEYS = {"\n": Qt.Key.Key_Return, " ": Qt.Key.Key_Space, "\t": Qt.Key.Key_Tab}


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        key = _KEYS.get(ch)
        if key is None:
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        sent = "" if ch == "\n" else ch
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, sent))

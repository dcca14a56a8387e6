"""A line that says what the auto-reply or the handover message lacks (your name, who covers for
you) with a button that opens the settings where it is added. For the planner and the handover
dialog to place under their texts:

    hint = MissingHint(open_settings=lambda: open_settings_at("me"), parent=self)
    layout.addWidget(hint)
    hint.show_missing(autoreply.missing(day))   # after every reload; hidden when nothing lacks
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QWidget


def missing_text(missing: Iterable[str]) -> str:
    """The sentence for what lacks ("name", "cover"), in the UI language; "" when nothing does."""
    from PySide6.QtCore import QCoreApplication

    what = set(missing)
    if {"name", "cover"} <= what:
        return QCoreApplication.translate(
            "MissingHint", "Your name and who covers for you are missing – add them under Settings → You."
        )
    if "name" in what:
        return QCoreApplication.translate(
            "MissingHint", "Your name is missing, so the text ends unsigned – add it under Settings → You."
        )
    if "cover" in what:
        return QCoreApplication.translate(
            "MissingHint",
            "Nobody covers for you on this day – name a colleague, or add who usually covers "
            "for you under Settings → You.",
        )
    return ""


class MissingHint(QWidget):
    def __init__(self, open_settings: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingHint")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        sign = QLabel(self)
        size = self.fontMetrics().height()
        sign.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        row.addWidget(sign)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Open settings…"), self)
        self.button.setObjectName("openSettings")
        self.button.setAccessibleName(self.button.text().replace("&", ""))
        self.button.clicked.connect(lambda: open_settings())
        row.addWidget(self.button)
        self.hide()

    def show_missing(self, missing: Iterable[str]) -> None:
        text = missing_text(missing)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

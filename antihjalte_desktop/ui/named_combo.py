"""A combo box that a screen reader names by what it is for, not by the item it shows.

On Linux, Qt's own accessible combo box takes its name from the current item ("Svenska") and
leaves the label to a relation, so AT-SPI lists the auto-reply's language box as "Svenska". This
one says its accessible name ("Språk för autosvaret") as the name and the item as the value, and
keeps the popup list as its child and "press"/"show menu" as its actions, as Qt's does."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QComboBox


class NamedComboBox(QComboBox):
    """A QComboBox whose accessible name is :meth:`accessibleName`, its value the shown item."""


class _NamedComboAccessible(QAccessibleWidget):
    def __init__(self, combo: NamedComboBox) -> None:
        super().__init__(combo, QAccessible.Role.ComboBox)
        self._combo = combo

    def text(self, t: QAccessible.Text) -> str:
        combo = self._combo
        if t == QAccessible.Text.Name:
            return combo.accessibleName() or combo.currentText()
        if t == QAccessible.Text.Value:
            return combo.currentText()
        return str(super().text(t))

    def childCount(self) -> int:
        return 1

    def child(self, index: int) -> QAccessibleInterface:
        view = QAccessible.queryAccessibleInterface(self._combo.view())
        return view if index == 0 else None  # type: ignore[return-value]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return 0 if child.object() is self._combo.view() else -1

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.showMenuAction(), QAccessibleActionInterface.pressAction()]

    def doAction(self, actionName: str) -> None:
        if actionName in self.actionNames():
            self._combo.showPopup()


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key == "NamedComboBox" and isinstance(obj, NamedComboBox):
        return _NamedComboAccessible(obj)
    return None


QAccessible.installFactory(_factory)

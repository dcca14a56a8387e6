"""The one registry of windows: each window or dialog exists at most once (a handover dialog
once per day), is built on first use by the factory the composition root gives, and is
brought forward when asked for again."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def bring_forward(win: QWidget) -> None:
    win.show()
    win.setWindowState(win.windowState() & ~win.windowState().WindowMinimized)
    win.raise_()
    win.activateWindow()


class WindowManager:
    def __init__(self) -> None:
        self._open: dict[Hashable, QWidget] = {}

    def get(self, key: Hashable) -> QWidget | None:
        return self._open.get(key)

    def show(self, key: Hashable, factory: Callable[[], W], *, forward: bool = True) -> W:
        """The window under ``key``, built by ``factory`` if there is none, shown and brought
        forward (unless ``forward`` is False: then built, not shown)."""
        win = self._open.get(key)
        if win is None:
            win = factory()
            self._open[key] = win
            win.destroyed.connect(lambda *_a, k=key, w=win: self._forget(k, w))
        if forward:
            bring_forward(win)
        return win  # type: ignore[return-value]

    def replace(self, key: Hashable) -> None:
        """Forget ``key``'s window (closed and deleted later), so the next ``show`` builds anew."""
        win = self._open.pop(key, None)
        if win is not None:
            win.close()
            win.deleteLater()

    def keys(self) -> list[Hashable]:
        return list(self._open)

    def close_all(self) -> None:
        for key in list(self._open):
            self.replace(key)

    def _forget(self, key: Hashable, win: QWidget) -> None:
        if self._open.get(key) is win:
            del self._open[key]

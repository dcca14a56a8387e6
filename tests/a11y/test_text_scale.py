"""EN 301 549 11.1.4.4 (resize text): at 200 % text size nothing is clipped. Every label and button
in each window fits its text (its size hint within its geometry, or for wrapped text the height
its width needs), and text is shortened only with "…" and the whole text as its tooltip.

Offscreen, with the application font doubled before the windows are built.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

ELLIPSIS = "…"


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(w: QWidget) -> str | None:
    """Why ``w`` does not show all of its text, or None when it does."""
    geo = w.geometry()
    if isinstance(w, QLabel):
        text = w.text()
        if not text or (w.pixmap() is not None and not w.pixmap().isNull()):
            return None
        if w.wordWrap() and w.hasHeightForWidth():
            need = w.heightForWidth(geo.width())
            if need > geo.height():
                return f"wrapped label {text[:60]!r} needs {need} px height, has {geo.height()}"
            return None
    elif isinstance(w, QAbstractButton):
        text = plain(w.text())
        if not text:
            return None
    else:
        return None
    hint = w.sizeHint()
    if hint.width() > geo.width() or hint.height() > geo.height():
        return (
            f"{type(w).__name__} {text[:60]!r} needs {hint.width()}x{hint.height()}, "
            f"has {geo.width()}x{geo.height()}"
        )
    # A button's "…" says it opens a dialog; a label's says its text was shortened.
    if isinstance(w, QLabel) and text.endswith(ELLIPSIS) and not w.toolTip():
        return f"label {text[:60]!r} is shortened without the whole text as tooltip"
    return None


def problems(window: QWidget) -> list[str]:
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.window() is not window:
            continue
        why = clipped(w)
        if why:
            found.append(f"{w.objectName() or '-'}: {why}")
    return found


@pytest.fixture
def big_text(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    doubled = type(font)(font)
    doubled.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(doubled)
    try:
        yield
    finally:
        qapp.setFont(font)


def settle(qapp: QApplication) -> None:
    for _ in range(5):
        qapp.processEvents()


def shown(qapp: QApplication, win: QWidget) -> QWidget:
    win.show()  # at the size the app gives it
    settle(qapp)
    return win


OPENERS: dict[str, Callable[[Any], Any]] = {
    "planner": lambda app: app.open_planner(date(2026, 12, 2)),
    "journal": lambda app: app.open_journal(),
    "settings": lambda app: app.open_settings(),
    "insights": lambda app: app.open_insights(),
    "handover": lambda app: app.open_handover(date(2026, 12, 2)),
}
for _name, _module, _method in (
    ("first-run", "first_run", "open_first_run"),
    ("help", "help_window", "open_help"),
):
    if importlib.util.find_spec(f"antihjalte_desktop.ui.{_module}") is not None:
        OPENERS[_name] = lambda app, m=_method: getattr(app, m)()


@pytest.mark.parametrize("window", sorted(OPENERS))
def test_text_fits_at_200_percent(qapp: QApplication, big_text: None, make_app: Any, window: str) -> None:
    app = make_app()
    app.planning.plan_day(date(2026, 12, 2))  # the day's editor and checklist show
    win = shown(qapp, OPENERS[window](app))
    assert win.font().pointSizeF() >= 2 * 8, "the doubled font did not reach the window"
    found = problems(win)
    sections = getattr(win, "sections", None)
    if sections is not None:  # the settings dialog: every section
        for row in range(sections.count()):
            sections.setCurrentRow(row)
            settle(qapp)
            found += [f"[{sections.item(row).text()}] {p}" for p in problems(win)]
    assert not found, f"{window} at 200 %:\n" + "\n".join(dict.fromkeys(found))


def test_the_check_finds_clipped_text(qapp: QApplication, big_text: None) -> None:
    """Proof that the check can fail: a label squeezed below its text's size is found."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    win = QWidget()
    label = QLabel("Telefonen hänvisad till en kollega", win)
    QVBoxLayout(win).addWidget(label)
    win.show()
    settle(qapp)
    label.setFixedSize(label.sizeHint().width() // 2, label.sizeHint().height() - 2)
    settle(qapp)
    try:
        assert problems(win), "a clipped label went unnoticed"
    finally:
        win.close()

"""PySide6 6.12.0 (on Python 3.11) drops a reference to None on every call into a Python override
(event filters, paintCell): a tray app that runs for hours then dies in ``none_dealloc``. The
dependency pin excludes that release; this test fails on any release that does the same."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


class _Filter(QObject):
    def eventFilter(self, watched: QObject, event: object) -> bool:
        return False


def test_python_overrides_do_not_leak_none_references(qtbot) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    f = _Filter()
    w.installEventFilter(f)
    w.show()
    qtbot.waitExposed(w)
    before = sys.getrefcount(None)
    for _ in range(300):
        w.repaint()
    after = sys.getrefcount(None)
    # Each repaint calls the filter a few times: a leak shows as hundreds of lost references.
    assert after - before > -100, f"None lost {before - after} references in 300 repaints"

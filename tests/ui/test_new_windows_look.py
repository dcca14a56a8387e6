"""Screenshots of the first run, Help and About in English and Swedish for people to look at
(tests/_artifacts/first-run-LANG.png, help-LANG.png, about-LANG.png), plus what a machine can
check: every button and label gets at least the width its text needs, and the windows fit a
1280x800 screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from antihjalte_desktop.store.profile import Profile
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_NOISE, "systemTrayWindowChanged"
)  # a tray icon shown offscreen

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"


def _clipped(win: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text."""
    out = []
    for w in win.findChildren(QAbstractButton) + win.findChildren(QLabel):
        if not w.isVisible() or (isinstance(w, QLabel) and w.wordWrap()):
            continue
        need = w.minimumSizeHint().width()
        if w.width() < need:
            out.append(f"{type(w).__name__} {w.objectName() or w.text()!r}: {w.width()} < {need}")
    return out


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_screenshots_of_first_run_help_and_about(
    make_app: Any, profile: Profile, qtbot: Any, lang: str
) -> None:
    profile.settings.set("ui.language", lang)
    profile.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Omar Said"])
    app = make_app(has_tray=True)
    assert app.language == lang
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    first = app.open_first_run()
    first.name.setText("Kim Lind")
    first.email.setText("kim.lind at kommun")
    first.finish()  # a refusal shows under its field
    first.sync_result.setText(first._found_text())
    first.sync_result.show()
    first.fit()
    for name, win in (("first-run", first), ("help", app.open_help()), ("about", app.open_about())):
        qtbot.waitExposed(win)
        hint = win.sizeHint()
        assert hint.width() <= 1280 and win.height() <= 760, (name, hint)
        assert _clipped(win) == [], (name, _clipped(win))
        assert win.grab().save(str(ARTIFACTS / f"{name}-{lang}.png"))

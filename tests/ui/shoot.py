"""Screenshots of the planner and settings dialog as a person would see them, at any
QT_SCALE_FACTOR, in a light or dark palette and in either language (run as a subprocess by
test_looks.py; also handy by hand):

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 python -m tests.ui.shoot HOME OUTDIR sv dark
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from antihjalte_desktop import app as appmod
from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile


def dark_palette() -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d8ee0",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }  # fmt: skip
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a8a8a"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8a8a"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a8a8a"))
    return pal


def _in_window(win: object, rect: object) -> list[int]:
    """A calendar cell's rectangle in the window's coordinates."""
    top_left = win.calendar.viewport().mapTo(win, rect.topLeft())  # type: ignore[attr-defined]
    return [top_left.x(), top_left.y(), rect.width(), rect.height()]  # type: ignore[attr-defined]


def main(home: str, outdir: str, lang: str, scheme: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    qapp = appmod._make_qapp()
    qapp.setStyle("Fusion")
    if scheme == "dark":
        qapp.setPalette(dark_palette())
    prof = Profile(
        Paths.resolve(home),
        clock=FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))),
    )
    prof.settings.set("ui.language", lang)
    prof.settings.set("me.name", "Kim Lind")
    prof.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se, 070-123 45 67"])
    if prof.plan.get_day(date(2026, 12, 4)) is None:
        Planning(prof).plan_day(date(2026, 12, 4), "Omvärldsbevakning och tjänstedesign", "Anna Berg")
        prof.plan.set_item_done(date(2026, 12, 4), "autoreply", True)
    app = appmod.App(qapp, prof, has_tray=True)
    app.start(show_planner=False)
    appmod._wait(qapp, app.holidays.calendar_ready, 15)
    win = app.open_planner(date(2026, 12, 4))
    app.hub.notify_plan_changed()
    appmod._wait(qapp, lambda: win.isVisible(), 5)
    qapp.processEvents()
    tag = f"{lang}-{scheme}-x{QGuiApplication.primaryScreen().devicePixelRatio():g}"
    win.grab().save(str(out / f"planner-{tag}.png"))
    app.open_settings()
    dlg = app.settings_dialog
    assert dlg is not None
    dlg.show_section("reminders")
    qapp.processEvents()
    dlg.grab().save(str(out / f"settings-{tag}.png"))
    screen = QGuiApplication.primaryScreen().availableGeometry()
    facts = {
        "planner_min": [win.minimumSizeHint().width(), win.minimumSizeHint().height()],
        "settings_min": [dlg.minimumSizeHint().width(), dlg.minimumSizeHint().height()],
        "screen": [screen.width(), screen.height()],
        "planner_title": win.windowTitle(),
        "planned_cell": _in_window(win, win.calendar.cell_rect(date(2026, 12, 4))),
    }
    print(json.dumps(facts))
    app.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:5]))

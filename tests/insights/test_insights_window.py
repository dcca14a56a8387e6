"""The Insights window (pytest-qt, offscreen) and the PNG/PDF report, on a real profile
whose history was built by the real `antihjalte` command with the clock set back."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.core.insights import CellState
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

from ..conftest import Cli, require_tools
from .conftest import SECRET_JOURNAL, SECRET_NOTE, SECRET_TASK, build_history, run

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"
NOW = datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One profile with history for the module (building it takes ~20 commands)."""
    home = tmp_path_factory.mktemp("insights-profile")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "Europe/Stockholm")
        mp.setenv("LANG", "C.UTF-8")
        mp.setenv("HOME", str(home / "userhome"))
        mp.delenv("ANTIHJALTE_HOME", raising=False)
        kim = Cli(home, now=None)
        build_history(kim)
        # a colleague who shares her days and the hero rota through a feed file
        feed = home.parent / f"{home.name}-team.ics"
        anna = Cli(home.parent / f"{home.name}-anna", now=None)
        jan = "2026-01-05T09:00:00+01:00"
        run(anna, "config", "set", "me.name", "Anna Berg", now=jan)
        run(anna, "config", "set", "team.roster", "Anna Berg;Kim Lund;Olle Ek", now=jan)
        run(anna, "feed", "set", str(feed), now=jan)
        for day in ("2026-01-14", "2026-02-11", "2026-02-25", "2026-03-18"):
            run(anna, "plan", "add", day, now=jan)
        run(anna, "rota", "generate", "--from", "2026-01-05", "--weeks", "12", now=jan)
        run(anna, "sync", now=jan)
        run(kim, "feed", "set", str(feed), now=jan)
        run(kim, "sync", now="2026-04-01T09:00:00+02:00")
    return home


@pytest.fixture
def profile(built: Path, tmp_path: Path) -> Iterator[Profile]:
    home = tmp_path / "copy"
    shutil.copytree(built, home)
    prof = Profile(Paths.resolve(home), FixedClock(NOW))
    yield prof
    prof.close()


def _window(qtbot, profile: Profile, lang: str):  # type: ignore[no-untyped-def]
    from antihjalte_desktop.services.insights import InsightsService
    from antihjalte_desktop.ui.i18n import qlocale
    from antihjalte_desktop.ui.insights_window import InsightsWindow

    service = InsightsService(profile)
    win = InsightsWindow(service.insights, 2026, lang, qlocale(lang))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_heatmap_cells_have_their_colour_symbol_and_text(qtbot, profile: Profile) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from antihjalte_desktop.ui import insights_render as render

    win = _window(qtbot, profile, "en")
    saved = win.save(profile.paths.data / "from-window.pdf")
    assert saved.read_bytes()[:5] == b"%PDF-"
    ins = win.insights
    assert ins is not None and ins.days.kept == 3 and ins.days.planned == 4
    heat = win.heatmap
    img = heat.grab().toImage()
    geo = heat.geometry_for(2026)
    colors = render.colors_for(heat.palette())
    expected = {
        date(2026, 1, 9): CellState.KEPT,
        date(2026, 2, 13): CellState.KEPT,  # moved here from 6 February
        date(2026, 3, 13): CellState.KEPT,
        date(2026, 4, 10): CellState.PLANNED,
        date(2026, 1, 6): CellState.HOLIDAY,  # Trettondedag jul
        date(2026, 1, 10): CellState.WEEKEND,
        date(2026, 3, 6): CellState.WORKDAY,  # removed
        date(2026, 2, 6): CellState.WORKDAY,  # moved away
    }
    ratio = img.devicePixelRatio()
    for day, state in expected.items():
        assert ins.cell(day) is state
        r = geo.cell_rect(day)
        pixel = img.pixelColor(int((r.left() + 2) * ratio), int((r.bottom() - 2) * ratio))
        assert pixel.name() == QColor(colors.fills[state]).name(), (day, state)
        # the symbol in the middle differs from the fill (not colour alone), except on plain days
        middle = img.pixelColor(int(r.center().x() * ratio), int(r.center().y() * ratio))
        if state in (CellState.PLANNED, CellState.HOLIDAY, CellState.AWAY):
            assert middle.name() != pixel.name(), day
    # a reflection on 9 January: its folded corner
    r = geo.cell_rect(date(2026, 1, 9))
    corner = img.pixelColor(int((r.right() - 1) * ratio), int((r.top() + 1) * ratio))
    assert corner.name() != QColor(colors.fills[CellState.KEPT]).name()

    # hovering names the cell
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    at = geo.cell_rect(date(2026, 4, 10)).center().toPoint()
    QApplication.sendEvent(heat, QHelpEvent(QEvent.Type.ToolTip, at, heat.mapToGlobal(at)))
    assert QToolTip.text() == "Friday 10 April: focus day planned"
    QApplication.sendEvent(
        heat, QHelpEvent(QEvent.Type.ToolTip, QPoint(1, 1), heat.mapToGlobal(QPoint(1, 1)))
    )
    QToolTip.hideText()

    # keyboard: Home, then a week right and a day down is Friday 9 January
    heat.setFocus()
    qtbot.keyClick(heat, Qt.Key.Key_Home)
    assert heat.current == date(2026, 1, 1)
    qtbot.keyClick(heat, Qt.Key.Key_Right)
    qtbot.keyClick(heat, Qt.Key.Key_Down)
    assert heat.current == date(2026, 1, 9)
    assert heat.accessibleDescription() == "Friday 9 January: focus day kept, reflection written"
    assert win.cell_label.text() == heat.accessibleDescription()
    qtbot.keyClick(heat, Qt.Key.Key_PageDown)
    assert heat.current == date(2026, 2, 9)
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    assert heat.current == date(2026, 1, 19)
    qtbot.keyClick(heat, Qt.Key.Key_End)
    assert heat.accessibleDescription().startswith("Thursday 31 December")

    # the numbers as text too
    texts = [lbl.text() for lbl in win.summary_labels]
    assert texts[0] == "4 planned, 3 kept, 1 moved, 1 removed"
    assert texts[1] == "Reflections written on 1 of 3 kept days"
    # ("24 workday(s)" until the English plural forms of these strings are generated)
    assert texts[2].startswith("One day every 4 week") and "93%" in texts[2] and "gap 24 workday" in texts[2]
    assert "Tasks passed on: 4, taken back: 1" in texts[3]
    assert "January: 1 kept of 1 planned, 1 reflections" in win.months.accessibleDescription()
    unit = win.unit_text.text()
    assert "Anna Berg: 4 focus days, 4 hero weeks" in unit
    assert "Kim Lund: 4 focus days, 4 hero weeks" in unit
    assert "Olle Ek: 0 focus days, 4 hero weeks" in unit
    for text in [*texts, win.unit_text.text(), win.months.accessibleDescription()]:
        for secret in (SECRET_NOTE, SECRET_TASK, SECRET_JOURNAL):
            assert secret not in text

    # another year, and back after a change in the plan
    win.year_box.setValue(2025)
    assert win.insights is not None and win.insights.year == 2025 and win.insights.days.planned == 0
    win.year_box.setValue(2026)
    profile.plan.add_day(date(2026, 4, 17), "", "", [])
    win.refresh()
    assert win.insights is not None and win.insights.days.planned == 5
    assert win.insights.cell(date(2026, 4, 17)) is CellState.PLANNED


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_screenshots_light_and_dark(qtbot, profile: Profile, lang: str) -> None:  # type: ignore[no-untyped-def]
    """tests/_artifacts/insights-window-<lang>.png (and -dark): look at them."""
    from PySide6.QtGui import QColor, QPalette

    from antihjalte_desktop.ui.i18n import Translations

    translations = Translations()
    translations.apply(lang)
    try:
        win = _window(qtbot, profile, lang)
        win.heatmap.setFocus()
        month = {"en": "January", "sv": "januari"}[lang]
        assert win.months.accessibleDescription().startswith(month)
        day = {"en": "Wednesday 1 April", "sv": "onsdag 1 april"}[lang]
        assert win.cell_label.text().startswith(day)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        qtbot.wait(20)  # let the scroll area settle its layout
        assert win.grab().save(str(ARTIFACTS / f"insights-window-{lang}.png"))
        dark = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "#202124"),
            (QPalette.ColorRole.Base, "#17181a"),
            (QPalette.ColorRole.Text, "#eeeeee"),
            (QPalette.ColorRole.WindowText, "#eeeeee"),
            (QPalette.ColorRole.Button, "#303134"),
            (QPalette.ColorRole.ButtonText, "#eeeeee"),
        ):
            dark.setColor(role, QColor(colour))
        win.setPalette(dark)
        img = win.heatmap.grab().toImage()
        r = win.heatmap.geometry_for(2026).cell_rect(date(2026, 1, 9))
        ratio = img.devicePixelRatio()
        pixel = img.pixelColor(int((r.left() + 2) * ratio), int((r.bottom() - 2) * ratio))
        assert pixel.name() == "#3f9a52"  # the dark palette's kept green
        assert win.grab().save(str(ARTIFACTS / f"insights-window-{lang}-dark.png"))
    finally:
        translations.apply("en")


def test_pdf_and_png_reports_from_the_command(built: Path, tmp_path: Path) -> None:
    require_tools("pdftotext")
    home = tmp_path / "copy"
    shutil.copytree(built, home)
    cli = Cli(home, now=None)
    env = {"QT_QPA_PLATFORM": ""}
    now = "2026-04-01T09:00:00+02:00"
    for lang in ("en", "sv"):
        run(cli, "config", "set", "ui.language", lang, now=now)
        pdf = tmp_path / f"report-{lang}.pdf"
        png = tmp_path / f"report-{lang}.png"
        e = cli.env(ANTIHJALTE_NOW=now, **env)
        e.pop("DISPLAY", None)
        e.pop("WAYLAND_DISPLAY", None)
        for out in (pdf, png):
            proc = subprocess.run(
                [*_cmd(), "insights", "--year", "2026", "--out", str(out)],
                capture_output=True,
                text=True,
                env=e,
                timeout=120,
            )
            assert proc.returncode == 0, proc.stderr
            assert "Traceback" not in proc.stderr
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+1$", pages, re.M), pages
        expected = {
            "en": ("4 planned, 3 kept, 1 moved, 1 removed", "Reflections written on 1 of 3 kept days",
                   "Tasks passed on: 4, taken back: 1"),
            "sv": ("Planerade: 4, genomförda: 3, flyttade: 1, borttagna: 1",
                   "Reflektion skriven för 1 av 3 genomförda dagar",
                   "Uppgifter bollade vidare: 4, tagna tillbaka: 1"),
        }[lang]  # fmt: skip
        for line in expected:
            assert line in " ".join(text.split()), line
        assert "Kim Lund" in text
        for secret in (SECRET_NOTE, SECRET_TASK, SECRET_JOURNAL, "svara på mejlen"):
            assert secret not in text
        if lang == "sv":
            for month in (
                "januari",
                "februari",
                "mars",
                "april",
                "maj",
                "juni",
                "juli",
                "augusti",
                "september",
                "oktober",
                "november",
                "december",
            ):
                assert month in text
            assert "onsdag 1 april 2026" in text  # dated, in Swedish
            assert "93\u00a0%" in text or "93 %" in text
        else:
            for month in ("January", "February", "March", "September", "December"):
                assert month in text
            assert "Wednesday 1 April 2026" in text and "93%" in text
        if lang == "sv":
            shutil.copy(png, ARTIFACTS / "insights-report-sv.png")


def _cmd() -> list[str]:
    import sys

    return [sys.executable, "-m", "antihjalte_desktop"]

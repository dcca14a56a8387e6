"""How the windows look at 100 % and 200 % scaling, light and dark, English and Swedish:
screenshots in tests/_artifacts/ (look at them), plus what can be checked by machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.harness.xvfb import ARTIFACTS

CASES = [("en", "light", "1"), ("sv", "dark", "2"), ("sv", "light", "1"), ("en", "dark", "1")]


@pytest.mark.parametrize(("lang", "scheme", "scale"), CASES)
def test_planner_and_settings_render(home: Path, lang: str, scheme: str, scale: str) -> None:
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
        # The offscreen screen is small by default; give it a laptop's 2560x1600 pixels.
        "QT_QPA_OFFSCREEN_NO_GLX": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.shoot", str(home), str(ARTIFACTS), lang, scheme],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    # Usable at 200 % on a 2560x1600 laptop (1280x800 logical) with room for a panel.
    assert facts["planner_min"][0] <= 1280 and facts["planner_min"][1] <= 760, facts
    assert facts["settings_min"][0] <= 1280 and facts["settings_min"][1] <= 760, facts
    assert ("planera" in facts["planner_title"]) == (lang == "sv")

    shot = QImage(str(ARTIFACTS / f"planner-{lang}-{scheme}-x{scale}.png"))
    assert not shot.isNull()
    x, y, _w, h = facts["planned_cell"]
    k = int(scale)
    # The planned day is the warm yellow in both themes (its dark text reads on it either way).
    colour = QColor(shot.pixel((x + 6) * k, (y + h // 2) * k))
    assert (
        abs(colour.red() - 0xF2) < 12 and abs(colour.green() - 0xC2) < 12 and abs(colour.blue() - 0x30) < 12
    ), colour.name()
    # The window background follows the theme.
    corner = QColor(shot.pixel(2, shot.height() - 3))
    assert (corner.lightnessF() < 0.4) == (scheme == "dark"), corner.name()

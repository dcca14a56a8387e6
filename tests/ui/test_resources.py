"""The compiled resources (ui/resources.py) carry exactly the icons and the .qm in resources/,
and the .qm is what lrelease makes of the .ts: run resources/update_translations.sh when not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFile, QIODevice
from PySide6.QtGui import QIcon

from antihjalte_desktop.ui import icons

ROOT = Path(__file__).resolve().parents[2]
RES = ROOT / "resources"


def read_resource(path: str) -> bytes:
    from antihjalte_desktop.ui import resources  # noqa: F401 - registers the resources

    f = QFile(path)
    assert f.open(QIODevice.OpenModeFlag.ReadOnly), path
    try:
        return bytes(f.readAll().data())
    finally:
        f.close()


@pytest.mark.parametrize("svg", sorted(p.name for p in (RES / "icons").glob("*.svg")))
def test_every_icon_is_compiled_in_as_it_is_on_disk(svg: str) -> None:
    assert read_resource(f":/icons/{svg}") == (RES / "icons" / svg).read_bytes(), "run update_translations.sh"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_qm_is_compiled_in_and_built_from_the_ts(tmp_path: Path, lang: str) -> None:
    qm = RES / f"antihjalte_{lang}.qm"
    assert read_resource(f":/i18n/antihjalte_{lang}.qm") == qm.read_bytes()
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6-Essentials"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-nounfinished", str(RES / f"antihjalte_{lang}.ts"), "-qm", str(fresh)],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    assert fresh.read_bytes() == qm.read_bytes(), "run resources/update_translations.sh"


def test_tray_icons_load_in_every_state(qapp: object) -> None:
    del qapp
    for state in icons.TrayState:
        for symbolic in (False, True):
            icon = icons.tray_icon(state, symbolic=symbolic)
            assert isinstance(icon, QIcon) and not icon.pixmap(22, 22).isNull(), (state, symbolic)
    assert not icons.app_icon().pixmap(64, 64).isNull()

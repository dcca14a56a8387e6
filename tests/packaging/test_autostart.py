"""Start at login on each platform: real files on Linux (validated with
desktop-file-validate), the exact registry value and plist content elsewhere."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

from antihjalte_desktop.store.autostart import (
    LAUNCH_AGENT_LABEL,
    RUN_VALUE,
    Autostart,
    desktop_entry,
)
from tests.conftest import require_tools


class FakeRegistry:
    """Stands in for winreg's HKCU Run key (Windows cannot run here)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def test_linux_entry_appears_validates_and_disappears(tmp_path: Path) -> None:
    require_tools("desktop-file-validate")
    auto = Autostart(platform="linux", config_home=tmp_path / "cfg", profile_home="/tmp/my profile")
    assert not auto.is_enabled()
    auto.set_enabled(True)
    entry = tmp_path / "cfg" / "autostart" / "antihjalte.desktop"
    assert auto.is_enabled() and entry.exists()
    text = entry.read_text()
    assert "--autostart" in text and '"/tmp/my profile"' in text
    res = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    auto.set_enabled(False)
    assert not entry.exists() and not auto.is_enabled()


def test_windows_run_key_value() -> None:
    reg = FakeRegistry()
    auto = Autostart(platform="win32", registry=reg)
    auto.set_enabled(True)
    value = reg.values[RUN_VALUE]
    assert value.startswith(f"{sys.executable}" if " " not in sys.executable else f'"{sys.executable}"')
    assert value.endswith("-m antihjalte_desktop --autostart")
    assert auto.is_enabled()
    auto.set_enabled(False)
    assert RUN_VALUE not in reg.values and not auto.is_enabled()


def test_macos_launch_agent_plist(tmp_path: Path) -> None:
    auto = Autostart(platform="darwin", home_dir=tmp_path)
    auto.set_enabled(True)
    plist = tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    data = plistlib.loads(plist.read_bytes())
    assert data["Label"] == LAUNCH_AGENT_LABEL
    assert data["RunAtLoad"] is True
    assert data["ProgramArguments"] == [sys.executable, "-m", "antihjalte_desktop", "--autostart"]
    auto.set_enabled(False)
    assert not plist.exists()


def test_desktop_entry_quotes_exec_arguments() -> None:
    text = desktop_entry(["/opt/a b/python", "--home", 'x"y$'])
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == 'Exec="/opt/a b/python" --home "x\\"y\\$"'


ROOT = Path(__file__).resolve().parents[2]


def test_desktop_file_validates() -> None:
    require_tools("desktop-file-validate")
    res = subprocess.run(
        ["desktop-file-validate", str(ROOT / "packaging" / "se.antihjalte.Desktop.desktop")],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0 and not res.stdout.strip(), res.stdout + res.stderr


def test_appstream_metainfo_validates() -> None:
    require_tools("appstreamcli")
    res = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(ROOT / "packaging" / "se.antihjalte.Desktop.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_linux_install_puts_icons_in_the_hicolor_theme(tmp_path: Path) -> None:
    require_tools("desktop-file-validate", "install")
    res = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-linux.sh"), "/usr"],
        capture_output=True, text=True, env={**os.environ, "DESTDIR": str(tmp_path)},
    )  # fmt: skip
    assert res.returncode == 0, res.stdout + res.stderr
    share = tmp_path / "usr" / "share"
    app_id = "se.antihjalte.Desktop"
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg").read_bytes().startswith(b"<")
    assert (share / "icons" / "hicolor" / "symbolic" / "apps" / f"{app_id}-symbolic.svg").exists()
    desktop = share / "applications" / f"{app_id}.desktop"
    assert f"Icon={app_id}" in desktop.read_text()
    assert subprocess.run(["desktop-file-validate", str(desktop)]).returncode == 0
    assert (share / "metainfo" / f"{app_id}.metainfo.xml").exists()

"""Start at login: an XDG autostart entry on Linux, the HKCU Run key on Windows, a
LaunchAgent on macOS. Plain Python, so the settings dialog, the tray menu and the
tests share it; the platform and its locations can be injected for tests."""

from __future__ import annotations

import os
import plistlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

APP_ENTRY = "antihjalte"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Antihjalte"
LAUNCH_AGENT_LABEL = "se.antihjalte.desktop"


def launch_command(home: str | None = None) -> list[str]:
    """The command that starts the tray app from autostart (no window when there is a tray)."""
    exe = Path(sys.executable)
    frozen = getattr(sys, "frozen", False)
    cmd = [str(exe)] if frozen else [str(exe), "-m", "antihjalte_desktop"]
    if home:
        cmd += ["--home", home]
    cmd.append("--autostart")
    return cmd


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_desktop_quote(a) for a in command)
    return (  # untranslated: a desktop file, read by the desktop (it carries its own Comment[sv])
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Antihjälte\n"
        "Comment=Plan focus days and pass on quick tasks\n"
        "Comment[sv]=Planera antihjältedagar och bolla vidare snabba puckar\n"
        "Icon=se.antihjalte.Desktop\n"
        f"Exec={exec_line}\n"
        "Terminal=false\n"
        "Categories=Office;Calendar;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def launch_agent_plist(command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


class Registry(Protocol):
    """The part of ``winreg`` we use (HKCU Run key), injectable for tests."""

    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...
    def get(self, name: str) -> str | None: ...


class WinRegistry:  # pragma: no cover - runs only on Windows
    def __init__(self) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        self._w: Any = winreg

    def set(self, name: str, value: str) -> None:
        w = self._w
        with w.CreateKey(w.HKEY_CURRENT_USER, RUN_KEY) as key:
            w.SetValueEx(key, name, 0, w.REG_SZ, value)

    def delete(self, name: str) -> None:
        w = self._w
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY, 0, w.KEY_SET_VALUE) as key:
                w.DeleteValue(key, name)
        except FileNotFoundError:
            pass

    def get(self, name: str) -> str | None:
        w = self._w
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, RUN_KEY) as key:
                return str(w.QueryValueEx(key, name)[0])
        except FileNotFoundError:
            return None


def _windows_command_line(command: list[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(command)


@dataclass
class Autostart:
    platform: str = sys.platform
    home_dir: Path | None = None  # the user's home (for ~/Library/LaunchAgents)
    config_home: Path | None = None  # $XDG_CONFIG_HOME
    registry: Registry | None = None
    profile_home: str | None = None  # --home of this profile, carried into the command

    def _xdg_file(self) -> Path:
        base = self.config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        return base / "autostart" / f"{APP_ENTRY}.desktop"

    def _plist_file(self) -> Path:
        return (self.home_dir or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"

    def _registry(self) -> Registry:
        if self.registry is None:
            self.registry = WinRegistry()
        return self.registry

    def location(self) -> str:
        if self.platform.startswith("win"):
            return f"HKCU\\{RUN_KEY}\\{RUN_VALUE}"
        return str(self._plist_file() if self.platform == "darwin" else self._xdg_file())

    def is_enabled(self) -> bool:
        if self.platform.startswith("win"):
            return self._registry().get(RUN_VALUE) is not None
        return (self._plist_file() if self.platform == "darwin" else self._xdg_file()).exists()

    def set_enabled(self, enabled: bool) -> None:
        command = launch_command(self.profile_home)
        if self.platform.startswith("win"):
            reg = self._registry()
            if enabled:
                reg.set(RUN_VALUE, _windows_command_line(command))
            else:
                reg.delete(RUN_VALUE)
            return
        path = self._plist_file() if self.platform == "darwin" else self._xdg_file()
        if not enabled:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = launch_agent_plist(command) if self.platform == "darwin" else desktop_entry(command).encode()
        from antihjalte_desktop.store.atomic import write_atomic

        write_atomic(path, data, mode=0o644)

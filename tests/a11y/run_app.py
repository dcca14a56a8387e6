"""The real tray app for the accessibility tests, driven line by line from stdin.

    python tests/a11y/run_app.py            (ANTIHJALTE_HOME / ANTIHJALTE_NOW in the environment)

It builds :class:`antihjalte_desktop.app.App` on the profile and starts it as ``antihjalte`` does
(icon, services that do not reach out), then answers one JSON line on stdout per command:

- ``open planner [YYYY-MM-DD]``, ``open journal``, ``open handover YYYY-MM-DD``, ``open settings``,
  ``open insights``, ``open first_run``, ``open help``, ``open about``: closes the other windows,
  opens that one through the App and gives it the keyboard; answers its title and X window id
  (``{"missing": true}`` when the app has no such window yet);
- ``focus``: the widget with the keyboard focus (class, object name, accessible name) and whether
  the focus is drawn (the window looks different with and without it);
- ``section N``: the settings dialog shows its section N;
- ``unname OBJECT`` / ``name OBJECT TEXT``: takes away (answering the name it had) or gives the
  accessible name of the current window's widget OBJECT (the walk's checks must see a gap);
- ``bare-days on|off``: the planner's days say only their number, as QCalendarWidget's did;
- ``shot PATH``: the active window as a PNG;
- ``quit``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from antihjalte_desktop import app as app_module
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

# Windows that other issues add: the App method that opens each, and the module that holds it.
OPTIONAL = {
    "first_run": ("open_first_run", "antihjalte_desktop.ui.first_run"),
    "help": ("open_help", "antihjalte_desktop.ui.help_window"),
}


class Driver:
    def __init__(self, app: Any, qapp: QApplication) -> None:
        self.app = app
        self.qapp = qapp
        self.current: QWidget | None = None
        self._buffer = b""
        self._notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_stdin)

    def _on_stdin(self, *_: object) -> None:
        chunk = os.read(0, 4096)
        if not chunk:
            self.app.quit()
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                reply = self.run(line.decode().split())
            except Exception as err:  # the test reads it and fails with it
                reply = {"error": f"{type(err).__name__}: {err}"}
            sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    def settle(self, rounds: int = 20) -> None:
        for _ in range(rounds):
            self.qapp.processEvents()

    def run(self, argv: list[str]) -> dict[str, Any]:
        cmd, args = argv[0], argv[1:]
        if cmd == "open":
            return self.open(args[0], args[1:])
        if cmd == "section":  # the settings dialog's section N (as a click on the list would)
            dlg = self.app.settings_dialog
            assert dlg is not None
            dlg.sections.setCurrentRow(int(args[0]))
            self.settle()
            return {"ok": True, "count": dlg.sections.count(), "title": dlg.windowTitle()}
        if cmd == "focus":
            return self.focus()
        if cmd in ("unname", "name"):
            assert self.current is not None
            w = self.current.findChild(QWidget, args[0])
            if w is None:
                return {"error": f"no widget {args[0]} in {self.current.windowTitle()!r}"}
            was = w.accessibleName()
            w.setAccessibleName(" ".join(args[1:]) if cmd == "name" else "")
            self.settle()
            return {"ok": True, "was": was}
        if cmd == "bare-days":
            cal = self.app.open_planner().calendar
            if args[0] == "on":
                cal.cell_name = lambda day: ""  # the model falls back to the day's number
            else:
                del cal.cell_name
            cal.model().refresh()
            self.settle()
            return {"ok": True}
        if cmd == "shot":
            win = self.qapp.activeWindow() or self.current
            assert win is not None
            self.settle()
            win.grab().save(args[0])
            return {"ok": True}
        if cmd == "quit":
            QTimer.singleShot(0, self.app.quit)
            return {"ok": True}
        return {"error": f"unknown command {cmd}"}

    def open(self, name: str, args: list[str]) -> dict[str, Any]:
        if self.current is not None and not shiboken6.isValid(self.current):
            self.current = None  # deleted on close
        for w in self.qapp.topLevelWidgets():
            if w.isVisible():
                w.close()
        self.settle()
        day = date.fromisoformat(args[0]) if args else None
        win: Any
        if name == "planner":
            win = self.app.open_planner(day)
        elif name == "journal":
            win = self.app.open_journal()
        elif name == "handover":
            win = self.app.open_handover(day or self.app.profile.today())
        elif name == "settings":
            win = self.app.open_settings()
        elif name == "insights":
            win = self.app.open_insights()
        elif name == "about":
            self.app.open_about()
            win = self.app.windows.get(app_module.ABOUT)
        elif name in OPTIONAL:
            method, module = OPTIONAL[name]
            try:
                __import__(module)
            except ImportError:
                return {"missing": True, "why": f"no module {module}"}
            if not hasattr(self.app, method):
                return {"missing": True, "why": f"App has no {method}()"}
            win = getattr(self.app, method)()
        else:
            return {"error": f"no window {name}"}
        if win is None:
            return {"error": f"{name} did not open"}
        self.current = win
        win.show()
        win.raise_()
        win.activateWindow()
        self.settle()
        return {"ok": True, "title": win.windowTitle(), "wid": int(win.winId())}

    def focus(self) -> dict[str, Any]:
        w = self.qapp.focusWidget()
        if w is None:
            return {"widget": None}
        win = w.window()
        self.settle()
        with_focus = win.grab().toImage()
        # The same window without the focus: does anything show where the keyboard is?
        w.clearFocus()
        self.settle()
        without = win.grab().toImage()
        w.setFocus()
        self.settle()
        return {
            "widget": type(w).__name__,
            "object": w.objectName(),
            "name": w.accessibleName(),
            "window": win.windowTitle(),
            "drawn": with_focus != without,
        }


def main() -> int:
    paths = Paths.resolve(os.environ.get("ANTIHJALTE_HOME")).ensure()
    qapp = app_module._make_qapp()
    profile = Profile(paths)
    app = app_module.App(qapp, profile, has_tray=True)  # closing the planner does not quit
    # No system tray in the test session: open windows directly, as the tray menu would.
    app.holidays.load(profile.today().year)
    driver = Driver(app, qapp)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    code = qapp.exec()
    del driver
    app.shutdown()
    return int(code)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())

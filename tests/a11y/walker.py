"""Walk one application's AT-SPI tree, as a screen reader sees it, and print it as JSON.

Run by the SYSTEM python3 (pyatspi needs the system's ``gi``), never the venv:

    /usr/bin/python3 tests/a11y/walker.py APP_NAME

It needs DISPLAY and DBUS_SESSION_BUS_ADDRESS of the session the app runs in. Output: one JSON
object ``{"windows": [{"name", "role", "states", "nodes": [...]}]}`` where each node is a
focusable or interactive control under that top-level window: ``role``, ``name``,
``description``, ``states``, ``path`` (the roles from the window down), ``text`` (what it shows).
Only showing windows are listed.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

# Roles a person acts on, focusable or not: they all need a name.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "password text", "spin button", "slider", "list", "list item", "table", "table cell",
    "tree", "tree table", "page tab", "page tab list", "menu item", "link",
    "date editor", "calendar", "tool bar",
}
# A scroll bar takes no focus and is named by the view it scrolls; its arrows and page areas are
# parts of the bar, not controls.
SKIP_UNDER = {"scroll bar"}
MAX_NODES = 3000


def states(acc: object) -> list[str]:
    try:
        return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())  # type: ignore[attr-defined]
    except Exception:
        return []


def text_of(acc: object) -> str:
    try:
        t = acc.queryText()  # type: ignore[attr-defined]
        return str(t.getText(0, min(t.characterCount, 200)))
    except Exception:
        return ""


def walk(acc: object, path: list[str], out: list[dict[str, object]], seen: list[int]) -> None:
    seen[0] += 1
    if seen[0] > MAX_NODES:
        return
    try:
        role = acc.getRoleName()  # type: ignore[attr-defined]
        st = states(acc)
    except Exception:
        return
    here = [*path, role]
    if "showing" not in st and path:
        return
    if role in INTERACTIVE or "focusable" in st:
        node: dict[str, object] = {
            "role": role,
            "name": acc.name or "",  # type: ignore[attr-defined]
            "description": acc.description or "",  # type: ignore[attr-defined]
            "states": st,
            "path": "/".join(here),
        }
        if role in ("text", "entry", "label", "table cell", "list item"):
            node["text"] = text_of(acc)
        out.append(node)
    if role in SKIP_UNDER:
        return
    try:
        count = acc.childCount  # type: ignore[attr-defined]
    except Exception:
        return
    # A month table has 49+ cells: walk them all (each day is a control).
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)  # type: ignore[attr-defined]
        except Exception:
            continue
        if child is not None:
            walk(child, here, out, seen)


def find_app(name: str, timeout: float) -> object | None:
    deadline = time.monotonic() + timeout
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        if time.monotonic() > deadline:
            return None
        time.sleep(0.2)


def main() -> int:
    name = sys.argv[1]
    app = find_app(name, float(sys.argv[2]) if len(sys.argv) > 2 else 20.0)
    if app is None:
        desktop = pyatspi.Registry.getDesktop(0)
        names = [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]
        print(json.dumps({"error": f"no application {name!r} on the AT-SPI bus", "apps": names}))
        return 2
    windows = []
    for i in range(app.childCount):
        win = app.getChildAtIndex(i)
        if win is None:
            continue
        st = states(win)
        if "showing" not in st and "visible" not in st:
            continue
        nodes: list[dict[str, object]] = []
        walk(win, [], nodes, [0])
        windows.append({"name": win.name or "", "role": win.getRoleName(), "states": st, "nodes": nodes})
    print(json.dumps({"windows": windows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

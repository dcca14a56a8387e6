"""The ``antihjalte`` and ``antihjalte-tray`` commands: the command line (``cli``), which starts
the tray app (``app``) when no subcommand is given. The one module that knows both."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from antihjalte_desktop import cli
from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import KnownError

if TYPE_CHECKING:
    from antihjalte_desktop.core.insights import Insights


def missing_display() -> str | None:
    """On Linux and the BSDs, the one line to say when the tray app has no display to open
    (Qt's platform plugin would abort with a misleading hint instead); None when it may start.
    A QT_QPA_PLATFORM the user set (offscreen, vnc, …) is respected."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the tray app cannot open a window; "
        "start it in a desktop session (the command line, e.g. `antihjalte status`, works without one)"
    )


def run_app(args: argparse.Namespace) -> int:
    problem = missing_display()
    if problem is not None:
        sys.stderr.write(f"antihjalte: {problem}\n")  # untranslated: the name; problem is translated
        return 1
    try:
        from antihjalte_desktop import app
    except ModuleNotFoundError as err:
        if err.name and err.name.startswith("PySide6"):
            raise KnownError(_("the tray app needs PySide6: pip install PySide6-Essentials")) from None
        raise
    return int(app.run(home=args.home, self_test=args.self_test, autostart=args.autostart))


def export_report(insights: Insights, out: Path, lang: str, today: date) -> Path:
    """``antihjalte insights --out``: the one subcommand that loads Qt (offscreen without a display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from antihjalte_desktop.ui.insights_export import export

    return export(insights, out, lang, today)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, run_app=run_app, export_report=export_report)


def gui_main() -> int:
    """Entry point of the windowed launcher (no console window on Windows)."""
    return main(sys.argv[1:])

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
from antihjalte_desktop.errors import KnownError

if TYPE_CHECKING:
    from antihjalte_desktop.core.insights import Insights


def run_app(args: argparse.Namespace) -> int:
    try:
        from antihjalte_desktop import app
    except ModuleNotFoundError as err:
        if err.name and err.name.startswith("PySide6"):
            raise KnownError("the tray app needs PySide6: pip install PySide6-Essentials") from None
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

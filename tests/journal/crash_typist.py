"""A real journal window typing at a steady pace, for the SIGKILL crash test.

    python tests/journal/crash_typist.py --home DIR --log FILE --marker M [--pace-ms 15]

Opens ``JournalWindow`` on the profile DIR, starts a new entry and types
``expected_text(M)`` into the editor one character per tick, as key events. After
each character it appends "<monotonic seconds> <characters typed>" to FILE (line
buffered, so a SIGKILL loses nothing already written). Runs until killed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

WORDS = [
    *("åtgärder", "förändringar", "Öresund", "ängar", "trygghet"),
    *("för", "invånarna", "reflektion", "eftertanke"),
]


def expected_text(marker: str, n: int = 20000) -> str:
    out = [f"<{marker}> "]
    i = 0
    while sum(map(len, out)) < n:
        out.append(WORDS[i % len(WORDS)] + ("\n" if i % 9 == 8 else " "))
        i += 1
    return "".join(out)[:n]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--marker", required=True)
    ap.add_argument("--pace-ms", type=int, default=15)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.settings import Settings
    from antihjalte_desktop.ui.journal_window import JournalWindow
    from tests.journal.keys import type_text

    app = QApplication(sys.argv)
    paths = Paths.resolve(args.home).ensure()
    win = JournalWindow(paths, Settings(paths.settings_file), language="sv")
    win.open_new_entry()
    text = expected_text(args.marker)
    log = open(args.log, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - open until killed
    log.write(f"{time.monotonic():.4f} 0\n")
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed < len(text):
            type_text(win.editor, text[typed])
            typed += 1
            log.write(f"{time.monotonic():.4f} {typed}\n")

    timer = QTimer()
    timer.setInterval(args.pace_ms)
    timer.timeout.connect(type_one)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""Swedish for the strings of issue 13 (honest reminders, the journal's hints, the last sync) as
proposed to the lead, who puts them in resources/antihjalte_sv.ts. Until then the screenshot
tests load them as an extra translator, so the Swedish screenshots show Swedish.

Once the .ts has them this file only repeats it (and can go)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QTranslator

PROPOSED: dict[tuple[str, str], str] = {
    ("Wording", "Not synced yet"): "Inte synkad än",
    ("Wording", "Synced %1"): "Synkad %1",
    ("Wording", "Synced %1 at %2"): "Synkad %1 kl. %2",
    ("Wording", "Time to reflect on today"): "Dags att reflektera över dagen",
    ("Wording", "Today is your antihjälte day – before you start"):
        "I dag är din antihjältedag – inför dagen",
    ("Wording", "Today is your antihjälte day – hand over as soon as you can"):
        "I dag är din antihjältedag – lämna över så snart du kan",
    ("Wording", "Tomorrow is your antihjälte day – hand over before it starts"):
        "I morgon är din antihjältedag – lämna över innan den börjar",
    ("Wording", "Welcome back! Your antihjälte day was %1."): "Välkommen tillbaka! Din antihjältedag var %1.",
    ("Wording", "Your antihjälte day is %1 – hand over before it starts"):
        "Din antihjältedag är %1 – lämna över innan den börjar",
    ("Wording", "Your antihjälte day: %1"): "Din antihjältedag: %1",
    ("reminders", "Missed reminder: {title}"): "Missad påminnelse: {title}",
    ("reminders", "Remind me in 15 minutes"): "Påminn om 15 minuter",
    ("reminders", "Remind me in an hour"): "Påminn om en timme",
    ("reminders", "Remind me tomorrow morning"): "Påminn i morgon bitti",
    ("reminders", "Switch on the auto-reply, forward the phone and pass on your quick tasks."):
        "Slå på autosvaret, hänvisa telefonen och bolla vidare dina snabba puckar.",
    ("reminders", "This reminder was due at {time}."): "Påminnelsen skulle ha visats kl. {time}.",
    ("reminders", "This reminder was due on {day} at {time}."):
        "Påminnelsen skulle ha visats {day} kl. {time}.",
    ("JournalWindow", "No entry matches the search and filters. Clear them to see every entry."):
        "Ingen anteckning matchar sökningen och filtren. Töm dem så ser du alla anteckningar.",
    (
        "JournalWindow",
        "Your journal is empty.\n\nStart with {new} ({key}): a few lines on what you read, learned or want "
        "to change. Before an antihjälte day, {intent} asks what you intend; after it, {reflect} asks what "
        "it gave you.",
    ): (
        "Din dagbok är tom.\n\nBörja med {new} ({key}): några rader om vad du har läst, lärt dig eller vill "
        "ändra. Före en antihjältedag frågar {intent} vad du tänker göra; efteråt frågar {reflect} vad "
        "dagen gav dig."
    ),
}  # fmt: skip


def install(tmp: Path) -> QTranslator:
    """Compile PROPOSED into a .qm and install it on top of the app's own translators (the last
    installed is asked first). Remove it with ``QCoreApplication.removeTranslator``."""
    contexts: dict[str, list[str]] = {}
    for (ctx, source), text in PROPOSED.items():
        contexts.setdefault(ctx, []).append(
            f"<message><source>{escape(source)}</source><translation>{escape(text)}</translation></message>"
        )
    body = "".join(f"<context><name>{ctx}</name>{''.join(msgs)}</context>" for ctx, msgs in contexts.items())
    ts = tmp / "proposed_sv.ts"
    head = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="sv_SE">'
    ts.write_text(f"{head}{body}</TS>\n", encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6-Essentials"
    qm = tmp / "proposed_sv.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    return translator

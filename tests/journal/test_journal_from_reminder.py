"""The journal opened from a reminder, long titles and the empty journal, on real widgets:
the filters are cleared, the day's entry is selected and visible in the list, long titles end in
"…" with the whole title as a tooltip, and an empty journal says how to start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.core.journal import Entry
from antihjalte_desktop.store.journal_store import JournalStore
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui import journal_window as jw
from antihjalte_desktop.ui.journal_model import EntryRole
from tests.journal.keys import type_text
from tests.reminders.conftest import at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WED = date(2026, 12, 2)
LONG = (
    "Om hur vi tar emot oro från invånarna i centrum och vad verksamheterna behöver av oss "
    "för att svara snabbare"
)  # 107 characters: within the stored title's 120, wider than the list


@pytest.fixture
def paths(home: Path) -> Paths:
    return Paths.resolve(home).ensure()


def make_window(qtbot, paths: Paths, lang: str = "en") -> jw.JournalWindow:  # type: ignore[no-untyped-def]
    w = jw.JournalWindow(
        paths, Settings(paths.settings_file), language=lang, clock=FixedClock(at("2026-12-02 16:00"))
    )
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show_window()
    return w


@pytest.fixture
def window(qtbot, paths: Paths) -> Iterator[jw.JournalWindow]:  # type: ignore[no-untyped-def]
    with JournalStore(paths.journal_file) as s:
        for i in range(60):  # more than fit in the list: the new entry must be scrolled to
            body = f"Läsning {i}\nom omvärldsbevakning"
            s.add(Entry(day=date(2026, 10, 1 + i % 28), body=body, tags=("läsning",)))
        s.add(Entry(day=date(2026, 11, 20), title=LONG, body="Tankar."))
    w = make_window(qtbot, paths)
    yield w
    w.close_store()


def visible_in_list(w: jw.JournalWindow, entry_id: int) -> bool:
    row = w.model.row_of(entry_id)
    if row < 0:
        return False
    rect = w.list_view.visualRect(w.model.index(row))
    return w.list_view.currentIndex().row() == row and w.list_view.viewport().rect().contains(rect)


def test_opened_from_the_reflection_reminder_the_filters_are_cleared(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    # An old search and a tag filter that the new entry would not match.
    w.tag_filter.setCurrentIndex(w.tag_filter.findData("läsning"))
    w.from_edit.setDate(date(2026, 9, 1))
    w.range_check.setChecked(True)
    w.search_box.setText("omvärldsbevakning")
    w.apply_filter()
    assert w.model.total == 60
    w.list_view.scrollToBottom()

    w.open_for_reminder(WED, "reflect")
    assert w.search_box.text() == "" and not w.range_check.isChecked()
    assert w.tag_filter.currentData() is None and w.focus_filter.currentData() is None
    assert w.model.total == 61  # every entry
    assert w.title_edit.text() == "Reflection, Wednesday 2 December"
    # Typed in: stored, and selected and visible in the list at once.
    with qtbot.waitSignal(w.saved, timeout=3000) as saved:
        type_text(w.editor, "Mycket blev gjort.")
    entry_id = saved.args[0]
    assert w.model.total == 62
    qtbot.waitUntil(lambda: visible_in_list(w, entry_id))

    # The reminder stays until Done, so it may be opened again: the same entry, not a second one.
    w.search_box.setText("läsning")
    w.apply_filter()
    w.list_view.scrollToBottom()
    w.open_for_reminder(WED, "reflect")
    entry = w.current_entry()
    assert entry is not None and entry.id == entry_id and w.model.total == 62
    assert "Mycket blev gjort." in w.editor.toPlainText()
    qtbot.waitUntil(lambda: visible_in_list(w, entry_id))


def test_long_titles_end_in_an_ellipsis_with_a_tooltip(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    w = window
    row = next(r for r in range(w.model.rowCount()) if w.model.index(r).data(EntryRole).title == LONG)
    index = w.model.index(row)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == LONG
    w.list_view.scrollTo(index)
    w.list_view.viewport().grab()  # paints the rows
    delegate = w.list_view.itemDelegate()
    drawn = delegate.drawn[row]
    assert drawn.endswith("…"), drawn
    assert drawn.startswith("2026-11-20  Om hur vi tar emot")
    assert len(drawn) < len(LONG)
    # A short title is drawn whole.
    short = next(r for r in range(w.model.rowCount()) if r != row and r in delegate.drawn)
    assert not delegate.drawn[short].endswith("…")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_empty_journal_says_how_to_start(qtbot, paths: Paths, lang: str) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, paths, lang)
    try:
        hint = w.list_view.placeholder
        assert w.new_button.text() in hint and "Ctrl+N" in hint
        assert w.intent_button.text().rstrip("…") in hint and w.reflect_button.text().rstrip("…") in hint
        if lang == "en":
            assert hint.startswith("Your journal is empty.")
        image = w.list_view.viewport().grab().toImage()
        ink = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, 80, 3)}
        assert len(ink) > 1, "the hint is painted in the list area"
        # Once there is an entry, the list shows it instead.
        w.open_new_entry()
        with qtbot.waitSignal(w.saved, timeout=3000):
            type_text(w.editor, "Första tanken.")
        assert w.list_view.placeholder == ""
        # A search that finds nothing says so.
        w.search_box.setText("ingenting-sådant")
        w.apply_filter()
        assert w.model.total == 0 and w.list_view.placeholder != ""
        assert w.list_view.placeholder != hint
    finally:
        w.close_store()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_journal_screens(qtbot, paths: Paths, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Screenshots (tests/_artifacts/): the empty journal's hint, and the journal opened from the
    reflection reminder with a long title cut short in the list, in English and Swedish."""

    from antihjalte_desktop.ui.i18n import Translations

    art = Path(__file__).resolve().parents[1] / "_artifacts"
    art.mkdir(exist_ok=True)
    translations = Translations()
    translations.apply(lang)
    try:
        w = make_window(qtbot, paths, lang)
        try:
            w.grab().save(str(art / f"journal-empty-{lang}.png"))
            if lang == "sv":
                assert w.list_view.placeholder.startswith("Din dagbok är tom.")
        finally:
            w.close_store()
        with JournalStore(paths.journal_file) as s:
            s.add(Entry(day=date(2026, 11, 20), title=LONG, body="Tankar.", tags=("trygghet",)))
            s.add(Entry(day=date(2026, 11, 27), body="Läste om tjänstedesign\nInvånarna först."))
        w = make_window(qtbot, paths, lang)
        try:
            w.search_box.setText("tjänstedesign")
            w.apply_filter()
            w.open_for_reminder(WED, "reflect")
            with qtbot.waitSignal(w.saved, timeout=3000):
                type_text(w.editor, "Det här tar jag med mig.")
            w.grab().save(str(art / f"journal-from-reminder-{lang}.png"))
            assert w.model.total == 3 and w.search_box.text() == ""
        finally:
            w.close_store()
    finally:
        translations.remove()

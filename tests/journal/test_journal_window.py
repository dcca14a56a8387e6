"""The journal window with pytest-qt: typing, autosave, search, highlighting, filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMetaMethod, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication

from antihjalte_desktop.core.journal import Entry
from antihjalte_desktop.store.journal_store import JournalStore
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui import journal_window as jw
from antihjalte_desktop.ui.journal_model import HtmlRole
from tests.journal.keys import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def paths(home: Path) -> Paths:
    return Paths.resolve(home).ensure()


def seed(paths: Paths, n: int = 0, entries: tuple[Entry, ...] = ()) -> None:
    with JournalStore(paths.journal_file) as s:
        for e in entries:
            s.add(e)
        for i in range(n):
            s.add(Entry(day=date(2026, 1, 1 + i % 28), body=f"Anteckning {i}\nvardag nummer {i}"))


@pytest.fixture
def window(qtbot, paths: Paths) -> Iterator[jw.JournalWindow]:  # type: ignore[no-untyped-def]
    seed(
        paths,
        entries=(
            Entry(
                day=date(2026, 11, 2),
                body="Om förändringar i centrum\nVi såg förändringar.",
                tags=("trygghet",),
            ),
            Entry(day=date(2026, 11, 20), body="Åtgärder för skolan", tags=("Läsning", "trygghet")),
            Entry(day=date(2026, 10, 1), body="En atgard utan prickar", focus_day=date(2026, 10, 1)),
        ),
    )
    w = jw.JournalWindow(paths, Settings(paths.settings_file), language="sv")
    qtbot.addWidget(w)
    w.show_window()
    yield w
    w.close_store()


def stored(w: jw.JournalWindow) -> Entry:
    e = w.current_entry()
    assert e is not None and e.id is not None
    got = w.store.get(e.id)
    assert got is not None
    return got


def search(qtbot, w: jw.JournalWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    w.search_box.clear()
    with qtbot.waitSignal(w.model.filter_applied, timeout=2000):
        type_text(w.search_box, text)


def titles(w: jw.JournalWindow) -> list[str]:
    return [
        w.model.index(i).data(Qt.ItemDataRole.DisplayRole).split("  ", 1)[1]
        for i in range(w.model.rowCount())
    ]


def test_lists_newest_first(window: jw.JournalWindow) -> None:
    assert titles(window) == ["Åtgärder för skolan", "Om förändringar i centrum", "En atgard utan prickar"]
    assert "3" in window.count_label.text()


def test_typing_in_a_new_entry_saves_it(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_new_entry()
    assert not window.dirty
    with qtbot.waitSignal(window.saved, timeout=3000):
        type_text(window.editor, "Tankar om tjänstedesign")
    e = stored(window)
    assert e.body == "Tankar om tjänstedesign"
    assert e.title == "Tankar om tjänstedesign"
    assert e.day == window._today()
    assert "Tankar om tjänstedesign" in titles(window)
    # an untouched new entry is not stored
    window.open_new_entry()
    window.flush()
    assert window.store.count() == 4


def test_autosave_waits_at_most_a_second_while_typing(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_new_entry()
    assert window._max_wait.interval() <= 1000
    text = "kontinuerligt skrivande utan paus " * 3
    typed: list[str] = []
    pace = QTimer(window)
    pace.setInterval(40)  # well under the 300 ms pause that saves on its own

    def type_one() -> None:
        if len(typed) < len(text):
            type_text(window.editor, text[len(typed)])
            typed.append(text[len(typed)])

    pace.timeout.connect(type_one)
    pace.start()
    try:
        with qtbot.waitSignal(window.saved, timeout=4000):
            pass
        # saved by the maximum wait: the pauses between keys never reached the debounce
        assert len(typed) < len(text), "typing had finished: the save was not forced by the max wait"
        saved_body = stored(window).body
        assert saved_body and "".join(typed).startswith(saved_body)
    finally:
        pace.stop()
    window.close()
    assert stored(window).body == "".join(typed)


def test_max_wait_is_not_restarted_by_keystrokes(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_new_entry()
    type_text(window.editor, "a")
    assert window._max_wait.isActive() and window._debounce.isActive()
    first = window._max_wait.remainingTime()
    qtbot.wait(150)  # half the debounce: nothing saved yet
    assert window.dirty
    type_text(window.editor, "b")
    assert window._max_wait.remainingTime() <= first - 100  # still counting from the first key
    assert window._debounce.remainingTime() > jw.SAVE_DEBOUNCE_MS - 60  # each key restarts the pause


def test_close_and_session_end_save(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.list_view.setCurrentIndex(window.model.index(0))
    type_text(window.editor, "X")
    assert window.dirty
    window._on_commit_data_requested(None)  # what commitDataRequest calls
    assert not window.dirty and stored(window).body.startswith("X")
    app = QGuiApplication.instance()
    assert app.isSignalConnected(QMetaMethod.fromSignal(app.commitDataRequest))
    type_text(window.editor, "Y")
    window.close()
    assert stored(window).body.startswith("XY")


def test_search_box_filters_and_highlights(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, "förändring")
    assert titles(window) == ["Om förändringar i centrum"]
    html = window.model.index(0).data(HtmlRole)
    assert "background-color" in html and ">förändringar</span>" in html
    window.list_view.setCurrentIndex(window.model.index(0))
    assert window.editor.textCursor().selectedText() == "förändringar"
    # the editor paints the matches
    block = window.editor.document().findBlockByNumber(1)  # "Vi såg förändringar."
    ranges = [r for r in block.layout().formats() if r.format.background().color() == QColor("#ffe27a")]
    assert [(block.text()[r.start : r.start + r.length]) for r in ranges] == ["förändringar"]

    search(qtbot, window, "ÅTGÄRD")
    assert titles(window) == ["Åtgärder för skolan"]
    search(qtbot, window, "atgard")
    assert titles(window) == ["En atgard utan prickar"]
    search(qtbot, window, '"i centrum"')
    assert titles(window) == ["Om förändringar i centrum"]
    for hostile in ['"', "NEAR(", "AND", "*", "x:y"]:
        search(qtbot, window, hostile)
        assert window.model.rowCount() in (0, 3)
    window.search_box.clear()
    window.apply_filter()
    assert window.model.rowCount() == 3


def test_filters_by_tag_date_and_focus_day(window: jw.JournalWindow) -> None:
    window.tag_filter.setCurrentIndex(window.tag_filter.findData("trygghet"))
    window.apply_filter()
    assert titles(window) == ["Åtgärder för skolan", "Om förändringar i centrum"]
    window.tag_filter.setCurrentIndex(0)
    window.range_check.setChecked(True)
    window.from_edit.setDate(date(2026, 11, 1))
    window.to_edit.setDate(date(2026, 11, 10))
    window.apply_filter()
    assert titles(window) == ["Om förändringar i centrum"]
    window.range_check.setChecked(False)
    window.focus_filter.setCurrentIndex(window.focus_filter.findData("*"))
    window.apply_filter()
    assert titles(window) == ["En atgard utan prickar"]
    window.focus_filter.setCurrentIndex(window.focus_filter.findData("2026-10-01"))
    window.apply_filter()
    assert titles(window) == ["En atgard utan prickar"]


def test_tag_completion(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_new_entry()
    type_text(window.editor, "text")
    type_text(window.tags_edit, "ny, TRY")
    c = window.tag_completer
    assert c.completionCount() == 1 and c.currentCompletion() == "trygghet"
    c.activated[str].emit(c.currentCompletion())
    assert window.tags_edit.text() == "ny, trygghet, "
    window.flush()
    assert stored(window).tags == ("ny", "trygghet")
    assert window.tag_filter.findData("ny") >= 0  # new tags reach the filter


def test_reflection_entry_for_a_focus_day(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_new_entry(date(2026, 12, 4), "reflect")
    body = window.editor.toPlainText()
    assert body.startswith("## Vad lärde jag mig?\n")
    assert "invånarna" in body
    assert "fredag 4 december" in window.focus_label.text()
    assert window.editor.textCursor().blockNumber() == 1
    type_text(window.editor, "Att lyssna.")
    window.flush()
    e = stored(window)
    assert e.focus_day == date(2026, 12, 4) and e.day == date(2026, 12, 4)
    assert "Att lyssna." in e.body and "fredag 4 december" in e.title
    window.open_new_entry(date(2026, 12, 4), "intent")
    assert window.editor.toPlainText().startswith("## Vad vill jag tänka igenom i dag?")


def test_preview_renders_markdown(window: jw.JournalWindow) -> None:
    window.open_new_entry(date(2026, 12, 4), "reflect")
    window.tabs.setCurrentWidget(window.preview)
    assert "Vad lärde jag mig?" in window.preview.toPlainText()
    assert "##" not in window.preview.toPlainText()


def test_list_is_lazy(qtbot, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    seed(paths, n=450)
    w = jw.JournalWindow(paths, Settings(paths.settings_file), language="en")
    qtbot.addWidget(w)
    try:
        assert w.model.total == 450
        assert w.model.rowCount() == w.model.BATCH < 450
        assert w.model.canFetchMore()
        w.model.fetchMore()
        assert w.model.rowCount() == 2 * w.model.BATCH
        while w.model.canFetchMore():
            w.model.fetchMore()
        assert w.model.rowCount() == 450
        assert "450" in w.count_label.text()
    finally:
        w.close_store()


def test_entry_deleted_elsewhere_keeps_the_text(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    window.list_view.setCurrentIndex(window.model.index(0))
    old = window.current_entry()
    assert old is not None and old.id is not None
    window.store.delete(old.id)
    type_text(window.editor, "kvar ")
    assert window.flush()
    assert stored(window).body.startswith("kvar ")


def test_delete_export_import(
    window: jw.JournalWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.export_to("json", str(tmp_path / "ex"))
    window.list_view.setCurrentIndex(window.model.index(0))
    assert window.delete_current(confirm=False)
    assert window.model.rowCount() == 2
    assert window.import_from(str(tmp_path / "ex" / "journal.json"))
    assert window.model.rowCount() == 3
    assert window.model.index(0).data(Qt.ItemDataRole.DisplayRole).endswith("Åtgärder för skolan")
    warnings: list[str] = []
    monkeypatch.setattr(jw.QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    assert not window.import_from(str(tmp_path / "missing.json"))
    assert warnings and "no such file" in warnings[0]


@pytest.mark.parametrize(
    ("hour", "expected"), [(8, "## Vad vill jag tänka igenom i dag?"), (16, "## Vad lärde jag mig?")]
)
def test_open_journal_for_a_reminder(qtbot, paths: Paths, hour: int, expected: str) -> None:  # type: ignore[no-untyped-def]
    """What the tray app does for the start and reflection reminders (App.open_journal)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication

    from antihjalte_desktop.app import App
    from antihjalte_desktop.core.clock import FixedClock
    from antihjalte_desktop.store.profile import Profile

    day = date(2026, 12, 4)
    profile = Profile(
        paths, clock=FixedClock(datetime(2026, 12, 4, hour, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    )
    profile.settings.set("ui.language", "sv")
    profile.plan.add_day(day, "", "", [])
    app = App(QApplication.instance(), profile, has_tray=False)  # type: ignore[arg-type]
    try:
        win = app.open_journal(day)  # as for the reminder
        assert win.isVisible()
        assert win.editor.toPlainText().startswith(expected)
        assert win.current_entry() is not None and win.current_entry().focus_day == day
        assert app.open_journal() is win  # one window per app; no day: just shown
        assert win.editor.toPlainText().startswith(expected)
        app.open_journal(date(2026, 12, 7), ["Egen fråga?"])
        assert win.editor.toPlainText() == "## Egen fråga?\n\n\n"
        app.open_journal(date(2026, 12, 8))  # not a focus day: a blank entry
        assert win.editor.toPlainText() == "" and win.current_entry().focus_day is None
        type_text(win.editor, "sparas")
        app.set_language("en")  # the UI language changed: a new window, nothing lost
        old, win = win, app.open_journal(day)
        assert win is not old and win.language == "en"
        assert win.editor.toPlainText().startswith("## What")
        assert win.store.count() == 1
    finally:
        app.shutdown()


def test_snippet_and_preview_text() -> None:
    from antihjalte_desktop.store.journal_store import MARK_END, MARK_START
    from antihjalte_desktop.ui.journal_model import preview_text, snippet_html

    long_lead = "ett två tre fyra fem sex sju åtta nio tio elva tolv " * 2
    out = snippet_html(f"{long_lead}<b>&{MARK_START}förändringar{MARK_END} **kvar**")
    assert out.startswith("…") and "ett två tre fyra" not in out
    assert '">förändringar</span> kvar' in out and "&lt;b&gt;&amp;" in out
    e = Entry(day=date(2026, 1, 1), title="Rubrik", body="# Rubrik\n\n- **fet** text\n`kod`")
    assert preview_text(e) == "fet text kod"


def test_clicking_another_entry_while_a_new_one_is_unsaved(window: jw.JournalWindow) -> None:
    window.open_new_entry()
    type_text(window.editor, "Nytt utkast")
    assert window.dirty
    target = window.model.index(1)  # "Om förändringar i centrum"
    target_id = target.data(jw.IdRole)
    window.list_view.setCurrentIndex(target)
    e = window.current_entry()
    assert e is not None and e.id == target_id
    assert window.editor.toPlainText().startswith("Om förändringar")
    assert window.list_view.currentIndex().data(jw.IdRole) == target_id
    assert "Nytt utkast" in titles(window)  # the draft was stored on the way
    assert window.open_entry(target_id)


def test_a_failed_save_keeps_the_text_and_retries(qtbot, window: jw.JournalWindow) -> None:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.store import db
    from antihjalte_desktop.store.journal_store import MIGRATIONS

    window._retry.setInterval(200)  # 5 s in the app
    window.list_view.setCurrentIndex(window.model.index(0))
    window.store.conn.close()  # the database goes away under the window
    type_text(window.editor, "viktigt ")
    with qtbot.waitSignal(window.save_failed, timeout=3000) as failed:
        pass
    assert "database" in failed.args[0]
    assert window.dirty and window._retry.isActive()
    assert window.editor.toPlainText().startswith("viktigt ")
    assert "Not saved" in window.statusBar().currentMessage()
    window.store.conn = db.connect(window.store.path, migrations=MIGRATIONS)  # back again
    with qtbot.waitSignal(window.saved, timeout=window._retry.interval() + 3000):
        pass
    assert stored(window).body.startswith("viktigt Åtgärder")

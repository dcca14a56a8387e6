"""The journal window: entries, search and filters on the left; the editor on the right.

Used by the tray app (``App.open_journal``, one window per app) and by the tests:

    JournalWindow(paths, settings, language=, plan=, clock=)   or   JournalWindow.for_profile(profile)
        .show_window()                     show and raise
        .open_new_entry(day, "reflect")    a new entry for that focus day with the reflection questions
                                           (``prompts=None``: the set that fits the hour)
        .store_touched()                   the journal file changed: re-read the list if another
                                           process wrote it
        .flush() -> bool                   save anything unsaved now (on quit; False when it failed)
        .close_store()                     flush, then close the journal database

The window saves by itself at most one second after the first unsaved keystroke (even
while typing goes on), when it closes, on ``aboutToQuit`` and on
``QGuiApplication.commitDataRequest`` (the desktop session ending). It holds its own
connection to ``Paths.journal_file``. Journal text is private: nothing here logs it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QSessionManager,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.clock import Clock, clock_from_env
from antihjalte_desktop.core.journal import (
    Entry,
    Filter,
    PromptKind,
    derive_title,
    highlight_regex,
    normalize_tags,
    prompt_body,
    prompt_kind_for,
    prompts,
)
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.store.journal_store import JournalStore, export_entries, read_import
from antihjalte_desktop.ui.journal_model import EntryDelegate, EntryList, IdRole, JournalListModel

SAVE_DEBOUNCE_MS = 300  # a pause in typing saves
SAVE_MAX_WAIT_MS = 1000  # ...and so does a second of typing without a pause
SEARCH_DEBOUNCE_MS = 150
RETRY_MS = 5000
_ALL_FOCUS = "*"
_KINDS = {"intent": PromptKind.INTENT, "reflect": PromptKind.REFLECT, "reflection": PromptKind.REFLECT}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Light Markdown formatting (headings, **bold**, *italic*) plus the search matches."""

    _BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
    _ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern: re.Pattern[str] | None = None
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setForeground(QColor("#2c4a7a"))
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.italic = QTextCharFormat()
        self.italic.setFontItalic(True)
        self.match = QTextCharFormat()
        self.match.setBackground(QColor("#ffe27a"))
        self.match.setForeground(QColor("#1a1a1a"))

    def set_search(self, text: str) -> None:
        pattern = highlight_regex(text)
        if (pattern and pattern.pattern) != (self._pattern and self._pattern.pattern):
            self._pattern = pattern
            self.rehighlight()

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return self._pattern

    def highlightBlock(self, text: str) -> None:
        if text.lstrip().startswith("#"):
            self.setFormat(0, len(text), self.heading)
        else:
            for m in self._BOLD.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), self.bold)
            for m in self._ITALIC.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), self.italic)
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                fmt = QTextCharFormat(self.format(m.start()))
                fmt.merge(self.match)
                self.setFormat(m.start(), m.end() - m.start(), fmt)


def split_tags(text: str) -> tuple[str, ...]:
    return normalize_tags(text.split(","))


class JournalWindow(QMainWindow):
    saved = Signal(int)  # an entry's id, after it reached the database
    save_failed = Signal(str)
    entry_opened = Signal(object)  # the Entry now in the editor (id None: new, not yet saved)

    def __init__(
        self,
        paths: Any,
        settings: Any,
        *,
        language: str | None = None,
        plan: Any = None,
        clock: Clock | None = None,
        store: JournalStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._plan = plan
        self._clock = clock or clock_from_env()
        lang = language or str(settings.get("ui.language") or "") or "en"
        self._lang = "sv" if lang.startswith("sv") else "en"
        self._store = store or JournalStore(paths.journal_file)
        self._own_store = store is None
        self._entry: Entry | None = None
        self._dirty = False
        self._loading = False
        self._tags_known: list[str] = []

        self.setWindowTitle(self.tr("Journal"))
        self.setObjectName("journal_window")
        self.resize(1000, 680)

        self._debounce = self._single_shot(SAVE_DEBOUNCE_MS, self._on_save_timer_fired)
        self._max_wait = self._single_shot(SAVE_MAX_WAIT_MS, self._on_save_timer_fired)
        self._retry = self._single_shot(RETRY_MS, self._on_save_timer_fired)
        self._search_timer = self._single_shot(SEARCH_DEBOUNCE_MS, self.apply_filter)

        self.model = JournalListModel(self._store, self)
        self._build()
        self._refresh_filter_choices()
        self.apply_filter()
        self._store_version = self._store.data_version()

        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self._on_commit_data_requested)
            app.aboutToQuit.connect(self.flush)

    @classmethod
    def for_profile(cls, profile: Any, parent: QWidget | None = None) -> JournalWindow:
        """The window for a ``store.profile.Profile``."""
        return cls(
            profile.paths, profile.settings, language=profile.language(), plan=profile.plan,
            clock=profile.clock, parent=parent,
        )  # fmt: skip

    def _single_shot(self, ms: int, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        split = QSplitter(self)
        self.setCentralWidget(split)

        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 0, 6)
        self.search_box = QLineEdit(left)
        self.search_box.setPlaceholderText(
            self.tr('Search: words match the start of words, "quoted" a phrase')
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search the journal"))
        self.search_box.textChanged.connect(self._on_search_text_changed)
        lv.addWidget(self.search_box)

        row = QHBoxLayout()
        self.tag_filter = QComboBox(left)
        self.tag_filter.setToolTip(self.tr("Show entries with this tag"))
        self.tag_filter.activated.connect(self._on_filter_changed)
        self.focus_filter = QComboBox(left)
        self.focus_filter.setToolTip(self.tr("Show entries linked to a focus day"))
        self.focus_filter.activated.connect(self._on_filter_changed)
        row.addWidget(self.tag_filter, 1)
        row.addWidget(self.focus_filter, 1)
        lv.addLayout(row)

        row = QHBoxLayout()
        today = self._today()
        self.range_check = QCheckBox(self.tr("From"), left)
        self.range_check.toggled.connect(self._on_filter_changed)
        self.from_edit = self._date_edit(left, today - timedelta(days=30))
        self.to_edit = self._date_edit(left, today)
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        self.from_edit.dateChanged.connect(self._on_range_date_changed)
        self.to_edit.dateChanged.connect(self._on_range_date_changed)
        row.addWidget(self.range_check)
        row.addWidget(self.from_edit, 1)
        row.addWidget(QLabel(self.tr("to"), left))
        row.addWidget(self.to_edit, 1)
        lv.addLayout(row)

        self.list_view = EntryList(left)
        self.list_view.setAccessibleName(self.tr("Entries"))
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(EntryDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        lv.addWidget(self.list_view, 1)
        self.count_label = QLabel(left)
        lv.addWidget(self.count_label)
        self.model.filter_applied.connect(self._on_filter_applied)

        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 6, 6, 6)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New entry"), right)
        self.new_button.clicked.connect(lambda: self.open_new_entry(None, None))
        self.intent_button = QPushButton(self.tr("Intent…"), right)
        self.intent_button.setToolTip(self.tr("A new entry with the questions before a focus day"))
        self.intent_button.clicked.connect(lambda: self.open_new_entry(None, PromptKind.INTENT))
        self.reflect_button = QPushButton(self.tr("Reflection…"), right)
        self.reflect_button.setToolTip(self.tr("A new entry with the questions after a focus day"))
        self.reflect_button.clicked.connect(lambda: self.open_new_entry(None, PromptKind.REFLECT))
        self.delete_button = QPushButton(self.tr("Delete"), right)
        self.delete_button.clicked.connect(lambda: self.delete_current())
        for b in (self.new_button, self.intent_button, self.reflect_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        rv.addLayout(row)

        form = QFormLayout()
        self.title_edit = QLineEdit(right)
        self.title_edit.textEdited.connect(self._on_edited)
        self.date_edit = self._date_edit(right, today)
        self.date_edit.dateChanged.connect(self._on_edited)
        self.tags_edit = QLineEdit(right)
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.textEdited.connect(self._on_tags_edited)
        self.focus_label = QLabel(right)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow("", self.focus_label)
        rv.addLayout(form)

        self.tag_completer = QCompleter(QStringListModel(self), self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.setWidget(self.tags_edit)
        self.tag_completer.activated[str].connect(self._on_tag_completed)  # type: ignore[index]

        self.tabs = QTabWidget(right)
        self.editor = QPlainTextEdit(self.tabs)
        self.editor.setAccessibleName(self.tr("Entry text"))
        self.editor.setTabChangesFocus(False)
        self.editor.textChanged.connect(self._on_edited)
        self.highlighter = MarkdownHighlighter(self.editor.document())
        self.preview = QTextBrowser(self.tabs)
        self.preview.setOpenExternalLinks(True)
        self.tabs.addTab(self.editor, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.setAccessibleName(self.tr("Write or preview"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        rv.addWidget(self.tabs, 1)

        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 620])

        menu = self.menuBar().addMenu(self.tr("&Journal"))
        self._action(menu, self.tr("New entry"), QKeySequence.StandardKey.New, lambda: self.open_new_entry())
        self._action(menu, self.tr("Search"), QKeySequence.StandardKey.Find, self._on_find_requested)
        menu.addSeparator()
        self._action(menu, self.tr("Export as Markdown…"), None, lambda: self._export_dialog("md"))
        self._action(menu, self.tr("Export as JSON…"), None, lambda: self._export_dialog("json"))
        self._action(menu, self.tr("Import…"), None, self._import_dialog)
        menu.addSeparator()
        self._action(menu, self.tr("Close"), QKeySequence.StandardKey.Close, self.close)
        self._set_editor_enabled(False)

    def _action(self, menu: Any, text: str, key: Any, slot: Any) -> QAction:
        act = QAction(text, self)
        if key is not None:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    @staticmethod
    def _date_edit(parent: QWidget, day: date) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate(day.year, day.month, day.day))
        return edit

    def _today(self) -> date:
        return self._clock.now().date()

    # -- public hooks ---------------------------------------------------------------------
    @property
    def store(self) -> JournalStore:
        return self._store

    def show_window(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        if QGuiApplication.platformName() != "offscreen":  # it only warns there
            self.raise_()
            self.activateWindow()

    def open_new_entry(
        self, day: date | None = None, prompts_kind: PromptKind | str | Sequence[str] | None = None
    ) -> None:
        """Show the window on a new entry for ``day`` (default today). ``prompts_kind``
        "intent" or "reflect" (or a PromptKind) starts the body with the user's set of
        questions and links the entry to ``day`` as a focus day; a list of strings gives
        the questions themselves. With none, a planned focus day gets the set that fits
        (intent before it and on its morning, reflection after). Stored once typed in."""
        self.flush()
        now = self._clock.now()
        day = day or now.date()
        kind: PromptKind | None = None
        questions: list[str] = []
        if isinstance(prompts_kind, PromptKind):
            kind = prompts_kind
        elif isinstance(prompts_kind, str):
            kind = _KINDS[prompts_kind]
        elif prompts_kind is not None:
            questions = [str(q) for q in prompts_kind if str(q).strip()]
        elif self._is_planned(day):
            kind = prompt_kind_for(day, now)
        if kind is not None:
            questions = prompts(self._settings.get, kind, self._lang)
        focus = day if (kind is not None or questions or self._is_planned(day)) else None
        body = prompt_body(questions)
        self.list_view.selectionModel().clearCurrentIndex()
        self.list_view.clearSelection()
        title = self._prompt_title(kind, day) if kind is not None else ""
        self._load(Entry(day=day, title=title, body=body, focus_day=focus))
        self.show_window()
        self.tabs.setCurrentWidget(self.editor)
        self.editor.setFocus()
        if body:
            # the cursor on the empty line under the first question
            cursor = self.editor.textCursor()
            cursor.setPosition(self.editor.document().findBlockByNumber(1).position())
            self.editor.setTextCursor(cursor)

    def open_for_reminder(self, day: date, kind: PromptKind | str) -> None:
        """From a reminder's "Open journal": every search and filter cleared, and the day's intent
        (or reflection) entry in the editor: the one written earlier, selected in the list, or a
        new one, which joins the list (selected) as soon as something is typed in it."""
        self.flush()
        self.clear_filter()
        kind = kind if isinstance(kind, PromptKind) else _KINDS[kind]
        title = self._prompt_title(kind, day)
        earlier = [
            h.entry
            for h in self._store.query(Filter(focus_day=day), limit=200)
            if h.entry.title == title and h.entry.id is not None
        ]
        if earlier and earlier[0].id is not None and self.open_entry(earlier[0].id):
            self.show_window()
            self.tabs.setCurrentWidget(self.editor)
            self.editor.setFocus()
            return
        self.open_new_entry(day, kind)

    def clear_filter(self) -> None:
        """Show every entry: the search box, the tag, focus-day and date filters emptied."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.tag_filter.setCurrentIndex(0)
        self.focus_filter.setCurrentIndex(0)
        self.range_check.blockSignals(True)
        self.range_check.setChecked(False)
        self.range_check.blockSignals(False)
        self.apply_filter()

    def _prompt_title(self, kind: PromptKind, day: date) -> str:
        from antihjalte_desktop.ui.i18n import day_text

        name = self.tr("Intent") if kind is PromptKind.INTENT else self.tr("Reflection")
        return self.tr("{kind}, {day}").format(kind=name, day=day_text(day, self._lang))

    def open_entry(self, entry_id: int) -> bool:
        """Show an existing entry in the editor."""
        self.flush()
        entry = self._store.get(entry_id)
        if entry is None:
            return False
        self._load(entry)
        self._select_quietly(entry_id)
        return True

    def flush(self) -> bool:
        """Save what is unsaved now. False (and the text kept in the editor) when it failed."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        if not self._dirty or self._entry is None:
            return True
        e = self._collect()
        new = e.id is None
        try:
            if e.id is not None:
                try:
                    stored = self._store.update(e)
                except KnownError:
                    if self._store.get(e.id) is not None:
                        raise
                    stored = self._store.add(e)  # deleted meanwhile (from the CLI): keep the text
                    new = True
            else:
                if not (e.body.strip() or e.title.strip()):
                    self._dirty = False
                    return True
                stored = self._store.add(e)
        except KnownError as err:
            self._set_status(self.tr("Not saved: {reason}. Trying again in a moment.").format(reason=err))
            self._retry.start()
            self.save_failed.emit(str(err))
            return False
        self._entry = stored
        self._dirty = False
        self._set_status(self.tr("Saved {time}").format(time=self._clock.now().strftime("%H:%M:%S")))
        if new:
            self._reload_keeping(stored.id)
        else:
            self.model.entry_saved(stored)
        if stored.tags and any(t not in self._tags_known for t in stored.tags):
            self._refresh_filter_choices()
        assert stored.id is not None
        self.saved.emit(stored.id)
        return True

    def close_store(self) -> None:
        self.flush()
        if self._own_store:
            self._store.close()

    def delete_current(self, *, confirm: bool = True) -> bool:
        e = self._entry
        if e is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete entry"),
                self.tr("Delete “{title}”? This cannot be undone.").format(title=e.title or "…"),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._debounce.stop()
        self._max_wait.stop()
        self._dirty = False
        if e.id is not None:
            self._store.delete(e.id)
        self._entry = None
        self._clear_editor()
        self.model.reload()
        self._refresh_filter_choices()
        return True

    @property
    def language(self) -> str:
        return self._lang

    @property
    def dirty(self) -> bool:
        return self._dirty

    def current_entry(self) -> Entry | None:
        return self._entry

    # -- editor state -------------------------------------------------------------------------
    def _load(self, entry: Entry) -> None:
        self._loading = True
        try:
            self._entry = entry
            self._dirty = False
            auto = entry.title == derive_title("", entry.body)
            self.title_edit.setText("" if auto else entry.title)
            self._update_title_placeholder(entry.body)
            self.date_edit.setDate(QDate(entry.day.year, entry.day.month, entry.day.day))
            self.tags_edit.setText(", ".join(entry.tags))
            self.editor.setPlainText(entry.body)
            if entry.focus_day:
                from antihjalte_desktop.ui.i18n import day_text

                self.focus_label.setText(
                    self.tr("Focus day: {day}").format(day=day_text(entry.focus_day, self._lang))
                )
            else:
                self.focus_label.setText("")
            self._set_editor_enabled(True)
            self._set_status(self.tr("New entry: saved as you type") if entry.id is None else "")
            if self.tabs.currentWidget() is self.preview:
                self.preview.setMarkdown(entry.body)
        finally:
            self._loading = False
        self._reveal_first_match()
        self.entry_opened.emit(entry)

    def _clear_editor(self) -> None:
        self._loading = True
        try:
            self.title_edit.clear()
            self.tags_edit.clear()
            self.editor.clear()
            self.focus_label.clear()
            self._set_editor_enabled(False)
        finally:
            self._loading = False

    def _set_editor_enabled(self, on: bool) -> None:
        for w in (self.title_edit, self.date_edit, self.tags_edit, self.editor, self.delete_button):
            w.setEnabled(on)

    def _collect(self) -> Entry:
        assert self._entry is not None
        q = self.date_edit.date()
        return Entry(
            id=self._entry.id,
            day=date(q.year(), q.month(), q.day()),
            title=self.title_edit.text().strip(),
            body=self.editor.toPlainText(),
            tags=split_tags(self.tags_edit.text()),
            focus_day=self._entry.focus_day,
            created=self._entry.created,
        )

    def _update_title_placeholder(self, body: str) -> None:
        self.title_edit.setPlaceholderText(
            derive_title("", body) or self.tr("Title (the first line if empty)")
        )

    def _set_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def _is_planned(self, day: date) -> bool:
        if self._plan is None:
            return False
        try:
            return self._plan.get_day(day) is not None
        except KnownError:
            return False

    # -- autosave -------------------------------------------------------------------------------
    def _on_edited(self, *_: object) -> None:
        if self._loading or self._entry is None:
            return
        if not self.title_edit.text():
            self._update_title_placeholder(self.editor.toPlainText())
        if not self._dirty:
            self._dirty = True
            self._max_wait.start()  # not restarted while typing goes on
            self._set_status(self.tr("Saving…"))
        self._debounce.start()

    def _on_save_timer_fired(self) -> None:
        self.flush()

    def _on_commit_data_requested(self, manager: QSessionManager) -> None:
        del manager
        self.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    # -- tags -------------------------------------------------------------------------------------
    def _on_tags_edited(self, text: str) -> None:
        self._on_edited()
        prefix = text.rsplit(",", 1)[-1].strip()
        if not prefix:
            self._hide_tag_popup()
            return
        self.tag_completer.setCompletionPrefix(prefix)
        if self.tag_completer.completionCount() > 0:
            self.tag_completer.complete()
        else:
            self._hide_tag_popup()

    def _hide_tag_popup(self) -> None:
        popup = self.tag_completer.popup()
        if popup is not None:
            popup.hide()

    def _on_tag_completed(self, tag: str) -> None:
        head = self.tags_edit.text().rsplit(",", 1)
        parts = [*(head[:-1] if len(head) > 1 else []), tag]
        self.tags_edit.setText(", ".join(p.strip() for p in parts if p.strip()) + ", ")
        self._on_edited()

    # -- list, search and filters -------------------------------------------------------------------
    def _on_search_text_changed(self, text: str) -> None:
        self._search_timer.start()

    def _on_find_requested(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _on_filter_changed(self, *_: object) -> None:
        self.apply_filter()

    def _on_range_date_changed(self, *_: object) -> None:
        if self.range_check.isChecked():
            self.apply_filter()

    def current_filter(self) -> Filter:
        tag = self.tag_filter.currentData()
        focus = self.focus_filter.currentData()
        start = end = None
        if self.range_check.isChecked():
            start = self.from_edit.date().toPython()
            end = self.to_edit.date().toPython()
        return Filter(
            text=self.search_box.text(),
            tag=tag or None,
            start=start,  # type: ignore[arg-type]
            end=end,  # type: ignore[arg-type]
            focus_day=date.fromisoformat(focus) if focus and focus != _ALL_FOCUS else None,
            focus_only=focus == _ALL_FOCUS,
        )

    def apply_filter(self) -> None:
        """Show what the search box and filters ask for (the search box calls this debounced)."""
        self._search_timer.stop()
        self.flush()
        f = self.current_filter()
        self.highlighter.set_search(f.text)
        self._reload_keeping(self._entry.id if self._entry else None, f)
        self._reveal_first_match()

    def store_touched(self) -> None:
        """The journal file changed on disk: if another process wrote it (``journal add`` or an
        import from the command line), show the list as it is now. The window's own saves do
        not move its connection's data version, so they cost nothing here."""
        try:
            version = self._store.data_version()
        except KnownError:
            return
        if version == self._store_version:
            return
        self._store_version = version
        self._refresh_filter_choices()
        self._reload_keeping(self._entry.id if self._entry else None)

    def _reload_keeping(self, entry_id: int | None, f: Filter | None = None) -> None:
        self._loading = True
        try:
            self.model.set_filter(f or self.model.filter)
            row = self.model.row_of(entry_id) if entry_id is not None else -1
            if row >= 0:
                self.list_view.setCurrentIndex(self.model.index(row))
                self.list_view.scrollTo(self.model.index(row))
        finally:
            self._loading = False

    def _on_filter_applied(self, total: int) -> None:
        everything = self._store.count()
        if self.model.filter.text or total != everything:
            self.count_label.setText(self.tr("Found: {n}").format(n=total))
        else:
            self.count_label.setText(self.tr("Entries: {n}").format(n=total))
        if everything == 0:
            native = QKeySequence.SequenceFormat.NativeText
            shortcut = QKeySequence(QKeySequence.StandardKey.New).toString(native)
            self.list_view.set_placeholder(
                self.tr(
                    "Your journal is empty.\n\nStart with {new} ({key}): a few lines on what you read, "
                    "learned or want to change. Before an antihjälte day, {intent} asks what you intend; "
                    "after it, {reflect} asks what it gave you."
                ).format(
                    new=self.new_button.text(),
                    key=shortcut,
                    intent=self.intent_button.text().rstrip("…"),
                    reflect=self.reflect_button.text().rstrip("…"),
                )
            )
        elif total == 0:
            self.list_view.set_placeholder(
                self.tr("No entry matches the search and filters. Clear them to see every entry.")
            )
        else:
            self.list_view.set_placeholder("")

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        entry_id = current.data(IdRole)
        if self._entry is not None and self._entry.id == entry_id:
            return
        self.flush()  # may reload the list (a new entry was stored): select the clicked one again
        entry = self._store.get(int(entry_id))
        if entry is not None:
            self._load(entry)
            self._select_quietly(int(entry_id))

    def _select_quietly(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0 and self.list_view.currentIndex().row() != row:
            self._loading = True
            try:
                self.list_view.setCurrentIndex(self.model.index(row))
                self.list_view.scrollTo(self.model.index(row))
            finally:
                self._loading = False

    def _reveal_first_match(self) -> None:
        rx = self.highlighter.pattern
        if rx is None or self._entry is None:
            return
        m = rx.search(self.editor.toPlainText())
        if m:
            cursor = self.editor.textCursor()
            cursor.setPosition(m.start())
            cursor.setPosition(m.end(), QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()

    def _refresh_filter_choices(self) -> None:
        tags = self._store.tags()
        self._tags_known = [t for t, _ in tags]
        model = self.tag_completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(self._tags_known)
        self._refill(self.tag_filter, [(self.tr("All tags"), None)] + [(f"#{t} ({n})", t) for t, n in tags])
        focus = [(self.tr("All entries"), None), (self.tr("Focus days only"), _ALL_FOCUS)]
        focus += [
            (self.tr("Focus day {day}").format(day=d.isoformat()), d.isoformat())
            for d in self._store.focus_days()
        ]
        self._refill(self.focus_filter, focus)

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        idx = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, idx))
        combo.blockSignals(False)

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.preview:
            self.preview.setMarkdown(self.editor.toPlainText())

    # -- export and import ------------------------------------------------------------------------
    def _export_dialog(self, fmt: str) -> None:
        self.flush()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the journal to folder"))
        if folder:
            self.export_to(fmt, folder)

    def export_to(self, fmt: str, folder: str) -> bool:
        from pathlib import Path

        try:
            dest, n = export_entries(self._store, fmt, Path(folder))
        except KnownError as err:
            QMessageBox.warning(self, self.tr("Export"), str(err))
            return False
        self._set_status(self.tr("Exported to {dest} (entries: {n})").format(dest=dest, n=n))
        return True

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import journal entries"), "",
            self.tr("Journal exports (*.json *.md);;All files (*)"),
        )  # fmt: skip
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> bool:
        from pathlib import Path

        self.flush()
        try:
            added, skipped = self._store.import_entries(read_import(Path(path)))
        except KnownError as err:
            QMessageBox.warning(self, self.tr("Import"), str(err))
            return False
        self._refresh_filter_choices()
        self.apply_filter()
        msg = self.tr("Imported entries: {n}").format(n=added)
        if skipped:
            msg += " " + self.tr("(already in the journal: {n})").format(n=skipped)
        self._set_status(msg)
        return True

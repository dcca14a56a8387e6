"""The first run: a short setup window for a new profile (name, e-mail, phone, who usually covers,
the team, where the team feed is, the cadence, the language).

It is an ordinary window, not modal: the tray, its menu and the planner work while it is open.
Each value goes through the settings schema (``Settings.set``); a refused one stays in its field
with a sentence under it saying what is wrong. *Finish* saves and closes; *Skip* closes without
saving; both set ``ui.first_run_done``, so the window is not shown again by itself. Closing the
window with its title bar's button is "later": it is shown at the next start.

"Sync once" saves the feed's place and runs ``antihjalte sync`` in its own process (as the
tray's sync does, ``ui/feed_sync.py``), then says what it found.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.autoreply import parse_roster_entry
from antihjalte_desktop.core.settings_schema import holds_credentials
from antihjalte_desktop.errors import KnownError

if TYPE_CHECKING:
    from antihjalte_desktop.services.team import Team
    from antihjalte_desktop.store.settings import Settings

REFUSED_FRAME = "border: 2px solid #d32f2f; border-radius: 3px;"
EXAMPLE_ROW = "Anna Berg, anna.berg@kommun.se, 070-123 45 67"  # names and numbers: the same in both languages
FEED_FILE_NAME = "team.ics"  # the file a chosen folder gets (the file feed names one as its example)


def is_new_profile(*, first_run_done: bool, name: str, ever_planned: bool) -> bool:
    """A profile is new while ``me.name`` is unset and no day was ever planned (and the first run
    was neither finished nor skipped)."""
    return not first_run_done and not name.strip() and not ever_planned


def sync_command(home: str | None) -> list[str]:
    """The arguments of ``antihjalte sync`` for this profile, run with this Python."""
    return ["-m", "antihjalte_desktop", *(["--home", home] if home else []), "sync"]


def colleagues_days(team: Team, today: date) -> tuple[int, int] | None:
    """How many antihjälte days of how many colleagues the team feed holds from a month ago to a
    year ahead; None when no feed was read."""
    entries = team.entries(today - timedelta(days=31), today + timedelta(days=366))
    if entries is None:
        return None
    theirs = [e for e in (team.as_me(e) for e in entries) if e.kind == "focus" and not e.me]
    return len(theirs), len({e.person.casefold() for e in theirs})


def _dim(label: QLabel) -> None:
    """Help under a field: the placeholder colour, readable in light and dark themes."""
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(pal)


class _Row:
    """One setting's editor with the sentence under it that says why a value was refused."""

    def __init__(self, key: str, editor: QWidget, frame: QWidget | None = None) -> None:
        self.key = key
        self.editor = editor
        self.frame = frame or editor
        self.error = QLabel()
        self.error.setObjectName(f"error:{key}")
        # Not word-wrapped: Qt's height-for-width layout would squeeze the rows around it; a long
        # refusal has a line per sentence instead (see FirstRunWindow._refusal).
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.hide()

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.frame.setStyleSheet(REFUSED_FRAME)
        self.editor.setAccessibleDescription(message)

    def clear(self) -> None:
        self.error.hide()
        self.frame.setStyleSheet("")
        self.editor.setAccessibleDescription("")

    @property
    def refused(self) -> bool:
        return not self.error.isHidden()


class FirstRunWindow(QWidget):
    """The setup window. ``closed_done`` is emitted when it was finished or skipped."""

    closed_done = Signal()
    sync_finished = Signal(bool)  # the "Sync once" process ended: in sync?

    def __init__(
        self,
        settings: Settings,
        team: Team,
        today: Callable[[], date],
        *,
        sync_args: Sequence[str],
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._settings = settings
        self._team = team
        self._today = today
        self._sync_args = list(sync_args)
        self._process: QProcess | None = None
        self.rows: dict[str, _Row] = {}
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Antihjälte – set up"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Welcome! A few answers make the auto-reply, the handover and the team feed yours. "
                "You can change everything later under Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(intro.fontMetrics().height() // 2)

        # A grid, not a QFormLayout: the form squeezes rows whose wrapped text grows (a refusal).
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        layout.addLayout(form)
        g = settings.get

        self.name = self._line("me.name", str(g("me.name")), self.tr("Your name"), "Kim Lind")
        self.email = self._line("me.email", str(g("me.email")), self.tr("Your e-mail"), "kim.lind@kommun.se")
        self.phone = self._line("me.phone", str(g("me.phone")), self.tr("Your phone number"), "070-123 45 67")
        self.team_list = QPlainTextEdit(self)
        self.team_list.setObjectName("team.roster")
        self.team_list.setAccessibleName(self.tr("Your team"))
        self.team_list.setTabChangesFocus(True)
        self.team_list.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.team_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.team_list.setPlaceholderText(EXAMPLE_ROW)
        self.team_list.setPlainText("\n".join(g("team.roster")))
        self.team_list.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.rows["team.roster"] = _Row("team.roster", self.team_list)
        self.cover = QComboBox(self)
        self.cover.setObjectName("me.cover")
        self.cover.setEditable(True)
        self.cover.setAccessibleName(self.tr("Who usually covers for you"))
        self.cover.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        cover_edit = self.cover.lineEdit()
        assert cover_edit is not None
        cover_edit.setPlaceholderText(self.tr("A name from your team, or type one"))
        cover_edit.setAccessibleName(self.tr("Who usually covers for you"))
        self._fill_cover(str(g("me.cover")))
        self.team_list.textChanged.connect(lambda: self._fill_cover(self.cover.currentText()))
        self.rows["me.cover"] = _Row("me.cover", self.cover)

        self.feed = QLineEdit(str(g("feed.location")), self)
        self.feed.setObjectName("feed.location")
        self.feed.setAccessibleName(self.tr("Where the team feed is"))
        self.feed.setPlaceholderText(self.tr("A shared folder's file, or a WebDAV or CalDAV address"))
        self.rows["feed.location"] = _Row("feed.location", self.feed)
        self.choose = QPushButton(self.tr("Choose folder…"), self)
        self.choose.setObjectName("chooseFolder")
        self.choose.clicked.connect(self._on_choose_folder)
        self.sync_button = QPushButton(self.tr("Sync once"), self)
        self.sync_button.setObjectName("syncOnce")
        self.sync_button.clicked.connect(self.sync_once)
        self.sync_result = QLabel(self)
        self.sync_result.setObjectName("syncResult")
        self.sync_result.setWordWrap(True)
        self.sync_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_result.hide()

        self.cadence = QSpinBox(self)
        self.cadence.setObjectName("cadence.every_weeks")
        self.cadence.setRange(0, 52)
        self.cadence.setValue(int(g("cadence.every_weeks")))
        self.cadence.setAccessibleName(self.tr("An antihjälte day every … weeks (0: no cadence)"))
        self.rows["cadence.every_weeks"] = _Row("cadence.every_weeks", self.cadence)
        self.language = QComboBox(self)
        self.language.setObjectName("ui.language")
        self.language.setAccessibleName(self.tr("Language"))
        for code, label in (("", self.tr("System language")), ("sv", "Svenska"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(g("ui.language"))))
        self.rows["ui.language"] = _Row("ui.language", self.language)

        def add(label: str, key: str, *parts: QWidget | QLayout) -> None:
            """A row: the label, then the field and what goes under it (help, the refusal),
            each in its own grid row of the second column."""
            lab = QLabel(label, self)
            lab.setBuddy(self.rows[key].editor)
            row = form.rowCount()
            tall = isinstance(parts[0], QPlainTextEdit)
            align = Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter
            form.addWidget(lab, row, 0, align | Qt.AlignmentFlag.AlignLeft)
            for i, part in enumerate((*parts, self.rows[key].error)):
                if isinstance(part, QLayout):
                    form.addLayout(part, row + i, 1)
                else:
                    form.addWidget(part, row + i, 1)

        add(self.tr("&Name:"), "me.name", self.name)
        add(self.tr("&E-mail:"), "me.email", self.email)
        add(self.tr("&Phone:"), "me.phone", self.phone)
        team_help = QLabel(self.tr("One person per row: name, e-mail, phone."), self)
        _dim(team_help)
        add(self.tr("Your &team:"), "team.roster", self.team_list, team_help)
        add(self.tr("Who usually &covers for you:"), "me.cover", self.cover)
        feed_row = QHBoxLayout()
        feed_row.addWidget(self.feed, 1)
        feed_row.addWidget(self.choose)
        feed_row.addWidget(self.sync_button)
        feed_help = QLabel(self.tr("Empty: a file in your own profile, until the team shares one."), self)
        _dim(feed_help)
        add(self.tr("Team &feed:"), "feed.location", feed_row, feed_help, self.sync_result)
        cad_row = QHBoxLayout()
        cad_row.addWidget(QLabel(self.tr("An antihjälte day every"), self))
        cad_row.addWidget(self.cadence)
        cad_row.addWidget(QLabel(self.tr("weeks (0: no cadence)"), self))
        cad_row.addStretch(1)
        add(self.tr("Ca&dence:"), "cadence.every_weeks", cad_row)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language)
        lang_row.addStretch(1)
        add(self.tr("&Language:"), "ui.language", lang_row)

        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("&Skip"), self)
        self.skip_button.setObjectName("skip")
        self.skip_button.setToolTip(self.tr("Nothing here is saved; the setup is not shown again by itself."))
        self.skip_button.clicked.connect(self.skip)
        self.finish_button = QPushButton(self.tr("&Finish"), self)
        self.finish_button.setObjectName("finish")
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.finish)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.finish_button)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.name.setFocus()
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("0") * 96, self.sizeHint().height())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def fit(self) -> None:
        """Tall enough for what it shows at its width (a refusal, the sync's result, the wrapped
        intro): Qt's minimum size does not follow wrapped text, which would squeeze the rows."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        need = max(need, layout.totalMinimumSize().height())
        self.setMinimumHeight(need)
        if self.height() < need:
            self.resize(self.width(), need)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def _line(self, key: str, value: str, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(key)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        self.rows[key] = _Row(key, edit)
        return edit

    # -- the team and the cover ------------------------------------------------------------
    def roster(self) -> list[str]:
        return [ln.strip() for ln in self.team_list.toPlainText().splitlines() if ln.strip()]

    def _fill_cover(self, current: str) -> None:
        names = [parse_roster_entry(e).name for e in self.roster()]
        mine = self.name.text().strip().casefold()
        names = [n for n in names if n and n.casefold() != mine]
        self.cover.blockSignals(True)
        self.cover.clear()
        self.cover.addItems(names)
        self.cover.setEditText(current)
        self.cover.blockSignals(False)

    # -- saving ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "me.name": self.name.text().strip(),
            "me.email": self.email.text().strip(),
            "me.phone": self.phone.text().strip(),
            "team.roster": self.roster(),
            "me.cover": self.cover.currentText().strip(),
            "feed.location": self.feed.text().strip(),
            "cadence.every_weeks": self.cadence.value(),
            "ui.language": self.language.currentData() or "",
        }

    def _save(self, key: str, value: Any) -> bool:
        row = self.rows[key]
        if value != self._settings.get(key):
            try:
                self._settings.set(key, value)
            except KnownError as err:
                row.refuse(self._refusal(key, str(err), value))
                return False
        row.clear()
        return True

    def _refusal(self, key: str, err: str, value: Any) -> str:
        """What is wrong, in the user's words, and that it was not saved."""
        if key == "me.email":
            what = self.tr("This is not an e-mail address.")
        elif key == "feed.location" and holds_credentials(value):
            what = self.tr(
                "A feed address must not hold a user name or password. Put them under Settings → Team feed."
            )
        else:
            what = err[:1].upper() + err[1:]
            what = what if what.endswith(".") else what + "."
        not_saved = self.tr("It was not saved.")
        return f"{what}\n{not_saved}" if len(what) + len(not_saved) > 70 else f"{what} {not_saved}"

    def finish(self) -> bool:
        """Save every answer; close when all were taken (a refused one keeps the window open)."""
        values = self.values()
        language = values.pop("ui.language")
        ok = all([self._save(key, value) for key, value in values.items()])
        if not ok:
            self.fit()
            return False
        self._done()
        self._save("ui.language", language)  # last: switching the language rebuilds windows
        return True

    def skip(self) -> None:
        self._done()

    def _done(self) -> None:
        self._settings.set("ui.first_run_done", True)
        self.closed_done.emit()
        self.close()

    # -- the feed ---------------------------------------------------------------------------
    def _on_choose_folder(self) -> None:
        start = self.feed.text().strip()
        start_dir = str(Path(start).parent) if start and "://" not in start else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("The team's shared folder"), start_dir)
        if folder:
            self.use_folder(Path(folder))

    def use_folder(self, folder: Path) -> None:
        """The feed in ``folder``: the one calendar file there, else a new ``team.ics``."""
        found = sorted(folder.glob("*.ics"))
        self.feed.setText(str(found[0] if len(found) == 1 else folder / FEED_FILE_NAME))

    def sync_once(self) -> None:
        """Save the feed's place, then sync once in a child process and say what was found."""
        if self._process is not None:
            return
        if not self._save("feed.location", self.feed.text().strip()):
            self.fit()
            return
        self.sync_button.setEnabled(False)
        self.sync_result.setText(self.tr("Syncing…"))
        self.sync_result.show()
        self.fit()
        proc = QProcess(self)
        proc.finished.connect(lambda code, _status: self._on_sync_finished(proc, code))
        self._process = proc
        proc.start(sys.executable, self._sync_args)

    @property
    def syncing(self) -> bool:
        return self._process is not None

    def _on_sync_finished(self, proc: QProcess, code: int) -> None:
        self._process = None
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        proc.deleteLater()
        self.sync_button.setEnabled(True)
        if code == 0:
            self.sync_result.setText(self._found_text())
        else:
            from antihjalte_desktop.feed.sync import reason_of

            reason = reason_of(err)  # the child's words, in its language (the same ui.language)
            self.sync_result.setText(self.tr("The sync did not work: %1").replace("%1", reason or "?"))
        self.fit()
        self.sync_finished.emit(code == 0)

    def _found_text(self) -> str:
        found = colleagues_days(self._team, self._today())
        if not found or not found[0]:
            return self.tr("In sync. The feed has no colleague's antihjälte days yet.")
        days, people = found
        colleagues = self.tr("%n colleague(s)", None, people)
        return self.tr("In sync. Found %n antihjälte day(s) of %1.", None, days).replace("%1", colleagues)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._process is not None:
            self._process.finished.disconnect()
            self._process.kill()
            self._process.waitForFinished(3000)
            self._process = None
        super().closeEvent(event)

"""The planner window: a month calendar of your antihjälte days and a side panel for the selected day.

Look, then plan: a click or the arrow keys select a day and the side panel says what it is (a
holiday, who in the team is away, focusing or hero, what planning it would mean). Planning and
taking out are explicit: the panel's button, a double-click, or Enter or Space in the calendar.
A planned day's note, cover, checklist, passed-on tasks and auto-reply are edited in the day
editor (``ui/day_editor.py``), shown for planned days only. Rows below the calendar have fixed
heights, so messages coming and going never move the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.plan import RefusalKind
from antihjalte_desktop.core.suggest import Suggestion
from antihjalte_desktop.core.team_rules import Entry, PlanIssue
from antihjalte_desktop.core.workdays import Holiday
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Command, CommandKind, Planning
from antihjalte_desktop.services.team import Team
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.calendar_view import (
    PLANNED,
    PLANNED_TEXT,
    SYMBOL_AWAY,
    SYMBOL_DONE,
    SYMBOL_FOCUS,
    SYMBOL_HOLIDAY,
    SYMBOL_PLANNED,
    TEAM_AWAY,
    TEAM_AWAY_DARK,
    TEAM_FOCUS,
    TEAM_FOCUS_DARK,
    FocusCalendar,
    mix,
)
from antihjalte_desktop.ui.day_editor import DayEditor
from antihjalte_desktop.ui.feed_sync import FeedSync
from antihjalte_desktop.ui.holidays import Holidays
from antihjalte_desktop.ui.hub import ChangeHub
from antihjalte_desktop.ui.i18n import day_text
from antihjalte_desktop.ui.wording import Wording


def _fixed_lines(label: QLabel, lines: int) -> None:
    """Give ``label`` room for ``lines`` lines whatever it says, so nothing around it moves."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    m = label.contentsMargins()
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + m.top() + m.bottom() + 2)


def _keep_place(widget: QWidget) -> None:
    """A hidden ``widget`` keeps its place in the layout."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class PlannerWindow(QMainWindow):
    """Select a day to see what it is; plan or take it out with the button, a double-click,
    Enter or Space; the side panel's day editor edits a planned day."""

    def __init__(
        self,
        *,
        planning: Planning,
        team: Team,
        holidays: Holidays,
        hub: ChangeHub,
        settings: Settings,
        autoreply: Autoreply,
        language: str,
        locale: QLocale,
        icon: QIcon,
        on_closed: Callable[[], None] = lambda: None,
        feed_sync: FeedSync | None = None,
        open_settings: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self._feed_sync = feed_sync
        self._planning = planning
        self._team_service = team
        self._holidays = holidays
        self._hub = hub
        self._settings = settings
        self._on_closed = on_closed
        self._lang = language
        self._words = Wording(language, self)
        self._team: list[Entry] | None = None  # the team around the shown month; None: no feed
        self._team_range: tuple[date, date] | None = None
        self._force_day: date | None = None  # the day "Plan anyway" plans (or moves to)
        self._force_move_from: date | None = None  # with _force_day: "Move anyway" from here
        self._move_from: date | None = None  # "Move to…" is choosing the new day for this one
        self._suggestion: Suggestion | None = None
        self.setObjectName("planner")
        self.setWindowTitle(self.tr("Antihjälte – plan focus days"))
        self.setWindowIcon(icon)
        fm = self.fontMetrics()
        cw = fm.horizontalAdvance("0")

        central = QWidget(self)
        outer = QVBoxLayout(central)

        self.banner = QLabel(central)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(8)
        self.banner.hide()
        outer.addWidget(self.banner)

        row = QHBoxLayout()
        outer.addLayout(row, 1)

        # -- left: the month -----------------------------------------------------------
        left_widget = QWidget(central)
        left_widget.setObjectName("monthColumn")
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left_widget.setSizePolicy(ignored)
        left_widget.setMinimumWidth(cw * 52)
        row.addWidget(left_widget, 3)
        self.calendar = FocusCalendar(self._holiday_if_loaded, self._tooltip, left_widget)
        self.calendar.setAccessibleName(self.tr("Month calendar"))
        self.calendar.setLocale(locale)
        self.calendar.setMinimumSize(cw * 50, fm.lineSpacing() * 17)
        left.addWidget(self.calendar, 1)
        self.legend = QLabel(self._legend_html(), left_widget)
        self.legend.setObjectName("legend")
        self.legend.setAccessibleName(self.tr("Legend"))
        _fixed_lines(self.legend, 2)
        left.addWidget(self.legend)
        self.hint = QLabel(
            self.tr("Click a day or move with the arrow keys to see it. Double-click it, or press Enter "
                    "or Space, to plan it or take it out."),
            left_widget,
        )  # fmt: skip
        self.hint.setObjectName("hint")
        _fixed_lines(self.hint, 2)
        left.addWidget(self.hint)

        self.cadence_label = QLabel(left_widget)
        self.cadence_label.setObjectName("cadence")
        self.cadence_label.setAccessibleName(self.tr("Cadence"))
        f = self.cadence_label.font()
        f.setBold(True)
        self.cadence_label.setFont(f)
        _fixed_lines(self.cadence_label, 2)
        left.addWidget(self.cadence_label)
        # The team feed: when it was last in sync (or why not), and a way to sync now.
        sync_row = QHBoxLayout()
        self.sync_label = QLabel(left_widget)
        self.sync_label.setObjectName("syncLine")
        self.sync_label.setAccessibleName(self.tr("Team feed"))
        self.sync_label.setWordWrap(True)
        sync_row.addWidget(self.sync_label, 1)
        self.sync_button = QPushButton(self.tr("S&ync now"), left_widget)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setAccessibleName(self.tr("Sync with the team feed now"))
        _keep_place(self.sync_button)
        sync_row.addWidget(self.sync_button)
        left.addLayout(sync_row)
        if feed_sync is not None:
            self.sync_button.clicked.connect(feed_sync.sync_now)
            for sig in (feed_sync.status_changed, feed_sync.problem_changed, feed_sync.started):
                sig.connect(self._fill_sync)
            feed_sync.finished.connect(self._fill_sync)
        else:
            self.sync_label.hide()
            self.sync_button.hide()
        suggest_row = QHBoxLayout()
        self.suggest_button = QPushButton(left_widget)
        self.suggest_button.setObjectName("suggestButton")
        self.suggest_button.clicked.connect(self._on_suggest_clicked)
        _keep_place(self.suggest_button)
        self.suggest_button.hide()
        suggest_row.addWidget(self.suggest_button)
        suggest_row.addStretch(1)
        left.addLayout(suggest_row)
        self.suggest_reason = QLabel(left_widget)
        self.suggest_reason.setObjectName("suggestReason")
        self.suggest_reason.setAccessibleName(self.tr("Why this day"))
        _fixed_lines(self.suggest_reason, 2)
        left.addWidget(self.suggest_reason)

        msg_row = QHBoxLayout()
        self.message = QLabel(left_widget)
        self.message.setObjectName("message")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _fixed_lines(self.message, 4)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        msg_row.addWidget(self.message, 1)
        buttons = QVBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo"), left_widget)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z); redo with Ctrl+Shift+Z"))
        _keep_place(self.undo_button)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._on_undo_clicked)
        buttons.addWidget(self.undo_button)
        self.force_button = QPushButton(self.tr("Plan &anyway"), left_widget)
        self.force_button.setObjectName("forceButton")
        self.force_button.setAccessibleName(self.tr("Plan the day anyway"))
        _keep_place(self.force_button)
        self.force_button.hide()
        self.force_button.clicked.connect(self._on_force_clicked)
        buttons.addWidget(self.force_button)
        buttons.addStretch(1)
        msg_row.addLayout(buttons)
        left.addLayout(msg_row)

        # -- right: the selected day ---------------------------------------------------
        panel = QWidget()
        panel.setObjectName("dayPanel")
        side = QVBoxLayout(panel)
        self.day_title = QLabel(panel)
        self.day_title.setObjectName("dayTitle")
        tf = self.day_title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.3)
        tf.setBold(True)
        self.day_title.setFont(tf)
        side.addWidget(self.day_title)
        self.day_status = QLabel(panel)
        self.day_status.setObjectName("dayStatus")
        self.day_status.setAccessibleName(self.tr("Day status"))
        _fixed_lines(self.day_status, 2)
        side.addWidget(self.day_status)
        day_buttons = QHBoxLayout()
        self.plan_button = QPushButton(panel)
        self.plan_button.setObjectName("planButton")
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        day_buttons.addWidget(self.plan_button)
        self.move_button = QPushButton(self.tr("&Move to…"), panel)
        self.move_button.setObjectName("moveButton")
        self.move_button.setAccessibleName(self.tr("Move the day to another date"))
        self.move_button.clicked.connect(self._on_move_clicked)
        _keep_place(self.move_button)
        day_buttons.addWidget(self.move_button)
        day_buttons.addStretch(1)
        side.addLayout(day_buttons)
        self.day_info = QLabel(panel)
        self.day_info.setObjectName("dayInfo")
        self.day_info.setAccessibleName(self.tr("What planning it means"))
        self.day_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _fixed_lines(self.day_info, 3)
        side.addWidget(self.day_info)

        self.team_box = QGroupBox(self.tr("Team"), panel)
        self.team_box.setObjectName("teamBox")
        tl = QVBoxLayout(self.team_box)
        margins = tl.contentsMargins()
        tl.setContentsMargins(margins.left(), margins.top() // 2, margins.right(), margins.bottom() // 2)
        self.team_label = QLabel(self.team_box)
        self.team_label.setObjectName("teamLabel")
        self.team_label.setAccessibleName(self.tr("Team"))
        self.team_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _fixed_lines(self.team_label, 3)
        tl.addWidget(self.team_label)
        self.team_box.hide()
        side.addWidget(self.team_box)

        # The day editor for a planned day; in its place, for any other day, a word on what planning gives.
        self.day_stack = QStackedWidget(panel)
        self.day_stack.setObjectName("dayStack")
        self.editor = DayEditor(
            planning, autoreply, settings, language=language, ready=holidays.ready,
            open_settings=open_settings, parent=self.day_stack,
        )  # fmt: skip
        self.editor.said.connect(lambda text: self._show_message(text) if text else self._clear_message())
        self.editor.cover_changed.connect(self._on_cover_changed)
        self.unplanned_hint = QLabel(
            self.tr("Plan the day to write its note, choose who covers for you, and get its handover "
                    "checklist and auto-reply."),
            self.day_stack,
        )  # fmt: skip
        self.unplanned_hint.setObjectName("unplannedHint")
        self.unplanned_hint.setWordWrap(True)
        self.unplanned_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.day_stack.addWidget(self.unplanned_hint)
        self.day_stack.addWidget(self.editor)
        side.addWidget(self.day_stack, 1)
        # The editor's parts by the names the planner had.
        self.note_edit: QLineEdit = self.editor.note_edit
        self.cover_combo: QComboBox = self.editor.cover_combo
        self.autoreply_lang: QComboBox = self.editor.reply_lang
        self.autoreply_text: QPlainTextEdit = self.editor.reply_text
        self.copy_button: QPushButton = self.editor.copy_button

        scroll = QScrollArea(central)
        scroll.setObjectName("dayScroll")
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a tab stop of its own: its fields are
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(cw * 46)
        scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        row.addWidget(scroll, 2)
        self.setCentralWidget(central)

        self.setTabOrder(self.calendar, self.plan_button)
        self.setTabOrder(self.plan_button, self.move_button)
        self.setTabOrder(self.move_button, self.note_edit)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape)
        # Ctrl+Z and Ctrl+Shift+Z everywhere, with the platform's own keys (Ctrl+Y) besides; one
        # shortcut per key sequence, as two for the same keys would be ambiguous and neither fire.
        for std, extra, slot in (
            (QKeySequence.StandardKey.Undo, "Ctrl+Z", self.undo),
            (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", self.redo),
        ):
            seqs = [*QKeySequence.keyBindings(std), QKeySequence(extra)]
            for seq in dict.fromkeys(k.toString() for k in seqs if not k.isEmpty()):
                QShortcut(QKeySequence(seq), self, slot).setContext(Qt.ShortcutContext.WindowShortcut)

        self.calendar.day_activated.connect(self._on_day_activated)
        self.calendar.selectionChanged.connect(self._on_selection_changed)
        self.calendar.currentPageChanged.connect(self._on_page_changed)
        hub.plan_changed.connect(self.refresh)
        hub.holidays_loaded.connect(self._on_holidays_loaded)
        hub.team_changed.connect(self._on_team_changed)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_message)

        today = planning.today()
        self.calendar.select_day(today)
        self._on_page_changed(today.year, today.month)
        self.refresh()
        self.calendar.setFocus()
        self.resize(cw * 116, fm.lineSpacing() * 50)

    # -- public -----------------------------------------------------------------------
    def show_day(self, day: date) -> None:
        self.calendar.select_day(day)
        self.calendar.setFocus()

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def refresh(self) -> None:
        """Re-read the plan (after any change, here or elsewhere)."""
        self.calendar.set_planned(set(self._planning.planned_days()), self._planning.today())
        self._load_team()
        self._fill_cadence()
        self._fill_sync()
        if self._hub.change_source is not self:  # our own small edits are already on screen
            self._fill_side_panel()

    def commit_edits(self) -> None:
        """Save what is being typed in the side panel (before quitting or switching language)."""
        self.editor.commit()

    # -- helpers ----------------------------------------------------------------------
    def _selected(self) -> date:
        return self.calendar.selected_day()

    def _holiday_if_loaded(self, day: date) -> Holiday | None:
        return self._holidays.holiday(day)

    def _holiday_name(self, hol: Holiday) -> str:
        return hol.name_sv if self._lang == "sv" else hol.name_en

    def _day(self, day: date) -> str:
        return day_text(day, self._lang)

    def _tooltip(self, day: date) -> str:
        return "\n".join(self._cell_states(day, team=True))

    def _cell_states(self, day: date, *, team: bool) -> list[str]:
        """What a day's cell shows, in words (its tooltip, and what a screen reader hears)."""
        parts = []
        hol = self._holiday_if_loaded(day)
        if hol is not None:
            parts.append(self._holiday_name(hol))
        elif day.weekday() >= 5:
            parts.append(self.tr("Weekend"))
        fd = self._planning.day(day)
        if fd is not None:
            parts.append(self.tr("Antihjälte day") + (f": {fd.note}" if fd.note else ""))
        if team:
            parts.extend(self._team_lines(day))
        return parts

    def _legend_html(self) -> str:
        def swatch(colour: str, symbol: str, text_colour: str) -> str:
            return f'<span style="background-color:{colour}; color:{text_colour}">&nbsp;{symbol}&nbsp;</span>'

        def mark(colour: str, symbol: str) -> str:
            return f'<span style="color:{colour}">{symbol}</span>'

        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        dark = base.lightnessF() < 0.5
        holiday_colour = "#ff8a80" if dark else "#b3261e"
        done_bg = mix(PLANNED, base, 0.55).name()
        done_fg = (text if dark else PLANNED_TEXT).name()
        weekend_bg = mix(base, text, 0.10).name()
        planned, done, holiday = self.tr("Antihjälte day"), self.tr("Done"), self.tr("Public holiday")
        weekend, today, past = self.tr("Weekend"), self.tr("Today"), self.tr("Past")
        parts = [
            f"{swatch(PLANNED.name(), SYMBOL_PLANNED, PLANNED_TEXT.name())}&nbsp;{planned}",
            f"{swatch(done_bg, SYMBOL_DONE, done_fg)}&nbsp;{done}",
            f"{mark(holiday_colour, SYMBOL_HOLIDAY)}&nbsp;{holiday}",
            f"{swatch(weekend_bg, '&nbsp;', text.name())}&nbsp;{weekend}",
            f"<b><u>{today}</u></b>",
            f"<i>{past}</i>",
        ]
        if self._team is not None:
            focus = (TEAM_FOCUS_DARK if dark else TEAM_FOCUS).name()
            away = (TEAM_AWAY_DARK if dark else TEAM_AWAY).name()
            focusing = self.tr("Colleague on an antihjälte day")
            away_text = self.tr("Colleague away")
            parts.append(f"{mark(focus, SYMBOL_FOCUS)}&nbsp;{focusing}")
            parts.append(f"{mark(away, SYMBOL_AWAY)}&nbsp;{away_text}")
        # An entry wraps as a whole: its marker never ends a line apart from its words.
        return "&nbsp;&nbsp; ".join(f'<span style="white-space:nowrap">{p}</span>' for p in parts)

    def _refusal(self, day: date) -> str | None:
        """Why ``day`` cannot be planned (the one rule, ``core.plan.plannability``), in the UI language."""
        r = self._planning.refusal(day)
        if r is None:
            return None
        text = day_text(day, self._lang)
        if r.kind is RefusalKind.PAST:
            return self.tr("%1 is in the past: plan a day from today on.").replace("%1", text)
        if r.kind is RefusalKind.WEEKEND:
            return self.tr("%1 is a weekend day: an antihjälte day is a workday.").replace("%1", text)
        assert r.holiday is not None
        return (
            self.tr("%1 is a public holiday (%2): an antihjälte day is a workday.")
            .replace("%1", text)
            .replace("%2", self._holiday_name(r.holiday))
        )

    def _issue_text(self, issue: PlanIssue) -> str:
        """A team rule (``core.team_rules.PlanIssue``) in the UI language."""
        day = day_text(issue.day, self._lang)
        if issue.kind == "own_hero_week":
            text = self.tr(
                "%1 is in your own week as hero of the week: quick tasks come to you then. Plan it anyway?"
            ).replace("%1", day)
            return text[:1].upper() + text[1:]  # "Tisdag 8 december ligger …"
        if issue.kind == "cover_away":
            return self.tr("Your cover, %1, is away on %2.").replace("%1", issue.person).replace("%2", day)
        if issue.kind == "cover_focus":
            return (
                self.tr("Your cover, %1, has an antihjälte day on %2 too.")
                .replace("%1", issue.person)
                .replace("%2", day)
            )
        return (
            self.tr("Already on an antihjälte day on %1: %2 (the team's limit is %3).")
            .replace("%1", day)
            .replace("%2", ", ".join(issue.people))
            .replace("%3", str(issue.limit))
        )

    def _show_message(
        self,
        text: str,
        *,
        undo: bool = False,
        error: bool = False,
        warn: bool = False,
        force: date | None = None,
        force_move_from: date | None = None,
        sticky: bool = False,
    ) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setProperty("error", error)
        self.message.setProperty("warning", warn)
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        colour = (
            ("#ff8a80" if dark else "#b3261e")  # 4.5:1 or more on the window (tests/a11y)
            if error
            else ("#ffb74d" if dark else "#9a4f00")
            if warn
            else ""
        )
        self.message.setStyleSheet(f"color: {colour}" if colour else "")
        self.undo_button.setVisible(undo and self._planning.can_undo())
        self._force_day = force
        self._force_move_from = force_move_from if force is not None else None
        self.force_button.setText(self.tr("Move &anyway") if force_move_from else self.tr("Plan &anyway"))
        self.force_button.setVisible(force is not None)
        if sticky:
            self._message_timer.stop()
        else:
            self._message_timer.start(30_000 if undo or force or warn else 15_000)

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.setToolTip("")
        self.undo_button.hide()
        self.force_button.hide()
        self._force_day = None
        self._force_move_from = None
        if self._move_from is not None:  # the move is still waiting for its day: say so again
            self._say_move()

    # -- planning ---------------------------------------------------------------------
    def _on_day_activated(self, qdate: QDate) -> None:
        day = qdate.toPython()
        assert isinstance(day, date)
        self._activate(day)

    def _on_plan_button_clicked(self) -> None:
        self._activate(self._selected())

    def _activate(self, day: date) -> None:
        """The explicit act on ``day``: move the day being moved here, or plan it, or take it out."""
        if self._move_from is not None:
            self._move(self._move_from, day)
        else:
            self.toggle_day(day)

    def toggle_day(self, day: date) -> None:
        if self._planning.day(day) is None:
            self._plan(day)
        else:
            self._unplan(day)

    def _plan(self, day: date, *, force: bool = False, cover: str = "") -> bool:
        reason = self._refusal(day)
        if reason:
            self._show_message(reason, error=True)
            return False
        issues = self._team_service.issues(day, cover)
        hero = next((i for i in issues if i.kind == "own_hero_week"), None)
        if hero is not None and not force:
            self._show_message(self._issue_text(hero), error=True, force=day)
            return False
        try:
            result = self._planning.plan_day(day, cover=cover, force=force, source=self)
        except KnownError as err:
            self._show_message(str(err), error=True)
            return False
        text = self.tr("Planned %1.").replace("%1", self._day(day))
        warnings = [self._issue_text(i) for i in issues if i.kind != "own_hero_week"]
        if result.warnings and not warnings:  # the rules changed under us (a sync): say it as the core did
            warnings = list(result.warnings)
        if warnings:
            text += "\n" + "\n".join(warnings)
        self.calendar.select_day(day)
        self._fill_side_panel()
        self._show_message(text, warn=bool(warnings), undo=True)
        return True

    def _on_force_clicked(self) -> None:
        day, source = self._force_day, self._force_move_from
        if day is None:
            return
        self._clear_message()
        if source is not None:
            self._move(source, day, force=True)
        else:
            self.calendar.select_day(day)
            self._plan(day, force=True)

    def _unplan(self, day: date) -> None:
        if self._planning.day(day) is None:
            return
        if day < self._planning.today():
            self._show_message(
                self.tr("%1 is over: past days stay in the plan as history.").replace("%1", self._day(day)),
                error=True,
            )
            return
        try:
            self._planning.unplan_day(day, source=self)
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        self._fill_side_panel()
        self._show_message(self.tr("Took %1 out of the plan.").replace("%1", self._day(day)), undo=True)

    # -- moving a day -----------------------------------------------------------------
    def _on_move_clicked(self) -> None:
        if self._move_from is not None:
            self._cancel_move()
            return
        day = self._selected()
        if self._planning.day(day) is None or day < self._planning.today():
            return
        self._move_from = day
        self._fill_side_panel()
        self._say_move()
        self.calendar.setFocus()

    def _say_move(self) -> None:
        assert self._move_from is not None
        self._show_message(
            self.tr("Choose the new day for %1 in the calendar, then press Move here, Enter or Space, "
                    "or double-click it. Esc cancels.").replace("%1", self._day(self._move_from)),
            sticky=True,
        )  # fmt: skip

    def _cancel_move(self) -> None:
        day = self._move_from
        self._move_from = None
        self._clear_message()
        if day is not None:
            self.calendar.select_day(day)
        self._fill_side_panel()

    def _on_escape(self) -> None:
        if self._move_from is not None:
            self._cancel_move()
        else:
            self.close()

    def _move(self, old: date, new: date, *, force: bool = False) -> None:
        if new == old:
            self._cancel_move()
            return
        if self._planning.day(old) is None:  # taken out meanwhile (another window, the command line)
            self._move_from = None
            self._fill_side_panel()
            text = self.tr("%1 is no longer planned, so there is nothing to move.")
            self._show_message(text.replace("%1", self._day(old)), error=True)
            return
        if self._planning.day(new) is not None:
            self._show_message(
                self.tr("%1 is already planned: choose a free day.").replace("%1", self._day(new)),
                error=True,
                sticky=True,
            )
            return
        reason = self._refusal(new)
        if reason:
            self._show_message(reason, error=True, sticky=True)
            return
        fd = self._planning.day(old)
        cover = fd.cover if fd else ""
        issues = self._team_service.issues(new, cover)
        hero = next((i for i in issues if i.kind == "own_hero_week"), None)
        if hero is not None and not force:
            self._show_message(
                self._issue_text(hero), error=True, force=new, force_move_from=old, sticky=True
            )
            return
        try:
            self._planning.move_day(old, new, force=force, source=self)
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        self._move_from = None
        self.calendar.select_day(new)
        self._fill_side_panel()
        text = self.tr("Moved %1 to %2.").replace("%1", self._day(old)).replace("%2", self._day(new))
        warnings = [self._issue_text(i) for i in issues if i.kind != "own_hero_week"]
        if warnings:
            text += "\n" + "\n".join(warnings)
        self._show_message(text, warn=bool(warnings), undo=True)

    # -- the suggested day --------------------------------------------------------------
    def _fill_suggestion(self) -> None:
        s = self._planning.suggested_day() if self._holidays.calendar_ready() else None
        self._suggestion = s
        if s is None:
            self.suggest_button.hide()
            self.suggest_reason.clear()
            return
        label = self.tr("Plan suggested &day: %1").replace("%1", self._day(s.day))
        self.suggest_button.setText(label)
        self.suggest_button.setAccessibleName(label.replace("&", ""))
        reason = self._suggestion_reason(s)
        self.suggest_button.setToolTip(reason)
        self.suggest_button.setAccessibleDescription(reason)
        self.suggest_reason.setText(reason)
        self.suggest_button.show()

    def _suggestion_reason(self, s: Suggestion) -> str:
        why = []
        if s.due_by is not None and s.due_by > self._planning.today():
            why.append(self.tr("It keeps your cadence (due by %1).").replace("%1", self._day(s.due_by)))
        if self._team is not None:
            if s.out == 0:
                why.append(self.tr("Nobody in the team is away or on an antihjälte day then."))
            else:
                why.append(self.tr("Fewest colleagues out: %1.").replace("%1", ", ".join(s.people_out)))
        if s.cover:
            why.append(self.tr("Your cover, %1, is in.").replace("%1", s.cover))
        if s.skipped_hero_week:
            why.append(self.tr("Not in your week as hero of the week."))
        return " ".join(why)

    def _on_suggest_clicked(self) -> None:
        s = self._suggestion
        if s is None:
            return
        self._move_from = None
        self.calendar.select_day(s.day)
        self._plan(s.day, cover=s.cover)
        self.calendar.setFocus()

    # -- undo ---------------------------------------------------------------------------
    def _on_undo_clicked(self) -> None:
        self.undo()

    def undo(self) -> None:
        """Undo the last change of the plan made here or in another window of this app."""
        try:
            cmd = self._planning.undo()
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        if cmd is None:
            self._show_message(self.tr("Nothing to undo."))
            return
        self._after_undo(cmd, undone=True)

    def redo(self) -> None:
        try:
            cmd = self._planning.redo()
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        if cmd is None:
            self._show_message(self.tr("Nothing to redo."))
            return
        self._after_undo(cmd, undone=False)

    def _after_undo(self, cmd: Command, *, undone: bool) -> None:
        text = self._day(cmd.day)
        day = cmd.day
        if cmd.kind is CommandKind.MOVE:
            assert cmd.to is not None
            if undone:
                msg = self.tr("Moved %1 back to %2.").replace("%1", self._day(cmd.to)).replace("%2", text)
            else:
                msg = self.tr("Moved %1 to %2.").replace("%1", text).replace("%2", self._day(cmd.to))
                day = cmd.to
        elif cmd.kind is CommandKind.EDIT:
            msg = (
                self.tr("Undid the change of %1.") if undone else self.tr("Redid the change of %1.")
            ).replace("%1", text)
        elif cmd.kind is CommandKind.REMOVE:
            msg = (
                self.tr("%1 is back in the plan.") if undone else self.tr("Took %1 out of the plan.")
            ).replace("%1", text)
        elif undone:
            msg = self.tr("Took %1 out of the plan.").replace("%1", text)
        else:
            msg = self.tr("Planned %1.").replace("%1", text)
        self._move_from = None
        self.calendar.select_day(day)
        self._fill_side_panel()
        self._show_message(msg, undo=self._planning.can_undo())

    # -- side panel -------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        self._fill_side_panel()

    def _on_page_changed(self, year: int, month: int) -> None:
        self._holidays.load(year)
        self._load_team(year, month)

    def _on_team_changed(self) -> None:
        self._load_team()
        self._fill_suggestion()
        self._fill_side_panel()

    # -- the team -----------------------------------------------------------------------
    def _load_team(self, year: int | None = None, month: int | None = None) -> None:
        """Read the team's days around the shown month from the feed's index (SQLite, a few ms)."""
        year = year or self.calendar.yearShown()
        month = month or self.calendar.monthShown()
        first = date(year, month, 1)
        start = first - timedelta(days=first.weekday() + 7)
        end = start + timedelta(days=7 * 8 - 1)  # the six shown weeks and one either side
        self._team = self._team_service.entries(start, end)
        self._team_range = (start, end) if self._team is not None else None
        marks: dict[date, tuple[set[str], set[str]]] = {}
        for e in self._team or []:
            if e.me or e.kind not in ("focus", "away"):
                continue
            focus, away = marks.setdefault(e.date, (set(), set()))
            (focus if e.kind == "focus" else away).add(e.person)
        self.calendar.set_team({d: (len(f), len(a)) for d, (f, a) in marks.items()})
        self.legend.setText(self._legend_html())

    def _team_of(self, day: date) -> tuple[list[str], list[str], Entry | None] | None:
        """(colleagues focusing, colleagues away, the week's hero entry or None) on ``day``;
        None when no feed was ever synced."""
        entries = self._team
        if entries is None:
            return None
        rng = self._team_range
        if rng is None or not (rng[0] <= day <= rng[1]):
            monday = day - timedelta(days=day.weekday())
            entries = self._team_service.entries(monday, monday + timedelta(days=6))
            if entries is None:
                return None
        focus: list[str] = []
        away: list[str] = []
        hero = None
        week = day.isocalendar()[:2]
        for e in entries:
            if e.kind == "hero" and hero is None and e.date.isocalendar()[:2] == week:
                hero = self._team_service.as_me(e)
            elif e.date == day and not e.me:
                names = focus if e.kind == "focus" else away if e.kind == "away" else None
                if names is not None and e.person not in names:
                    names.append(e.person)
        return focus, away, hero

    def _team_lines(self, day: date) -> list[str]:
        team = self._team_of(day)
        if team is None:
            return []
        focus, away, hero = team
        lines = []
        if focus:
            lines.append(self.tr("On an antihjälte day: %1").replace("%1", ", ".join(focus)))
        if away:
            lines.append(self.tr("Away: %1").replace("%1", ", ".join(away)))
        if hero is not None:
            lines.append(
                self.tr("Hero of the week: you")
                if hero.me
                else self.tr("Hero of the week: %1").replace("%1", hero.person)
            )
        return lines

    def _fill_team(self, day: date) -> None:
        team = self._team_of(day)
        self.team_box.setVisible(team is not None)
        if team is None:
            self.team_label.clear()
            return
        lines = self._team_lines(day)
        if not team[0] and not team[1]:
            lines.insert(0, self.tr("Nobody in the team is away or on an antihjälte day."))
        self.team_label.setText("\n".join(lines))

    def _on_holidays_loaded(self, year: int) -> None:
        del year
        self.calendar.viewport().update()
        self._fill_cadence()
        self._fill_side_panel()

    def _fill_cadence(self) -> None:
        cadence = self._planning.cadence() if self._holidays.calendar_ready() else None
        self.cadence_label.setText(self._words.cadence_text(cadence))
        self._fill_suggestion()

    def _fill_sync(self, *_: object) -> None:
        """The last good sync ("Synced 10:42"), the reason when the last one failed."""
        fs = self._feed_sync
        if fs is None:
            return
        line = self._words.sync_line(fs.last_good_sync(), self._planning.today())
        if fs.problem:
            line += " · " + self.tr("Sync problem: %1").replace("%1", fs.problem)
        self.sync_label.setText(line)
        self.sync_label.setToolTip(fs.problem or "")
        self.sync_button.setEnabled(not fs.running)

    def _fill_side_panel(self) -> None:
        day = self._selected()
        fd = self._planning.day(day)
        today = self._planning.today()
        title = day_text(day, self._lang, year=day.year != today.year)
        week = self.tr("week %1").replace("%1", str(day.isocalendar().week))
        self.day_title.setText(f"{title[0].upper()}{title[1:]} · {week}")
        hol = self._holiday_if_loaded(day)
        moving = self._move_from
        if fd is not None:
            status = self.tr("Your antihjälte day.") if day >= today else self.tr("An antihjälte day (done).")
            if fd.note:
                status += " " + fd.note
            plan_text = self.tr("&Take out of the plan")
        else:
            if hol is not None:
                status = self.tr("Public holiday: %1.").replace("%1", self._holiday_name(hol))
            elif day.weekday() >= 5:
                status = self.tr("Weekend.")
            elif day < today:
                status = self.tr("A past day.")
            else:
                status = self.tr("Not planned.")
            plan_text = self.tr("&Plan this day")
        if moving is not None:
            plan_text = self.tr("Move &here")
        self.day_status.setText(status)
        self.day_info.setText(self._day_info(day))
        self._fill_team(day)
        self.plan_button.setText(plan_text)
        self.plan_button.setAccessibleName(plan_text.replace("&", ""))
        if moving is not None:
            self.plan_button.setEnabled(day != moving and fd is None and self._refusal_cheap(day) is None)
        else:
            self.plan_button.setEnabled(
                (fd is None and self._refusal_cheap(day) is None) or (fd is not None and day >= today)
            )
        self.move_button.setText(self.tr("Cancel the &move") if moving is not None else self.tr("&Move to…"))
        self.move_button.setAccessibleName(self.move_button.text().replace("&", ""))
        self.move_button.setVisible(moving is not None or (fd is not None and day >= today))
        # Screen readers hear the selected day with all its states (the cells themselves are painted).
        states = [self.day_title.text(), status]
        extra = []
        if day == today:
            extra.append(self.tr("Today."))
        elif day < today:
            extra.append(self.tr("In the past."))
        extra.extend(self._team_lines(day))
        description = ". ".join(p.rstrip(".") for p in [*states, *extra] if p) + "."
        self.calendar.setAccessibleDescription(description)
        table = self.calendar.viewport().parentWidget()
        if table is not None:
            table.setAccessibleDescription(description)
        if fd is not None:
            if self.editor.day != day or self.day_stack.currentWidget() is not self.editor:
                self.editor.set_day(day)
            else:
                self.editor.reload()
            self.day_stack.setCurrentWidget(self.editor)
        else:
            if self.editor.day is not None:
                self.editor.set_day(None)
            self.day_stack.setCurrentWidget(self.unplanned_hint)

    def _day_info(self, day: date) -> str:
        """What planning ``day`` would mean (or, for a planned day, who covers)."""
        fd = self._planning.day(day)
        today = self._planning.today()
        if fd is not None:
            if day < today:
                return ""
            if fd.cover:
                lines = [self.tr("%1 covers for you.").replace("%1", fd.cover)]
            else:
                lines = [self.tr("Nobody is chosen to cover for you yet.")]
            issues = self._team_service.issues(day, fd.cover)
            lines += [self._issue_text(i) for i in issues if i.kind in ("cover_away", "cover_focus")]
            return "\n".join(lines)
        if self._refusal_cheap(day) is not None:
            return ""
        cover = self._planning.usual_cover()
        issues = self._team_service.issues(day, cover)
        lines = [self._issue_text(i) for i in issues]
        if not lines:
            lines.append(self.tr("Nothing stands in the way of planning it."))
        if cover and not any(i.kind in ("cover_away", "cover_focus") for i in issues):
            lines.append(self.tr("%1, who covered for you last time, is in.").replace("%1", cover))
        return "\n".join(lines)

    def _on_cover_changed(self, cover: str) -> None:
        day = self.editor.day
        if day is None or not cover:
            return
        issues = self._team_service.issues(day, cover)
        warnings = [self._issue_text(i) for i in issues if i.kind in ("cover_away", "cover_focus")]
        if warnings:
            self._show_message("\n".join(warnings), warn=True)
        # Not now: we may be inside the combo box's own key handling.
        QTimer.singleShot(0, self, lambda: self.day_info.setText(self._day_info(self._selected())))

    def _refusal_cheap(self, day: date) -> str | None:
        """Like _refusal, but never computes a year's holidays on the UI thread."""
        if day < self._planning.today() or day.weekday() >= 5:
            return "refused"
        return "refused" if self._holiday_if_loaded(day) is not None else None

    # -- window -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        # The command line may have changed the plan while the window was in the background.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit_edits()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_edits()
        super().closeEvent(event)
        self._on_closed()

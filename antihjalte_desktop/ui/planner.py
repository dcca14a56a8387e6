"""The planner window: a month calendar of your antihjälte days and a side panel for the selected day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.autoreply import parse_roster_entry
from antihjalte_desktop.core.plan import RefusalKind
from antihjalte_desktop.core.team_rules import Entry, PlanIssue
from antihjalte_desktop.core.workdays import Holiday
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.services.planning import CommandKind, Planning
from antihjalte_desktop.services.team import Team
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.calendar_view import (
    TEAM_AWAY,
    TEAM_AWAY_DARK,
    TEAM_FOCUS,
    TEAM_FOCUS_DARK,
    FocusCalendar,
)
from antihjalte_desktop.ui.holidays import Holidays
from antihjalte_desktop.ui.hub import ChangeHub
from antihjalte_desktop.ui.i18n import day_text
from antihjalte_desktop.ui.wording import Wording


class PlannerWindow(QMainWindow):
    """Plan and unplan days with a click (or Enter/Space); the side panel edits the selected day."""

    def __init__(
        self,
        *,
        planning: Planning,
        team: Team,
        holidays: Holidays,
        hub: ChangeHub,
        settings: Settings,
        autoreply: Callable[[date, str], str],
        language: str,
        locale: QLocale,
        icon: QIcon,
        on_closed: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self._planning = planning
        self._team_service = team
        self._holidays = holidays
        self._hub = hub
        self._settings = settings
        self._autoreply = autoreply
        self._on_closed = on_closed
        self._lang = language
        self._words = Wording(language, self)
        self._filling = False
        self._panel_day: date | None = None  # the day the side panel shows (edits go to it)
        self._team: list[Entry] | None = None  # the team around the shown month; None: no feed
        self._team_range: tuple[date, date] | None = None
        self._force_day: date | None = None  # the day "Plan anyway" plans
        self.setObjectName("planner")
        self.setWindowTitle(self.tr("Antihjälte – plan focus days"))
        self.setWindowIcon(icon)

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
        left = QVBoxLayout()
        row.addLayout(left, 3)
        self.calendar = FocusCalendar(self._holiday_if_loaded, self._tooltip, central)
        self.calendar.setAccessibleName(self.tr("Month calendar"))
        self.calendar.setAccessibleDescription(
            self.tr("Click a day to plan it; click a planned day again to take it out. Arrow keys move, "
                    "Enter or Space plans or unplans the selected day.")
        )  # fmt: skip
        self.calendar.setLocale(locale)
        fm = self.fontMetrics()
        self.calendar.setMinimumSize(fm.horizontalAdvance("0") * 50, fm.lineSpacing() * 17)
        left.addWidget(self.calendar, 1)
        self.legend = QLabel(self._legend_html(), central)
        self.legend.setWordWrap(True)
        left.addWidget(self.legend)
        self.hint = QLabel(self.calendar.accessibleDescription(), central)
        self.hint.setWordWrap(True)
        left.addWidget(self.hint)
        self.cadence_label = QLabel(central)
        self.cadence_label.setObjectName("cadence")
        self.cadence_label.setWordWrap(True)
        self.cadence_label.setAccessibleName(self.tr("Cadence"))
        f = self.cadence_label.font()
        f.setBold(True)
        self.cadence_label.setFont(f)
        left.addWidget(self.cadence_label)

        msg_row = QHBoxLayout()
        self.message = QLabel(central)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        msg_row.addWidget(self.message, 1)
        self.undo_button = QPushButton(self.tr("&Undo"), central)
        self.undo_button.setAccessibleName(self.tr("Undo taking the day out"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._on_undo_clicked)
        msg_row.addWidget(self.undo_button)
        self.force_button = QPushButton(self.tr("Plan &anyway"), central)
        self.force_button.setObjectName("forceButton")
        self.force_button.setAccessibleName(self.tr("Plan the day anyway"))
        self.force_button.hide()
        self.force_button.clicked.connect(self._on_force_clicked)
        msg_row.addWidget(self.force_button)
        left.addLayout(msg_row)

        # -- right: the selected day ---------------------------------------------------
        panel = QWidget()
        side = QVBoxLayout(panel)
        self.day_title = QLabel(panel)
        self.day_title.setObjectName("dayTitle")
        tf = self.day_title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.3)
        tf.setBold(True)
        self.day_title.setFont(tf)
        side.addWidget(self.day_title)
        self.day_status = QLabel(panel)
        self.day_status.setWordWrap(True)
        self.day_status.setAccessibleName(self.tr("Day status"))
        side.addWidget(self.day_status)
        self.plan_button = QPushButton(panel)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        side.addWidget(self.plan_button)

        self.team_box = QGroupBox(self.tr("Team"), panel)
        self.team_box.setObjectName("teamBox")
        tl = QVBoxLayout(self.team_box)
        margins = tl.contentsMargins()
        tl.setContentsMargins(margins.left(), margins.top() // 2, margins.right(), margins.bottom() // 2)
        self.team_label = QLabel(self.team_box)
        self.team_label.setObjectName("teamLabel")
        self.team_label.setWordWrap(True)
        self.team_label.setAccessibleName(self.tr("Team"))
        self.team_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tl.addWidget(self.team_label)
        self.team_box.hide()
        side.addWidget(self.team_box)

        form = QFormLayout()
        self.note_edit = QLineEdit(panel)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("What the day is for"))
        self.note_edit.editingFinished.connect(self._on_note_edited)
        note_label = QLabel(self.tr("&Note:"), panel)
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        self.cover_combo = QComboBox(panel)
        self.cover_combo.setEditable(True)
        self.cover_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cover_combo.setAccessibleName(self.tr("Cover colleague"))
        line = self.cover_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Who covers for you"))
        line.editingFinished.connect(self._on_cover_edited)
        self.cover_combo.activated.connect(lambda _i: self._on_cover_edited())
        cover_label = QLabel(self.tr("Co&ver:"), panel)
        cover_label.setBuddy(self.cover_combo)
        form.addRow(cover_label, self.cover_combo)
        side.addLayout(form)

        self.checklist_box = QGroupBox(self.tr("Handover checklist"), panel)
        cl = QVBoxLayout(self.checklist_box)
        self.checklist = QListWidget(self.checklist_box)
        self.checklist.setAccessibleName(self.tr("Handover checklist"))
        self.checklist.itemChanged.connect(self._on_item_changed)
        self.checklist.setMinimumHeight(fm.lineSpacing() * 5)
        self.checklist.setMaximumHeight(fm.lineSpacing() * 8)
        cl.addWidget(self.checklist)
        self.checklist_hint = QLabel(
            self.tr("Plan the day to get its handover checklist."), self.checklist_box
        )
        self.checklist_hint.setWordWrap(True)
        cl.addWidget(self.checklist_hint)
        side.addWidget(self.checklist_box)

        self.autoreply_box = QGroupBox(self.tr("Auto-reply"), panel)
        al = QVBoxLayout(self.autoreply_box)
        top = QHBoxLayout()
        self.autoreply_lang = QComboBox(self.autoreply_box)
        self.autoreply_lang.setAccessibleName(self.tr("Auto-reply language"))
        self.autoreply_lang.addItem("Svenska", "sv")
        self.autoreply_lang.addItem("English", "en")
        self.autoreply_lang.setCurrentIndex(0 if self._lang == "sv" else 1)
        self.autoreply_lang.currentIndexChanged.connect(lambda _i: self._fill_autoreply())
        lang_label = QLabel(self.tr("&Language:"), self.autoreply_box)
        lang_label.setBuddy(self.autoreply_lang)
        top.addWidget(lang_label)
        top.addWidget(self.autoreply_lang)
        top.addStretch(1)
        self.copy_button = QPushButton(self.tr("&Copy"), self.autoreply_box)
        self.copy_button.setAccessibleName(self.tr("Copy the auto-reply"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        top.addWidget(self.copy_button)
        al.addLayout(top)
        self.autoreply_text = QPlainTextEdit(self.autoreply_box)
        self.autoreply_text.setReadOnly(True)
        self.autoreply_text.setAccessibleName(self.tr("Auto-reply text"))
        self.autoreply_text.setTabChangesFocus(True)
        self.autoreply_text.setMinimumHeight(fm.height() * 7)
        al.addWidget(self.autoreply_text)
        side.addWidget(self.autoreply_box, 1)

        scroll = QScrollArea(central)
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(fm.horizontalAdvance("0") * 42)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        row.addWidget(scroll, 2)
        self.setCentralWidget(central)

        self.setTabOrder(self.calendar, self.plan_button)
        self.setTabOrder(self.plan_button, self.note_edit)
        self.setTabOrder(self.note_edit, self.cover_combo)
        self.setTabOrder(self.cover_combo, self.checklist)
        self.setTabOrder(self.checklist, self.autoreply_lang)
        self.setTabOrder(self.autoreply_lang, self.copy_button)
        self.setTabOrder(self.copy_button, self.autoreply_text)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, self.redo)

        self.calendar.day_chosen.connect(self._on_day_chosen)
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
        cw = fm.horizontalAdvance("0")
        self.resize(cw * 112, fm.lineSpacing() * 47)

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
        if self._hub.change_source is not self:  # our own small edits are already on screen
            self._fill_side_panel()

    # -- helpers ----------------------------------------------------------------------
    def _selected(self) -> date:
        return self.calendar.selected_day()

    def _holiday_if_loaded(self, day: date) -> Holiday | None:
        return self._holidays.holiday(day)

    def _holiday_name(self, hol: Holiday) -> str:
        return hol.name_sv if self._lang == "sv" else hol.name_en

    def _tooltip(self, day: date) -> str:
        parts = []
        hol = self._holiday_if_loaded(day)
        if hol is not None:
            parts.append(self._holiday_name(hol))
        elif day.weekday() >= 5:
            parts.append(self.tr("Weekend"))
        fd = self._planning.day(day)
        if fd is not None:
            parts.append(self.tr("Antihjälte day") + (f": {fd.note}" if fd.note else ""))
        parts.extend(self._team_lines(day))
        return "\n".join(parts)

    def _legend_html(self) -> str:
        def swatch(colour: str) -> str:
            return f'<span style="background-color:{colour}; color:{colour}">&nbsp;&nbsp;&nbsp;</span>'

        def dot(colour: str) -> str:
            return f'<span style="color:{colour}">&#9679;</span>'

        planned, holiday, weekend = self.tr("Antihjälte day"), self.tr("Public holiday"), self.tr("Weekend")
        parts = [
            f"{swatch('#f2c230')}&nbsp;{planned}",
            f"{swatch('#d98b86')}&nbsp;{holiday}",
            f"{swatch('#a0a0a0')}&nbsp;{weekend}",
        ]
        if self._team is not None:
            dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
            focus = (TEAM_FOCUS_DARK if dark else TEAM_FOCUS).name()
            away = (TEAM_AWAY_DARK if dark else TEAM_AWAY).name()
            focusing = self.tr("Colleague on an antihjälte day")
            away_text = self.tr("Colleague away")
            parts.append(f"{dot(focus)}&nbsp;{focusing}")
            parts.append(f"{dot(away)}&nbsp;{away_text}")
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

    def _show_message(
        self,
        text: str,
        *,
        undo: bool = False,
        error: bool = False,
        warn: bool = False,
        force: date | None = None,
    ) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setProperty("warning", warn)
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        colour = "#d32f2f" if error else ("#ffb74d" if dark else "#9a4f00") if warn else ""
        self.message.setStyleSheet(f"color: {colour}" if colour else "")
        self.undo_button.setVisible(undo and self._planning.can_undo())
        self._force_day = force
        self.force_button.setVisible(force is not None)
        self._message_timer.start(30_000 if undo or force or warn else 15_000)

    def _clear_message(self) -> None:
        self.message.clear()
        self.undo_button.hide()
        self.force_button.hide()
        self._force_day = None

    # -- planning ---------------------------------------------------------------------
    def commit_edits(self) -> None:
        """Save what is being typed in the side panel (before quitting or switching language)."""
        self._commit_edits()

    def _on_day_chosen(self, qdate: QDate, was_selected: bool) -> None:
        day = qdate.toPython()
        assert isinstance(day, date)
        if self._planning.day(day) is not None and not was_selected:
            return  # the first click on a planned day only selects it
        self.toggle_day(day)

    def _on_plan_button_clicked(self) -> None:
        self.toggle_day(self._selected())

    def toggle_day(self, day: date) -> None:
        if self._planning.day(day) is None:
            self._plan(day)
        else:
            self._unplan(day)

    def _plan(self, day: date, *, force: bool = False) -> None:
        reason = self._refusal(day)
        if reason:
            self._show_message(reason, error=True)
            return
        issues = self._team_service.issues(day, "")
        hero = next((i for i in issues if i.kind == "own_hero_week"), None)
        if hero is not None and not force:
            self._show_message(self._issue_text(hero), error=True, force=day)
            return
        try:
            result = self._planning.plan_day(day, force=force)
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        text = self.tr("Planned %1.").replace("%1", day_text(day, self._lang))
        warnings = [self._issue_text(i) for i in issues if i.kind != "own_hero_week"]
        if result.warnings and not warnings:  # the rules changed under us (a sync): say it as the core did
            warnings = list(result.warnings)
        if warnings:
            text += "\n" + "\n".join(warnings)
        self._show_message(text, warn=bool(warnings))

    def _on_force_clicked(self) -> None:
        day = self._force_day
        if day is None:
            return
        self._clear_message()
        self.calendar.select_day(day)
        self._plan(day, force=True)

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

    def _unplan(self, day: date) -> None:
        if self._planning.day(day) is None:
            return
        if day < self._planning.today():
            self._show_message(
                self.tr("%1 is over: past days stay in the plan as history.").replace(
                    "%1", day_text(day, self._lang)
                ),
                error=True,
            )
            return
        try:
            self._planning.unplan_day(day)
        except KnownError as err:
            self._show_message(str(err), error=True)
            return
        self._show_message(
            self.tr("Took %1 out of the plan.").replace("%1", day_text(day, self._lang)), undo=True
        )

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
            self._clear_message()
            return
        text = day_text(cmd.day, self._lang)
        if cmd.kind is CommandKind.REMOVE:
            self._show_message(self.tr("%1 is back in the plan.").replace("%1", text))
        elif cmd.kind is CommandKind.PLAN:
            self._show_message(self.tr("Took %1 out of the plan.").replace("%1", text))
        else:
            self._show_message(self.tr("Undid the change of %1.").replace("%1", text))
        self.calendar.select_day(cmd.day)

    def redo(self) -> None:
        cmd = self._planning.redo()
        if cmd is not None:
            self.calendar.select_day(cmd.day)

    # -- side panel -------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        self._commit_edits()
        self._fill_side_panel()

    def _on_page_changed(self, year: int, month: int) -> None:
        self._holidays.load(year)
        self._load_team(year, month)

    def _on_team_changed(self) -> None:
        self._load_team()
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

    def _fill_side_panel(self) -> None:
        day = self._selected()
        fd = self._planning.day(day)
        today = self._planning.today()
        self._filling = True
        self._panel_day = day
        try:
            title = day_text(day, self._lang, year=day.year != today.year)
            week = self.tr("week %1").replace("%1", str(day.isocalendar().week))
            self.day_title.setText(f"{title[0].upper()}{title[1:]} · {week}")
            hol = self._holiday_if_loaded(day)
            if fd is not None:
                status = (
                    self.tr("Your antihjälte day.") if day >= today else self.tr("An antihjälte day (done).")
                )
                self.plan_button.setText(self.tr("&Take out of the plan"))
            else:
                if hol is not None:
                    status = self.tr("Public holiday: %1.").replace("%1", self._holiday_name(hol))
                elif day.weekday() >= 5:
                    status = self.tr("Weekend.")
                elif day < today:
                    status = self.tr("A past day.")
                else:
                    status = self.tr("Not planned.")
                self.plan_button.setText(self.tr("&Plan this day"))
            self.day_status.setText(status)
            self._fill_team(day)
            # Screen readers announce the selected day with its state (the cells themselves are painted).
            table = self.calendar.viewport().parentWidget()
            if table is not None:
                table.setAccessibleDescription(f"{self.day_title.text()}. {status}")
            self.plan_button.setAccessibleName(self.plan_button.text().replace("&", ""))
            self.plan_button.setEnabled(
                (fd is None and self._refusal_cheap(day) is None) or (fd is not None and day >= today)
            )
            editable = fd is not None
            for w in (self.note_edit, self.cover_combo):
                w.setEnabled(editable)
            self.checklist.setVisible(editable)
            self.checklist_hint.setVisible(not editable)
            self.note_edit.setText(fd.note if fd else "")
            names = [parse_roster_entry(e).name for e in self._settings.get("team.roster")]
            names = [n for n in names if n]
            if names != [self.cover_combo.itemText(i) for i in range(self.cover_combo.count())]:
                self.cover_combo.clear()
                self.cover_combo.addItems(names)
            self.cover_combo.setCurrentText(fd.cover if fd else "")
            self.checklist.clear()
            if fd is not None:
                for item in self._planning.items(day):
                    label = item.text(fd.cover, self._lang, QCoreApplication.translate)
                    li = QListWidgetItem(label, self.checklist)
                    li.setData(Qt.ItemDataRole.UserRole, item.key)
                    li.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsUserCheckable
                        | Qt.ItemFlag.ItemIsSelectable
                    )
                    li.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            self._fill_autoreply()
        finally:
            self._filling = False

    def _refusal_cheap(self, day: date) -> str | None:
        """Like _refusal, but never computes a year's holidays on the UI thread."""
        if day < self._planning.today() or day.weekday() >= 5:
            return "refused"
        return "refused" if self._holiday_if_loaded(day) is not None else None

    def _fill_autoreply(self) -> None:
        day = self._selected()
        lang = str(self.autoreply_lang.currentData())
        if not self._holidays.ready(day.year):
            self.autoreply_text.setPlainText("…")
            return
        self.autoreply_text.setPlainText(self._autoreply(day, lang))

    def _on_copy_clicked(self) -> None:
        clip = QGuiApplication.clipboard()
        clip.setText(self.autoreply_text.toPlainText())
        self._show_message(self.tr("The auto-reply is copied: paste it into your e-mail program."))

    def _commit_edits(self) -> None:
        self._on_note_edited()
        self._on_cover_edited()

    def _on_note_edited(self) -> None:
        if self._filling or not self.note_edit.isEnabled():
            return
        day = self._panel_day
        fd = self._planning.day(day) if day else None
        if day and fd is not None and fd.note != self.note_edit.text().strip():
            self._planning.edit_day(day, note=self.note_edit.text().strip(), source=self)

    def _on_cover_edited(self) -> None:
        if self._filling or not self.cover_combo.isEnabled():
            return
        day = self._panel_day
        fd = self._planning.day(day) if day else None
        cover = self.cover_combo.currentText().strip()
        if day and fd is not None and fd.cover != cover:
            self._planning.edit_day(day, cover=cover, source=self)
            if cover:
                issues = self._team_service.issues(day, cover)
                warnings = [self._issue_text(i) for i in issues if i.kind in ("cover_away", "cover_focus")]
                if warnings:
                    self._show_message("\n".join(warnings), warn=True)
            # Not now: we may be inside the combo box's own key handling.
            QTimer.singleShot(0, self._fill_side_panel)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        done = item.checkState() == Qt.CheckState.Checked
        if self._panel_day is None:
            return
        self._planning.set_item_done(self._panel_day, key, done, source=self)

    # -- window -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        # The command line may have changed the plan while the window was in the background.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._commit_edits()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_edits()
        super().closeEvent(event)
        self._on_closed()

"""The planner's month view: a grid of days that marks planned days, weekends and holidays, and
says each day in words to a screen reader.

Every state of a cell is told by a shape as well as a colour: a star on a planned day (a tick
once it is over), an asterisk on a public holiday, the day number bold and underlined today and
in italics in the past, and the colleagues as dots (on an antihjälte day) and diamonds (away).
Weekends are the Saturday and Sunday columns. The same states are the cell's accessible name
("onsdag 2 december, planerad antihjältedag"), from :class:`MonthModel`.

It is a QTableView over a model of its own rather than a QCalendarWidget: QCalendarWidget's
internal model names a day only by its number and cannot be replaced without breaking its clicks
and keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.dates import FIRST_YEAR, LAST_YEAR, format_day
from antihjalte_desktop.core.workdays import Holiday

# A warm yellow with dark text reads in light and dark themes alike (it is the tray's focus colour).
PLANNED = QColor("#f2c230")
PLANNED_TEXT = QColor("#1b1b1b")
# Colleagues' days: small dots under the day number (blue: focusing, purple: away), at most three of each.
TEAM_FOCUS = QColor("#1565c0")
TEAM_FOCUS_DARK = QColor("#64b5f6")
TEAM_AWAY = QColor("#7b1fa2")
TEAM_AWAY_DARK = QColor("#ce93d8")
MAX_DOTS = 3
HOLIDAY = QColor("#b3261e")
HOLIDAY_DARK = QColor("#ff8a80")
OUTSIDE_MONTH_FADE = 0.55  # how far a day outside the shown month moves towards the background
MIN_CONTRAST = 4.6  # text on its cell: WCAG's 4.5:1 with a little to spare for rounding

# The shapes that tell a cell's states without colour (the legend shows them too).
SYMBOL_PLANNED = "★"
SYMBOL_DONE = "✓"
SYMBOL_HOLIDAY = "✱"
SYMBOL_FOCUS = "●"
SYMBOL_AWAY = "◆"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def cell_colours(
    pal: QPalette, *, holiday: bool, weekend: bool, planned: bool, past: bool, in_month: bool
) -> tuple[QColor, QColor]:
    """A day cell's (background, text) colours in ``pal``: every pair reads at 4.5:1 or more
    (tests/a11y/test_contrast.py measures them in a light and a dark palette)."""
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    holiday_colour = HOLIDAY_DARK if dark else HOLIDAY
    bg = base
    fg = text
    if holiday:
        bg = mix(base, holiday_colour, 0.16)
        fg = holiday_colour
    elif weekend:
        bg = mix(base, text, 0.10)
        fg = mix(text, base, 0.25)
    if planned:
        bg = PLANNED if not past else mix(PLANNED, base, 0.55)
        fg = PLANNED_TEXT if not past or not dark else text
    if not in_month:
        # Days of the next and last month are muted, yet stay readable (see readable()).
        fg = mix(fg, base, OUTSIDE_MONTH_FADE)
        bg = mix(bg, base, 0.5)
    return bg, readable(fg, bg)


def luminance(c: QColor) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable(fg: QColor, bg: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``fg``, or as little of a step from it towards black or white (whichever reads on ``bg``)
    as gives text on ``bg`` the ``minimum`` contrast (EN 301 549 11.1.4.3)."""
    if contrast(fg, bg) >= minimum:
        return fg
    black, white = QColor("#000000"), QColor("#ffffff")
    end = black if contrast(black, bg) >= contrast(white, bg) else white
    for step in range(1, 21):
        moved = mix(fg, end, step / 20)
        if contrast(moved, bg) >= minimum:
            return moved
    return end


ROWS, COLUMNS = 6, 7
WEEK_COLUMN_SHARE = 8  # the week numbers take one column of eight, the weekday names one row of seven


def first_shown_day(year: int, month: int) -> date:
    """The Monday in the top left of ``year``-``month``'s page. As in QCalendarWidget, a month that
    begins on a Monday shows the week before it on top, so the 1st is never in the corner."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday() or 7)


class MonthModel(QAbstractTableModel):
    """Six weeks of days, Monday first, for the page the calendar shows. Each cell says its day in
    words (Qt.AccessibleTextRole, what a screen reader speaks), with its states: today, past, an
    antihjälte day (or one done), a public holiday, weekend, colleagues focusing or away."""

    def __init__(self, calendar: FocusCalendar) -> None:
        super().__init__(calendar)
        self._cal = calendar

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def day(self, index: QModelIndex | QPersistentModelIndex) -> date:
        return self._cal.first_shown() + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self._cal.first_shown()).days
        if not 0 <= offset < ROWS * COLUMNS:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        day = self.day(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._cal.cell_name(day)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._cal.cell_details(day)
        if role == Qt.ItemDataRole.UserRole:
            return day
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < COLUMNS:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._cal.locale().dayName(section + 1, QLocale.FormatType.ShortFormat)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self._cal.locale().dayName(section + 1, QLocale.FormatType.LongFormat)
            return None
        if not 0 <= section < ROWS:
            return None
        week = (self._cal.first_shown() + timedelta(days=7 * section)).isocalendar().week
        if role == Qt.ItemDataRole.DisplayRole:
            return str(week)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._cal.week_name(week)
        return None

    def refresh(self) -> None:
        """Every cell and header anew (a new page, a changed plan, team or language)."""
        self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, ROWS - 1)


class _Delegate(QStyledItemDelegate):
    def __init__(self, calendar: FocusCalendar) -> None:
        super().__init__(calendar)
        self._cal = calendar

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        day = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(day, date):
            self._cal.paintCell(painter, QRect(option.rect), to_qdate(day))


class _Header(QHeaderView):
    """Weekday names above, ISO week numbers on the left: flat, on the alternate base colour."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget) -> None:
        super().__init__(orientation, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setMinimumSectionSize(1)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        model = self.model()
        if model is None:
            return
        pal = self.palette()
        painter.save()
        painter.fillRect(rect, pal.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        text = model.headerData(logicalIndex, self.orientation(), Qt.ItemDataRole.DisplayRole)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text or ""))
        painter.restore()


class MonthGrid(QTableView):
    """The days of the shown month: the calendar's keyboard and mouse (see :class:`FocusCalendar`)."""

    def __init__(self, calendar: FocusCalendar) -> None:
        super().__init__(calendar)
        self._cal = calendar
        self._pressed: tuple[date, QPoint] | None = None  # a click that turned the page
        self.setObjectName("monthGrid")
        self.setHorizontalHeader(_Header(Qt.Orientation.Horizontal, self))
        self.setVerticalHeader(_Header(Qt.Orientation.Vertical, self))
        self.setShowGrid(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the month, the arrows move in it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCornerButtonEnabled(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setItemDelegate(_Delegate(calendar))
        # The corner above the week numbers is part of the header band: painted flat like it.
        self._corner = self.findChild(QAbstractButton)
        if self._corner is not None:
            self._corner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._corner and event.type() == QEvent.Type.Paint:
            corner = self._corner
            assert corner is not None
            painter = QPainter(corner)
            painter.fillRect(corner.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
            painter.end()
            return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, e: QResizeEvent) -> None:
        # Eight equal columns (the week numbers and the days) and seven equal rows (the names and
        # six weeks), as QCalendarWidget lays them out.
        self.verticalHeader().setFixedWidth(max(1, self.width() // WEEK_COLUMN_SHARE))
        self.horizontalHeader().setFixedHeight(max(1, self.height() // (ROWS + 1)))
        super().resizeEvent(e)

    # -- keys -------------------------------------------------------------------------
    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        day = self._cal.selected_day()
        new: date | None = None
        if mods == Qt.KeyboardModifier.NoModifier:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self._cal.activate(day)
                return
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}.get(
                Qt.Key(key)
            )
            if step is not None:
                if self.layoutDirection() == Qt.LayoutDirection.RightToLeft and key in (
                    Qt.Key.Key_Left,
                    Qt.Key.Key_Right,
                ):
                    step = -step
                new = day + timedelta(days=step)
            elif key == Qt.Key.Key_PageUp:
                new = add_months(day, -1)
            elif key == Qt.Key.Key_PageDown:
                new = add_months(day, 1)
            elif key == Qt.Key.Key_Home:
                new = day.replace(day=1)
            elif key == Qt.Key.Key_End:
                new = add_months(day.replace(day=1), 1) - timedelta(days=1)
        elif mods == Qt.KeyboardModifier.ControlModifier:
            if key == Qt.Key.Key_PageUp:
                new = add_months(day, -12)
            elif key == Qt.Key.Key_PageDown:
                new = add_months(day, 12)
            elif key == Qt.Key.Key_Home:
                new = self._cal.today()
        if new is None:
            e.ignore()  # Tab, Esc and the window's shortcuts go on to the window
            return
        self._cal.select_day(new)
        e.accept()

    def keyboardSearch(self, search: str) -> None:
        del search  # typed digits do not jump around the month

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            e.ignore()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = e.position().toPoint()
        day = self._cal.day_under(pos)
        self._pressed = None
        if day is not None:
            page = (self._cal.yearShown(), self._cal.monthShown())
            self._cal.select_day(day)  # a day of the next or last month turns the page to it
            if page != (self._cal.yearShown(), self._cal.monthShown()):
                self._pressed = (day, pos)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        e.accept()  # no dragging a selection

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            day = self._pressed[0] if self._pressed else self._cal.day_under(e.position().toPoint())
            if day is not None:
                self._cal.clicked.emit(to_qdate(day))

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return
        pos = e.position().toPoint()
        day = self._cal.day_under(pos)
        if self._pressed is not None and (self._pressed[1] - pos).manhattanLength() <= 8:
            # The first click chose a day of another month and turned the page: that day, not
            # the one now under the pointer.
            day = self._pressed[0]
        self._pressed = None
        if day is not None:
            self._cal.activate(day)

    # -- focus and tooltips -----------------------------------------------------------
    def focusInEvent(self, e: QFocusEvent) -> None:
        super().focusInEvent(e)
        self.viewport().update()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            day = self._cal.day_under(event.pos())
            text = self._cal.cell_details(day) if day is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later (or earlier), on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


class _NavButton(QToolButton):
    """A button on the month bar: light text on the highlight colour until the pointer is on it
    (QCalendarWidget's own look)."""

    def paintEvent(self, e: QPaintEvent) -> None:
        pal = QPalette(self.palette())
        if not (self.underMouse() or self.isDown()):
            pal.setColor(QPalette.ColorRole.ButtonText, pal.color(QPalette.ColorRole.HighlightedText))
        painter = QStylePainter(self)
        opt = QStyleOptionToolButton()
        self.initStyleOption(opt)
        opt.palette = pal
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, opt)


class FocusCalendar(QWidget):
    """A month of days, Monday first, with ISO week numbers, under a bar that turns the months.

    Keys in the month: the arrows move by a day or a week (into the next or last month too),
    Page Up and Page Down by a month (with Ctrl by a year), Home and End to the month's first and
    last day, Ctrl+Home to today. A click or a key selects a day (:attr:`selectionChanged`); a
    double-click, or Enter or Space on the selected day, emits :attr:`day_activated` (and
    :attr:`activated`). The API follows QCalendarWidget's, which this replaced so that a screen
    reader hears each day with its states (:class:`MonthModel`)."""

    day_activated = Signal(QDate)
    activated = Signal(QDate)
    clicked = Signal(QDate)
    selectionChanged = Signal()
    currentPageChanged = Signal(int, int)

    def __init__(
        self,
        holiday_of: Callable[[date], Holiday | None],
        tooltip_of: Callable[[date], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._holiday_of = holiday_of
        self._tooltip_of = tooltip_of
        self._planned: set[date] = set()
        self._team: dict[date, tuple[int, int]] = {}
        self._today = date.today()
        self._selected = self._today
        self._page = (self._today.year, self._today.month)
        self._first = first_shown_day(*self._page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._bar = QWidget(self)
        self._bar.setObjectName("monthBar")
        bar_pal = self._bar.palette()
        bar_pal.setColor(QPalette.ColorRole.Window, bar_pal.color(QPalette.ColorRole.Highlight))
        self._bar.setPalette(bar_pal)
        self._bar.setBackgroundRole(QPalette.ColorRole.Window)
        self._bar.setAutoFillBackground(True)
        bar = QHBoxLayout(self._bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(0)
        bold = QFont(self.font())
        bold.setBold(True)
        self.prev_button = _NavButton(self._bar)
        self.prev_button.setObjectName("previousMonth")
        self.prev_button.clicked.connect(self.showPreviousMonth)
        self.next_button = _NavButton(self._bar)
        self.next_button.setObjectName("nextMonth")
        self.next_button.clicked.connect(self.showNextMonth)
        self.month_button = _NavButton(self._bar)
        self.month_button.setObjectName("monthButton")
        self.month_button.setFont(bold)
        self.month_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._month_menu = QMenu(self.month_button)
        self.month_button.setMenu(self._month_menu)
        self.year_button = _NavButton(self._bar)
        self.year_button.setObjectName("yearButton")
        self.year_button.setFont(bold)
        self.year_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._year_menu = QMenu(self.year_button)
        self._year_menu.aboutToShow.connect(self._fill_year_menu)
        self.year_button.setMenu(self._year_menu)
        for b in (self.prev_button, self.next_button, self.month_button, self.year_button):
            b.setAutoRaise(True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar.addWidget(self.prev_button)
        bar.addStretch(1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.year_button)
        bar.addStretch(1)
        bar.addWidget(self.next_button)
        layout.addWidget(self._bar)

        self._model = MonthModel(self)
        self._view = MonthGrid(self)
        self._view.setModel(self._model)
        layout.addWidget(self._view, 1)
        self.setFocusProxy(self._view)
        self.setTabOrder(self.prev_button, self.month_button)
        self.setTabOrder(self.month_button, self.year_button)
        self.setTabOrder(self.year_button, self.next_button)
        self.setTabOrder(self.next_button, self._view)
        self._retranslate()
        self._show_selection()

    # -- QCalendarWidget's API ---------------------------------------------------------
    def selectedDate(self) -> QDate:
        return to_qdate(self._selected)

    def setSelectedDate(self, qdate: QDate) -> None:
        day = qdate.toPython()
        assert isinstance(day, date)
        self.select_day(day)

    def yearShown(self) -> int:
        return self._page[0]

    def monthShown(self) -> int:
        return self._page[1]

    def setCurrentPage(self, year: int, month: int) -> None:
        year = min(max(year, FIRST_YEAR), LAST_YEAR)
        if (year, month) == self._page:
            return
        self._page = (year, month)
        self._first = first_shown_day(year, month)
        self._model.refresh()
        self._update_bar()
        self._show_selection()
        self.currentPageChanged.emit(year, month)

    def showNextMonth(self) -> None:
        self._turn(1)

    def showPreviousMonth(self) -> None:
        self._turn(-1)

    def showNextYear(self) -> None:
        self._turn(12)

    def showPreviousYear(self) -> None:
        self._turn(-12)

    def showSelectedDate(self) -> None:
        self.setCurrentPage(self._selected.year, self._selected.month)

    def showToday(self) -> None:
        self.setCurrentPage(self._today.year, self._today.month)

    def _turn(self, months: int) -> None:
        first = add_months(date(*self._page, 1), months)
        self.setCurrentPage(first.year, first.month)

    # -- state ----------------------------------------------------------------------
    def planned_days(self) -> set[date]:
        return set(self._planned)

    def set_planned(self, days: set[date], today: date) -> None:
        self._planned = set(days)
        self._today = today
        self._model.refresh()
        self._update_bar()

    def set_team(self, marks: dict[date, tuple[int, int]]) -> None:
        """Colleagues per day: (how many focus, how many are away)."""
        self._team = dict(marks)
        self._model.refresh()

    def team_marks(self, day: date) -> tuple[int, int]:
        return self._team.get(day, (0, 0))

    def today(self) -> date:
        return self._today

    def selected_day(self) -> date:
        return self._selected

    def select_day(self, day: date) -> None:
        """Select ``day`` and show its month."""
        day = min(max(day, date(FIRST_YEAR, 1, 1)), date(LAST_YEAR, 12, 31))
        changed = day != self._selected
        self._selected = day
        if (day.year, day.month) != self._page:
            self.setCurrentPage(day.year, day.month)  # shows the selection too
        else:
            self._show_selection()
        if changed:
            self.selectionChanged.emit()

    def activate(self, day: date) -> None:
        """The explicit act on ``day`` (a double-click, Enter or Space)."""
        if day != self._selected:
            self.select_day(day)
        self.day_activated.emit(to_qdate(day))
        self.activated.emit(to_qdate(day))

    def first_shown(self) -> date:
        return self._first

    def model(self) -> MonthModel:
        return self._model

    def grid(self) -> MonthGrid:
        return self._view

    def cell_rect(self, day: date) -> QRect | None:
        """Where ``day`` is on the shown page, in the grid's viewport (for tests and tooltips)."""
        index = self._model.index_of(day)
        return self._view.visualRect(index) if index.isValid() else None

    def viewport(self) -> QWidget:
        return self._view.viewport()

    def day_under(self, pos: QPoint) -> date | None:
        """The day at ``pos`` in the viewport, of any month on the page."""
        index = self._view.indexAt(pos)
        return self._model.day(index) if index.isValid() else None

    def day_at(self, pos: QPoint) -> date | None:
        """The day of the shown month at ``pos`` in the viewport."""
        day = self.day_under(pos)
        return day if day is not None and day.month == self.monthShown() else None

    def _show_selection(self) -> None:
        index = self._model.index_of(self._selected)
        selection = self._view.selectionModel()
        if index.isValid():
            # Current and selected: the screen reader's focus follows the keyboard's place.
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            selection.clear()
        self._view.viewport().update()

    # -- words ------------------------------------------------------------------------
    def _language(self) -> str:
        return "sv" if self.locale().language() == QLocale.Language.Swedish else "en"

    def cell_name(self, day: date) -> str:
        """What a screen reader says for ``day``'s cell: "onsdag 2 december, planerad antihjältedag"."""
        words = format_day(day, self._language(), with_year=day.year != self._today.year)
        return ", ".join([words, *self.cell_states(day)])

    def cell_states(self, day: date) -> list[str]:
        """What the cell shows by its look and shapes, in words (the legend's words)."""
        states = []
        today = self._today
        if day == today:
            states.append(self.tr("today"))
        if day in self._planned:
            states.append(
                self.tr("planned antihjälte day") if day >= today else self.tr("antihjälte day, done")
            )
        elif day < today:
            states.append(self.tr("past"))
        holiday = self._holiday_of(day)
        if holiday is not None:
            name = holiday.name_sv if self._language() == "sv" else holiday.name_en
            states.append(self.tr("public holiday: %1").replace("%1", name))
        elif day.weekday() >= 5:
            states.append(self.tr("weekend"))
        focus, away = self._team.get(day, (0, 0))
        if focus:
            states.append(self.tr("%n colleague(s) on an antihjälte day", None, focus))
        if away:
            states.append(self.tr("%n colleague(s) away", None, away))
        return states

    def cell_details(self, day: date) -> str:
        """The day's tooltip: the holiday's name, the note, who in the team is away or focusing
        and the week's hero (the planner says them)."""
        return self._tooltip_of(day)

    def week_name(self, week: int) -> str:
        return self.tr("week %1").replace("%1", str(week))

    def _retranslate(self) -> None:
        self._view.setAccessibleName(self.tr("Days of the month"))
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.prev_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self._month_menu.clear()
        loc = self.locale()
        for m in range(1, 13):
            action = self._month_menu.addAction(loc.standaloneMonthName(m, QLocale.FormatType.LongFormat))
            action.triggered.connect(lambda _=False, m=m: self.setCurrentPage(self.yearShown(), m))
        self._update_icons()
        self._update_bar()
        self._model.refresh()

    def _update_icons(self) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        style = self.style()
        left, right = QStyle.StandardPixmap.SP_ArrowLeft, QStyle.StandardPixmap.SP_ArrowRight
        self.prev_button.setIcon(style.standardIcon(right if rtl else left, None, self))
        self.next_button.setIcon(style.standardIcon(left if rtl else right, None, self))

    def _update_bar(self) -> None:
        year, month = self._page
        name = self.locale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
        self.month_button.setText(name)
        self.month_button.setAccessibleName(self.tr("Month: %1").replace("%1", name))
        self.year_button.setText(str(year))
        self.year_button.setAccessibleName(self.tr("Year: %1").replace("%1", str(year)))
        self._view.setAccessibleName(f"{self.tr('Days of the month')}: {name} {year}")

    def _fill_year_menu(self) -> None:
        self._year_menu.clear()
        shown = self.yearShown()
        for year in range(max(FIRST_YEAR, shown - 3), min(LAST_YEAR, shown + 3) + 1):
            action = self._year_menu.addAction(str(year))
            action.setCheckable(True)
            action.setChecked(year == shown)
            action.triggered.connect(lambda _=False, y=year: self.setCurrentPage(y, self.monthShown()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LocaleChange, QEvent.Type.LanguageChange):
            self._retranslate()
        elif event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.StyleChange):
            self._update_icons()
        super().changeEvent(event)

    # -- painting -------------------------------------------------------------------
    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        day = qdate.toPython()
        assert isinstance(day, date)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        dark = base.lightnessF() < 0.5
        in_month = qdate.month() == self.monthShown()
        planned = day in self._planned
        selected = qdate == self.selectedDate()
        holiday = self._holiday_of(day)
        bg, fg = cell_colours(
            pal,
            holiday=holiday is not None,
            weekend=day.weekday() >= 5,
            planned=planned,
            past=day < self._today,
            in_month=in_month,
        )

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inner = rect.adjusted(1, 1, -1, -1)
        painter.fillRect(inner, bg)
        if selected:
            # The keyboard's place: a strong frame while the month has the focus, a thin muted
            # one when the focus is elsewhere (so a keyboard user sees where the focus is).
            focused = self._view.hasFocus()
            pen = painter.pen()
            highlight = pal.color(QPalette.ColorRole.Highlight)
            pen.setColor(highlight if focused else mix(highlight, text, 0.35))
            pen.setWidth(3 if focused else 1)
            painter.setPen(pen)
            painter.drawRect(inner.adjusted(1, 1, -2, -2))
        font = QFont(painter.font())
        if day == self._today:
            font.setBold(True)
            font.setUnderline(True)
        elif day < self._today:
            font.setItalic(True)
        painter.setFont(font)
        painter.setPen(fg)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        # The shapes in the corners: planned (or done) top right, a public holiday top left.
        small = QFont(painter.font())
        small.setBold(False)
        small.setUnderline(False)
        small.setItalic(False)
        small.setPixelSize(max(7, min(inner.height() // 3, inner.width() // 4)))
        painter.setFont(small)
        corner = inner.adjusted(3, 1, -3, -1)
        if planned:
            symbol = SYMBOL_PLANNED if day >= self._today else SYMBOL_DONE
            painter.drawText(corner, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, symbol)
        if holiday is not None:
            painter.drawText(corner, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, SYMBOL_HOLIDAY)
        focus, away = self._team.get(day, (0, 0))
        if focus or away:
            self._paint_dots(painter, inner, focus, away, dark, planned, in_month)
        painter.restore()

    def _paint_dots(
        self, painter: QPainter, cell: QRect, focus: int, away: int, dark: bool, planned: bool, in_month: bool
    ) -> None:
        """A row along the cell's bottom edge: a dot per colleague focusing, then a diamond per
        colleague away."""
        if planned:  # on the yellow, the dark variants read best in either theme
            colours = (TEAM_FOCUS, TEAM_AWAY)
        else:
            colours = (TEAM_FOCUS_DARK, TEAM_AWAY_DARK) if dark else (TEAM_FOCUS, TEAM_AWAY)
        dots = [colours[0]] * min(focus, MAX_DOTS) + [colours[1]] * min(away, MAX_DOTS)
        size = max(4, min(cell.height() // 7, cell.width() // 9))
        gap = max(2, size // 2)
        total = len(dots) * size + (len(dots) - 1) * gap + (gap if focus and away else 0)
        x = cell.center().x() - total // 2 + 1
        y = cell.bottom() - size - max(2, cell.height() // 10)
        painter.setPen(Qt.PenStyle.NoPen)
        base = self.palette().color(QPalette.ColorRole.Base)
        n_focus = min(focus, MAX_DOTS)
        for i, colour in enumerate(dots):
            if focus and i == n_focus and away:
                x += gap  # a wider gap between the focusing and the away
            painter.setBrush(colour if in_month else mix(colour, base, 0.55))
            if i < n_focus:
                painter.drawEllipse(QRect(x, y, size, size))
            else:  # away: a diamond, a little larger so it weighs as much as a dot
                cx, cy, r = x + size / 2, y + size / 2, size * 0.62
                points = [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
                painter.drawPolygon(QPolygonF(points))
            x += size + gap

"""The planner's month view: a QCalendarWidget that marks planned days, weekends and holidays.

Every state of a cell is told by a shape as well as a colour: a star on a planned day (a tick
once it is over), an asterisk on a public holiday, the day number bold and underlined today and
in italics in the past, and the colleagues as dots (on an antihjälte day) and diamonds (away).
Weekends are the Saturday and Sunday columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton, QToolTip, QWidget

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


class FocusCalendar(QCalendarWidget):
    """Weeks start on Monday with ISO week numbers. A click or the arrow keys select a day;
    a double-click, or Enter or Space on the selected day, emits :attr:`day_activated`."""

    day_activated = Signal(QDate)

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
        self._rects: dict[date, QRect] = {}
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(False)
        # Weekend and holiday colours come from paintCell, not Qt's red weekend headers.
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            fmt = self.weekdayTextFormat(day)
            fmt.setForeground(self.palette().color(QPalette.ColorRole.WindowText))
            self.setWeekdayTextFormat(day, fmt)
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        assert view is not None
        self._view = view
        # What a screen reader says: the month grid and the arrows Qt leaves without a name.
        view.setAccessibleName(self.tr("Days of the month"))
        for name, text in (
            ("qt_calendar_prevmonth", self.tr("Previous month")),
            ("qt_calendar_nextmonth", self.tr("Next month")),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(text)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.viewport().setMouseTracking(True)

    # -- state ----------------------------------------------------------------------
    def planned_days(self) -> set[date]:
        return set(self._planned)

    def set_planned(self, days: set[date], today: date) -> None:
        self._planned = set(days)
        self._today = today
        self._view.viewport().update()

    def set_team(self, marks: dict[date, tuple[int, int]]) -> None:
        """Colleagues per day: (how many focus, how many are away)."""
        self._team = dict(marks)
        self._view.viewport().update()

    def team_marks(self, day: date) -> tuple[int, int]:
        return self._team.get(day, (0, 0))

    def selected_day(self) -> date:
        day = self.selectedDate().toPython()
        assert isinstance(day, date)
        return day

    def select_day(self, day: date) -> None:
        self.setSelectedDate(to_qdate(day))

    def cell_rect(self, day: date) -> QRect | None:
        """Where ``day`` was last painted, in the view's viewport (for tests and tooltips)."""
        return self._rects.get(day)

    def viewport(self) -> QWidget:
        return self._view.viewport()

    def day_at(self, pos: QPoint) -> date | None:
        for day, rect in self._rects.items():
            if rect.contains(pos) and to_qdate(day).month() == self.monthShown():
                return day
        return None

    # -- events ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        et = event.type()
        if watched is self._view.viewport():
            if et == QEvent.Type.MouseButtonDblClick:
                day = self.day_at(event.position().toPoint())  # type: ignore[attr-defined]
                if day is not None and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
                    self.select_day(day)
                    self.day_activated.emit(to_qdate(day))
                return True
            elif et == QEvent.Type.ToolTip:
                pos = event.pos()  # type: ignore[attr-defined]
                day = self.day_at(pos)
                text = self._tooltip_of(day) if day else ""
                if text:
                    QToolTip.showText(event.globalPos(), text, self._view.viewport())  # type: ignore[attr-defined]
                else:
                    QToolTip.hideText()
                return True
        elif watched is self._view and et in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._view.viewport().update()
        elif watched is self._view and et == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                self.day_activated.emit(self.selectedDate())
                return True
        return super().eventFilter(watched, event)

    # -- painting -------------------------------------------------------------------
    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        day = qdate.toPython()
        assert isinstance(day, date)
        self._rects[day] = QRect(rect)
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

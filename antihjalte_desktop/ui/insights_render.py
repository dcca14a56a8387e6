"""Drawing a year's insights with QPainter, shared by the Insights window and the PNG/PDF
report, so both show the same figures. Every state has a symbol as well as a colour, and
every figure drawn also has a sentence (``describe_*``) for screen readers and text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

from antihjalte_desktop.core.dates import fix_sv_ordinals, format_day
from antihjalte_desktop.core.insights import CellState, Insights

# Every string here is translated in the context "InsightsReport", shared by the window and the report
# (written out at each call: lupdate only finds literal arguments).


def state_word(state: CellState) -> str:
    words = {
        CellState.KEPT: QCoreApplication.translate("InsightsReport", "focus day kept"),
        CellState.PLANNED: QCoreApplication.translate("InsightsReport", "focus day planned"),
        CellState.AWAY: QCoreApplication.translate("InsightsReport", "away"),
        CellState.HOLIDAY: QCoreApplication.translate("InsightsReport", "public holiday"),
        CellState.WEEKEND: QCoreApplication.translate("InsightsReport", "weekend"),
        CellState.WORKDAY: QCoreApplication.translate("InsightsReport", "workday"),
    }
    return words[state]


# -- colours ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Colors:
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    focus: QColor
    fills: dict[CellState, QColor]
    marks: dict[CellState, QColor]


def colors_for(palette: QPalette) -> Colors:
    """Colours that read on the palette's background (light or dark); the symbols carry
    the meaning as well, so nothing rests on colour alone."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightness() < 128
    if dark:
        fills = {
            CellState.KEPT: QColor("#3f9a52"),
            CellState.PLANNED: QColor("#1d3f66"),
            CellState.AWAY: QColor("#5a4020"),
            CellState.HOLIDAY: QColor("#5c2626"),
            CellState.WEEKEND: QColor("#3a3a3a"),
            CellState.WORKDAY: QColor(base),
        }
        marks = {
            CellState.KEPT: QColor("#ffffff"),
            CellState.PLANNED: QColor("#8cc0ff"),
            CellState.AWAY: QColor("#f5b461"),
            CellState.HOLIDAY: QColor("#ff8a80"),
            CellState.WEEKEND: QColor("#8a8a8a"),
            CellState.WORKDAY: QColor("#8a8a8a"),
        }
        grid, muted = QColor("#6b6b6b"), QColor("#b8b8b8")
        focus = QColor("#ffd54f")
    else:
        fills = {
            CellState.KEPT: QColor("#1e7b34"),
            CellState.PLANNED: QColor("#d6e6fb"),
            CellState.AWAY: QColor("#fbe3c4"),
            CellState.HOLIDAY: QColor("#f6d0cc"),
            CellState.WEEKEND: QColor("#cdcdcd"),
            CellState.WORKDAY: QColor(base),
        }
        marks = {
            CellState.KEPT: QColor("#ffffff"),
            CellState.PLANNED: QColor("#1a5fb4"),
            CellState.AWAY: QColor("#a55a00"),
            CellState.HOLIDAY: QColor("#b3261e"),
            CellState.WEEKEND: QColor("#707070"),
            CellState.WORKDAY: QColor("#707070"),
        }
        grid, muted = QColor("#9a9a9a"), QColor("#555555")
        focus = QColor("#000000")
    return Colors(QColor(base), QColor(text), muted, grid, focus, fills, marks)


def light_colors() -> Colors:
    """The report's colours: printed on white."""
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return colors_for(pal)


# -- words --------------------------------------------------------------------------------
def month_name(locale: QLocale, month: int, *, short: bool = False) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale.standaloneMonthName(month, fmt)


def percent(locale: QLocale, ratio: float) -> str:
    number = locale.toString(round(ratio * 100))
    return f"{number}\u00a0%" if locale.language() == QLocale.Language.Swedish else f"{number}%"


def cell_text(ins: Insights, day: date, lang: str) -> str:
    """``Friday 9 January: focus day kept, reflection written``."""
    state = ins.cell(day)
    text = f"{format_day(day, lang)}: {state_word(state)}"
    if day in ins.reflected:
        text += ", " + QCoreApplication.translate("InsightsReport", "reflection written")
    return text


def describe_days(ins: Insights) -> str:
    d = ins.days
    return (
        QCoreApplication.translate("InsightsReport", "%1 planned, %2 kept, %3 moved, %4 removed")
        .replace("%1", str(d.planned))
        .replace("%2", str(d.kept))
        .replace("%3", str(d.moved))
        .replace("%4", str(d.removed))
    )


def describe_reflections(ins: Insights) -> str:
    return (
        QCoreApplication.translate("InsightsReport", "Reflections written on %1 of %2 kept days")
        .replace("%1", str(len(ins.reflected)))
        .replace("%2", str(ins.days.kept))
    )


class InsightsReport(QObject):
    """Plural texts: lupdate finds a plural only in ``self.tr(text, None, n)`` (its context is the
    class name, the same as the report's other texts)."""

    def gap(self, n: int) -> str:
        return self.tr("longest gap %n workday(s)", None, n)

    def every(self, n: int) -> str:
        # "var %n:e vecka" in Swedish: the plural form cannot tell 2:a from 4:e (English has no such ending)
        return fix_sv_ordinals(self.tr("One day every %n week(s)", None, n))


def describe_cadence(ins: Insights, locale: QLocale) -> str:
    plurals = InsightsReport()
    gap_days, weeks = ins.cadence.longest_gap_workdays, ins.cadence.every_weeks
    gap = plurals.gap(gap_days)
    if weeks <= 0:
        return QCoreApplication.translate("InsightsReport", "No cadence set") + "; " + gap
    asked = QCoreApplication.translate("InsightsReport", "%1 of the days it asked for")
    every = plurals.every(weeks)
    return f"{every}: {asked.replace('%1', percent(locale, ins.cadence.kept_ratio))}; {gap}"


def describe_handover(ins: Insights) -> str:
    h = ins.handover
    text = (
        QCoreApplication.translate("InsightsReport", "Tasks passed on: %1, taken back: %2")
        .replace("%1", str(h.tasks_passed))
        .replace("%2", str(h.taken_back))
    )
    if h.by_person:
        text += " (" + ", ".join(f"{name} {n}" for name, n in h.by_person) + ")"
    return text


def describe_months(ins: Insights, locale: QLocale) -> str:
    parts = []
    for m in ins.months:
        parts.append(
            QCoreApplication.translate("InsightsReport", "%1: %2 kept of %3 planned, %4 reflections")
            .replace("%1", month_name(locale, m.month))
            .replace("%2", str(m.kept))
            .replace("%3", str(m.planned))
            .replace("%4", str(m.reflections))
        )
    return "; ".join(parts)


def describe_unit(ins: Insights, locale: QLocale, sep: str = "; ") -> str:
    if not ins.unit:
        return QCoreApplication.translate("InsightsReport", "Nothing shared in the team feed for this year")
    lines = []
    for p in ins.unit:
        months = ", ".join(
            f"{month_name(locale, i + 1, short=True)} {n}" for i, n in enumerate(p.focus_by_month) if n
        )
        lines.append(
            QCoreApplication.translate("InsightsReport", "%1: %2 focus days, %3 hero weeks")
            .replace("%1", p.person)
            .replace("%2", str(p.focus_days))
            .replace("%3", str(p.hero_weeks))
            + (f" ({months})" if months else "")
        )
    return sep.join(lines)


# -- the heatmap --------------------------------------------------------------------------
@dataclass(frozen=True)
class HeatmapGeometry:
    """Monday-first ISO weeks as columns, weekdays as rows."""

    year: int
    origin: QPointF
    cell: float
    gap: float
    label_width: float
    header_height: float

    @property
    def first_monday(self) -> date:
        jan1 = date(self.year, 1, 1)
        return jan1 - timedelta(days=jan1.weekday())

    @property
    def columns(self) -> int:
        dec31 = date(self.year, 12, 31)
        return (dec31 - self.first_monday).days // 7 + 1

    def cell_rect(self, day: date) -> QRectF:
        col = (day - self.first_monday).days // 7
        step = self.cell + self.gap
        return QRectF(
            self.origin.x() + self.label_width + col * step,
            self.origin.y() + self.header_height + day.weekday() * step,
            self.cell,
            self.cell,
        )

    def size(self) -> QSizeF:
        step = self.cell + self.gap
        return QSizeF(self.label_width + self.columns * step, self.header_height + 7 * step)

    def day_at(self, pos: QPointF) -> date | None:
        step = self.cell + self.gap
        col = int((pos.x() - self.origin.x() - self.label_width) // step)
        row = int((pos.y() - self.origin.y() - self.header_height) // step)
        if col < 0 or not 0 <= row < 7:
            return None
        day = self.first_monday + timedelta(days=col * 7 + row)
        return day if day.year == self.year else None


def _symbol(p: QPainter, r: QRectF, state: CellState, colors: Colors) -> None:
    """The state's symbol in the middle half of the cell (the corners keep the fill)."""
    mark = colors.marks[state]
    c = r.center()
    s = r.width() * 0.28
    pen = QPen(mark, max(1.0, r.width() * 0.11))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if state is CellState.KEPT:  # a tick
        path = QPainterPath(QPointF(c.x() - s, c.y()))
        path.lineTo(c.x() - s * 0.25, c.y() + s * 0.75)
        path.lineTo(c.x() + s, c.y() - s * 0.8)
        p.setPen(pen)
        p.drawPath(path)
    elif state is CellState.PLANNED:  # a ring with a dot: a target
        p.setPen(pen)
        p.drawEllipse(c, s * 0.85, s * 0.85)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(mark)
        p.drawEllipse(c, s * 0.3, s * 0.3)
    elif state is CellState.AWAY:  # a dash
        p.setPen(pen)
        p.drawLine(QPointF(c.x() - s, c.y()), QPointF(c.x() + s, c.y()))
    elif state is CellState.HOLIDAY:  # a cross
        p.setPen(pen)
        p.drawLine(QPointF(c.x() - s * 0.8, c.y() - s * 0.8), QPointF(c.x() + s * 0.8, c.y() + s * 0.8))
        p.drawLine(QPointF(c.x() - s * 0.8, c.y() + s * 0.8), QPointF(c.x() + s * 0.8, c.y() - s * 0.8))
    # weekend: the grey fill alone, which the legend and the text name; workday: empty


def _reflection_mark(p: QPainter, r: QRectF, colors: Colors) -> None:
    """A folded corner (top right) on a kept day with a reflection."""
    s = r.width() * 0.5
    path = QPainterPath(QPointF(r.right() - s, r.top()))
    path.lineTo(r.right(), r.top())
    path.lineTo(r.right(), r.top() + s)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors.marks[CellState.PLANNED] if colors.background.lightness() < 128 else QColor("#f2c230"))
    p.drawPath(path)


def paint_cell(p: QPainter, r: QRectF, state: CellState, reflected: bool, colors: Colors) -> None:
    p.setPen(QPen(colors.grid, 1.0) if state is CellState.WORKDAY else Qt.PenStyle.NoPen)
    p.setBrush(colors.fills[state])
    p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5) if state is CellState.WORKDAY else r)
    _symbol(p, r, state, colors)
    if reflected:
        _reflection_mark(p, r, colors)


def paint_heatmap(
    p: QPainter,
    geo: HeatmapGeometry,
    ins: Insights,
    colors: Colors,
    locale: QLocale,
    font: QFont,
    focus_day: date | None = None,
) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    fm = QFontMetricsF(font)
    step = geo.cell + geo.gap
    # month names over the column of each month's first day
    p.setPen(colors.text)
    for m in range(1, 13):
        first = date(ins.year, m, 1)
        r = geo.cell_rect(first)
        nxt = date(ins.year + (m == 12), m % 12 + 1, 1)
        right = geo.cell_rect(nxt).left() if m < 12 else geo.origin.x() + geo.size().width()
        box = QRectF(r.left(), geo.origin.y(), max(step, right - r.left()), geo.header_height - geo.gap)
        name = fm.elidedText(month_name(locale, m), Qt.TextElideMode.ElideRight, box.width() - 2)
        p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, name)
    # weekday names (Monday, Wednesday, Friday)
    for wd in (1, 3, 5):
        r = geo.cell_rect(geo.first_monday + timedelta(days=7 + wd - 1))
        box = QRectF(geo.origin.x(), r.top() - 2, geo.label_width - 4, r.height() + 4)
        p.drawText(
            box,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            locale.dayName(wd, QLocale.FormatType.ShortFormat),
        )
    day = date(ins.year, 1, 1)
    for state in ins.cells:
        paint_cell(p, geo.cell_rect(day), state, day in ins.reflected, colors)
        day += timedelta(days=1)
    if focus_day is not None and focus_day.year == ins.year:
        pen = QPen(colors.focus, max(2.0, geo.gap))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        g = geo.gap / 2 + pen.widthF() / 2
        p.drawRect(geo.cell_rect(focus_day).adjusted(-g, -g, g, g))
    p.restore()


def legend_items() -> list[tuple[CellState, bool, str]]:
    return [
        (CellState.KEPT, False, QCoreApplication.translate("InsightsReport", "Kept")),
        (CellState.KEPT, True, QCoreApplication.translate("InsightsReport", "Kept, with a reflection")),
        (CellState.PLANNED, False, QCoreApplication.translate("InsightsReport", "Planned")),
        (CellState.AWAY, False, QCoreApplication.translate("InsightsReport", "Away")),
        (CellState.HOLIDAY, False, QCoreApplication.translate("InsightsReport", "Public holiday")),
        (CellState.WEEKEND, False, QCoreApplication.translate("InsightsReport", "Weekend")),
        (CellState.WORKDAY, False, QCoreApplication.translate("InsightsReport", "Workday")),
    ]


def paint_legend(
    p: QPainter,
    origin: QPointF,
    cell: float,
    width: float,
    colors: Colors,
    font: QFont,
) -> float:
    """The symbols with their names, wrapping at ``width``; returns the height used."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    fm = QFontMetricsF(font)
    x, y = origin.x(), origin.y()
    line = max(cell, fm.height()) + cell * 0.4
    for state, reflected, label in legend_items():
        w = cell + cell * 0.4 + fm.horizontalAdvance(label) + cell
        if x + w > origin.x() + width and x > origin.x():
            x, y = origin.x(), y + line
        paint_cell(p, QRectF(x, y, cell, cell), state, reflected, colors)
        p.setPen(colors.text)
        p.drawText(
            QRectF(x + cell * 1.4, y - fm.height(), w, cell + 2 * fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        x += w
    p.restore()
    return y + line - origin.y()


# -- months as bars -----------------------------------------------------------------------
def paint_months(
    p: QPainter,
    rect: QRectF,
    ins: Insights,
    colors: Colors,
    locale: QLocale,
    font: QFont,
) -> None:
    """Per month: planned (outlined bar), kept (filled bar with its number), reflections (dots)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    fm = QFontMetricsF(font)
    top = max([m.planned for m in ins.months] + [1])
    label_h = fm.height() * 1.3
    chart = QRectF(rect.left(), rect.top() + label_h, rect.width(), rect.height() - 3.2 * label_h)
    slot = chart.width() / 12
    bar = slot * 0.32
    kept_c, planned_c = colors.fills[CellState.KEPT], colors.marks[CellState.PLANNED]
    p.setPen(QPen(colors.grid, 1))
    p.drawLine(QPointF(chart.left(), chart.bottom()), QPointF(chart.right(), chart.bottom()))
    for i, m in enumerate(ins.months):
        x = chart.left() + i * slot + slot * 0.15
        hp = chart.height() * m.planned / top
        hk = chart.height() * m.kept / top
        if hp:
            p.setPen(QPen(planned_c, 1.5))
            p.setBrush(colors.fills[CellState.PLANNED])
            p.drawRect(QRectF(x, chart.bottom() - hp, bar, hp))
        if hk:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(kept_c)
            p.drawRect(QRectF(x + bar + 2, chart.bottom() - hk, bar, hk))
        p.setPen(colors.text)
        number = f"{m.kept}/{m.planned}"
        p.drawText(
            QRectF(x - slot * 0.15, chart.bottom() - max(hp, hk) - label_h, slot, label_h),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            number,
        )
        for k in range(m.reflections):  # one folded-corner dot per reflection, stacked
            r = fm.height() * 0.18
            p.setBrush(QColor("#f2c230") if colors.background.lightness() >= 128 else planned_c)
            p.setPen(QPen(colors.text, 0.8))
            p.drawEllipse(QPointF(x + bar * 2 + 2 + r * 1.8, chart.bottom() - r * 1.5 - k * r * 2.6), r, r)
        p.setPen(colors.text)
        p.drawText(
            QRectF(chart.left() + i * slot, chart.bottom() + 2, slot, label_h),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            month_name(locale, m.month, short=True),
        )
    # what the marks mean
    y = chart.bottom() + label_h * 1.3
    x = chart.left()
    s = fm.height() * 0.8
    for kind, label in (
        ("planned", QCoreApplication.translate("InsightsReport", "planned")),
        ("kept", QCoreApplication.translate("InsightsReport", "kept")),
        ("reflection", QCoreApplication.translate("InsightsReport", "reflection")),
    ):
        if kind == "planned":
            p.setPen(QPen(planned_c, 1.5))
            p.setBrush(colors.fills[CellState.PLANNED])
            p.drawRect(QRectF(x, y + 2, s * 0.6, s))
        elif kind == "kept":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(kept_c)
            p.drawRect(QRectF(x, y + 2, s * 0.6, s))
        else:
            p.setBrush(QColor("#f2c230") if colors.background.lightness() >= 128 else planned_c)
            p.setPen(QPen(colors.text, 0.8))
            p.drawEllipse(QPointF(x + s * 0.3, y + 2 + s / 2), s * 0.25, s * 0.25)
        p.setPen(colors.text)
        p.drawText(
            QRectF(x + s, y, fm.horizontalAdvance(label) + 4, label_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            label,
        )
        x += s + fm.horizontalAdvance(label) + s * 1.5
    p.restore()


# -- the unit's view ----------------------------------------------------------------------
def paint_unit(
    p: QPainter,
    rect: QRectF,
    ins: Insights,
    colors: Colors,
    locale: QLocale,
    font: QFont,
) -> None:
    """A row per person: focus days in each month (numbers, shaded), the year's total and
    hero weeks as a bar with its number, so fairness shows at a glance."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    fm = QFontMetricsF(font)
    p.setPen(colors.text)
    if not ins.unit:
        p.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            QCoreApplication.translate("InsightsReport", "Nothing shared in the team feed for this year"),
        )
        p.restore()
        return
    row_h = fm.height() * 1.5
    name_w = min(rect.width() * 0.24, max(fm.horizontalAdvance(u.person) for u in ins.unit) + 8)
    hero_w = rect.width() * 0.16
    total_w = fm.horizontalAdvance(QCoreApplication.translate("InsightsReport", "Days")) + 14
    month_w = (rect.width() - name_w - hero_w - total_w) / 12
    y = rect.top()
    head = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    for i in range(12):
        p.drawText(
            QRectF(rect.left() + name_w + i * month_w, y, month_w, row_h),
            head,
            month_name(locale, i + 1, short=True).rstrip("."),
        )
    p.drawText(
        QRectF(rect.left() + name_w + 12 * month_w, y, total_w, row_h),
        head,
        QCoreApplication.translate("InsightsReport", "Days"),
    )
    p.drawText(
        QRectF(rect.left() + name_w + 12 * month_w + total_w, y, hero_w, row_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        QCoreApplication.translate("InsightsReport", "Hero weeks"),
    )
    y += row_h
    most_month = max([max(u.focus_by_month) for u in ins.unit] + [1])
    most_hero = max([u.hero_weeks for u in ins.unit] + [1])
    kept = colors.fills[CellState.KEPT]
    for u in ins.unit:
        if y + row_h > rect.bottom():
            break
        p.setPen(colors.text)
        p.drawText(
            QRectF(rect.left(), y, name_w - 4, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(u.person, Qt.TextElideMode.ElideRight, name_w - 6),
        )
        for i, n in enumerate(u.focus_by_month):
            box = QRectF(rect.left() + name_w + i * month_w + 1, y + 1, month_w - 2, row_h - 2)
            shade = QColor(kept)
            shade.setAlphaF(0.15 + 0.6 * n / most_month if n else 0.0)
            p.setPen(QPen(colors.grid, 0.6))
            p.setBrush(shade)
            p.drawRect(box)
            p.setPen(colors.text)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(n) if n else "·")
        p.drawText(
            QRectF(rect.left() + name_w + 12 * month_w, y, total_w, row_h),
            Qt.AlignmentFlag.AlignCenter,
            str(u.focus_days),
        )
        bx = rect.left() + name_w + 12 * month_w + total_w
        num_w = fm.horizontalAdvance("00") + 6
        bw = (hero_w - num_w) * u.hero_weeks / most_hero
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colors.marks[CellState.PLANNED])
        p.drawRect(QRectF(bx, y + row_h * 0.25, bw, row_h * 0.5))
        p.setPen(colors.text)
        p.drawText(
            QRectF(bx + bw + 4, y, num_w, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(u.hero_weeks),
        )
        y += row_h
    p.restore()


def unit_height(ins: Insights, font: QFont) -> float:
    fm = QFontMetricsF(font)
    return fm.height() * 1.5 * (1 + max(1, len(ins.unit or ())))


# -- the one-page report ------------------------------------------------------------------
def paint_report(
    p: QPainter,
    page: QRectF,
    ins: Insights,
    lang: str,
    locale: QLocale,
    printed_on: date,
) -> None:
    """The whole report on one page (PNG or PDF): title, figures as sentences, the heatmap
    with its legend, months as bars and the unit's view."""
    colors = light_colors()
    p.fillRect(page, colors.background)
    w = page.width()
    unit_px = w / 100  # everything scales with the page
    base = QFont(p.font())
    base.setPixelSize(max(8, round(unit_px * 1.25)))
    # no "fl"/"fi" ligatures: the PDF's text stays searchable and readable aloud
    base.setFeature(QFont.Tag("liga"), 0)
    small = QFont(base)
    small.setPixelSize(max(7, round(unit_px * 1.05)))
    title = QFont(base)
    title.setPixelSize(round(unit_px * 2.4))
    title.setBold(True)
    heading = QFont(base)
    heading.setBold(True)
    heading.setPixelSize(round(unit_px * 1.45))

    x, y = page.left(), page.top()
    p.setPen(colors.text)
    p.setFont(title)
    fm = QFontMetricsF(title)
    p.drawText(
        QRectF(x, y, w, fm.height()),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("InsightsReport", "Antihjälte days %1: insights").replace(
            "%1", str(ins.year)
        ),
    )
    y += fm.height() * 1.1
    p.setFont(base)
    fmb = QFontMetricsF(base)
    p.setPen(colors.muted)
    p.drawText(
        QRectF(x, y, w, fmb.height()),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("InsightsReport", "Made on %1").replace(
            "%1", format_day(printed_on, lang, with_year=True)
        ),
    )
    y += fmb.height() * 1.6
    p.setPen(colors.text)
    for line in (
        describe_days(ins),
        describe_reflections(ins),
        describe_cadence(ins, locale),
        describe_handover(ins),
    ):
        p.drawText(QRectF(x, y, w, fmb.height()), Qt.AlignmentFlag.AlignLeft, line)
        y += fmb.height() * 1.25
    y += fmb.height() * 0.6

    cell = unit_px * 1.55
    gap = cell * 0.18
    label_w = QFontMetricsF(small).horizontalAdvance("Wed.") + cell * 0.6
    geo = HeatmapGeometry(ins.year, QPointF(x, y), cell, gap, label_w, QFontMetricsF(small).height() * 1.4)
    paint_heatmap(p, geo, ins, colors, locale, small)
    y += geo.size().height() + cell * 0.6
    y += paint_legend(p, QPointF(x + label_w, y), cell * 0.9, w - label_w, colors, small) + cell * 0.4

    col_w = (w - unit_px * 4) / 2
    p.setFont(heading)
    fmh = QFontMetricsF(heading)
    p.setPen(colors.text)
    p.drawText(
        QRectF(x, y, col_w, fmh.height()),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("InsightsReport", "Months: kept of planned, and reflections"),
    )
    p.drawText(
        QRectF(x + col_w + unit_px * 4, y, col_w, fmh.height()),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("InsightsReport", "The unit: focus days per month and hero weeks"),
    )
    y += fmh.height() * 1.3
    rest = page.bottom() - y
    paint_months(p, QRectF(x, y, col_w, min(rest, page.height() * 0.3)), ins, colors, locale, small)
    paint_unit(p, QRectF(x + col_w + unit_px * 4, y, col_w, rest), ins, colors, locale, small)

"""The Insights window: a year of focus days as a heatmap, months as bars, the cadence,
reflections, handover and the unit's focus days and hero weeks, with PNG/PDF export.

It is given what it uses: a function from a year to its ``Insights`` (computed outside
Qt, by ``services.insights``), the UI language and a QLocale. Every figure is also a
sentence (labels and accessible descriptions), every heatmap cell has a symbol and a
text, and the heatmap is walked with the arrow keys.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionFocusRect,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from antihjalte_desktop.core.insights import Insights
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.ui import insights_render as render

LoadInsights = Callable[[int], Insights]


def _small_font(widget: QWidget) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(max(7.0, f.pointSizeF() * 0.9))
    return f


class HeatmapWidget(QWidget):
    """The year, a cell a day in Monday-first ISO weeks; arrows move between days."""

    cell_focused = Signal(str)

    CELL = 15.0
    GAP = 3.0

    def __init__(self, lang: str, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._locale = locale
        self._ins: Insights | None = None
        self.current: date | None = None
        self.setObjectName("insightsHeatmap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Year heatmap"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def geometry_for(self, year: int) -> render.HeatmapGeometry:
        fm = self.fontMetrics()
        label_w = (
            max(
                fm.horizontalAdvance(self._locale.dayName(d, QLocale.FormatType.ShortFormat))
                for d in (1, 3, 5)
            )
            + 8
        )
        return render.HeatmapGeometry(year, QPointF(4, 4), self.CELL, self.GAP, label_w, fm.height() + 6)

    def _legend_top(self) -> float:
        assert self._ins is not None
        geo = self.geometry_for(self._ins.year)
        return geo.origin.y() + geo.size().height() + 10

    def sizeHint(self) -> QSize:
        geo = self.geometry_for(self._ins.year if self._ins else date.today().year)
        legend = 1.2 * (max(self.CELL, self.fontMetrics().height()) + self.CELL * 0.4)
        return QSize(int(geo.size().width() + 10), int(geo.size().height() + 18 + legend))

    def set_insights(self, ins: Insights) -> None:
        self._ins = ins
        if self.current is None or self.current.year != ins.year:
            self.current = ins.today if ins.today.year == ins.year else date(ins.year, 1, 1)
        self.updateGeometry()
        self._announce()
        self.update()

    def cell_text(self, day: date) -> str:
        assert self._ins is not None
        return render.cell_text(self._ins, day, self._lang)

    def _announce(self) -> None:
        if self._ins is None or self.current is None:
            return
        text = self.cell_text(self.current)
        self.setAccessibleDescription(text)
        self.cell_focused.emit(text)

    def move_to(self, day: date) -> None:
        if self._ins is None:
            return
        first, last = date(self._ins.year, 1, 1), date(self._ins.year, 12, 31)
        self.current = min(max(day, first), last)
        self._announce()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ins is None or self.current is None:
            return super().keyPressEvent(event)
        cur = self.current
        steps = {
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
        }
        key = Qt.Key(event.key())
        if key in steps:
            self.move_to(cur + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Home:
            self.move_to(date(cur.year, 1, 1))
        elif key == Qt.Key.Key_End:
            self.move_to(date(cur.year, 12, 31))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            month = cur.month + (-1 if key == Qt.Key.Key_PageUp else 1)
            if 1 <= month <= 12:
                self.move_to(date(cur.year, month, min(cur.day, 28)))
        else:
            return super().keyPressEvent(event)
        event.accept()
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._ins is not None:
            day = self.geometry_for(self._ins.year).day_at(event.position())
            if day is not None:
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.move_to(day)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._ins is not None:
            assert isinstance(event, QHelpEvent)
            day = self.geometry_for(self._ins.year).day_at(QPointF(event.pos()))
            if day is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(day), self)
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._announce()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._ins is None:
            return
        p = QPainter(self)
        colors = render.colors_for(self.palette())
        geo = self.geometry_for(self._ins.year)
        focus = self.current if self.hasFocus() else None
        render.paint_heatmap(p, geo, self._ins, colors, self._locale, self.font(), focus)
        render.paint_legend(
            p,
            QPointF(geo.origin.x() + geo.label_width, self._legend_top()),
            self.CELL,
            geo.size().width() - geo.label_width,
            colors,
            self.font(),
        )
        p.end()


class _ChartWidget(QWidget):
    """A painted chart that can take focus, so a screen reader reads its description."""

    def __init__(self, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._ins: Insights | None = None
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_insights(self, ins: Insights, description: str) -> None:
        self._ins = ins
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def _paint_chart(self, p: QPainter, rect: QRectF, ins: Insights) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._ins is None:
            return
        p = QPainter(self)
        self._paint_chart(p, QRectF(self.rect()).adjusted(6, 4, -6, -4), self._ins)
        if self.hasFocus():
            opt = QStyleOptionFocusRect()
            opt.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, opt, p, self)
        p.end()


class MonthsWidget(_ChartWidget):
    def sizeHint(self) -> QSize:
        return QSize(420, 12 * self.fontMetrics().height())

    def _paint_chart(self, p: QPainter, rect: QRectF, ins: Insights) -> None:
        render.paint_months(p, rect, ins, render.colors_for(self.palette()), self._locale, _small_font(self))


class UnitWidget(_ChartWidget):
    def sizeHint(self) -> QSize:
        rows = 1 + max(1, len(self._ins.unit or ())) if self._ins else 2
        return QSize(520, int(rows * self.fontMetrics().height() * 1.5 + 12))

    def _paint_chart(self, p: QPainter, rect: QRectF, ins: Insights) -> None:
        render.paint_unit(p, rect, ins, render.colors_for(self.palette()), self._locale, _small_font(self))


class InsightsWindow(QWidget):
    """The year as a picture. ``load(year)`` computes a year's insights; ``refresh()``
    re-reads the shown year (connect it to the store's change signal)."""

    def __init__(
        self,
        load: LoadInsights,
        year: int,
        lang: str,
        locale: QLocale,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._lang = lang
        self._locale = locale
        self.insights: Insights | None = None
        self.setObjectName("insightsWindow")
        self.setWindowTitle(self.tr("Antihjälte – insights"))
        self.setLocale(locale)

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"), self)
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("insightsYear")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(year)
        self.year_box.setAccessibleName(self.tr("Year"))
        year_label.setBuddy(self.year_box)
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        self.png_button = QPushButton(self.tr("Save as &picture…"), self)
        self.png_button.setAccessibleName(self.tr("Save the insights as a PNG picture"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF report…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save the insights as a one-page PDF report"))
        top.addWidget(self.png_button)
        top.addWidget(self.pdf_button)
        outer.addLayout(top)

        body = QWidget(self)
        lay = QVBoxLayout(body)
        self.summary_labels: list[QLabel] = []
        for name in (self.tr("Focus days"), self.tr("Reflections"), self.tr("Cadence"), self.tr("Handover")):
            lbl = QLabel(body)
            lbl.setAccessibleName(name)
            lbl.setWordWrap(True)
            lbl.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            lay.addWidget(lbl)
            self.summary_labels.append(lbl)

        lay.addWidget(self._heading(self.tr("The year, day by day"), body))
        self.heatmap = HeatmapWidget(lang, locale, body)
        lay.addWidget(self.heatmap)
        self.cell_label = QLabel(body)
        self.cell_label.setObjectName("insightsCell")
        self.cell_label.setAccessibleName(self.tr("Selected day"))
        self.heatmap.cell_focused.connect(self.cell_label.setText)
        lay.addWidget(self.cell_label)

        lay.addWidget(self._heading(self.tr("Months: kept of planned, and reflections"), body))
        self.months = MonthsWidget(locale, body)
        self.months.setAccessibleName(self.tr("Focus days by month"))
        lay.addWidget(self.months)

        lay.addWidget(self._heading(self.tr("The unit: focus days per month and hero weeks"), body))
        self.unit = UnitWidget(locale, body)
        self.unit.setAccessibleName(self.tr("The unit's focus days and hero weeks"))
        lay.addWidget(self.unit)
        self.unit_text = QLabel(body)
        self.unit_text.setWordWrap(True)
        self.unit_text.setAccessibleName(self.tr("The unit's figures"))
        self.unit_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        lay.addWidget(self.unit_text)
        lay.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no nameless tab stop: its parts take the focus
        outer.addWidget(scroll, 1)

        self.year_box.valueChanged.connect(self._on_year_changed)
        self.png_button.clicked.connect(lambda: self._on_save_clicked("png"))
        self.pdf_button.clicked.connect(lambda: self._on_save_clicked("pdf"))
        self.show_year(year)
        self.resize(
            self.heatmap.sizeHint().width()
            + 80
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent),
            780,
        )

    @staticmethod
    def _heading(text: str, parent: QWidget) -> QLabel:
        lbl = QLabel(text, parent)
        f = lbl.font()
        f.setBold(True)
        lbl.setFont(f)
        return lbl

    # -- data ---------------------------------------------------------------------------
    def show_year(self, year: int) -> None:
        """Compute ``year`` and show it."""
        ins = self._load(year)
        self.insights = ins
        if self.year_box.value() != year:
            self.year_box.blockSignals(True)
            self.year_box.setValue(year)
            self.year_box.blockSignals(False)
        texts = (
            render.describe_days(ins),
            render.describe_reflections(ins),
            render.describe_cadence(ins, self._locale),
            render.describe_handover(ins),
        )
        for lbl, text in zip(self.summary_labels, texts, strict=True):
            lbl.setText(text)
        self.heatmap.set_insights(ins)
        self.months.set_insights(ins, render.describe_months(ins, self._locale))
        self.unit.set_insights(ins, render.describe_unit(ins, self._locale))
        self.unit_text.setText(render.describe_unit(ins, self._locale, sep="\n"))

    def refresh(self) -> None:
        """Re-read the shown year (after the plan or the feed changed)."""
        self.show_year(self.year_box.value())

    def _on_year_changed(self, year: int) -> None:
        self.show_year(year)

    # -- export -------------------------------------------------------------------------
    def save(self, path: Path) -> Path:
        """Write the shown year as PNG or PDF (by the file's suffix)."""
        from antihjalte_desktop.ui.insights_export import export

        assert self.insights is not None
        return export(self.insights, path, self._lang, self.insights.today)

    def _on_save_clicked(self, kind: str) -> None:
        assert self.insights is not None
        suggested = str(Path.home() / f"antihjalte-{self.insights.year}.{kind}")
        filt = self.tr("PNG picture (*.png)") if kind == "png" else self.tr("PDF report (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save insights"), suggested, filt)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            self.save(path)
        except KnownError as err:
            QMessageBox.warning(self, self.tr("Not saved"), str(err))

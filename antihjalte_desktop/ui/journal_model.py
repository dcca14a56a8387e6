"""The journal list: a lazy Qt model over the store, and a delegate that draws each
entry as date, title, tags and a snippet with the search matches in bold.

The model counts the rows its filter shows, then fetches them in batches as the view
scrolls (``canFetchMore``/``fetchMore``), so 10,000 entries open as fast as 100.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from antihjalte_desktop.core.journal import Entry, Filter, SearchHit, highlight_regex
from antihjalte_desktop.store.journal_store import MARK_END, MARK_START, JournalStore

EntryRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
IdRole = Qt.ItemDataRole.UserRole + 4
RowRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_STYLE = "background-color:#ffe27a;color:#1a1a1a;font-weight:600"
DIM_STYLE = "color:#808080"
TAG_STYLE = "color:#5b6b8c"
_MARKUP = re.compile(r"\*\*|__|`")


def plain(text: str) -> str:
    """Markdown emphasis marks out, whitespace flattened (for one-line previews)."""
    return " ".join(_MARKUP.sub("", text).split())


Segment = tuple[str, bool]  # a run of text, and whether it is a search match


class RowView(NamedTuple):
    """What the delegate draws for one entry."""

    day: str
    focus: bool
    title: list[Segment]
    tags: tuple[str, ...]
    line2: list[Segment]


def snippet_segments(snippet: str) -> list[Segment]:
    """A store snippet (matches between MARK_START/MARK_END) as runs, flattened to one line,
    with the first match kept in view: a few words of lead-in only."""
    flat = plain(snippet)
    cut = flat.find(MARK_START)
    if cut > 40:
        lead = flat[:cut].split(" ")
        flat = "…" + " ".join(lead[-4:]) + flat[cut:]
    out: list[Segment] = []
    for i, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", flat)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def regex_segments(text: str, rx: re.Pattern[str] | None) -> list[Segment]:
    if rx is None:
        return [(text, False)] if text else []
    out: list[Segment] = []
    last = 0
    for m in rx.finditer(text):
        if m.start() > last:
            out.append((text[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def segments_html(segments: list[Segment]) -> str:
    return "".join(
        f'<span style="{HIGHLIGHT_STYLE}">{html.escape(t)}</span>' if hit else html.escape(t)
        for t, hit in segments
    )


def snippet_html(snippet: str) -> str:
    """Escape a store snippet and turn its match markers into highlighted spans."""
    return segments_html(snippet_segments(snippet))


def preview_text(entry: Entry, limit: int = 160) -> str:
    """The first lines of the body after the title, flattened (for the list without a search)."""
    lines = [ln.strip().lstrip("#>-*+ ").strip() for ln in entry.body.splitlines()]
    lines = [ln for ln in lines if ln]
    if lines and lines[0] == entry.title:
        lines = lines[1:]
    return plain(" ".join(lines))[:limit]


class JournalListModel(QAbstractListModel):
    """Entries shown by a Filter, newest first or ranked by the search."""

    filter_applied = Signal(int)  # how many entries the filter shows

    BATCH = 100
    SEARCH_BATCH = 50

    def __init__(self, store: JournalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = Filter()
        self._rows: list[SearchHit] = []
        self._total = 0
        self._untitled = self.tr("(untitled)")

    # -- filter -------------------------------------------------------------------------
    @property
    def filter(self) -> Filter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, f: Filter) -> None:
        self.beginResetModel()
        self._filter = f
        self._total = self._store.count(f)
        self._rows = self._store.query(f, limit=min(self.BATCH, self._total) or 1)
        self.endResetModel()
        self.filter_applied.emit(self._total)

    def reload(self) -> None:
        self.set_filter(self._filter)

    # -- lazy loading ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        # a search ranks every match again for each batch: smaller batches keep scrolling smooth
        batch = self.SEARCH_BATCH if self._filter.text.strip() else self.BATCH
        more = self._store.query(self._filter, limit=batch, offset=len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- data ------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        e = hit.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{e.day.isoformat()}  {e.title or self._untitled}"
        if role == EntryRole:
            return e
        if role == IdRole:
            return e.id
        if role == SnippetRole:
            return hit.snippet
        if role == RowRole:
            return self._row_view(hit)
        if role == HtmlRole:
            return self._html(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{e.day.isoformat()} {e.title} {preview_text(e)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.title or None  # the whole title: the list may cut it short
        return None

    def _row_view(self, hit: SearchHit) -> RowView:
        e = hit.entry
        searching = bool(self._filter.text and hit.snippet)
        rx = highlight_regex(self._filter.text) if searching else None
        title = regex_segments(e.title, rx) if e.title else [(self._untitled, False)]
        line2 = snippet_segments(hit.snippet) if hit.snippet else [(preview_text(e), False)]
        return RowView(e.day.isoformat(), e.focus_day is not None, title, e.tags, line2)

    def _html(self, hit: SearchHit) -> str:
        v = self._row_view(hit)
        tags = "".join(f" <span style='{TAG_STYLE}'>#{html.escape(t)}</span>" for t in v.tags)
        focus = " ★" if v.focus else ""
        return (
            f"<span style='{DIM_STYLE}'>{v.day}</span>{focus} <b>{segments_html(v.title)}</b>{tags}"
            f"<br><span>{segments_html(v.line2)}</span>"
        )

    # -- edits from the editor ------------------------------------------------------------------
    def row_of(self, entry_id: int) -> int:
        for i, hit in enumerate(self._rows):
            if hit.entry.id == entry_id:
                return i
        return -1

    def entry_saved(self, entry: Entry) -> None:
        """Show a saved entry's new text in its row without reloading the list."""
        if entry.id is None:
            return
        row = self.row_of(entry.id)
        if row < 0:
            return
        old = self._rows[row]
        self._rows[row] = SearchHit(entry, old.snippet, old.rank)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    def entry_dates(self) -> list[date]:
        return [h.entry.day for h in self._rows]


class EntryDelegate(QStyledItemDelegate):
    """Two lines per entry: date, title and tags; then the snippet (matches highlighted).
    Drawn run by run with QPainter: a QTextDocument per row made scrolling stutter."""

    LINES = 2
    MATCH_BG = QColor("#ffe27a")
    MATCH_FG = QColor("#1a1a1a")
    DIM = QColor("#808080")
    TAG = QColor("#5b6b8c")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drawn: dict[int, str] = {}  # row -> its first line as last drawn (cut short with "…")
        self._line: list[str] = []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget: QWidget | None = opt.widget
        style = widget.style() if widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        view = index.data(RowRole)
        if not isinstance(view, RowView):
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        fg = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        font = QFont(opt.font)
        bold = QFont(opt.font)
        bold.setBold(True)
        fm = QFontMetrics(font)
        rect = opt.rect.adjusted(6, 5, -6, -3)
        right = rect.right()
        painter.save()
        painter.setClipRect(rect)
        base = rect.top() + fm.ascent()
        self._line = []
        x = self._run(painter, rect.left(), base, view.day + "  ", font, fg if selected else self.DIM, right)
        if view.focus:
            x = self._run(painter, x, base, "★ ", font, fg, right)
        x = self._segments(painter, x, base, view.title, bold, bold, fg, right)
        for tag in view.tags:
            tag_color = fg if selected else self.TAG
            x = self._segments(painter, x, base, [(f"  #{tag}", False)], font, bold, tag_color, right)
        self.drawn[index.row()] = "".join(self._line)
        base += fm.lineSpacing() + 2
        self._segments(painter, rect.left(), base, view.line2, font, bold, fg, right)
        painter.restore()

    def _run(
        self, painter: QPainter, x: int, base: int, text: str, font: QFont, color: QColor, right: int
    ) -> int:
        if x > right or not text:
            return x
        self._line.append(text)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QPoint(x, base), text)
        return x + QFontMetrics(font).horizontalAdvance(text)

    def _segments(
        self, painter: QPainter, x: int, base: int, segments: list[Segment], font: QFont, match_font: QFont,
        color: QColor, right: int,
    ) -> int:  # fmt: skip
        for text, hit in segments:
            if x > right:
                break
            fm = QFontMetrics(match_font if hit else font)
            if x + fm.horizontalAdvance(text) > right:
                # What does not fit ends in "…" (the whole title is the row's tooltip).
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
                if not text:
                    text = "…"
                if hit:
                    width = fm.horizontalAdvance(text)
                    painter.fillRect(QRect(x - 1, base - fm.ascent(), width + 2, fm.height()), self.MATCH_BG)
                    self._run(painter, x, base, text, match_font, self.MATCH_FG, right)
                else:
                    self._run(painter, x, base, text, font, color, right)
                return right + 1
            if hit:
                width = fm.horizontalAdvance(text)
                painter.fillRect(QRect(x - 1, base - fm.ascent(), width + 2, fm.height()), self.MATCH_BG)
                x = self._run(painter, x, base, text, match_font, self.MATCH_FG, right)
            else:
                x = self._run(painter, x, base, text, font, color, right)
        return x

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.lineSpacing() * self.LINES + 12)


class EntryList(QListView):
    """The journal's list; when it shows nothing, it says why and what to do (``placeholder``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def set_placeholder(self, text: str) -> None:
        if text != self.placeholder:
            self.placeholder = text
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self.placeholder or (model is not None and model.rowCount() > 0):
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        rect = self.viewport().rect().adjusted(16, 16, -16, -16)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(rect, flags, self.placeholder)
        painter.end()

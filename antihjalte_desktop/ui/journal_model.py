"""The journal list: a lazy Qt model over the store, and a delegate that draws each
entry as date, title, tags and a snippet with the search matches in bold.

The model counts the rows its filter shows, then fetches them in batches as the view
scrolls (``canFetchMore``/``fetchMore``), so 10,000 entries open as fast as 100.
"""

from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from antihjalte_desktop.core.journal import Entry, Filter, SearchHit
from antihjalte_desktop.store.journal_store import MARK_END, MARK_START, JournalStore

EntryRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
IdRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_STYLE = "background-color:#ffe27a;color:#1a1a1a;font-weight:600"
DIM_STYLE = "color:#808080"
TAG_STYLE = "color:#5b6b8c"
_MARKUP = re.compile(r"\*\*|__|`")


def plain(text: str) -> str:
    """Markdown emphasis marks out, whitespace flattened (for one-line previews)."""
    return " ".join(_MARKUP.sub("", text).split())


def snippet_html(snippet: str) -> str:
    """Escape a store snippet and turn its match markers into highlighted spans."""
    flat = plain(snippet)
    cut = flat.find(MARK_START)
    if cut > 40:  # keep the first match in view on a narrow list: a few words of lead-in only
        lead = flat[:cut].split(" ")
        flat = "…" + " ".join(lead[-4:]) + flat[cut:]
    text = html.escape(flat)
    return text.replace(MARK_START, f'<span style="{HIGHLIGHT_STYLE}">').replace(MARK_END, "</span>")


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
        more = self._store.query(self._filter, limit=self.BATCH, offset=len(self._rows))
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
        if role == HtmlRole:
            return self._html(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{e.day.isoformat()} {e.title} {preview_text(e)}"
        return None

    def _html(self, hit: SearchHit) -> str:
        e = hit.entry
        title = html.escape(e.title) or f"<i>{html.escape(self._untitled)}</i>"
        if hit.snippet and self._filter.text:
            # a title match shows in the title itself
            title_hit = self._store_title_html(e.title)
            title = title_hit or title
        tags = "".join(f" <span style='{TAG_STYLE}'>#{html.escape(t)}</span>" for t in e.tags)
        focus = " ★" if e.focus_day else ""
        second = snippet_html(hit.snippet) if hit.snippet else html.escape(preview_text(e))
        return (
            f"<span style='{DIM_STYLE}'>{e.day.isoformat()}</span>{focus} <b>{title}</b>{tags}"
            f"<br><span>{second}</span>"
        )

    def _store_title_html(self, title: str) -> str:
        from antihjalte_desktop.core.journal import highlight_regex

        rx = highlight_regex(self._filter.text)
        if rx is None or not rx.search(title):
            return ""
        out, last = [], 0
        for m in rx.finditer(title):
            out.append(html.escape(title[last : m.start()]))
            out.append(f'<span style="{HIGHLIGHT_STYLE}">{html.escape(m.group(0))}</span>')
            last = m.end()
        out.append(html.escape(title[last:]))
        return "".join(out)

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
    """Two lines per entry: date, title and tags; then the snippet (matches highlighted)."""

    LINES = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget: QWidget | None = opt.widget  # type: ignore[assignment]
        style = widget.style() if widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(opt.font)
        doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop))
        no_wrap = doc.defaultTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)  # one line each; the clip cuts the rest
        doc.setDefaultTextOption(no_wrap)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text = str(index.data(HtmlRole) or "")
        if selected:  # dim and tag colours are unreadable on the selection colour
            text = text.replace(DIM_STYLE, "").replace(TAG_STYLE, "")
        doc.setHtml(text)
        rect = opt.rect.adjusted(4, 2, -4, -2)
        doc.setTextWidth(rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.lineSpacing() * self.LINES + 12)

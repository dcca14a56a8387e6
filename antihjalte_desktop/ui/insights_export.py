"""The insights as a PNG picture or a one-page PDF report (A4 landscape), in the UI
language and dated. Used by ``antihjalte insights --out`` (which loads Qt only here) and
by the Insights window's save buttons."""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from antihjalte_desktop.core.insights import Insights
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.ui.i18n import qlocale
from antihjalte_desktop.ui.insights_render import paint_report

DPI = 150
# A4 landscape at 150 dpi, less 10 mm margins: the same drawing area in the PNG and the PDF
MARGIN_MM = 10.0
_MM = DPI / 25.4
PAGE_W = round((297 - 2 * MARGIN_MM) * _MM)
PAGE_H = round((210 - 2 * MARGIN_MM) * _MM)


def _ensure_app(lang: str) -> object:
    """A Qt application for fonts and painting; with none (the CLI), a GUI one on the
    platform the caller chose, with our translation for ``lang``."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["antihjalte"])
        from antihjalte_desktop.ui.i18n import Translations

        tr = Translations()
        tr.apply(lang)
        _keep.append(tr)
    return app


_keep: list[object] = []  # the translators live as long as the application


def _paint(device: QImage | QPdfWriter, ins: Insights, lang: str, printed_on: date) -> None:
    p = QPainter()
    if not p.begin(device):
        raise KnownError("the report could not be drawn (the file could not be opened for writing)")
    try:
        paint_report(p, QRectF(0, 0, PAGE_W, PAGE_H), ins, lang, qlocale(lang), printed_on)
    finally:
        p.end()


def render_png(ins: Insights, lang: str, printed_on: date) -> QImage:
    margin = round(MARGIN_MM * _MM)
    img = QImage(PAGE_W + 2 * margin, PAGE_H + 2 * margin, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    dpm = round(DPI / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    p = QPainter()
    p.begin(img)
    try:
        p.translate(margin, margin)
        paint_report(p, QRectF(0, 0, PAGE_W, PAGE_H), ins, lang, qlocale(lang), printed_on)
    finally:
        p.end()
    return img


def export(ins: Insights, out: Path, lang: str, printed_on: date) -> Path:
    """Write ``out`` (.png or .pdf); the file appears whole or not at all."""
    _ensure_app(lang)
    out = out.expanduser().absolute()
    if not out.parent.is_dir():
        raise KnownError(f"cannot write {out}: the folder {out.parent} does not exist")
    tmp = out.with_name(f".{out.stem}.tmp{out.suffix.lower()}")  # the suffix names the format
    try:
        if out.suffix.lower() == ".pdf":
            writer = QPdfWriter(str(tmp))
            writer.setResolution(DPI)
            writer.setTitle(
                QCoreApplication.translate("InsightsReport", "Antihjälte days %1: insights").replace(
                    "%1", str(ins.year)
                )
            )
            writer.setCreator("Antihjälte")
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Landscape,
                    QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                    QPageLayout.Unit.Millimeter,
                )
            )
            _paint(writer, ins, lang, printed_on)
            del writer  # closes the file
        else:
            img = render_png(ins, lang, printed_on)
            if not img.save(str(tmp)):
                raise KnownError(f"cannot write {out} (is the disk full or the folder read-only?)")
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise KnownError(f"cannot write {out} (is the disk full or the folder read-only?)")
        os.replace(tmp, out)
    except OSError as err:
        raise KnownError(f"cannot write {out}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out

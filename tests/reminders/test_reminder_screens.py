"""Screenshots of the honest reminders in Swedish and English (tests/_artifacts/), from real
widgets of the real App: the in-app popup (the link that serves when there is no notification
server), the tray menu with a waiting reminder's buttons and the last good sync, and the
notifications as dunst draws them on a real session. Swedish from the shipped catalog."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMenu, QPushButton

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.holidays_cache import load_year
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from tests.harness.session import DesktopSession, copy_artifact, desktop_session, wait_until
from tests.reminders.conftest import at

__all__ = ["desktop_session"]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

ART = Path(__file__).resolve().parents[1] / "_artifacts"
WED = date(2026, 12, 2)

WORDS = {
    "en": {
        "missed": "Missed reminder: Time to hand over",
        "due": "This reminder was due on Tuesday 1 December at 14:00.",
        "today": "Today is your antihjälte day – hand over as soon as you can",
        "tomorrow": "Tomorrow is your antihjälte day – hand over before it starts",
        "hour": "Remind me in an hour",
        "synced": "Synced 10:42",
    },
    "sv": {
        "missed": "Missad påminnelse: Dags att lämna över",
        "due": "Påminnelsen skulle ha visats tisdag 1 december kl. 14.00.",
        "today": "I dag är din antihjältedag – lämna över så snart du kan",
        "tomorrow": "I morgon är din antihjältedag – lämna över innan den börjar",
        "hour": "Påminn om en timme",
        "synced": "Synkad 10.42",
    },
}


@pytest.fixture
def make_app(qapp, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.app import App

    made: list[tuple[Any, Profile]] = []

    def build(lang: str, now: str, *, bus: str = "") -> Any:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus or f"unix:path={tmp_path}/no-bus")
        paths = Paths.resolve(home).ensure()
        for year in (2026, 2027):
            load_year(paths.cache, "SE", year)
        profile = Profile(paths, clock=FixedClock(at(now)))
        profile.settings.set("ui.language", lang)
        app = App(qapp, profile, has_tray=False)
        made.append((app, profile))
        return app

    yield build
    for app, profile in made:
        if app.reminders is not None:
            app.reminders.stop()
            assert app.reminders.notifier is not None
            app.reminders.notifier.close()
        if app.tray is not None:
            app.tray.close()
            app.tray = None
        app.shutdown()
        profile.close()


def _grab_menu(menu: QMenu) -> QImage:
    menu.ensurePolished()
    menu.adjustSize()
    return menu.grab().toImage()


def _side_by_side(*images: QImage) -> QImage:
    width = sum(i.width() for i in images) + 12 * (len(images) - 1)
    out = QImage(width, max(i.height() for i in images), QImage.Format.Format_ARGB32)
    out.fill(QColor("#ffffff"))
    painter = QPainter(out)
    x = 0
    for image in images:
        painter.drawImage(QPoint(x, 0), image)
        x += image.width() + 12
    painter.end()
    return out


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_popup_and_tray_menu_screens(make_app, lang: str) -> None:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.ui.tray import Tray

    words = WORDS[lang]
    app = make_app(lang, "2026-12-02 07:30")  # Wednesday, the day itself; the handover was missed
    Planning(app.profile).plan_day(WED)
    status = {"in_sync": True, "state": "in_sync", "last_good_sync": "2026-12-02T09:42:00+00:00"}
    (app.profile.paths.data / "feed-status.json").write_text(json.dumps(status))
    app.tray = Tray(app._tray_view, app, app.icon, app)
    app.start_services()
    popup = app.reminders.notifier._popup
    assert popup is not None and popup.isVisible()
    assert popup._title.text() == words["missed"]
    body = popup._body.text().splitlines()
    assert body[0] == words["due"] and body[1].startswith(words["today"] + ".")
    labels = [b.text() for b in popup.findChildren(QPushButton)]
    assert words["hour"] in labels and len(labels) == 4  # Open, 15 minutes, an hour, Done
    popup.grab().save(str(ART / f"reminder-popup-missed-{lang}.png"))

    acts = {a.objectName(): a for a in app.tray.menu.actions()}
    assert acts["lastSync"].text() == words["synced"]
    sub = acts[f"reminder:{WED}/handover"].menu()
    assert sub is not None and acts[f"reminder:{WED}/handover"].text() == words["today"]
    picture = _side_by_side(_grab_menu(app.tray.menu), _grab_menu(sub))
    picture.save(str(ART / f"tray-menu-reminder-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_popup_the_day_before_offers_three_snoozes(make_app, lang: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang, "2026-12-01 14:00")
    Planning(app.profile).plan_day(WED)
    app.start_services()
    popup = app.reminders.notifier._popup
    assert popup is not None and popup.isVisible()
    assert popup._body.text().startswith(WORDS[lang]["tomorrow"] + ".")
    assert len(popup.findChildren(QPushButton)) == 5  # Open, three snoozes, Done
    popup.grab().save(str(ART / f"reminder-popup-day-before-{lang}.png"))


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_notifications_on_dunst_screens(desktop_session: DesktopSession, make_app, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The real App in this process sends its notifications to dunst on the session's bus."""
    session = desktop_session
    app = make_app(lang, "2026-12-02 16:00:30", bus=session.bus_address)
    for day in (date(2026, 12, 1), WED, date(2026, 12, 3)):  # as planned on Monday
        app.profile.plan.add_day(day, "", "", [])
    app.start_services()
    wait_until(lambda: (qtbot.wait(50), session.displayed() == 3)[1], 15, "three notifications")
    calls = " ".join(" ".join(c.split()) for c in session.notify_calls())
    assert WORDS[lang]["tomorrow"] in calls
    shot = session.screenshot(session.dir / f"dunst-{lang}.png")
    copy_artifact(shot, f"reminders-dunst-{lang}.png")

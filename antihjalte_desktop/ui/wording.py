"""The one place for what the app says about the state of your days: the tray's status line and
tooltip, the cadence line, the hero of the week, and every reminder's words (its notification,
its line in the tray menu, the dialogs it opens).

Functions of plain values (dates, the cadence status, a reminder) in the UI language: the
strings are ``self.tr`` of :class:`Wording` (translation context "Wording"), and the
notifications' own (context "reminders").
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject

from antihjalte_desktop import APP_NAME
from antihjalte_desktop.core.cadence import CadenceState, CadenceStatus
from antihjalte_desktop.core.dates import fix_sv_ordinals, format_day, format_time
from antihjalte_desktop.core.i18n import QT_TRANSLATE_NOOP
from antihjalte_desktop.core.plan import FocusDay
from antihjalte_desktop.core.reminders import Reminder, ReminderKind
from antihjalte_desktop.core.team_rules import Entry
from antihjalte_desktop.ui.i18n import day_text


def _rem(text: str) -> str:
    return QCoreApplication.translate("reminders", text)


def opens_journal(rem: Reminder) -> bool:
    """The start and reflection reminders open the journal; the others the handover checklist."""
    return rem.kind in (ReminderKind.START, ReminderKind.REFLECT)


class Wording(QObject):
    """What the app says, in the language of its translator (``lang`` for dates and names)."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    # -- the state of your days ---------------------------------------------------------------------
    def status_line(self, today: date, next_day: FocusDay | None, cadence: CadenceStatus | None) -> str:
        """The tray's first menu line: today, overdue, or the next day (``cadence`` None while the
        public holidays load)."""
        if next_day is not None and next_day.day == today:
            return self.tr("Today is your antihjälte day")
        if cadence is not None and cadence.state is CadenceState.OVERDUE:
            return self.tr("Overdue by %n workday(s)", None, cadence.overdue_workdays)
        if next_day is not None:
            return (
                self.tr("Next antihjälte day: %1 (week %2)")
                .replace("%1", day_text(next_day.day, self.lang))
                .replace("%2", str(next_day.day.isocalendar().week))
            )
        return self.tr("No antihjälte day planned")

    def hero_line(self, hero: Entry | None) -> str:
        """The tray's line about this week's hero (whom quick tasks go to), or "" when none is known."""
        if hero is None:
            return ""
        if hero.me:
            return self.tr("You are hero of the week – quick tasks come to you")
        return self.tr("Hero of the week: %1 – quick tasks go to them").replace("%1", hero.person)

    def tooltip(
        self,
        today: date,
        next_day: FocusDay | None,
        hero: Entry | None,
        waiting: int,
        sync_problem: str,
    ) -> str:
        if next_day is None:
            line = self.tr("No antihjälte day planned")
        elif next_day.day == today:
            line = self.tr("Today is your antihjälte day")
        else:
            line = self.tr("Next antihjälte day: %1").replace("%1", day_text(next_day.day, self.lang))
        if hero is not None:
            line += "\n" + (
                self.tr("You are hero of the week")
                if hero.me
                else self.tr("Hero of the week: %1").replace("%1", hero.person)
            )
        if waiting:
            line += "\n" + self.tr("%n reminder(s) waiting", None, waiting)
        if sync_problem:
            line += "\n" + sync_problem
        return f"{APP_NAME}\n{line}"

    def cadence_text(self, cad: CadenceStatus | None) -> str:
        """The cadence in words, for the planner ("Next day due by …"); "…" while it cannot be known."""
        if cad is None:
            return "…"
        if cad.state is CadenceState.OFF:
            return self.tr("No cadence set (Settings → Cadence).")
        assert cad.due_by is not None
        due = day_text(cad.due_by, self.lang)
        every = self.tr("One antihjälte day every %n week(s).", None, cad.every_weeks)
        if self.lang == "sv":
            every = fix_sv_ordinals(every)
        if cad.state is CadenceState.KEPT:
            assert cad.next_day is not None
            text = self.tr("Cadence kept: your next day, %1, is in time (due by %2).").replace(
                "%1", day_text(cad.next_day, self.lang)
            )
            return f"{every} {text.replace('%2', due)}"
        if cad.state is CadenceState.UNPLANNED:
            text = self.tr("Next day due by %1.")
            return f"{every} {text.replace('%1', due)}"
        if cad.state is CadenceState.LATE:
            assert cad.next_day is not None
            text = self.tr(
                "Your next day, %1, is %n workday(s) after the due date %2.", None, cad.overdue_workdays
            )
            return f"{every} {text.replace('%1', day_text(cad.next_day, self.lang)).replace('%2', due)}"
        text = self.tr("Overdue by %n workday(s): the next day was due by %1.", None, cad.overdue_workdays)
        return f"{every} {text.replace('%1', due)}"

    # -- reminders -----------------------------------------------------------------------------------
    def reminder_menu_text(self, rem: Reminder) -> str:
        """A waiting reminder's line in the tray menu."""
        day = day_text(rem.day, self.lang)
        texts = {
            ReminderKind.HANDOVER: self.tr("Hand over before %1"),
            ReminderKind.START: self.tr("Your antihjälte day starts: %1"),
            ReminderKind.REFLECT: self.tr("Time to reflect on %1"),
            ReminderKind.RESTORE: self.tr("Take back what you passed on for %1"),
        }
        return texts[rem.kind].replace("%1", day)

    def reminder_message(self, rem: Reminder, late: bool, now: datetime) -> tuple[str, str]:
        """Title and body of the notification for ``rem``."""
        day = format_day(rem.day, self.lang)
        if rem.kind is ReminderKind.HANDOVER:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Time to hand over"))
            body = _rem(
                QT_TRANSLATE_NOOP(
                    "reminders",
                    "{day} is your antihjälte day. Switch on the auto-reply, forward the phone "
                    "and pass on your quick tasks.",
                )
            )
        elif rem.kind is ReminderKind.START:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Today is your antihjälte day"))
            body = _rem(
                QT_TRANSLATE_NOOP(
                    "reminders",
                    "Time for reflection, reading up and planning. "
                    "Your quick tasks are with your colleagues.",
                )
            )
        elif rem.kind is ReminderKind.REFLECT:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Time to reflect"))
            body = _rem(
                QT_TRANSLATE_NOOP(
                    "reminders", "What did you learn today? Write a few lines before you call it a day."
                )
            )
        else:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Welcome back"))
            body = _rem(
                QT_TRANSLATE_NOOP(
                    "reminders",
                    "Switch off the auto-reply, take the phone back and take back what you passed on "
                    "before {day}.",
                )
            )
        body = body.replace("{day}", day)
        if late:
            when = rem.effective_at
            when_text = (
                f"{format_day(when.date(), self.lang)} {format_time(when, self.lang)}"
                if when.date() != now.date()
                else format_time(when, self.lang)
            )
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Late: {title}")).replace("{title}", title)
            body = (
                _rem(QT_TRANSLATE_NOOP("reminders", "This reminder was due {when}.")).replace(
                    "{when}", when_text
                )
                + "\n"
                + body
            )
        return title, body

    def reminder_actions(self, rem: Reminder) -> list[tuple[str, str]]:
        """The notification's buttons: (key, label)."""
        from antihjalte_desktop.ui import notify

        first = (
            _rem(QT_TRANSLATE_NOOP("reminders", "Open journal"))
            if opens_journal(rem)
            else _rem(QT_TRANSLATE_NOOP("reminders", "Open checklist"))
        )
        return [
            (notify.OPEN, first),
            (notify.SNOOZE, _rem(QT_TRANSLATE_NOOP("reminders", "Snooze 1 h"))),
            (notify.DONE, _rem(QT_TRANSLATE_NOOP("reminders", "Done"))),
        ]

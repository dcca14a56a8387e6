"""The one place for what the app says about the state of your days: the tray's status line and
tooltip, the cadence line, the hero of the week, and every reminder's words (its notification,
its line in the tray menu, the dialogs it opens).

Functions of plain values (dates, the cadence status, a reminder) in the UI language: the
strings are ``self.tr`` of :class:`Wording` (translation context "Wording"), and the
notifications' own (context "reminders").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject

from antihjalte_desktop import APP_NAME
from antihjalte_desktop.core.cadence import CadenceState, CadenceStatus
from antihjalte_desktop.core.dates import clock, fix_sv_ordinals, format_day
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
    def handover_line(self, day: date, today: date) -> str:
        """The handover reminder's words about its day as it is ``today`` (no full stop)."""
        if day == today:
            return self.tr("Today is your antihjälte day – hand over as soon as you can")
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow is your antihjälte day – hand over before it starts")
        return self.tr("Your antihjälte day is %1 – hand over before it starts").replace(
            "%1", day_text(day, self.lang)
        )

    def handover_heading(self, day: date, today: date, *, restore: bool = False) -> str:
        """The heading of the handover dialog for ``day`` as it is ``today``: the same words as the
        handover reminder (take-back mode: the welcome back)."""
        if restore or day < today:
            text = self.tr("Welcome back! Your antihjälte day was %1.")
            return text.replace("%1", day_text(day, self.lang))
        return self.handover_line(day, today) + "."

    def reminder_menu_text(self, rem: Reminder, today: date | None = None) -> str:
        """A waiting reminder's line in the tray menu, about its day as it is ``today``."""
        today = today or rem.at.date()
        day = day_text(rem.day, self.lang)
        if rem.kind is ReminderKind.HANDOVER:
            return self.handover_line(rem.day, today)
        if rem.kind is ReminderKind.START:
            if rem.day == today:
                return self.tr("Today is your antihjälte day – before you start")
            return self.tr("Your antihjälte day: %1").replace("%1", day)
        if rem.kind is ReminderKind.REFLECT:
            if rem.day == today:
                return self.tr("Time to reflect on today")
            return self.tr("Time to reflect on %1").replace("%1", day)
        return self.tr("Take back what you passed on for %1").replace("%1", day)

    def clock_text(self, when: datetime) -> str:
        """A time of day as people write it: "17.06" in Swedish, "17:06" in English."""
        return clock(when, self.lang)

    def reminder_message(self, rem: Reminder, late: bool, now: datetime) -> tuple[str, str]:
        """Title and body of the notification for ``rem``, about its day as it is ``now``."""
        day = format_day(rem.day, self.lang)
        today = now.date()
        if rem.kind is ReminderKind.HANDOVER:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Time to hand over"))
            body = (
                self.handover_line(rem.day, today)
                + ". "
                + _rem(
                    QT_TRANSLATE_NOOP(
                        "reminders",
                        "Switch on the auto-reply, forward the phone and pass on your quick tasks.",
                    )
                )
            )
        elif rem.kind is ReminderKind.START:
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Today is your antihjälte day"))
            if rem.day != today:  # a missed start reminder shown after its day (it expires at midnight)
                title = self.tr("Your antihjälte day: %1").replace("%1", day)
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
            ).replace("{day}", day)
        if late:
            when = rem.effective_at
            if when.date() == today:
                due = _rem(QT_TRANSLATE_NOOP("reminders", "This reminder was due at {time}."))
            else:
                due = _rem(QT_TRANSLATE_NOOP("reminders", "This reminder was due on {day} at {time}."))
                due = due.replace("{day}", format_day(when.date(), self.lang))
            title = _rem(QT_TRANSLATE_NOOP("reminders", "Missed reminder: {title}")).replace("{title}", title)
            body = due.replace("{time}", self.clock_text(when)) + "\n" + body
        return title, body

    def snooze_label(self, key: str) -> str:
        """The words of a snooze choice (notify.SNOOZE_15, notify.SNOOZE, notify.SNOOZE_MORNING)."""
        from antihjalte_desktop.ui import notify

        labels = {
            notify.SNOOZE_15: _rem(QT_TRANSLATE_NOOP("reminders", "Remind me in 15 minutes")),
            notify.SNOOZE: _rem(QT_TRANSLATE_NOOP("reminders", "Remind me in an hour")),
            notify.SNOOZE_MORNING: _rem(QT_TRANSLATE_NOOP("reminders", "Remind me tomorrow morning")),
        }
        return labels[key]

    def open_label(self, rem: Reminder) -> str:
        if opens_journal(rem):
            return _rem(QT_TRANSLATE_NOOP("reminders", "Open journal"))
        return _rem(QT_TRANSLATE_NOOP("reminders", "Open checklist"))

    def done_label(self) -> str:
        return _rem(QT_TRANSLATE_NOOP("reminders", "Done"))

    def reminder_actions(self, rem: Reminder, snoozes: list[str] | None = None) -> list[tuple[str, str]]:
        """The notification's buttons, (key, label): Open, the snooze choices (all three unless
        ``snoozes`` names those that still make sense), Done."""
        from antihjalte_desktop.ui import notify

        keys = notify.SNOOZES if snoozes is None else snoozes
        return [
            (notify.OPEN, self.open_label(rem)),
            *((key, self.snooze_label(key)) for key in keys),
            (notify.DONE, self.done_label()),
        ]

    # -- the team feed's sync ------------------------------------------------------------------------
    def sync_line(self, last_good: datetime | None, today: date) -> str:
        """The tray's line about the last good sync ("Synced 10:42"; the day too when not today)."""
        if last_good is None:
            return self.tr("Not synced yet")
        if last_good.date() == today:
            return self.tr("Synced %1").replace("%1", self.clock_text(last_good))
        return (
            self.tr("Synced %1 at %2")
            .replace("%1", format_day(last_good.date(), self.lang, with_weekday=False))
            .replace("%2", self.clock_text(last_good))
        )

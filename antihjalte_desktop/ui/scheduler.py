"""The reminder service: one single-shot timer aimed at the next due reminder.

What is due and when comes from the pure schedule (``services.reminders.schedule``); this
module only aims a ``QTimer`` at it, shows what falls due through the notifier, and
stores what the user does with it. It never polls: besides the one timer there is a
cheap guard at most every 15 minutes that compares the wall clock with the monotonic
clock, so a changed clock or a sleep without logind still re-aims the timer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from antihjalte_desktop.core.clock import Clock
from antihjalte_desktop.core.reminders import Reminder, ReminderState, due_now, next_due, next_morning
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.services.reminders import reminder_times, schedule
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui import notify, wording

log = logging.getLogger("antihjalte.reminders")

# QTimer takes a signed 32-bit millisecond count: about 24.8 days at most.
MAX_DELAY_MS = 2**31 - 2
GUARD_INTERVAL_MS = 15 * 60 * 1000
# A wall clock that moved this much more (or less) than the monotonic clock jumped.
JUMP_TOLERANCE = timedelta(seconds=90)
SNOOZE = timedelta(hours=1)
SNOOZE_SHORT = timedelta(minutes=15)
RETRY_MS = 60_000
# Settings whose change moves reminders.
_SCHEDULE_KEYS = ("reminders.", "holidays.country")


def clamp_delay_ms(delay: timedelta) -> int:
    """Milliseconds for ``QTimer.start``: never negative, never past what it can hold."""
    ms = int(delay.total_seconds() * 1000)
    return max(0, min(ms, MAX_DELAY_MS))


def _tr(text: str) -> str:
    return QCoreApplication.translate("reminders", text)


class SleepWatcher(QObject):
    """logind's ``PrepareForSleep`` on the system bus: ``resumed`` after a wake-up."""

    resumed = Signal()

    def __init__(self, bus: str = "SYSTEM", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = bus  # "SYSTEM", or a bus address (tests)
        self._bus: notify.QtDBusConnection | None = None

    def start(self) -> bool:
        """Listen if there is a system bus; False (and the clock guard alone) otherwise."""
        try:
            bus = notify.QtDBusConnection(self._address, self)
            bus.add_match(
                type="signal",
                sender="org.freedesktop.login1",
                interface="org.freedesktop.login1.Manager",
                member="PrepareForSleep",
                path="/org/freedesktop/login1",
            )
        except Exception as err:
            log.info("no logind sleep signal (%s); relying on the clock check", err)
            return False
        bus.message_received.connect(self._on_message)
        self._bus = bus
        return True

    def _on_message(self, msg: Any) -> None:
        if msg.header.fields.get(3) == "PrepareForSleep" and msg.body and not msg.body[0]:
            log.info("resumed from sleep")
            self.resumed.emit()

    def stop(self) -> None:
        if self._bus is not None:
            self._bus.close()
            self._bus = None


class ReminderService(QObject):
    """Shows reminders when they fall due and keeps what the user did with them.

    Signals: ``reminders_changed(list)`` with the waiting reminders (shown, not yet
    done or snoozed) whenever that list may have changed; ``reminder_due(Reminder,
    late)`` as each is shown; ``checklist_requested(Reminder)`` when the user asks
    for the handover checklist; ``journal_requested(Reminder)`` for the start and
    reflection reminders. Until ``start()`` (and after ``stop()``) it shows nothing:
    a self-test builds it without starting it.

    The buttons mean one thing each: ``open`` asks for what the reminder is about and
    leaves it waiting, ``snooze(id, choice)`` (15 minutes, an hour, tomorrow morning)
    brings it back later, ``done`` finishes it. Whenever the waiting list is worked out
    (every re-aim: a plan change from any process, a snooze, a done, midnight), the
    message of a reminder that no longer waits is taken off the screen.
    """

    reminders_changed = Signal(list)
    reminder_due = Signal(object, bool)
    checklist_requested = Signal(object)
    journal_requested = Signal(object)
    timer_aimed = Signal(object)  # the Reminder aimed at, or None

    def __init__(
        self,
        profile: Profile,
        notifier: notify.Notifier | None = None,
        clock: Clock | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        guard_interval_ms: int = GUARD_INTERVAL_MS,
        watch_sleep: bool = True,
        sleep_bus: str = "SYSTEM",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.clock: Clock = clock or profile.clock
        self.notifier = notifier
        self.journal_available = False
        self._monotonic = monotonic
        self._watch_sleep = watch_sleep
        self._sleep_bus = sleep_bus
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_fired)
        self._guard = QTimer(self)
        self._guard.setSingleShot(False)
        self._guard.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._guard.setInterval(guard_interval_ms)
        self._guard.timeout.connect(self.check_clock)
        self._sleep: SleepWatcher | None = None
        self._anchor: tuple[float, datetime] | None = None  # (monotonic, wall) at the last aim
        self.next_reminder: Reminder | None = None
        self._started = False
        self._subscribed = False
        self._presented: set[str] = set()  # reminders whose message may still be on screen
        if notifier is not None:
            notifier.action_invoked.connect(self._on_action_invoked)

    # -- life cycle ----------------------------------------------------------------
    def start(self) -> None:
        """Show what is due (late ones included) and aim the timer."""
        if self._started:
            return
        self._started = True
        if not self._subscribed:  # Settings has no unsubscribe: once for the service's life
            self.profile.settings.subscribe(self._on_setting_changed)
            self._subscribed = True
        if self._watch_sleep:
            self._sleep = SleepWatcher(self._sleep_bus, self)
            if self._sleep.start():
                self._sleep.resumed.connect(self._on_resumed)
        self._guard.start()
        self.reaim("start")

    def stop(self) -> None:
        self._timer.stop()
        self._guard.stop()
        if self._sleep is not None:
            self._sleep.stop()
        self._started = False

    @property
    def timer(self) -> QTimer:
        return self._timer

    # -- aiming --------------------------------------------------------------------
    def reaim(self, reason: str = "") -> None:
        """Show what is due now, then aim the timer at the next reminder."""
        now = self.clock.now()
        self._anchor = (self._monotonic(), now)
        try:
            reminders = schedule(self.profile, now)
            self._show_due(reminders, now)
            reminders = schedule(self.profile, now)  # with the states just stored
        except KnownError as err:
            # The world's fault (a locked or full disk): try again in a minute rather
            # than fall silent until the next restart.
            log.warning("reminders could not be read or stored (%s); trying again in a minute", err)
            self._timer.start(RETRY_MS)
            return
        nxt = next_due(reminders, now)
        self.next_reminder = nxt
        waiting = self.waiting(reminders, now)
        self._withdraw_all_but(waiting)
        # The timer also wakes when a waiting reminder's day is over, so it leaves the menu then.
        wake = [r.until for r in waiting] + ([nxt.effective_at] if nxt is not None else [])
        if not wake:
            self._timer.stop()
            log.info("re-aimed (%s): nothing to remind of", reason)
        else:
            # A delay past what QTimer holds fires early; it then finds nothing due and
            # simply aims again.
            delay = clamp_delay_ms(min(wake) - now)
            self._timer.start(delay)
            what = f"{nxt.id} at {nxt.effective_at}" if nxt is not None else "nothing due"
            log.info("re-aimed (%s): %s, wakes in %d ms", reason, what, delay)
        self.timer_aimed.emit(nxt)
        self.reminders_changed.emit(waiting)

    def _withdraw_all_but(self, waiting: list[Reminder]) -> None:
        """Take off the screen the messages of reminders that no longer wait: finished or
        snoozed elsewhere (the tray menu, a dialog, another process), unplanned, or over."""
        keep = {r.id for r in waiting}
        for rid in sorted(self._presented - keep):
            self._presented.discard(rid)
            if self.notifier is not None:
                log.info("withdrawing %s: it no longer waits", rid)
                self.notifier.withdraw(rid)

    def plan_changed(self) -> None:
        """Connect the planner's change signal here."""
        if self._started:
            self.reaim("plan changed")

    def check_clock(self) -> bool:
        """The cheap guard: re-aim when the wall clock moved apart from the monotonic
        clock (a clock change, or a sleep that logind did not announce). True when it did."""
        if self._anchor is None or not self._started:
            return False
        mono0, wall0 = self._anchor
        expected = wall0 + timedelta(seconds=self._monotonic() - mono0)
        drift = self.clock.now() - expected
        if abs(drift) > JUMP_TOLERANCE:
            log.info("the wall clock jumped by %s", drift)
            self.reaim("clock jump")
            return True
        return False

    def _on_timer_fired(self) -> None:
        if not self.check_clock():
            self.reaim("timer")

    def _on_resumed(self) -> None:
        if self._started:
            self.reaim("resume")

    def _on_setting_changed(self, key: str, value: object) -> None:
        del value
        if self._started and key.startswith(_SCHEDULE_KEYS):
            if key == "holidays.country":
                self.profile.reset_calendar()
            self.reaim(f"setting {key}")

    # -- showing -------------------------------------------------------------------
    def _show_due(self, reminders: list[Reminder], now: datetime) -> None:
        due = due_now(reminders, now)
        # Of several reminders of one focus day that fell due unseen (the computer was
        # off), only the newest is worth a message (and a snoozed one, whose time the user
        # chose); the older ones wait in the menu.
        newest: dict[object, Reminder] = {}
        for rem in due:
            if rem.day not in newest or rem.effective_at >= newest[rem.day].effective_at:
                newest[rem.day] = rem
        for rem in due:
            self.profile.plan.set_reminder_state(rem.id, ReminderState.SHOWN)
            # A snoozed one comes back as the user asked, even beside a newer one of its day.
            if newest[rem.day] is rem or rem.state is ReminderState.SNOOZED:
                self._present(rem, late=rem.is_late(now), now=now)
            else:
                log.info("%s superseded by %s: not shown", rem.id, newest[rem.day].id)

    def _present(self, rem: Reminder, *, late: bool, now: datetime) -> None:
        lang = self.profile.language()
        title, body = wording.Wording(lang).reminder_message(rem, late, now)
        log.info("showing %s%s", rem.id, " (late)" if late else "")
        if self.notifier is not None:
            self._presented.add(rem.id)
            self.notifier.notify(notify.Message(rem.id, title, body, self._actions(rem, now)))
        self.reminder_due.emit(rem, late)

    def _actions(self, rem: Reminder, now: datetime) -> list[tuple[str, str]]:
        snoozes = [key for key, _ in self.snooze_choices(rem, now)]
        return wording.Wording(self.profile.language()).reminder_actions(rem, snoozes)

    def snooze_choices(self, rem: Reminder, now: datetime | None = None) -> list[tuple[str, datetime]]:
        """The snoozes that still make sense for ``rem`` (key, until): in 15 minutes, in an hour,
        tomorrow morning; a choice that would bring it back after its day is over is left out."""
        now = now or self.clock.now()
        out = [(key, self.snooze_until(key, now)) for key in notify.SNOOZES]
        return [(key, until) for key, until in out if until < rem.until]

    def snooze_until(self, choice: str, now: datetime | None = None) -> datetime:
        now = now or self.clock.now()
        if choice == notify.SNOOZE_15:
            return now + SNOOZE_SHORT
        if choice == notify.SNOOZE_MORNING:
            times = reminder_times(self.profile)
            return next_morning(now, times.start, self.profile.calendar, self.profile.zone)
        return now + SNOOZE

    # -- what the user does ----------------------------------------------------------
    def waiting(self, reminders: list[Reminder] | None = None, now: datetime | None = None) -> list[Reminder]:
        """Reminders that were shown and still wait for the user (not done, not snoozed)."""
        now = now or self.clock.now()
        if reminders is None:
            reminders = schedule(self.profile, now)
        return [r for r in reminders if r.state is ReminderState.SHOWN and now < r.until]

    def find(self, reminder_id: str) -> Reminder | None:
        return next((r for r in schedule(self.profile, self.clock.now()) if r.id == reminder_id), None)

    def snooze(self, reminder_id: str, choice: str = notify.SNOOZE) -> datetime:
        """Show it again later: ``choice`` is notify.SNOOZE_15 (15 minutes), notify.SNOOZE (an
        hour) or notify.SNOOZE_MORNING (the start time of the next workday); returns when."""
        until = self.snooze_until(choice)
        self.profile.plan.set_reminder_state(reminder_id, ReminderState.SNOOZED, until)
        self._presented.discard(reminder_id)
        if self.notifier is not None:
            self.notifier.withdraw(reminder_id)
        log.info("snoozed %s until %s", reminder_id, until)
        if self._started:
            self.reaim("snooze")
        return until

    def done(self, reminder_id: str) -> None:
        self.profile.plan.set_reminder_state(reminder_id, ReminderState.DONE)
        self._presented.discard(reminder_id)
        if self.notifier is not None:
            self.notifier.withdraw(reminder_id)
        log.info("done: %s", reminder_id)
        if self._started:
            self.reaim("done")

    def open(self, reminder_id: str) -> None:
        """The user asked for what the reminder is about: the checklist (or the journal). The
        reminder keeps waiting (in the tray menu) until it is done."""
        rem = self.find(reminder_id)
        if rem is None:
            log.info("open: %s is no longer current", reminder_id)
            return
        if wording.opens_journal(rem):
            self.journal_requested.emit(rem)
        else:
            self.checklist_requested.emit(rem)

    def _on_action_invoked(self, key: str, action: str) -> None:
        log.info("action %s on %s", action, key)
        if action in notify.SNOOZES:
            self.snooze(key, action)
        elif action == notify.DONE:
            self.done(key)
        elif action == notify.OPEN:
            self.open(key)

"""The auto-reply of a focus day, and the contacts it names."""

from __future__ import annotations

from datetime import date

from antihjalte_desktop.core import autoreply
from antihjalte_desktop.store.profile import Profile


class Autoreply:
    def __init__(self, profile: Profile) -> None:
        self._profile = profile

    def me(self) -> autoreply.Contact:
        g = self._profile.settings.get
        return autoreply.Contact(g("me.name"), g("me.email"), g("me.phone"))

    def cover_contact(self, cover: str) -> autoreply.Contact:
        return autoreply.find_contact(cover, self._profile.settings.get("team.roster"))

    def text(self, day: date, lang: str) -> str:
        """The auto-reply for ``day`` in ``lang``, signed with the user's name and naming the cover."""
        p = self._profile
        fd = p.plan.get_day(day)
        cover = fd.cover if fd else ""
        return autoreply.render(
            p.settings.get(f"autoreply.template_{lang}"),
            lang,
            day,
            p.calendar.next_workday(day),
            self.me(),
            self.cover_contact(cover),
        )

    def missing(self, day: date) -> tuple[str, ...]:
        """What the auto-reply and the handover message of ``day`` lack: ``"name"`` (it would end
        unsigned) and ``"cover"`` (nobody named to contact); the UI says so with a way to add it
        (``ui.missing_hint``)."""
        fd = self._profile.plan.get_day(day)
        cover = (fd.cover if fd else "") or str(self._profile.settings.get("me.cover"))
        out: list[str] = []
        if not str(self._profile.settings.get("me.name")).strip():
            out.append("name")
        if not cover.strip():
            out.append("cover")
        return tuple(out)

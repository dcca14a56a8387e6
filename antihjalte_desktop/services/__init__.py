"""The application's use cases, above ``store/`` and ``feed/`` and below the front ends.

Each service is small and built from a :class:`store.profile.Profile` (the storage: paths,
settings, the plan database, the work calendar, the clock): :class:`planning.Planning` plans,
takes out and edits days through one undo stack; :class:`team.Team` reads the team and its
rules; :mod:`reminders` and :mod:`autoreply` answer "what is due" and "what does the auto-reply
say". The CLI and the Qt shell use the same services; windows get only the ones they need.
No Qt here.
"""

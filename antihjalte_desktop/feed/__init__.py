"""The team feed: the iCalendar mapping of focus days and the hero rota, a merge
engine that keeps every foreign component byte for byte, the shared-file backend,
the occurrence index behind the team view, and the sync that ties them together.

Pure Python, no Qt. Nothing heavy is imported here: icalendar and
recurring-ical-events are imported only by the index when a component changed.
"""

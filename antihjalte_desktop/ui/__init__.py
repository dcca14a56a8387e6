"""The Qt shell: tray, windows and dialogs over the pure core and the store.

Only ``app.py`` and the modules here import Qt. Each window module is imported when
it is first opened, so the tray starts with as little as possible loaded.
"""

"""Settings: a JSON file in the config dir holding only what differs from the schema's defaults."""

from __future__ import annotations

import errno
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.core.settings_schema import BY_KEY, SCHEMA, Kind, Setting, lookup
from antihjalte_desktop.core.text import loads_json, shown
from antihjalte_desktop.errors import StoreError, UsageError
from antihjalte_desktop.store import language
from antihjalte_desktop.store.atomic import write_atomic

log = logging.getLogger("antihjalte.settings")

Listener = Callable[[str, Any], None]
_UNSET = object()
MAX_SETTINGS_BYTES = language.MAX_SETTINGS_BYTES  # one limit for the full read and the language's


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._listeners: list[Listener] = []
        self.problems: list[str] = []  # values in the file that were ignored, and why
        self._load()

    def _load(self) -> None:
        from antihjalte_desktop.store import safeio

        try:
            # A symbolic link is followed here (dotfile managers link settings files into place);
            # what it leads to must still be a regular file: a FIFO or /dev/zero is refused at once.
            raw, _st = safeio.read_regular(self.path, MAX_SETTINGS_BYTES, follow_symlinks=True)
        except FileNotFoundError:
            return
        except safeio.NotRegularFileError as err:
            raise StoreError(
                _(
                    "the settings file {path} is {kind}, not a file; move it away (it was left as it is)"
                ).format(path=err.path, kind=safeio.describe_kind(err))
            ) from None
        except safeio.FileTooLargeError as err:
            if safeio.just_over(err.size, err.limit):
                text = _(
                    "the settings file {path} is just over the {limit} a settings file may be; "
                    "fix or move it away (it was left as it is)"
                )
            else:
                text = _(
                    "the settings file {path} is {size}, more than the {limit} a settings file may be; "
                    "fix or move it away (it was left as it is)"
                )
            raise StoreError(
                text.format(
                    path=self.path, size=safeio.size_text(err.size), limit=safeio.size_text(err.limit)
                )
            ) from None
        except OSError as err:
            raise StoreError(
                _("cannot read the settings file {path}: {reason}").format(
                    path=self.path, reason=safeio.os_reason(err)
                )
            ) from None
        try:
            data = _parse(raw)
        except ValueError as err:
            raise StoreError(
                _(
                    "the settings file {path} is damaged ({reason}); "
                    "fix or move it away (it was left as it is)"
                ).format(path=self.path, reason=err)
            ) from None
        for key, value in data.items():
            setting = BY_KEY.get(key)
            if setting is None or setting.kind is Kind.PASSWORD:
                self.problems.append(_("{key}: unknown setting, ignored").format(key=shown(key)))
                continue
            try:
                self._values[key] = setting.validate(value)
            except ValueError as err:
                # Never kept, so never published: the default stands until the file is fixed.
                msg = str(err) if str(err).startswith(key) else f"{key}: {err}"
                self.problems.append(
                    _("{problem}; the value in the settings file was ignored (using the default)").format(
                        problem=msg
                    )
                )
        if log.hasHandlers():  # the app's log file; the command line says them itself (cli._profile)
            for p in self.problems:
                log.warning("settings: %s", p)

    def reload(self) -> list[str]:
        """Read the file again (another process, e.g. ``antihjalte config set``, may have changed it);
        tell the listeners about each key whose value changed and return those keys. A file that
        cannot be read now keeps the values in memory (logged)."""
        old = dict(self._values)
        self._values, self.problems = {}, []
        try:
            self._load()
        except StoreError as err:
            log.warning("settings not reloaded: %s", err)
            self._values = old
            return []
        changed = sorted(
            k for k in old.keys() | self._values.keys() if old.get(k, _UNSET) != self._values.get(k, _UNSET)
        )
        for key in changed:
            for listener in list(self._listeners):
                listener(key, self.get(key))
        return changed

    def get(self, key: str) -> Any:
        setting = BY_KEY[key]
        value = self._values.get(key, setting.default)
        return list(value) if isinstance(value, list) else value

    def is_default(self, key: str) -> bool:
        return key not in self._values

    def set(self, key: str, value: Any) -> None:
        """Validate, store and save at once; raises UsageError on a wrong key or value."""
        setting = self._setting(key)
        try:
            value = setting.validate(value)
        except ValueError as err:
            raise UsageError(str(err)) from None
        self._values[key] = value
        if value == setting.default:
            del self._values[key]
        self._save()
        for listener in list(self._listeners):
            listener(key, value)

    def set_text(self, key: str, text: str) -> None:
        setting = self._setting(key)
        try:
            value = setting.parse(text)
        except ValueError as err:
            raise UsageError(str(err)) from None
        self.set(key, value)

    def reset(self, key: str) -> None:
        setting = self._setting(key)
        self.set(key, setting.default)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def items(self) -> list[tuple[Setting, Any]]:
        return [(s, self.get(s.key)) for s in SCHEMA if s.kind is not Kind.PASSWORD]

    @staticmethod
    def _setting(key: str) -> Setting:
        try:
            setting = lookup(key)
        except KeyError as err:
            raise UsageError(str(err.args[0])) from None
        if setting.kind is Kind.PASSWORD:
            raise UsageError(
                _("{key} is kept in the system keyring: use `antihjalte feed login`").format(key=key)
            )
        return setting

    def _save(self) -> None:
        data = json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, data + b"\n")
        except OSError as err:
            from antihjalte_desktop.store import safeio

            if err.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
                reason = _("the disk is full (nothing was changed)")
            elif err.errno == errno.EROFS:
                reason = _("the disk is read-only (nothing was changed)")
            else:
                reason = safeio.os_reason(err)
            raise StoreError(
                _("cannot save the settings to {path}: {reason}").format(path=self.path, reason=reason)
            ) from None


def _parse(raw: bytes) -> dict[str, Any]:
    """The settings file's object, or ValueError saying in plain words what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(_("it is not UTF-8 text (byte {byte})").format(byte=err.start + 1)) from None
    try:
        data = loads_json(text)
    except json.JSONDecodeError as err:
        raise ValueError(
            _("not valid JSON at line {line}, column {column}").format(line=err.lineno, column=err.colno)
        ) from None
    if not isinstance(data, dict):
        raise ValueError(_("not a JSON object"))
    return data

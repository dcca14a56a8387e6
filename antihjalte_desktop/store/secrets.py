"""Feed passwords in the OS keyring, and nowhere else.

Entries are keyed by the feed's URL and the user name (service
``antihjalte-desktop feed <URL>``, user name as the keyring's user). Without a
usable keyring backend this module says so, and what to install; it never falls
back to a file (Vorta and Picard do; this project does not). The password is
never logged, never put in an exception message, never written anywhere by this
app.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import KnownError

log = logging.getLogger("antihjalte.secrets")

SERVICE_PREFIX = "antihjalte-desktop feed "


class KeyringUnavailableError(KnownError):
    """No secure keyring to keep the password in: nothing was stored."""


def install_hint() -> str:
    if sys.platform == "win32":
        return _(
            "Windows Credential Manager is needed (it is part of Windows; is the keyring package complete?)"
        )
    if sys.platform == "darwin":
        return _("the macOS Keychain is needed (log in to a normal desktop session)")
    return _(
        "install and start a Secret Service keyring: gnome-keyring (GNOME, most desktops) "
        "or KWallet (KDE), and log in to a desktop session that unlocks it"
    )


def unavailable_message(detail: str = "") -> str:
    if detail:
        text = _(
            "no usable system keyring ({detail}), so the password was not saved; {hint}. "
            "The password is never kept in a plain file."
        )
    else:
        text = _(
            "no usable system keyring, so the password was not saved; {hint}. "
            "The password is never kept in a plain file."
        )
    return text.format(detail=detail, hint=install_hint())


def service_name(url: str) -> str:
    return SERVICE_PREFIX + url.strip()


def _backend() -> Any:
    """The keyring backend, or KeyringUnavailableError when it is none or not a secure one."""
    try:
        import keyring
        import keyring.backends.fail
        import keyring.errors
    except ImportError:
        raise KeyringUnavailableError(
            unavailable_message(_("the Python package keyring is missing"))
        ) from None
    try:
        kr = keyring.get_keyring()
    except Exception as err:  # a broken backend configuration
        raise KeyringUnavailableError(unavailable_message(type(err).__name__)) from None
    if _insecure(kr):
        raise KeyringUnavailableError(
            unavailable_message(
                _("only {backend}").format(backend=f"{type(kr).__module__}.{type(kr).__name__}")
            )
        )
    return kr


def _insecure(kr: Any) -> bool:
    """The fail and null backends, and keyrings.alt's file backends (plain or weakly encrypted)."""
    import keyring.backends.fail

    if isinstance(kr, keyring.backends.fail.Keyring):
        return True
    mod = type(kr).__module__
    if mod.startswith(("keyring.backends.null", "keyrings.alt")):
        return True
    backends = getattr(kr, "backends", None)  # the chainer: insecure if every part is
    if backends is not None:
        return not backends or all(_insecure(b) for b in backends)
    return False


def _translate(err: Exception) -> KeyringUnavailableError:
    import keyring.errors

    if isinstance(err, keyring.errors.KeyringLocked):
        detail = _("the keyring is locked")
    elif isinstance(err, keyring.errors.NoKeyringError):
        detail = _("no backend")
    elif isinstance(err, keyring.errors.InitError):
        detail = _("the keyring could not be opened")
    else:
        detail = type(err).__name__
    return KeyringUnavailableError(unavailable_message(detail))


def keyring_usable() -> tuple[bool, str]:
    """(True, "") or (False, the message to show)."""
    try:
        _backend()
    except KeyringUnavailableError as err:
        return False, str(err)
    return True, ""


def store_password(url: str, user: str, password: str) -> None:
    """Save the password for (feed URL, user); raise KeyringUnavailableError (nothing written)."""
    if not url.strip() or not user.strip():
        raise KnownError(_("set the feed's address and user name first (antihjalte feed set URL --user U)"))
    kr = _backend()
    try:
        kr.set_password(service_name(url), user, password)
    except Exception as err:
        raise _translate(err) from None
    log.info("password saved in the keyring (%s) for %s", type(kr).__name__, user)


def get_password(url: str, user: str) -> str | None:
    """The saved password, or None; raise KeyringUnavailableError when there is no usable keyring."""
    kr = _backend()
    try:
        return kr.get_password(service_name(url), user)  # type: ignore[no-any-return]
    except Exception as err:
        raise _translate(err) from None


def delete_password(url: str, user: str) -> bool:
    kr = _backend()
    try:
        kr.delete_password(service_name(url), user)
    except Exception as err:
        import keyring.errors

        if isinstance(err, keyring.errors.PasswordDeleteError):
            return False
        raise _translate(err) from None
    return True


# Typed in the settings dialog while there is no usable keyring: kept in this process only.
_SESSION: dict[tuple[str, str], str] = {}


def remember_for_session(url: str, user: str, password: str) -> None:
    """Keep a password in memory for the running app only (no keyring); never written anywhere."""
    _SESSION[(url.strip(), user)] = password


def password_for(url: str, user: str) -> str | None:
    """For a sync: the keyring's password, else one kept for this session; raise
    KeyringUnavailableError when there is neither a keyring nor a session password."""
    try:
        found = get_password(url.strip(), user)
    except KeyringUnavailableError:
        kept = _SESSION.get((url.strip(), user))
        if kept is not None:
            return kept
        raise
    return found if found is not None else _SESSION.get((url.strip(), user))

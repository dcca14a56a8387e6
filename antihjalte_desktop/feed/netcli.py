"""``antihjalte feed login`` and ``antihjalte feed subscribe``: the network parts of ``feed``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import KnownError, UsageError


def login(prof: Any, args: argparse.Namespace) -> int:
    """Save the password for (feed URL, user) in the keyring. Nothing is written when there is
    no usable keyring (the user name in the settings neither)."""
    from antihjalte_desktop.feed.http import check_safe, normalize_url, redact_url
    from antihjalte_desktop.store import secrets

    url = str(prof.settings.get("feed.location")).strip()
    if "://" not in url or url.lower().startswith("file://"):
        raise UsageError(
            _("the team feed is not a network address: first antihjalte feed set URL --user USER")
        )
    user = (args.user if args.user is not None else str(prof.settings.get("feed.user"))).strip()
    if not user:
        raise UsageError(_("no user name: antihjalte feed login --user USER"))
    from antihjalte_desktop.feed.http import Credentials

    check_safe(normalize_url(url), Credentials(user))
    ok, message = secrets.keyring_usable()
    if not ok:
        raise secrets.KeyringUnavailableError(message)
    if args.password_stdin:
        from antihjalte_desktop.cli_input import read_stdin_line

        password = read_stdin_line(_("the password"))
    else:
        if not sys.stdin.isatty():
            raise UsageError(_("no terminal to ask for the password: use --password-stdin"))
        import getpass

        password = getpass.getpass(_("Password for {user} at {url}: ").format(user=user, url=redact_url(url)))
    if not password:
        raise UsageError(_("an empty password was not saved"))
    secrets.store_password(url, user, password)
    del password
    if args.user is not None:
        prof.settings.set("feed.user", user)
    print(_("Password for {user} saved in the system keyring; it is used at the next sync").format(user=user))
    return 0


def subscribe(prof: Any, args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed.http import FeedInsecureError, check_safe, normalize_url

    raw = args.url.strip()
    try:
        url = normalize_url(raw)
        check_safe(url, None)
    except FeedInsecureError:
        raise
    except KnownError as err:
        raise UsageError(_("{problem} (give a webcal:// or https:// address)").format(problem=err)) from None
    subs = [str(s) for s in prof.settings.get("feed.subscriptions")]
    if args.remove:
        kept = [s for s in subs if s not in (raw, url)]
        if len(kept) == len(subs):
            raise UsageError(_("not subscribed: {url}").format(url=raw))
        prof.settings.set("feed.subscriptions", kept)
        from antihjalte_desktop.feed.subscribe import forget

        forget(prof, url)
        print(_("No longer reading {url}").format(url=url))
        return 0
    if url in subs or raw in subs:
        print(_("Already reading {url}").format(url=url))
        return 0
    prof.settings.set("feed.subscriptions", [*subs, url])
    print(
        _("Reading {url} as absences from the next sync on (read only: nothing is written there)").format(
            url=url
        )
    )
    return 0

"""Who is working: the operating-system user name, recorded as the actor of every edit and decision."""

from __future__ import annotations

import getpass


def current_user() -> str:
    """The OS user name (on Windows, the login name), or "unknown" where none is set (services)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 — getuser raises when no user name is set; work still needs an actor
        return "unknown"

"""What every window and panel shares: the home, its settings, the catalog and the background workers."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from photoarchive.catalog import Catalog
from photoarchive.home import Home
from photoarchive.settings import Settings
from photoarchive.ui.workers import JobRunner


def current_user() -> str:
    """The OS user name, recorded as who made each edit and decision."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 — no user name in some service contexts; edits still need an actor
        return "unknown"


@dataclass
class AppContext:
    home: Home
    settings: Settings
    catalog: Catalog
    runner: JobRunner
    actor: str = field(default_factory=current_user)

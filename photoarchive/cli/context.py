"""What every archive command starts from: the home (created if new, logging into it) and its settings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photoarchive.home import Home
    from photoarchive.settings import Settings


def home_and_settings(args: argparse.Namespace) -> tuple[Home, Settings]:
    from photoarchive.home import Home
    from photoarchive.logsetup import log_to_home
    from photoarchive.settings import Settings

    home = Home.resolve(getattr(args, "home", None)).ensure()
    log_to_home(home)
    return home, Settings.load(home)

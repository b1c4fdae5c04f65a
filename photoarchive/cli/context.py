"""What every archive command starts from: the home (created if new, logging into it) and its settings."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.settings import Settings


def home_and_settings(args: argparse.Namespace) -> tuple[Home, Settings]:
    from photoarchive.home import Home
    from photoarchive.logsetup import log_to_home
    from photoarchive.settings import Settings

    home = Home.resolve(getattr(args, "home", None)).ensure()
    log_to_home(home)
    return home, Settings.load(home)


def open_archive(args: argparse.Namespace) -> tuple[Home, Settings, Catalog]:
    """The home, its settings and its catalog (migrated on open)."""
    from photoarchive.catalog import Catalog

    home, settings = home_and_settings(args)
    return home, settings, Catalog.for_home(home)


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))

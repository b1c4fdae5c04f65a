"""Logging to a rotating file in the archive home (what support asks for), plus stderr for the CLI."""

from __future__ import annotations

import logging
import logging.handlers

from photoarchive.home import Home

_configured: set[str] = set()


def log_to_home(home: Home, level: int = logging.INFO) -> None:
    """Add a rotating log file at <home>/logs/photoarchive.log (once per home per process)."""
    key = str(home.root)
    if key in _configured:
        return
    home.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        home.logs / "photoarchive.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        # The root level gates every handler; stderr keeps its own (higher) level below.
        for existing in root.handlers:
            if existing is not handler and existing.level == logging.NOTSET:
                existing.setLevel(root.level or logging.WARNING)
        root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _configured.add(key)

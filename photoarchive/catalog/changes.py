"""What other desks changed in the shared catalog, as it happens: PostgreSQL LISTEN/NOTIFY.

Triggers (migration 0004) send the name of each changed table once per transaction on the channel
`photoarchive_changes`; a window listens on its own connection and refreshes the views those tables
feed, so a photo ingested or a set approved on one desk shows on the others within a moment, without F5.
SQLite (one desk) has no feed: the app that changes the catalog is the one showing it.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

CHANNEL = "photoarchive_changes"


class ChangeFeed:
    """A listening connection of its own. Not thread-safe: one thread waits on it (the window's listener)."""

    def __init__(self, engine: Engine, *, connect_timeout: int = 10):
        import psycopg

        # Its own connection, with the engine's address and login, never one from the pool. TCP
        # keepalives let a silent listener notice a server that vanished without closing the connection
        # (a pulled cable, a crashed host), as `ping` does between notices.
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        options = {
            "connect_timeout": connect_timeout,
            "application_name": "photoarchive-changes",
            "keepalives": 1,
            "keepalives_idle": 15,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            **kwargs,
            "autocommit": True,
        }
        self._conn: Any = psycopg.connect(*args, **options)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> set[str]:
        """The tables changed since the last call; waits up to `timeout` seconds for the first change."""
        changed: set[str] = set()
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            changed.add(note.payload)
        if changed:  # take what else has already arrived, without waiting for more
            for note in self._conn.notifies(timeout=0.01):
                changed.add(note.payload)
        return changed

    def ping(self) -> None:
        """A round trip to the server; raises (psycopg.OperationalError) when it cannot be reached."""
        self._conn.execute("SELECT 1")

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 — closing a connection the server already dropped
            log.debug("change feed close failed", exc_info=True)


def open_feed(engine: Engine, *, connect_timeout: int = 10) -> ChangeFeed | None:
    """A change feed on the shared catalog; None on SQLite. Raises psycopg.OperationalError when the
    server cannot be reached (the window's listener retries)."""
    if engine.dialect.name != "postgresql":
        return None
    return ChangeFeed(engine, connect_timeout=connect_timeout)

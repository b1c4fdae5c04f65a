"""A transaction that is on disk when it returns, even if the power goes a moment later.

The catalog runs SQLite in WAL mode with ``synchronous=NORMAL``: every commit survives a crash of the
app, but the last ones can roll back on a power cut, because the WAL is synced only at checkpoints.
That is right for edits (a person sees and redoes them) and wrong for the ingest commit, after which
the inbox file is removed: its row must not be undone, or the original would sit in originals/
unknown to the catalog. Such commits run with ``synchronous=FULL`` (the WAL is fsynced at the commit);
other servers (PostgreSQL) are durable at every commit already.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.engine import Connection


@contextmanager
def durable_transaction(engine: Engine) -> Iterator[Connection]:
    """Like ``engine.begin()``, but the commit is fsynced before the block's caller goes on."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Outside the transaction: the driver begins it at the first write below.
            conn.exec_driver_sql("PRAGMA synchronous=FULL")
        try:
            yield conn
            conn.commit()
        finally:
            if sqlite:
                conn.rollback()  # nothing left to roll back after a commit; undoes a failed block
                # The connection goes back to the pool: leave it as every other connection is.
                conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
                conn.commit()

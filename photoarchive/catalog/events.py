"""A photo's history: the `events` rows (ingested, duplicate_seen, edited, category_confirmed, adopted …).

Other stores write their events inside their own transaction through `record()`; `EventStore` reads
a photo's history and records the events that stand alone (a duplicate seen, an original adopted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.engine import Connection

from photoarchive.catalog.clock import jsonable, utcnow
from photoarchive.catalog.schema import events


@dataclass(frozen=True)
class PhotoEvent:
    id: int
    photo_id: int | None
    kind: str
    at: datetime
    actor: str
    detail: dict[str, Any]


def record(
    conn: Connection,
    kind: str,
    actor: str,
    detail: dict[str, Any],
    *,
    photo_id: int | None = None,
    quarantine_id: int | None = None,
) -> None:
    """Write one event inside the caller's transaction."""
    conn.execute(
        insert(events).values(
            photo_id=photo_id,
            quarantine_id=quarantine_id,
            kind=kind,
            at=utcnow(),
            actor=actor,
            detail=jsonable(detail),
        )
    )


class EventStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def for_photo(self, photo_id: int) -> list[PhotoEvent]:
        """A photo's history, oldest first."""
        stmt = select(events).where(events.c.photo_id == photo_id).order_by(events.c.id)
        with self.engine.connect() as conn:
            return [
                PhotoEvent(r.id, r.photo_id, r.kind, r.at, r.actor, dict(r.detail or {}))
                for r in conn.execute(stmt)
            ]

    def add(self, photo_id: int, kind: str, *, actor: str, detail: dict[str, Any]) -> None:
        """Record an event on its own (a duplicate of the photo was dropped again, …)."""
        with self.engine.begin() as conn:
            record(conn, kind, actor, detail, photo_id=photo_id)

"""Intents to place a file in originals/: written before the rename, cleared in the commit that adds the
photo. A row left behind names a file a crashed ingest may have placed (see `Ingestor.recover`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.engine import Connection

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import pending_ingests, photos


@dataclass(frozen=True)
class PendingIngest:
    id: int
    sha256: str
    # Relative to the home's originals/ folder.
    archive_path: str


def clear(conn: Connection, pending_id: int) -> None:
    """Remove an intent inside the caller's transaction (the one that adds the photo)."""
    conn.execute(delete(pending_ingests).where(pending_ingests.c.id == pending_id))


class PendingStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def begin(self, sha256: str, archive_path: str) -> int:
        """Record the intent to place a file at archive_path (before the rename into originals/)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(pending_ingests).values(sha256=sha256, archive_path=archive_path, started_at=utcnow())
            )
            return inserted_id(result)

    def all(self) -> list[PendingIngest]:
        """Ingests a crash left unfinished."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(pending_ingests.c.id, pending_ingests.c.sha256, pending_ingests.c.archive_path)
            ).all()
        return [PendingIngest(r.id, r.sha256, r.archive_path) for r in rows]

    def clear(self, pending_id: int) -> None:
        with self.engine.begin() as conn:
            clear(conn, pending_id)

    def path_taken(self, archive_path: str) -> bool:
        """Whether a photo or an unfinished ingest already holds this path in originals/."""
        with self.engine.connect() as conn:
            in_photos = conn.execute(select(photos.c.id).where(photos.c.archive_path == archive_path)).first()
            in_pending = conn.execute(
                select(pending_ingests.c.id).where(pending_ingests.c.archive_path == archive_path)
            ).first()
        return in_photos is not None or in_pending is not None

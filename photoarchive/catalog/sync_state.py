"""Queries about what this archive has put on Flickr, and the journal of remote writes.

Every write to Flickr is preceded by a `pending` journal row; its result and the journal row's closing
are written in one transaction, so after a crash a `pending` row is exactly a write whose outcome is
unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.engine import Connection

from photoarchive.catalog.schema import flickr_albums, flickr_failures, flickr_journal, flickr_photos


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# What this archive knows it put on Flickr: stored here, read by the planner in `flickr.plan`.


@dataclass(frozen=True)
class KnownPhoto:
    sha256: str
    remote_id: str
    file_fingerprint: str = ""
    meta_applied: str = ""
    tags_applied: str = ""
    visibility_applied: str = ""
    licence_applied: int | None = None
    groups_applied: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KnownAlbum:
    set_id: int
    remote_id: str
    meta_applied: str = ""
    photo_ids: tuple[str, ...] = ()
    primary_id: str = ""


@dataclass(frozen=True)
class KnownState:
    photos: dict[str, KnownPhoto] = field(default_factory=dict)
    albums: dict[int, KnownAlbum] = field(default_factory=dict)
    # sha256 -> fingerprint of the file Flickr refused; skipped until the file to publish changes.
    failed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class JournalEntry:
    id: int
    kind: str
    subject: str
    detail: dict[str, Any]
    state: str
    error: str
    started_at: datetime
    finished_at: datetime | None


class SyncStateStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- reading --------------------------------------------------------------------------------

    def known_state(self) -> KnownState:
        with self.engine.connect() as conn:
            photos = {
                r.sha256: KnownPhoto(
                    sha256=r.sha256,
                    remote_id=r.remote_id,
                    file_fingerprint=r.file_fingerprint,
                    meta_applied=r.meta_applied,
                    tags_applied=r.tags_applied,
                    visibility_applied=r.visibility_applied,
                    licence_applied=r.licence_applied,
                    groups_applied=frozenset(r.groups_applied or ()),
                )
                for r in conn.execute(select(flickr_photos))
            }
            albums = {
                r.set_id: KnownAlbum(
                    set_id=r.set_id,
                    remote_id=r.remote_id,
                    meta_applied=r.meta_applied,
                    photo_ids=tuple(r.photo_ids or ()),
                    primary_id=r.primary_id,
                )
                for r in conn.execute(select(flickr_albums))
            }
            failed = {r.sha256: r.file_fingerprint for r in conn.execute(select(flickr_failures))}
        return KnownState(photos, albums, failed)

    def photo(self, sha256: str) -> KnownPhoto | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(flickr_photos).where(flickr_photos.c.sha256 == sha256)).first()
        if r is None:
            return None
        return KnownPhoto(
            r.sha256,
            r.remote_id,
            r.file_fingerprint,
            r.meta_applied,
            r.tags_applied,
            r.visibility_applied,
            r.licence_applied,
            frozenset(r.groups_applied or ()),
        )

    def album(self, set_id: int) -> KnownAlbum | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(flickr_albums).where(flickr_albums.c.set_id == set_id)).first()
        if r is None:
            return None
        return KnownAlbum(r.set_id, r.remote_id, r.meta_applied, tuple(r.photo_ids or ()), r.primary_id)

    def failures(self) -> dict[str, tuple[str, str]]:
        """sha256 -> (fingerprint, reason) of files Flickr refused."""
        with self.engine.connect() as conn:
            return {r.sha256: (r.file_fingerprint, r.reason) for r in conn.execute(select(flickr_failures))}

    # -- journal --------------------------------------------------------------------------------

    def begin(self, kind: str, subject: str, detail: dict[str, Any] | None = None) -> int:
        """Record the intent of a remote write (committed before the write is sent)."""
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    insert(flickr_journal).values(
                        kind=kind,
                        subject=subject,
                        detail=detail or {},
                        state="pending",
                        error="",
                        started_at=utcnow(),
                    )
                ).inserted_primary_key[0]
            )

    def finish(self, journal_id: int, state: str = "done", error: str = "") -> None:
        with self.engine.begin() as conn:
            self._finish(conn, journal_id, state, error)

    def pending(self) -> list[JournalEntry]:
        return self.journal(state="pending")

    def journal(self, *, state: str | None = None, limit: int | None = None) -> list[JournalEntry]:
        stmt = select(flickr_journal).order_by(flickr_journal.c.id)
        if state is not None:
            stmt = stmt.where(flickr_journal.c.state == state)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [
                JournalEntry(
                    r.id,
                    r.kind,
                    r.subject,
                    dict(r.detail or {}),
                    r.state,
                    r.error,
                    r.started_at,
                    r.finished_at,
                )
                for r in conn.execute(stmt)
            ]

    # -- recording results (each closes its journal row in the same transaction) ----------------

    def save_photo(self, photo: KnownPhoto, journal_id: int | None = None) -> None:
        values = {
            "remote_id": photo.remote_id,
            "file_fingerprint": photo.file_fingerprint,
            "meta_applied": photo.meta_applied,
            "tags_applied": photo.tags_applied,
            "visibility_applied": photo.visibility_applied,
            "licence_applied": photo.licence_applied,
            "groups_applied": sorted(photo.groups_applied),
            "updated_at": utcnow(),
        }
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(flickr_photos.c.sha256).where(flickr_photos.c.sha256 == photo.sha256)
            ).first()
            if exists:
                conn.execute(
                    update(flickr_photos).where(flickr_photos.c.sha256 == photo.sha256).values(**values)
                )
            else:
                # A remote id can only belong to one file: drop a stale row claiming it.
                conn.execute(delete(flickr_photos).where(flickr_photos.c.remote_id == photo.remote_id))
                conn.execute(
                    insert(flickr_photos).values(sha256=photo.sha256, uploaded_at=utcnow(), **values)
                )
            conn.execute(delete(flickr_failures).where(flickr_failures.c.sha256 == photo.sha256))
            if journal_id is not None:
                self._finish(conn, journal_id, "done", "")

    def forget_photo(self, sha256: str, journal_id: int | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(flickr_photos).where(flickr_photos.c.sha256 == sha256))
            if journal_id is not None:
                self._finish(conn, journal_id, "done", "")

    def save_album(self, album: KnownAlbum, journal_id: int | None = None) -> None:
        values = {
            "remote_id": album.remote_id,
            "meta_applied": album.meta_applied,
            "photo_ids": list(album.photo_ids),
            "primary_id": album.primary_id,
            "updated_at": utcnow(),
        }
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(flickr_albums.c.set_id).where(flickr_albums.c.set_id == album.set_id)
            ).first()
            if exists:
                conn.execute(
                    update(flickr_albums).where(flickr_albums.c.set_id == album.set_id).values(**values)
                )
            else:
                conn.execute(insert(flickr_albums).values(set_id=album.set_id, **values))
            if journal_id is not None:
                self._finish(conn, journal_id, "done", "")

    def forget_album(self, set_id: int, journal_id: int | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(flickr_albums).where(flickr_albums.c.set_id == set_id))
            if journal_id is not None:
                self._finish(conn, journal_id, "done", "")

    def record_failure(
        self, sha256: str, fingerprint: str, reason: str, journal_id: int | None = None
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(flickr_failures).where(flickr_failures.c.sha256 == sha256))
            conn.execute(
                insert(flickr_failures).values(
                    sha256=sha256, file_fingerprint=fingerprint, reason=reason, at=utcnow()
                )
            )
            if journal_id is not None:
                self._finish(conn, journal_id, "failed", reason)

    def clear_failures(self) -> int:
        with self.engine.begin() as conn:
            return conn.execute(delete(flickr_failures)).rowcount

    @staticmethod
    def _finish(conn: Connection, journal_id: int, state: str, error: str) -> None:
        conn.execute(
            update(flickr_journal)
            .where(flickr_journal.c.id == journal_id)
            .values(state=state, error=error, finished_at=utcnow())
        )

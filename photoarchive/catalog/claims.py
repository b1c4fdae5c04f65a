"""Claims on inbox files, so several desks and a `watch` service on one inbox share archive each file once.

On PostgreSQL a claim is a row in `ingest_claims` (INSERT … ON CONFLICT DO NOTHING, then
SELECT … FOR UPDATE SKIP LOCKED) held in an open transaction on its own connection while the file is
ingested: another ingester skips the file, and if the claimer dies the server drops its connection and
the row is free again at once — no file lock, which does not hold across machines on SMB. While it
places a file, the claimer also holds a transaction advisory lock on the file's content hash, so that
recovery on another desk (`abandoned_pending`) never removes a file whose ingest is still alive.

On SQLite (one desk) the home's OS file lock already serialises ingest; claims are always granted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.schema import ingest_claims, pending_ingests

log = logging.getLogger(__name__)

# Advisory-lock class for "these bytes are being placed in originals/" (two-key form: class, hash).
CONTENT_LOCK_CLASS = 7301


class Claim:
    """One claimed inbox file. Falsy when another ingester holds it."""

    def __init__(self, key: str, conn: Connection | None, acquired: bool, claimer: str = ""):
        self.key = key
        self.claimer = claimer
        self._conn = conn
        self.acquired = acquired

    def __bool__(self) -> bool:
        return self.acquired

    def hold_content(self, sha256: str) -> None:
        """Before placing these bytes: wait until no other live ingest is placing the same bytes, and keep
        them marked as in flight until this claim ends."""
        if self._conn is not None:
            self._conn.execute(
                text("SELECT pg_advisory_xact_lock(:cls, hashtext(:sha))"),
                {"cls": CONTENT_LOCK_CLASS, "sha": sha256},
            )

    def finish(self, outcome: str) -> None:
        """The file is dealt with (archived, duplicate, quarantined): mark the claim done and let it go."""
        if self._conn is None:
            return
        try:
            self._conn.execute(
                update(ingest_claims)
                .where(ingest_claims.c.source_key == self.key)
                .values(state="done", outcome=outcome, finished_at=utcnow(), claimed_by=self.claimer)
            )
            self._conn.commit()
        finally:
            self._close()

    def release(self) -> None:
        """Give the file back untouched (skipped for now, failed): another ingester may take it."""
        if self._conn is not None:
            try:
                self._conn.rollback()
            finally:
                self._close()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class ClaimStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def shared(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def claim(self, key: str, *, claimer: str) -> Claim:
        """Claim the inbox file `key` (its name, size and modification time)."""
        if not self.shared:
            return Claim(key, None, True)
        conn = self.engine.connect()
        try:
            conn.execute(
                pg_insert(ingest_claims)
                .values(source_key=key, state="open", claimed_by=claimer, claimed_at=utcnow(), outcome="")
                .on_conflict_do_nothing(index_elements=["source_key"])
            )
            conn.commit()
            row = conn.execute(
                select(ingest_claims.c.state)
                .where(ingest_claims.c.source_key == key)
                .with_for_update(skip_locked=True)
            ).first()
            if row is None:  # another ingester holds it right now
                conn.rollback()
                conn.close()
                return Claim(key, None, False)
            # Only the row lock is held, no update: a row being updated would make another desk's
            # INSERT … ON CONFLICT wait for this whole ingest instead of moving on. A claim left "done"
            # names a file dealt with that is back (dropped again, or its removal from the inbox
            # failed): the ingest finds it a duplicate and takes it away.
            return Claim(key, conn, True, claimer)
        except BaseException:
            conn.close()
            raise

    @contextmanager
    def claimed(self, key: str, *, claimer: str) -> Iterator[Claim]:
        """claim() as a context manager; a claim neither finished nor released is released at the end."""
        claim = self.claim(key, claimer=claimer)
        try:
            yield claim
        finally:
            claim.release()

    def abandoned_pending(self) -> list[int]:
        """Ids of unfinished-ingest intents whose ingester is gone (all of them on SQLite, where the
        caller holds the home's ingest lock; on PostgreSQL those whose content lock is free)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(pending_ingests.c.id, pending_ingests.c.sha256)).all()
            if not self.shared:
                return [r.id for r in rows]
            free = []
            for row in rows:
                args = {"cls": CONTENT_LOCK_CLASS, "sha": row.sha256}
                if conn.execute(text("SELECT pg_try_advisory_lock(:cls, hashtext(:sha))"), args).scalar():
                    conn.execute(text("SELECT pg_advisory_unlock(:cls, hashtext(:sha))"), args)
                    free.append(row.id)
            conn.commit()
        return free

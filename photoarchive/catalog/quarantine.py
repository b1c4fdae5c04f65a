"""Files the archive could not take: the `quarantine` rows (the files sit in the home's quarantine/)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, select, update

from photoarchive.catalog import events
from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.durable import durable_transaction
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import quarantine


@dataclass(frozen=True)
class QuarantineRecord:
    id: int
    original_name: str
    source_path: str
    # Relative to the home's quarantine/ folder.
    quarantine_path: str
    reason: str
    reason_code: str
    size_bytes: int
    sha256: str
    at: datetime
    resolved: bool


class QuarantineStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def add(
        self,
        *,
        original_name: str,
        source_path: str,
        quarantine_path: str,
        reason: str,
        reason_code: str,
        size_bytes: int,
        sha256: str,
        actor: str,
    ) -> int:
        """Record a quarantined file and a `quarantined` event, in one transaction, durable before it
        returns (ingest removes the inbox file next)."""
        with durable_transaction(self.engine) as conn:
            result = conn.execute(
                insert(quarantine).values(
                    original_name=original_name,
                    source_path=source_path,
                    quarantine_path=quarantine_path,
                    reason=reason,
                    reason_code=reason_code,
                    size_bytes=size_bytes,
                    sha256=sha256,
                    at=utcnow(),
                    resolved=False,
                )
            )
            qid = inserted_id(result)
            events.record(
                conn,
                "quarantined",
                actor,
                {"reason": reason, "code": reason_code, "source": source_path},
                quarantine_id=qid,
            )
        return qid

    def list(self, *, include_resolved: bool = False) -> builtins.list[QuarantineRecord]:
        """Quarantined files, newest first (those marked as dealt with only when asked)."""
        stmt = select(quarantine).order_by(quarantine.c.id.desc())
        if not include_resolved:
            stmt = stmt.where(quarantine.c.resolved.is_(False))
        with self.engine.connect() as conn:
            return [QuarantineRecord(**dict(r)) for r in conn.execute(stmt).mappings()]

    def resolve(self, quarantine_ids: Iterable[int]) -> builtins.list[int]:
        """Mark quarantined files as dealt with (off the list; the files stay). Returns the ids that exist."""
        wanted = [int(i) for i in quarantine_ids]
        with self.engine.begin() as conn:
            found = list(conn.execute(select(quarantine.c.id).where(quarantine.c.id.in_(wanted))).scalars())
            conn.execute(update(quarantine).where(quarantine.c.id.in_(found)).values(resolved=True))
        return found

"""Queries about sets, their members and the append-only audit log."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.conflicts import ChangeSince, EditConflict
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import audit_log, photo_sets, photos, set_members
from photoarchive.catalog.set_records import (
    AuditEntry,
    PhotoSet,
    SetContent,
    SetError,
    SetNotFound,
    SetState,
    SetStateError,
    Visibility,
)

# Set fields a person may edit (state and approval change only through `apply_step`).
EDITABLE_SET_FIELDS = (
    "title",
    "description",
    "visibility",
    "licence_id",
    "group_id",
    "tags",
    "cover_photo_id",
)


@dataclass(frozen=True)
class NewAuditEntry:
    actor: str
    action: str
    target_kind: str  # "set" | "photo"
    target_id: int
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StateChange:
    """What a workflow step writes: the new state and approval fields, checked against the state the
    decision was made on (so two desks approving and revoking at once cannot interleave)."""

    expected_state: SetState
    state: SetState
    approved_by: str | None = None
    approved_at: datetime | None = None
    # Only written when set; `clear_approval` drops the approved content (revoke).
    approved_content: SetContent | None = None
    clear_approval: bool = False
    override_reason: str | None = None
    # Written when set (the submit step); on PostgreSQL a trigger writes the server's login instead.
    submitted_by: str | None = None


class SetStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- reading --------------------------------------------------------------------------------

    def get(self, set_id: int) -> PhotoSet | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(photo_sets).where(photo_sets.c.id == set_id)).mappings().first()
            return None if row is None else self._load(conn, row)

    def find(self, ref: str | int) -> PhotoSet:
        """A set by its exact title or its id (a title that looks like a number wins)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(photo_sets).where(photo_sets.c.title == str(ref))).mappings().first()
            if row is None and str(ref).strip().isdigit():
                row = (
                    conn.execute(select(photo_sets).where(photo_sets.c.id == int(str(ref).strip())))
                    .mappings()
                    .first()
                )
            if row is None:
                raise SetNotFound(f"No set has the id or title «{ref}».")
            return self._load(conn, row)

    def list(self) -> list[PhotoSet]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(photo_sets).order_by(photo_sets.c.id)).mappings().all()
            return [self._load(conn, row) for row in rows]

    def approved(self) -> builtins.list[PhotoSet]:
        """Sets with approved content (what sync publishes), by id."""
        return [s for s in self.list() if s.approved_content is not None]

    def ids(self) -> set[int]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(photo_sets.c.id)).scalars())

    def sets_of_photo(self, photo_id: int) -> builtins.list[int]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(set_members.c.set_id)
                    .where(set_members.c.photo_id == photo_id)
                    .order_by(set_members.c.set_id)
                ).scalars()
            )

    # -- editing --------------------------------------------------------------------------------

    def create(
        self,
        title: str,
        *,
        description: str = "",
        visibility: Visibility = Visibility.PRIVATE,
        licence_id: int = 0,
        group_id: str = "",
        tags: Sequence[str] = (),
        audit: NewAuditEntry | None = None,
    ) -> PhotoSet:
        title = title.strip()
        if not title:
            raise SetError("A set needs a title.")
        now = utcnow()
        try:
            with self.engine.begin() as conn:
                set_id = inserted_id(
                    conn.execute(
                        insert(photo_sets).values(
                            title=title,
                            description=description,
                            visibility=Visibility(visibility).value,
                            licence_id=licence_id,
                            group_id=group_id,
                            tags=list(tags),
                            state=SetState.DRAFT.value,
                            approved_by="",
                            override_reason="",
                            created_at=now,
                            updated_at=now,
                        )
                    )
                )
                if audit is not None:
                    self._audit(conn, audit, target_id=set_id)
        except IntegrityError as exc:
            raise SetError(f"A set called «{title}» already exists.") from exc
        found = self.get(set_id)
        assert found is not None
        return found

    def version_of(self, set_id: int) -> int:
        """The set's row version (bumped by every change); pass it to update() to detect a later save."""
        with self.engine.connect() as conn:
            self._require(conn, set_id)
            return int(
                conn.execute(select(photo_sets.c.version).where(photo_sets.c.id == set_id)).scalar_one()
            )

    def update(self, set_id: int, changes: dict[str, Any], *, expected_version: int | None = None) -> None:
        """Edit a set's fields. With `expected_version`, a set changed by someone else since raises
        EditConflict (who and when) and nothing is written."""
        unknown = set(changes) - set(EDITABLE_SET_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        values = dict(changes)
        if "visibility" in values:
            values["visibility"] = Visibility(values["visibility"]).value
        if "tags" in values:
            values["tags"] = list(values["tags"])
        if "title" in values:
            values["title"] = str(values["title"]).strip()
            if not values["title"]:
                raise SetError("A set needs a title.")
        try:
            with self.engine.begin() as conn:
                self._require(conn, set_id)
                stmt = update(photo_sets).where(photo_sets.c.id == set_id)
                if expected_version is not None:
                    stmt = stmt.where(photo_sets.c.version == expected_version)
                result = conn.execute(
                    stmt.values(**values, updated_at=utcnow(), version=photo_sets.c.version + 1)
                )
                if result.rowcount != 1:
                    raise self._conflict(conn, set_id, expected_version or 0)
        except IntegrityError as exc:
            raise SetError(f"A set called «{values.get('title')}» already exists.") from exc

    def add_photos(self, set_id: int, photo_ids: Iterable[int]) -> builtins.list[int]:
        """Append photos at the end (those already in the set stay where they are); returns the added."""
        wanted = list(dict.fromkeys(int(p) for p in photo_ids))
        with self.engine.begin() as conn:
            self._require(conn, set_id)
            known = (
                set(conn.execute(select(photos.c.id).where(photos.c.id.in_(wanted))).scalars())
                if wanted
                else set()
            )
            missing = [p for p in wanted if p not in known]
            if missing:
                raise SetError(f"No photo in the catalog has the id {', '.join(map(str, missing))}.")
            present = set(
                conn.execute(select(set_members.c.photo_id).where(set_members.c.set_id == set_id)).scalars()
            )
            last = conn.execute(
                select(func.max(set_members.c.position)).where(set_members.c.set_id == set_id)
            ).scalar()
            position = -1 if last is None else int(last)
            added = [p for p in wanted if p not in present]
            for photo_id in added:
                position += 1
                conn.execute(insert(set_members).values(set_id=set_id, photo_id=photo_id, position=position))
            if added:
                self._touch(conn, set_id)
        return added

    def remove_photos(self, set_id: int, photo_ids: Iterable[int]) -> builtins.list[int]:
        wanted = list(dict.fromkeys(int(p) for p in photo_ids))
        with self.engine.begin() as conn:
            self._require(conn, set_id)
            present = set(
                conn.execute(select(set_members.c.photo_id).where(set_members.c.set_id == set_id)).scalars()
            )
            removed = [p for p in wanted if p in present]
            if removed:
                conn.execute(
                    delete(set_members).where(
                        set_members.c.set_id == set_id, set_members.c.photo_id.in_(removed)
                    )
                )
                self._touch(conn, set_id)
        return removed

    def reorder(self, set_id: int, photo_ids: Sequence[int]) -> None:
        """Put the set's photos in this order (it must name exactly the set's photos)."""
        with self.engine.begin() as conn:
            self._require(conn, set_id)
            present = set(
                conn.execute(select(set_members.c.photo_id).where(set_members.c.set_id == set_id)).scalars()
            )
            if set(photo_ids) != present or len(photo_ids) != len(present):
                raise SetError("The new order must list every photo of the set exactly once.")
            for position, photo_id in enumerate(photo_ids):
                conn.execute(
                    update(set_members)
                    .where(set_members.c.set_id == set_id, set_members.c.photo_id == photo_id)
                    .values(position=position)
                )
            self._touch(conn, set_id)

    def apply_step(self, set_id: int, change: StateChange, audit: Sequence[NewAuditEntry] = ()) -> None:
        """Write a workflow step and its audit entries in one transaction."""
        values: dict[str, Any] = {"state": change.state.value, "version": photo_sets.c.version + 1}
        if change.approved_by is not None:
            values["approved_by"] = change.approved_by
        if change.approved_at is not None:
            values["approved_at"] = change.approved_at
        if change.approved_content is not None:
            values["approved_snapshot"] = change.approved_content.to_json()
        if change.clear_approval:
            values.update(approved_snapshot=None, approved_by="", approved_at=None)
        if change.override_reason is not None:
            values["override_reason"] = change.override_reason
        if change.submitted_by is not None:
            values["submitted_by"] = change.submitted_by
        with self.engine.begin() as conn:
            result = conn.execute(
                update(photo_sets)
                .where(photo_sets.c.id == set_id, photo_sets.c.state == change.expected_state.value)
                .values(**values)
            )
            if result.rowcount != 1:
                self._require(conn, set_id)
                raise SetStateError(
                    "The set was changed by someone else meanwhile; look at it again and retry."
                )
            for entry in audit:
                self._audit(conn, entry)

    # -- audit log ------------------------------------------------------------------------------

    def record(self, entries: Iterable[NewAuditEntry]) -> None:
        with self.engine.begin() as conn:
            for entry in entries:
                self._audit(conn, entry)

    def audit_entries(
        self, *, target_kind: str | None = None, target_id: int | None = None, limit: int | None = None
    ) -> builtins.list[AuditEntry]:
        """Oldest first."""
        stmt = select(audit_log).order_by(audit_log.c.id)
        if target_kind is not None:
            stmt = stmt.where(audit_log.c.target_kind == target_kind)
        if target_id is not None:
            stmt = stmt.where(audit_log.c.target_id == target_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [
                AuditEntry(r.id, r.at, r.actor, r.action, r.target_kind, r.target_id, dict(r.detail or {}))
                for r in conn.execute(stmt)
            ]

    # -- internals ------------------------------------------------------------------------------

    @staticmethod
    def _audit(conn: Connection, entry: NewAuditEntry, target_id: int | None = None) -> None:
        conn.execute(
            insert(audit_log).values(
                at=utcnow(),
                actor=entry.actor,
                action=entry.action,
                target_kind=entry.target_kind,
                target_id=entry.target_id if target_id is None else target_id,
                detail=entry.detail,
            )
        )

    @staticmethod
    def _require(conn: Connection, set_id: int) -> None:
        if conn.execute(select(photo_sets.c.id).where(photo_sets.c.id == set_id)).first() is None:
            raise SetNotFound(f"No set has the id {set_id}.")

    @staticmethod
    def _touch(conn: Connection, set_id: int) -> None:
        conn.execute(
            update(photo_sets)
            .where(photo_sets.c.id == set_id)
            .values(updated_at=utcnow(), version=photo_sets.c.version + 1)
        )

    @staticmethod
    def _conflict(conn: Connection, set_id: int, yours: int) -> EditConflict:
        current = conn.execute(
            select(photo_sets.c.version, photo_sets.c.updated_at).where(photo_sets.c.id == set_id)
        ).one()
        last = conn.execute(
            select(audit_log.c.actor, audit_log.c.at, audit_log.c.action)
            .where(audit_log.c.target_kind == "set", audit_log.c.target_id == set_id)
            .order_by(audit_log.c.id.desc())
            .limit(1)
        ).first()
        since = [ChangeSince(last.actor, last.at, (last.action,))] if last is not None else []
        return EditConflict("set", set_id, yours, int(current.version), since)

    @staticmethod
    def _load(conn: Connection, row: Any) -> PhotoSet:
        members = list(
            conn.execute(
                select(set_members.c.photo_id)
                .where(set_members.c.set_id == row["id"])
                .order_by(set_members.c.position, set_members.c.photo_id)
            ).scalars()
        )
        submitted_by = conn.execute(
            select(audit_log.c.actor)
            .where(
                audit_log.c.target_kind == "set",
                audit_log.c.target_id == row["id"],
                audit_log.c.action == "submit",
            )
            .order_by(audit_log.c.id.desc())
            .limit(1)
        ).scalar()
        snapshot = row["approved_snapshot"]
        return PhotoSet(
            id=row["id"],
            title=row["title"],
            description=row["description"],
            visibility=Visibility(row["visibility"]),
            licence_id=int(row["licence_id"]),
            group_id=row["group_id"],
            tags=list(row["tags"] or []),
            cover_photo_id=row["cover_photo_id"],
            state=SetState(row["state"]),
            approved_by=row["approved_by"],
            approved_at=row["approved_at"],
            approved_content=None if snapshot is None else SetContent.from_json(snapshot),
            override_reason=row["override_reason"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            photo_ids=members,
            submitted_by=submitted_by or "",
        )

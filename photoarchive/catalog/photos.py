"""The photos in the catalog: adding them at ingest, listing, searching, editing, categories, withdrawal.

Quarantine, unfinished-ingest intents and the events history each have their own module
(`quarantine.py`, `pending.py`, `events.py`); the data types live in `photo_records.py` and are
importable from here as before; how a photo becomes rows and back is `photo_rows.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Engine,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection

from photoarchive.catalog import events, pending, photo_queries
from photoarchive.catalog.clock import jsonable, utcnow
from photoarchive.catalog.durable import durable_transaction
from photoarchive.catalog.photo_records import (
    EDITABLE_FIELDS,
    Category,
    CategoryMark,
    CategoryState,
    CategorySuggestion,
    NewPhoto,
    PhotoFile,
    PhotoQuery,
    PhotoRecord,
    PhotoSummary,
    SortKey,
)
from photoarchive.catalog.photo_rows import (
    category_tags,
    derived_values,
    photo_conflict,
    record_from_row,
    reserve_photo_ids,
    search_text_for,
)
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import audit_log, photo_categories, photos, set_members
from photoarchive.catalog.schema import events as events_table
from photoarchive.media.press_text import clean_keywords

__all__ = [
    "EDITABLE_FIELDS",
    "Category",
    "CategoryMark",
    "CategoryState",
    "CategorySuggestion",
    "NewPhoto",
    "PhotoFile",
    "PhotoQuery",
    "PhotoRecord",
    "PhotoStore",
    "PhotoSummary",
    "SortKey",
    "search_text_for",
    "utcnow",
]


class PhotoStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- ingest ---------------------------------------------------------------------------------

    def add(
        self,
        new: NewPhoto,
        *,
        actor: str,
        pending_id: int | None = None,
        detail: dict | None = None,
        kind: str = "ingested",
    ) -> int:
        """Insert a photo with its suggestions and an `ingested` event (or ``kind``: `adopted` for a file
        found in originals/), in one transaction."""
        now = utcnow()
        values = derived_values(new, now)
        # Durable: ingest removes the inbox file as soon as this returns.
        with durable_transaction(self.engine) as conn:
            photo_id = inserted_id(conn.execute(insert(photos).values(**values)))
            for suggestion in new.suggestions:
                conn.execute(
                    insert(photo_categories).values(
                        photo_id=photo_id,
                        category=suggestion.category.value,
                        state=CategoryState.SUGGESTED.value,
                        source=suggestion.source,
                        decided_by="",
                    )
                )
            events.record(conn, kind, actor, {"source": new.source_path, **(detail or {})}, photo_id=photo_id)
            if pending_id is not None:
                pending.clear(conn, pending_id)
        return photo_id

    def add_many(self, news: Sequence[NewPhoto], *, actor: str) -> None:
        """Insert many photos in one transaction (imports, benchmarks); same rows as `add` would write."""
        now = utcnow()
        with self.engine.begin() as conn:
            photo_ids = reserve_photo_ids(conn, len(news))
            photo_rows, category_rows, event_rows = [], [], []
            for photo_id, new in zip(photo_ids, news, strict=True):
                photo_rows.append({**derived_values(new, now), "id": photo_id})
                category_rows += [
                    dict(
                        photo_id=photo_id,
                        category=s.category.value,
                        state=CategoryState.SUGGESTED.value,
                        source=s.source,
                        decided_by="",
                        decided_at=None,
                    )
                    for s in new.suggestions
                ]
                event_rows.append(
                    dict(
                        photo_id=photo_id,
                        quarantine_id=None,
                        kind="ingested",
                        at=now,
                        actor=actor,
                        detail={"source": new.source_path},
                    )
                )
            conn.execute(insert(photos), photo_rows)
            if category_rows:
                conn.execute(insert(photo_categories), category_rows)
            conn.execute(insert(events_table), event_rows)

    def withdraw(self, photo_id: int, *, actor: str, detail: dict[str, Any]) -> None:
        """Take a photo out of the catalog: its row, categories and events go, and one audit-log entry
        ("remove_photo", with ``detail``) records it, in one transaction. Raises PhotoInUse while a set
        holds the photo (checked inside the transaction, so a set cannot gain it meanwhile)."""
        from photoarchive.errors import PhotoInUse

        with self.engine.begin() as conn:
            in_sets = conn.execute(
                select(set_members.c.set_id).where(set_members.c.photo_id == photo_id)
            ).all()
            if in_sets:
                raise PhotoInUse(
                    f"Photo {photo_id} is in {len(in_sets)} set(s); take it out of them first "
                    "(a published set must be synced once more, so it leaves Flickr too)."
                )
            conn.execute(delete(photo_categories).where(photo_categories.c.photo_id == photo_id))
            conn.execute(delete(events_table).where(events_table.c.photo_id == photo_id))
            conn.execute(delete(photos).where(photos.c.id == photo_id))
            conn.execute(
                insert(audit_log).values(
                    at=utcnow(),
                    actor=actor,
                    action="remove_photo",
                    target_kind="photo",
                    target_id=photo_id,
                    detail=jsonable(detail),
                )
            )

    def files(self) -> list[PhotoFile]:
        """What the catalog says about every original on disk (for `photoarchive check`), by id."""
        stmt = select(
            photos.c.id, photos.c.sha256, photos.c.archive_path, photos.c.size_bytes, photos.c.ingested_at
        ).order_by(photos.c.id)
        with self.engine.connect() as conn:
            return [PhotoFile(*row) for row in conn.execute(stmt)]

    def id_for_sha256(self, sha256: str) -> int | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(photos.c.id).where(photos.c.sha256 == sha256)).first()
        return None if row is None else int(row.id)

    # -- reading --------------------------------------------------------------------------------

    def get(self, photo_id: int) -> PhotoRecord | None:
        found = self.get_many([photo_id])
        return found[0] if found else None

    def get_many(self, photo_ids: Sequence[int]) -> list[PhotoRecord]:
        """Full records, in the order asked for (unknown ids are left out)."""
        if not photo_ids:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(select(photos).where(photos.c.id.in_(list(photo_ids)))).mappings().all()
            marks = self._categories_for(conn, [r["id"] for r in rows])
        by_id = {r["id"]: record_from_row(r, marks.get(r["id"], {})) for r in rows}
        return [by_id[i] for i in photo_ids if i in by_id]

    def count(self, query: PhotoQuery | None = None) -> int:
        query = query or PhotoQuery()
        stmt = select(func.count()).select_from(photos).where(*photo_queries.conditions(query))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def ids(self, query: PhotoQuery | None = None) -> list[int]:
        query = query or PhotoQuery()
        stmt = photo_queries.ordered(select(photos.c.id).where(*photo_queries.conditions(query)), query)
        with self.engine.connect() as conn:
            return photo_queries.fetch_ids(conn, stmt)

    def search(self, query: PhotoQuery | None = None) -> list[PhotoRecord]:
        return self.get_many(self.ids(query))

    def summaries(self, query: PhotoQuery | None = None) -> list[PhotoSummary]:
        """Light rows for a list, in one query. For a grid of 100,000 take `ids()` and then
        `summaries_for()` the rows on screen: building every row up front costs most of a second."""
        query = query or PhotoQuery()
        stmt = photo_queries.ordered(
            photo_queries.summary_select().where(*photo_queries.conditions(query)), query
        )
        with self.engine.connect() as conn:
            return photo_queries.summaries(conn.execute(stmt).all())

    def summaries_for(self, photo_ids: Sequence[int]) -> list[PhotoSummary]:
        """Light rows for these photos, in the order given (unknown ids are left out)."""
        found: dict[int, PhotoSummary] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(photo_ids), 900):  # SQLite's bound-parameter limit
                chunk = list(photo_ids[start : start + 900])
                rows = conn.execute(photo_queries.summary_select().where(photos.c.id.in_(chunk))).all()
                found.update((s.id, s) for s in photo_queries.summaries(rows))
        return [found[i] for i in photo_ids if i in found]

    def case_numbers(self) -> list[tuple[str, int]]:
        """(case number, photo count), newest-looking first."""
        stmt = (
            select(photos.c.case_number, func.count())
            .where(photos.c.case_number != "")
            .group_by(photos.c.case_number)
            .order_by(photos.c.case_number.desc())
        )
        with self.engine.connect() as conn:
            return [(r[0], int(r[1])) for r in conn.execute(stmt)]

    # -- editing --------------------------------------------------------------------------------

    def update_fields(
        self,
        photo_ids: Iterable[int],
        changes: dict[str, Any],
        *,
        actor: str,
        expected_versions: Mapping[int, int] | None = None,
    ) -> int:
        """Edit press fields on one or many photos; each change is recorded as an `edited` event.

        With `expected_versions` ({photo id: the `version` it was read at}) a photo saved by someone else
        since raises EditConflict and nothing of this edit is written."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if "keywords" in changes:
            changes = {**changes, "keywords": clean_keywords(changes["keywords"])}
        expected_versions = expected_versions or {}
        changed = 0
        with self.engine.begin() as conn:
            for photo_id in photo_ids:
                row = conn.execute(select(photos).where(photos.c.id == photo_id)).mappings().first()
                if row is None:
                    continue
                expected = expected_versions.get(photo_id)
                if expected is not None and row["version"] != expected:
                    raise photo_conflict(conn, photo_id, expected, row["version"])
                before = {k: row[k] for k in changes if row[k] != changes[k]}
                if not before:
                    continue
                merged = {**dict(row), **changes}
                result = conn.execute(
                    update(photos)
                    .where(photos.c.id == photo_id, photos.c.version == row["version"])
                    .values(
                        **changes,
                        search_text=search_text_for(merged),
                        updated_at=utcnow(),
                        version=photos.c.version + 1,
                    )
                )
                if result.rowcount != 1:  # saved by another desk between our read and our write
                    current = conn.execute(select(photos.c.version).where(photos.c.id == photo_id)).scalar()
                    raise photo_conflict(conn, photo_id, row["version"], int(current or 0))
                after = {k: changes[k] for k in before}
                detail = {"before": before, "after": after, "version": row["version"] + 1}
                events.record(conn, "edited", actor, detail, photo_id=photo_id)
                changed += 1
        return changed

    def set_category(
        self, photo_ids: Iterable[int], category: Category, state: CategoryState, *, actor: str
    ) -> int:
        """Confirm, reject or add a category (a person's decision; replaces any suggestion)."""
        now = utcnow()
        changed = 0
        with self.engine.begin() as conn:
            for photo_id in photo_ids:
                current = conn.execute(
                    select(photo_categories).where(
                        photo_categories.c.photo_id == photo_id,
                        photo_categories.c.category == category.value,
                    )
                ).first()
                if current is not None and current.state == state.value and current.decided_by:
                    continue
                if not conn.execute(select(photos.c.id).where(photos.c.id == photo_id)).first():
                    continue
                if current is None:
                    conn.execute(
                        insert(photo_categories).values(
                            photo_id=photo_id,
                            category=category.value,
                            state=state.value,
                            source="user",
                            decided_by=actor,
                            decided_at=now,
                        )
                    )
                else:
                    conn.execute(
                        update(photo_categories)
                        .where(
                            photo_categories.c.photo_id == photo_id,
                            photo_categories.c.category == category.value,
                        )
                        .values(state=state.value, decided_by=actor, decided_at=now)
                    )
                kind = {
                    CategoryState.CONFIRMED: "category_confirmed",
                    CategoryState.REJECTED: "category_rejected",
                    CategoryState.SUGGESTED: "category_suggested",
                }[state]
                events.record(conn, kind, actor, {"category": category.value}, photo_id=photo_id)
                tags = category_tags(
                    (r.category, r.state)
                    for r in conn.execute(
                        select(photo_categories.c.category, photo_categories.c.state).where(
                            photo_categories.c.photo_id == photo_id
                        )
                    )
                )
                conn.execute(
                    update(photos).where(photos.c.id == photo_id).values(updated_at=now, category_tags=tags)
                )
                changed += 1
        return changed

    def mark_reviewed(self, photo_ids: Iterable[int], reviewed: bool = True) -> None:
        ids = list(photo_ids)
        if not ids:
            return
        with self.engine.begin() as conn:
            conn.execute(update(photos).where(photos.c.id.in_(ids)).values(reviewed=reviewed))

    # -- internals ------------------------------------------------------------------------------

    @staticmethod
    def _categories_for(conn: Connection, photo_ids: list[int]) -> dict[int, dict[Category, CategoryMark]]:
        result: dict[int, dict[Category, CategoryMark]] = {}
        if not photo_ids:
            return result
        for chunk_start in range(0, len(photo_ids), 900):  # SQLite's bound-parameter limit
            chunk = photo_ids[chunk_start : chunk_start + 900]
            for r in conn.execute(select(photo_categories).where(photo_categories.c.photo_id.in_(chunk))):
                try:
                    category = Category(r.category)
                except ValueError:
                    continue
                result.setdefault(r.photo_id, {})[category] = CategoryMark(
                    category, CategoryState(r.state), r.source, r.decided_by, r.decided_at
                )
        return result

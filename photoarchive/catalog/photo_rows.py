"""How a photo becomes catalog rows and rows a record again: derived columns (search text, category
tags, sort time), new ids, and who changed a photo since a given version (for edit conflicts)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection, RowMapping

from photoarchive.catalog.conflicts import ChangeSince, EditConflict
from photoarchive.catalog.photo_records import Category, CategoryMark, CategoryState, NewPhoto, PhotoRecord
from photoarchive.catalog.schema import events as events_table
from photoarchive.catalog.schema import photos


def search_text_for(values: dict[str, Any]) -> str:
    parts = [
        values.get("original_name", ""),
        values.get("caption", ""),
        values.get("headline", ""),
        values.get("case_number", ""),
        " ".join(values.get("keywords") or []),
    ]
    return " ".join(p for p in parts if p).casefold()


def derived_values(new: NewPhoto, now: datetime) -> dict[str, Any]:
    values = {k: v for k, v in new.__dict__.items() if k != "suggestions"}
    values.update(
        search_text=search_text_for(values),
        category_tags=category_tags(
            (s.category.value, CategoryState.SUGGESTED.value) for s in new.suggestions
        ),
        sort_time=new.capture_time or now,
        ingested_at=now,
        updated_at=now,
        reviewed=False,
    )
    return values


def category_tags(marks: Iterable[tuple[str, str]]) -> str:
    return ",".join(
        sorted(
            category + ("?" if state == CategoryState.SUGGESTED.value else "")
            for category, state in marks
            if state != CategoryState.REJECTED.value
        )
    )


def record_from_row(row: RowMapping, marks: dict[Category, CategoryMark]) -> PhotoRecord:
    values = {k: row[k] for k in PhotoRecord.__dataclass_fields__ if k != "categories"}
    values["keywords"] = list(values["keywords"] or [])
    values["privacy_findings"] = list(values["privacy_findings"] or [])
    for flag in ("has_gps", "has_serial", "has_owner", "reviewed"):
        values[flag] = bool(values[flag])
    return PhotoRecord(**values, categories=marks)


def reserve_photo_ids(conn: Connection, count: int) -> list[int]:
    """Ids for a batch insert. PostgreSQL hands them out from the id sequence (so the sequence stays
    ahead and another desk inserting meanwhile cannot collide); SQLite's writer lock makes max + 1 safe."""
    if conn.dialect.name == "postgresql":
        return list(
            conn.execute(
                text("SELECT nextval(pg_get_serial_sequence('photos', 'id')) FROM generate_series(1, :n)"),
                {"n": count},
            ).scalars()
        )
    first_id = (conn.execute(select(func.max(photos.c.id))).scalar() or 0) + 1
    return list(range(first_id, first_id + count))


def photo_conflict(conn: Connection, photo_id: int, yours: int, current: int) -> EditConflict:
    """Who saved the photo since version `yours`, from its `edited` events."""
    rows = conn.execute(
        select(events_table.c.actor, events_table.c.at, events_table.c.detail)
        .where(events_table.c.photo_id == photo_id, events_table.c.kind == "edited")
        .order_by(events_table.c.id)
    ).all()
    since = [
        ChangeSince(r.actor, r.at, tuple(sorted((r.detail or {}).get("after", {}))))
        for r in rows
        if int((r.detail or {}).get("version", 0)) > yours
    ]
    return EditConflict("photo", photo_id, yours, current, since)

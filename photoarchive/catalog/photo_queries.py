"""The SQL a `PhotoQuery` becomes, and the grid's light rows read in one cheap query."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, and_, exists, func, or_, select, type_coerce

from photoarchive.catalog.photo_records import CategoryState, PhotoQuery, PhotoSummary, SortKey
from photoarchive.catalog.schema import photo_categories, photos, set_members


def conditions(query: PhotoQuery) -> list[Any]:
    """The WHERE clauses of a query (always at least one)."""
    where: list[Any] = []
    if query.category is not None:
        states = [CategoryState.CONFIRMED.value]
        if not query.confirmed_only:
            states.append(CategoryState.SUGGESTED.value)
        # IN (uncorrelated) rather than EXISTS: one index lookup instead of one per photo.
        where.append(
            photos.c.id.in_(
                select(photo_categories.c.photo_id).where(
                    photo_categories.c.category == query.category.value,
                    photo_categories.c.state.in_(states),
                )
            )
        )
    if query.case_number:
        where.append(photos.c.case_number == query.case_number)
    if query.unreviewed_only:
        where.append(photos.c.reviewed.is_(False))
    if query.needs_review:
        where.append(
            or_(
                photos.c.id.in_(
                    select(photo_categories.c.photo_id).where(
                        photo_categories.c.state == CategoryState.SUGGESTED.value
                    )
                ),
                photos.c.has_gps.is_(True),
                photos.c.has_serial.is_(True),
                photos.c.has_owner.is_(True),
            )
        )
    for word in query.search.casefold().split():
        # search_text is already case-folded, so a plain substring test does (faster than LIKE,
        # which also folds only ASCII).
        where.append(func.instr(photos.c.search_text, word) > 0)
    return where or [and_(True)]


def ordered(stmt: Any, query: PhotoQuery) -> Any:
    """The query's order (with the id as tiebreak), limit and offset applied to a select."""
    column = {
        SortKey.CAPTURE_TIME: photos.c.sort_time,
        SortKey.INGESTED_AT: photos.c.ingested_at,
        SortKey.NAME: photos.c.original_name,
    }[query.sort]
    order = column.desc() if query.descending else column.asc()
    tiebreak = photos.c.id.desc() if query.descending else photos.c.id.asc()
    stmt = stmt.order_by(order, tiebreak)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    if query.offset:
        stmt = stmt.offset(query.offset)
    return stmt


def summary_select() -> Any:
    in_set = exists().where(set_members.c.photo_id == photos.c.id)
    return select(
        photos.c.id,
        photos.c.sha256,
        photos.c.original_name,
        # Read as text and parsed with fromisoformat: SQLAlchemy's row-by-row datetime parsing is slower.
        type_coerce(photos.c.capture_time, String),
        type_coerce(photos.c.ingested_at, String),
        photos.c.width,
        photos.c.height,
        photos.c.case_number,
        type_coerce(photos.c.has_gps, Integer),
        type_coerce(photos.c.has_serial, Integer),
        type_coerce(photos.c.reviewed, Integer),
        photos.c.category_tags,
        type_coerce(in_set, Integer),
        type_coerce(photos.c.privacy_findings, String),
    )


def summaries(rows: Sequence[tuple]) -> list[PhotoSummary]:
    parse = datetime.fromisoformat
    return [
        PhotoSummary(
            i,
            sha,
            name,
            parse(taken) if taken else None,
            parse(ingested),
            w,
            h,
            case,
            gps == 1,
            serial == 1,
            reviewed == 1,
            tuple(tags.split(",")) if tags else (),
            in_set_ == 1,
            tuple(json.loads(kinds)) if kinds and kinds != "[]" else (),
        )
        for (i, sha, name, taken, ingested, w, h, case, gps, serial, reviewed, tags, in_set_, kinds) in rows
    ]

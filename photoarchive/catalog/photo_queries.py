"""The SQL a `PhotoQuery` becomes, and the grid's light rows read in one cheap query."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String, and_, exists, or_, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from photoarchive.catalog.photo_records import CategoryState, PhotoQuery, PhotoSummary, SortKey
from photoarchive.catalog.schema import photo_categories, photos, set_members


class _contains_text(FunctionElement[bool]):
    """`haystack` contains a plain substring (no wildcards), on SQLite and PostgreSQL alike. Carries the
    needle twice: as is (SQLite's instr) and as an escaped LIKE pattern (PostgreSQL)."""

    type = Boolean()
    inherit_cache = True


@compiles(_contains_text)
def _contains_text_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    # instr is faster than LIKE on SQLite (and LIKE folds only ASCII there).
    haystack, needle, _pattern = list(element.clauses)
    return f"(instr({compiler.process(haystack, **kw)}, {compiler.process(needle, **kw)}) > 0)"


@compiles(_contains_text, "postgresql")
def _contains_text_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    # LIKE '%word%' rather than strpos: faster on the server, and the trigram index (pg_trgm, migration
    # 0004) answers it for rare words without reading the table. search_text is case-folded in Python,
    # so a case-sensitive match is right and æøå match whatever the server's collation.
    haystack, _needle, pattern = list(element.clauses)
    return f"({compiler.process(haystack, **kw)} LIKE {compiler.process(pattern, **kw)})"


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains_text(haystack: Any, needle: str) -> ColumnElement[Any]:
    return _contains_text(haystack, type_coerce(needle, String), type_coerce(_like_pattern(needle), String))


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
        where.append(contains_text(photos.c.search_text, word))
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


def fetch_ids(conn: Connection, stmt: Any) -> list[int]:
    """The ids a one-column select returns, in order. On PostgreSQL read straight from psycopg's cursor:
    SQLAlchemy's row objects cost more than the query itself for the grid's 100,000 ids (twice the time)."""
    if conn.dialect.name != "postgresql":
        return list(conn.execute(stmt).scalars())
    # The conditions bind only text, numbers and booleans, which psycopg adapts as SQLAlchemy would.
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(compiled.string, compiled.params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


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


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _finding_kinds(kinds: Any) -> tuple[str, ...]:
    # SQLite gives the JSON column's text; psycopg parses a json column itself, whatever the coercion.
    if not kinds or kinds == "[]":
        return ()
    return tuple(json.loads(kinds) if isinstance(kinds, str) else kinds)


def summaries(rows: Sequence[tuple]) -> list[PhotoSummary]:
    # SQLite hands the times over as text (parsed here, faster than SQLAlchemy's per-row converter);
    # psycopg already returns datetimes.
    parse = datetime.fromisoformat if not rows or isinstance(rows[0][4], str) else _as_datetime
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
            _finding_kinds(kinds),
        )
        for (i, sha, name, taken, ingested, w, h, case, gps, serial, reviewed, tags, in_set_, kinds) in rows
    ]

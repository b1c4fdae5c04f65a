"""Queries about photos: adding them at ingest, listing, searching, editing, their history, quarantine."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Engine,
    Integer,
    String,
    and_,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.engine import Connection, RowMapping

from photoarchive.catalog.schema import (
    audit_log,
    events,
    pending_ingests,
    photo_categories,
    photos,
    quarantine,
    set_members,
)


def utcnow() -> datetime:
    """Naive UTC, as the catalog stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


class Category(StrEnum):
    PORTRAIT = "portrait"
    CASE = "case"
    MEDIA = "media"


class CategoryState(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class SortKey(StrEnum):
    CAPTURE_TIME = "capture_time"
    INGESTED_AT = "ingested_at"
    NAME = "name"


@dataclass(frozen=True)
class CategoryMark:
    category: Category
    state: CategoryState
    # Why it was suggested (size, folder, face, file) or "user" when a person set it.
    source: str
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True)
class CategorySuggestion:
    category: Category
    source: str


# Fields staff may edit; everything else is a fact about the file.
EDITABLE_FIELDS = ("case_number", "caption", "headline", "keywords", "byline", "credit", "copyright")


@dataclass
class NewPhoto:
    """What ingest knows about a file once it sits verified in originals/."""

    sha256: str
    original_name: str
    archive_path: str
    size_bytes: int
    format: str
    width: int
    height: int
    source_path: str = ""
    orientation: int = 1
    capture_time: datetime | None = None
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    has_gps: bool = False
    has_serial: bool = False
    has_owner: bool = False
    privacy_findings: list[str] = field(default_factory=list)
    case_number: str = ""
    caption: str = ""
    headline: str = ""
    keywords: list[str] = field(default_factory=list)
    byline: str = ""
    credit: str = ""
    copyright: str = ""
    faces: int = 0
    suggestions: list[CategorySuggestion] = field(default_factory=list)


@dataclass
class PhotoRecord:
    id: int
    sha256: str
    original_name: str
    archive_path: str
    source_path: str
    size_bytes: int
    format: str
    width: int
    height: int
    orientation: int
    capture_time: datetime | None
    camera_make: str
    camera_model: str
    lens: str
    has_gps: bool
    has_serial: bool
    has_owner: bool
    privacy_findings: list[str]
    case_number: str
    caption: str
    headline: str
    keywords: list[str]
    byline: str
    credit: str
    copyright: str
    faces: int
    reviewed: bool
    ingested_at: datetime
    updated_at: datetime
    categories: dict[Category, CategoryMark] = field(default_factory=dict)

    def has_category(self, category: Category, *, confirmed_only: bool = False) -> bool:
        mark = self.categories.get(category)
        if mark is None or mark.state is CategoryState.REJECTED:
            return False
        return mark.state is CategoryState.CONFIRMED or not confirmed_only

    @property
    def pending_suggestions(self) -> list[Category]:
        return [c for c, m in self.categories.items() if m.state is CategoryState.SUGGESTED]


@dataclass(slots=True)
class PhotoSummary:
    """The light row a grid of 100,000 tiles needs."""

    id: int
    sha256: str
    original_name: str
    capture_time: datetime | None
    ingested_at: datetime
    width: int
    height: int
    case_number: str
    has_gps: bool
    has_serial: bool
    reviewed: bool
    # Categories not rejected, sorted; suggested ones end in "?" (e.g. ("case", "portrait?")).
    categories: tuple[str, ...]
    in_set: bool
    # The privacy kinds ingest recorded (for the badge: privacy_state.decide tells found / unchecked).
    privacy_findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhotoEvent:
    id: int
    photo_id: int | None
    kind: str
    at: datetime
    actor: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class QuarantineRecord:
    id: int
    original_name: str
    source_path: str
    quarantine_path: str
    reason: str
    reason_code: str
    size_bytes: int
    sha256: str
    at: datetime
    resolved: bool


@dataclass
class PhotoQuery:
    category: Category | None = None
    # With a category: only photos where that category is confirmed (else suggested counts too).
    confirmed_only: bool = False
    search: str = ""
    case_number: str = ""
    unreviewed_only: bool = False
    # Unconfirmed suggestions or privacy findings in the original.
    needs_review: bool = False
    sort: SortKey = SortKey.CAPTURE_TIME
    descending: bool = True
    limit: int | None = None
    offset: int = 0


def search_text_for(values: dict[str, Any]) -> str:
    parts = [
        values.get("original_name", ""),
        values.get("caption", ""),
        values.get("headline", ""),
        values.get("case_number", ""),
        " ".join(values.get("keywords") or []),
    ]
    return " ".join(p for p in parts if p).casefold()


class PhotoStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- ingest ---------------------------------------------------------------------------------

    def begin_pending(self, sha256: str, archive_path: str) -> int:
        """Record the intent to place a file at archive_path (before the rename into originals/)."""
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    insert(pending_ingests).values(
                        sha256=sha256, archive_path=archive_path, started_at=utcnow()
                    )
                ).inserted_primary_key[0]
            )

    def pending(self) -> list[tuple[int, str, str]]:
        """(id, sha256, archive_path) of ingests a crash left unfinished."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(pending_ingests.c.id, pending_ingests.c.sha256, pending_ingests.c.archive_path)
            ).all()
        return [(r.id, r.sha256, r.archive_path) for r in rows]

    def clear_pending(self, pending_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(pending_ingests).where(pending_ingests.c.id == pending_id))

    def path_taken(self, archive_path: str) -> bool:
        with self.engine.connect() as conn:
            in_photos = conn.execute(select(photos.c.id).where(photos.c.archive_path == archive_path)).first()
            in_pending = conn.execute(
                select(pending_ingests.c.id).where(pending_ingests.c.archive_path == archive_path)
            ).first()
        return in_photos is not None or in_pending is not None

    def add(
        self, new: NewPhoto, *, actor: str, pending_id: int | None = None, detail: dict | None = None
    ) -> int:
        """Insert a photo with its suggestions and an `ingested` event, in one transaction."""
        now = utcnow()
        values = _derived_values(new, now)
        with self.engine.begin() as conn:
            photo_id = int(conn.execute(insert(photos).values(**values)).inserted_primary_key[0])
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
            self._event(conn, photo_id, "ingested", actor, {"source": new.source_path, **(detail or {})})
            if pending_id is not None:
                conn.execute(delete(pending_ingests).where(pending_ingests.c.id == pending_id))
        return photo_id

    def add_many(self, news: Sequence[NewPhoto], *, actor: str) -> None:
        """Insert many photos in one transaction (imports, benchmarks); same rows as `add` would write."""
        now = utcnow()
        with self.engine.begin() as conn:
            first_id = (conn.execute(select(func.max(photos.c.id))).scalar() or 0) + 1
            photo_rows, category_rows, event_rows = [], [], []
            for offset, new in enumerate(news):
                photo_id = first_id + offset
                photo_rows.append({**_derived_values(new, now), "id": photo_id})
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
            conn.execute(insert(events), event_rows)

    def record_duplicate(self, photo_id: int, source_path: str, *, actor: str) -> None:
        with self.engine.begin() as conn:
            self._event(conn, photo_id, "duplicate_seen", actor, {"source": source_path})

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
            conn.execute(delete(events).where(events.c.photo_id == photo_id))
            conn.execute(delete(photos).where(photos.c.id == photo_id))
            conn.execute(
                insert(audit_log).values(
                    at=utcnow(),
                    actor=actor,
                    action="remove_photo",
                    target_kind="photo",
                    target_id=photo_id,
                    detail=_jsonable(detail),
                )
            )

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
        by_id = {r["id"]: _record(r, marks.get(r["id"], {})) for r in rows}
        return [by_id[i] for i in photo_ids if i in by_id]

    def count(self, query: PhotoQuery | None = None) -> int:
        query = query or PhotoQuery()
        stmt = select(func.count()).select_from(photos).where(*self._conditions(query))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def ids(self, query: PhotoQuery | None = None) -> list[int]:
        query = query or PhotoQuery()
        stmt = self._ordered(select(photos.c.id).where(*self._conditions(query)), query)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def search(self, query: PhotoQuery | None = None) -> list[PhotoRecord]:
        return self.get_many(self.ids(query))

    def summaries(self, query: PhotoQuery | None = None) -> list[PhotoSummary]:
        """Light rows for a list, in one query. For a grid of 100,000 take `ids()` and then
        `summaries_for()` the rows on screen: building every row up front costs most of a second."""
        query = query or PhotoQuery()
        stmt = self._ordered(_summary_select().where(*self._conditions(query)), query)
        with self.engine.connect() as conn:
            return _summaries(conn.execute(stmt).all())

    def summaries_for(self, photo_ids: Sequence[int]) -> list[PhotoSummary]:
        """Light rows for these photos, in the order given (unknown ids are left out)."""
        found: dict[int, PhotoSummary] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(photo_ids), 900):  # SQLite's bound-parameter limit
                chunk = list(photo_ids[start : start + 900])
                rows = conn.execute(_summary_select().where(photos.c.id.in_(chunk))).all()
                found.update((s.id, s) for s in _summaries(rows))
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

    def events(self, photo_id: int) -> list[PhotoEvent]:
        stmt = select(events).where(events.c.photo_id == photo_id).order_by(events.c.id)
        with self.engine.connect() as conn:
            return [
                PhotoEvent(r.id, r.photo_id, r.kind, r.at, r.actor, dict(r.detail or {}))
                for r in conn.execute(stmt)
            ]

    # -- editing --------------------------------------------------------------------------------

    def update_fields(self, photo_ids: Iterable[int], changes: dict[str, Any], *, actor: str) -> int:
        """Edit press fields on one or many photos; each change is recorded as an `edited` event."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if "keywords" in changes:
            changes = {**changes, "keywords": _clean_keywords(changes["keywords"])}
        changed = 0
        with self.engine.begin() as conn:
            for photo_id in photo_ids:
                row = conn.execute(select(photos).where(photos.c.id == photo_id)).mappings().first()
                if row is None:
                    continue
                before = {k: row[k] for k in changes if row[k] != changes[k]}
                if not before:
                    continue
                merged = {**dict(row), **changes}
                conn.execute(
                    update(photos)
                    .where(photos.c.id == photo_id)
                    .values(**changes, search_text=search_text_for(merged), updated_at=utcnow())
                )
                after = {k: changes[k] for k in before}
                self._event(conn, photo_id, "edited", actor, {"before": before, "after": after})
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
                self._event(conn, photo_id, kind, actor, {"category": category.value})
                tags = _category_tags(
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

    # -- quarantine -----------------------------------------------------------------------------

    def add_quarantine(
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
        with self.engine.begin() as conn:
            qid = int(
                conn.execute(
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
                ).inserted_primary_key[0]
            )
            conn.execute(
                insert(events).values(
                    photo_id=None,
                    quarantine_id=qid,
                    kind="quarantined",
                    at=utcnow(),
                    actor=actor,
                    detail={"reason": reason, "code": reason_code, "source": source_path},
                )
            )
        return qid

    def quarantined(self, *, include_resolved: bool = False) -> list[QuarantineRecord]:
        stmt = select(quarantine).order_by(quarantine.c.id.desc())
        if not include_resolved:
            stmt = stmt.where(quarantine.c.resolved.is_(False))
        with self.engine.connect() as conn:
            return [QuarantineRecord(**dict(r)) for r in conn.execute(stmt).mappings()]

    def resolve_quarantine(self, quarantine_ids: Iterable[int]) -> list[int]:
        """Mark quarantined files as dealt with (off the list; the files stay). Returns the ids that exist."""
        wanted = list(quarantine_ids)
        with self.engine.begin() as conn:
            found = list(conn.execute(select(quarantine.c.id).where(quarantine.c.id.in_(wanted))).scalars())
            conn.execute(update(quarantine).where(quarantine.c.id.in_(found)).values(resolved=True))
        return found

    # -- internals ------------------------------------------------------------------------------

    @staticmethod
    def _event(conn: Connection, photo_id: int | None, kind: str, actor: str, detail: dict) -> None:
        conn.execute(
            insert(events).values(
                photo_id=photo_id, kind=kind, at=utcnow(), actor=actor, detail=_jsonable(detail)
            )
        )

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

    @staticmethod
    def _conditions(query: PhotoQuery) -> list[Any]:
        conditions: list[Any] = []
        if query.category is not None:
            states = [CategoryState.CONFIRMED.value]
            if not query.confirmed_only:
                states.append(CategoryState.SUGGESTED.value)
            # IN (uncorrelated) rather than EXISTS: one index lookup instead of one per photo.
            conditions.append(
                photos.c.id.in_(
                    select(photo_categories.c.photo_id).where(
                        photo_categories.c.category == query.category.value,
                        photo_categories.c.state.in_(states),
                    )
                )
            )
        if query.case_number:
            conditions.append(photos.c.case_number == query.case_number)
        if query.unreviewed_only:
            conditions.append(photos.c.reviewed.is_(False))
        if query.needs_review:
            conditions.append(
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
            conditions.append(func.instr(photos.c.search_text, word) > 0)
        return conditions or [and_(True)]

    @staticmethod
    def _ordered(stmt: Any, query: PhotoQuery) -> Any:
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


def _summary_select() -> Any:
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


def _summaries(rows: Sequence[tuple]) -> list[PhotoSummary]:
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


def _derived_values(new: NewPhoto, now: datetime) -> dict[str, Any]:
    values = {k: v for k, v in new.__dict__.items() if k != "suggestions"}
    values.update(
        search_text=search_text_for(values),
        category_tags=_category_tags(
            (s.category.value, CategoryState.SUGGESTED.value) for s in new.suggestions
        ),
        sort_time=new.capture_time or now,
        ingested_at=now,
        updated_at=now,
        reviewed=False,
    )
    return values


def _category_tags(marks: Iterable[tuple[str, str]]) -> str:
    return ",".join(
        sorted(
            category + ("?" if state == CategoryState.SUGGESTED.value else "")
            for category, state in marks
            if state != CategoryState.REJECTED.value
        )
    )


def _record(row: RowMapping, marks: dict[Category, CategoryMark]) -> PhotoRecord:
    values = {k: row[k] for k in PhotoRecord.__dataclass_fields__ if k != "categories"}
    values["keywords"] = list(values["keywords"] or [])
    values["privacy_findings"] = list(values["privacy_findings"] or [])
    for flag in ("has_gps", "has_serial", "has_owner", "reviewed"):
        values[flag] = bool(values[flag])
    return PhotoRecord(**values, categories=marks)


def _clean_keywords(keywords: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for keyword in keywords:
        keyword = keyword.strip()
        if keyword and keyword.casefold() not in {k.casefold() for k in seen}:
            seen[keyword] = None
    return list(seen)


def _jsonable(value: Any) -> Any:
    """Event details go into a JSON column; dates and sets become text/lists."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))

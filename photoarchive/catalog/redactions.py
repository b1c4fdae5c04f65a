"""Redaction regions and reviews per photo (SQL only; the rules live in photoarchive/redaction/)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, and_, delete, insert, select, update

from photoarchive.catalog.clock import jsonable as _jsonable
from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import events, photo_categories, redaction_regions, redaction_reviews

# The event that says the face search has run on a photo (so the background search does it once).
SEARCHED_EVENT = "redaction_searched"


@dataclass(frozen=True)
class RegionRow:
    id: int
    photo_id: int
    x: float
    y: float
    w: float
    h: float
    kind: str
    fill: str
    source: str
    score: float | None
    added_by: str
    added_at: datetime
    confirmed_by: str
    confirmed_at: datetime | None


@dataclass(frozen=True)
class NewRegion:
    x: float
    y: float
    w: float
    h: float
    kind: str
    fill: str
    source: str
    score: float | None = None


@dataclass(frozen=True)
class ReviewRow:
    photo_id: int
    state: str
    regions_digest: str
    actor: str
    at: datetime


def _row(r) -> RegionRow:
    return RegionRow(
        r.id,
        r.photo_id,
        r.x,
        r.y,
        r.w,
        r.h,
        r.kind,
        r.fill,
        r.source,
        r.score,
        r.added_by,
        r.added_at,
        r.confirmed_by,
        r.confirmed_at,
    )


class RedactionStore:
    """Thread-safe like the other stores: each call takes its own connection."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def regions(self, photo_id: int) -> list[RegionRow]:
        stmt = select(redaction_regions).where(redaction_regions.c.photo_id == photo_id)
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(stmt.order_by(redaction_regions.c.id))]

    def regions_of(self, photo_ids: Iterable[int]) -> dict[int, list[RegionRow]]:
        """`regions` of many photos in one go (photos without any left out)."""
        ids = list(dict.fromkeys(photo_ids))
        found: dict[int, list[RegionRow]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 900):
                stmt = select(redaction_regions).where(redaction_regions.c.photo_id.in_(ids[start : start + 900]))
                for r in conn.execute(stmt.order_by(redaction_regions.c.id)):
                    found.setdefault(r.photo_id, []).append(_row(r))
        return found

    def add(self, photo_id: int, new: Iterable[NewRegion], actor: str) -> list[int]:
        now = utcnow()
        ids: list[int] = []
        with self.engine.begin() as conn:
            for n in new:
                result = conn.execute(
                    insert(redaction_regions).values(
                        photo_id=photo_id,
                        x=n.x,
                        y=n.y,
                        w=n.w,
                        h=n.h,
                        kind=n.kind,
                        fill=n.fill,
                        source=n.source,
                        score=n.score,
                        added_by=actor,
                        added_at=now,
                        confirmed_by="",
                    )
                )
                ids.append(inserted_id(result))
            if ids:
                self._event(conn, photo_id, "redaction_added", actor, {"regions": ids})
        return ids

    def update(self, region_id: int, actor: str, **values: object) -> bool:
        """Change a region's rectangle, kind or fill; a changed region is no longer confirmed."""
        allowed = {k: v for k, v in values.items() if k in {"x", "y", "w", "h", "kind", "fill"}}
        with self.engine.begin() as conn:
            photo_id = conn.execute(
                select(redaction_regions.c.photo_id).where(redaction_regions.c.id == region_id)
            ).scalar()
            if photo_id is None:
                return False
            conn.execute(
                update(redaction_regions)
                .where(redaction_regions.c.id == region_id)
                .values(**allowed, confirmed_by="", confirmed_at=None)
            )
            self._event(conn, photo_id, "redaction_changed", actor, {"region": region_id, **allowed})
        return True

    def remove(self, photo_id: int, region_ids: Iterable[int] | None, actor: str) -> int:
        """Remove the given regions of the photo (all of them with None); returns how many went."""
        stmt = delete(redaction_regions).where(redaction_regions.c.photo_id == photo_id)
        wanted = None if region_ids is None else list(region_ids)
        if wanted is not None:
            stmt = stmt.where(redaction_regions.c.id.in_(wanted))
        with self.engine.begin() as conn:
            count = conn.execute(stmt).rowcount
            if count:
                self._event(conn, photo_id, "redaction_removed", actor, {"regions": wanted or "all"})
        return count

    def review(self, photo_id: int) -> ReviewRow | None:
        stmt = select(redaction_reviews).where(redaction_reviews.c.photo_id == photo_id)
        with self.engine.connect() as conn:
            r = conn.execute(stmt).first()
        return None if r is None else ReviewRow(r.photo_id, r.state, r.regions_digest, r.actor, r.at)

    def reviews(self, photo_ids: Iterable[int]) -> dict[int, ReviewRow]:
        ids = list(photo_ids)
        found: dict[int, ReviewRow] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 900):
                stmt = select(redaction_reviews).where(
                    redaction_reviews.c.photo_id.in_(ids[start : start + 900])
                )
                for r in conn.execute(stmt):
                    found[r.photo_id] = ReviewRow(r.photo_id, r.state, r.regions_digest, r.actor, r.at)
        return found

    def set_review(
        self, photo_id: int, state: str, regions_digest: str, actor: str, confirm_regions: bool
    ) -> None:
        """Record a person's review (replacing an earlier one) and an event; ``confirm_regions`` marks
        every region of the photo confirmed by them."""
        now = utcnow()
        with self.engine.begin() as conn:
            if confirm_regions:
                conn.execute(
                    update(redaction_regions)
                    .where(redaction_regions.c.photo_id == photo_id)
                    .values(confirmed_by=actor, confirmed_at=now)
                )
            conn.execute(delete(redaction_reviews).where(redaction_reviews.c.photo_id == photo_id))
            conn.execute(
                insert(redaction_reviews).values(
                    photo_id=photo_id, state=state, regions_digest=regions_digest, actor=actor, at=now
                )
            )
            self._event(
                conn, photo_id, "redaction_reviewed", actor, {"state": state, "regions": regions_digest}
            )

    def unsearched_case_photos(self, limit: int | None = None) -> list[int]:
        """Case photos (suggested or confirmed) the face search has not been run on, newest first."""
        searched = select(events.c.photo_id).where(
            events.c.kind == SEARCHED_EVENT, events.c.photo_id.is_not(None)
        )
        stmt = (
            select(photo_categories.c.photo_id)
            .where(
                and_(
                    photo_categories.c.category == "case",
                    photo_categories.c.state != "rejected",
                    photo_categories.c.photo_id.not_in(searched),
                )
            )
            .order_by(photo_categories.c.photo_id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def mark_searched(self, photo_id: int, actor: str, detail: dict) -> None:
        with self.engine.begin() as conn:
            self._event(conn, photo_id, SEARCHED_EVENT, actor, detail)

    @staticmethod
    def _event(conn: Connection, photo_id: int, kind: str, actor: str, detail: dict) -> None:
        conn.execute(
            insert(events).values(
                photo_id=photo_id, kind=kind, at=utcnow(), actor=actor, detail=_jsonable(detail)
            )
        )

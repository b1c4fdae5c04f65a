"""The case register (plain data): case numbers the photos carry, their state, the take-down date set in
advance, and the editors' retention decisions on a closed case's photos. Every change is written with
its audit-log entry (target_kind "case", target_id 0, the case number in the detail)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.engine import Connection

from photoarchive.catalog.clock import jsonable, utcnow
from photoarchive.catalog.schema import audit_log, case_retention, cases, photos
from photoarchive.errors import CatalogError

OPEN, CLOSED = "open", "closed"
KEEP, REMOVE = "keep", "remove"


class CaseNotFound(CatalogError):
    code = "cases.not_found"

    def __init__(self, case_number: str):
        self.params = {"case": case_number}
        super().__init__(f"No photo carries the case number {case_number} and the register does not list it.")


@dataclass(frozen=True)
class CaseRecord:
    case_number: str
    title: str = ""
    state: str = OPEN
    closed_at: datetime | None = None
    closed_by: str = ""
    takedown_on: date | None = None
    # Photos in the catalog carrying this case number.
    photo_count: int = 0
    # False: only known from the photos (never registered, so open).
    registered: bool = False


@dataclass(frozen=True)
class RetentionDecision:
    case_number: str
    photo_id: int
    decision: str  # keep | remove
    reason: str
    decided_by: str
    decided_at: datetime


class CaseStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def list(self) -> builtins.list[CaseRecord]:
        """Every case: the registered ones and every case number a photo carries (open until closed)."""
        with self.engine.connect() as conn:
            counts = {
                r.case_number: int(r.n)
                for r in conn.execute(
                    select(photos.c.case_number, func.count().label("n"))
                    .where(photos.c.case_number != "")
                    .group_by(photos.c.case_number)
                )
            }
            rows = {r.case_number: r for r in conn.execute(select(cases))}
        numbers = sorted(set(counts) | set(rows))
        return [_record(n, rows.get(n), counts.get(n, 0)) for n in numbers]

    def get(self, case_number: str) -> CaseRecord:
        number = case_number.strip()
        with self.engine.connect() as conn:
            row = conn.execute(select(cases).where(cases.c.case_number == number)).first()
            count = int(
                conn.execute(select(func.count()).where(photos.c.case_number == number)).scalar() or 0
            )
        if row is None and count == 0:
            raise CaseNotFound(number)
        return _record(number, row, count)

    def photo_ids(self, case_number: str) -> builtins.list[int]:
        with self.engine.connect() as conn:
            return [
                int(r.id)
                for r in conn.execute(
                    select(photos.c.id).where(photos.c.case_number == case_number).order_by(photos.c.id)
                )
            ]

    def photos_carrying(self, case_numbers: Iterable[str]) -> dict[int, str]:
        """photo id -> case number, for the photos that carry one of these case numbers now."""
        numbers = sorted(set(case_numbers))
        if not numbers:
            return {}
        with self.engine.connect() as conn:
            return {
                int(r.id): r.case_number
                for r in conn.execute(
                    select(photos.c.id, photos.c.case_number).where(photos.c.case_number.in_(numbers))
                )
            }

    def change(self, case_number: str, values: dict[str, Any], *, actor: str, action: str) -> CaseRecord:
        """Register the case if needed and set `values` (title, state, closed_at, closed_by,
        takedown_on), with an audit entry `action`."""
        self.get(case_number)  # refuses an unknown number: a typo must not become a case
        number = case_number.strip()
        now = utcnow()
        with self.engine.begin() as conn:
            key = cases.c.case_number == number
            if conn.execute(select(cases.c.case_number).where(key)).first() is None:
                conn.execute(
                    insert(cases).values(
                        case_number=number,
                        title="",
                        state=OPEN,
                        closed_by="",
                        created_at=now,
                        updated_at=now,
                    )
                )
            conn.execute(update(cases).where(key).values(**values, updated_at=now))
            _audit(conn, actor, action, {"case": number, **values})
        return self.get(number)

    # -- retention ------------------------------------------------------------------------------

    def decisions(self, case_number: str | None = None) -> builtins.list[RetentionDecision]:
        stmt = select(case_retention).order_by(case_retention.c.case_number, case_retention.c.photo_id)
        if case_number is not None:
            stmt = stmt.where(case_retention.c.case_number == case_number)
        with self.engine.connect() as conn:
            return [
                RetentionDecision(r.case_number, r.photo_id, r.decision, r.reason, r.decided_by, r.decided_at)
                for r in conn.execute(stmt)
            ]

    def decide(
        self, case_number: str, photo_ids: Iterable[int], decision: str, reason: str, *, actor: str
    ) -> None:
        ids = list(dict.fromkeys(photo_ids))
        now = utcnow()
        with self.engine.begin() as conn:
            for photo_id in ids:
                key = (case_retention.c.case_number == case_number) & (case_retention.c.photo_id == photo_id)
                values = {"decision": decision, "reason": reason, "decided_by": actor, "decided_at": now}
                if conn.execute(select(case_retention.c.photo_id).where(key)).first() is None:
                    conn.execute(
                        insert(case_retention).values(case_number=case_number, photo_id=photo_id, **values)
                    )
                else:
                    conn.execute(update(case_retention).where(key).values(**values))
            _audit(
                conn, actor, f"retention_{decision}", {"case": case_number, "photos": ids, "reason": reason}
            )


def _record(number: str, row: Any, count: int) -> CaseRecord:
    if row is None:
        return CaseRecord(number, photo_count=count)
    return CaseRecord(
        number,
        row.title,
        row.state,
        row.closed_at,
        row.closed_by,
        row.takedown_on,
        count,
        registered=True,
    )


def _audit(conn: Connection, actor: str, action: str, detail: dict[str, Any]) -> None:
    conn.execute(
        insert(audit_log).values(
            at=utcnow(), actor=actor, action=action, target_kind="case", target_id=0, detail=jsonable(detail)
        )
    )

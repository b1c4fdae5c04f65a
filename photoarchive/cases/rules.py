"""Pure decisions about cases: whether a case's photos may still be published, and when a closed
case's photos are due for an editor's retention decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from photoarchive.catalog.cases import CLOSED, CaseRecord


class CaseProblem(StrEnum):
    CLOSED = "case_closed"
    TAKEDOWN_DATE = "takedown_date"  # the date set in advance has come


@dataclass(frozen=True)
class CaseBlock:
    case_number: str
    problem: CaseProblem
    since: datetime | None


def case_block(case: CaseRecord | None, today: date) -> CaseBlock | None:
    """Why the case's photos may no longer be published today (None: they may)."""
    if case is None:
        return None
    if case.state == CLOSED:
        return CaseBlock(case.case_number, CaseProblem.CLOSED, case.closed_at)
    if case.takedown_on is not None and today >= case.takedown_on:
        return CaseBlock(
            case.case_number, CaseProblem.TAKEDOWN_DATE, datetime.combine(case.takedown_on, time())
        )
    return None


def retention_due_on(case: CaseRecord, days: int) -> date | None:
    """The day a closed case's photos need a keep-or-remove decision; None while open or without a
    retention period (`[retention] case_photo_days` = 0: the archive keeps them, nobody is asked)."""
    if case.state != CLOSED or case.closed_at is None or days <= 0:
        return None
    return case.closed_at.date() + timedelta(days=days)

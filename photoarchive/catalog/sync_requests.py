"""Sync requests through the catalog: a desk without the Flickr token asks, the service holding it runs
the request and writes its progress and log here, every desk reads them.

Plain storage: what a sync does and what its codes mean is `photoarchive.flickr.service`'s business.
On PostgreSQL the server stamps who asked (migration 0007); the `requested_by` given here is what a
desk's own SQLite catalog records.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from photoarchive.catalog.clock import jsonable, utcnow
from photoarchive.catalog.rows import inserted_id
from photoarchive.catalog.schema import sync_request_log, sync_requests


class RequestState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


OPEN_STATES = (RequestState.QUEUED.value, RequestState.RUNNING.value)


@dataclass(frozen=True)
class SyncRequest:
    id: int
    requested_by: str
    requested_at: datetime
    reason: str  # manual | approval | schedule
    set_ids: tuple[int, ...]
    state: RequestState
    runner: str = ""
    attempts: int = 0
    started_at: datetime | None = None
    finished_at: datetime | None = None
    heartbeat_at: datetime | None = None
    progress: dict[str, Any] = field(default_factory=dict)
    outcome: dict[str, Any] = field(default_factory=dict)
    cancel_requested: bool = False

    @property
    def is_open(self) -> bool:
        return self.state.value in OPEN_STATES


@dataclass(frozen=True)
class LogLine:
    """One line of a request's log: a code and its parameters, and the English text of it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True)
class SyncLogEntry:
    id: int
    request_id: int
    at: datetime
    code: str
    params: dict[str, Any]
    text: str


def _request(r: Any) -> SyncRequest:
    return SyncRequest(
        id=r.id,
        requested_by=r.requested_by,
        requested_at=r.requested_at,
        reason=r.reason,
        set_ids=tuple(r.set_ids or ()),
        state=RequestState(r.state),
        runner=r.runner,
        attempts=r.attempts,
        started_at=r.started_at,
        finished_at=r.finished_at,
        heartbeat_at=r.heartbeat_at,
        progress=dict(r.progress or {}),
        outcome=dict(r.outcome or {}),
        cancel_requested=bool(r.cancel_requested),
    )


class SyncRequestStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    # -- asking ---------------------------------------------------------------------------------

    def add(self, *, reason: str, requested_by: str, set_ids: Iterable[int] = ()) -> int:
        """Queue a request; returns its id."""
        with self.engine.begin() as conn:
            return inserted_id(
                conn.execute(
                    insert(sync_requests).values(
                        requested_by=requested_by,
                        requested_at=utcnow(),
                        reason=reason,
                        set_ids=sorted(set(set_ids)),
                        state=RequestState.QUEUED.value,
                        runner="",
                        attempts=0,
                        progress={},
                        outcome={},
                        cancel_requested=False,
                    )
                )
            )

    def ask_cancel(self, request_id: int) -> bool:
        """Ask the runner to stop (it stops before its next call to Flickr); False if it is finished."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(sync_requests)
                .where(sync_requests.c.id == request_id, sync_requests.c.state.in_(OPEN_STATES))
                .values(cancel_requested=True)
            )
            return result.rowcount > 0

    # -- reading --------------------------------------------------------------------------------

    def get(self, request_id: int) -> SyncRequest | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(sync_requests).where(sync_requests.c.id == request_id)).first()
        return _request(row) if row is not None else None

    def recent(self, limit: int = 20) -> builtins.list[SyncRequest]:
        """The newest requests first."""
        stmt = select(sync_requests).order_by(sync_requests.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [_request(r) for r in conn.execute(stmt)]

    def open_requests(self) -> builtins.list[SyncRequest]:
        """Queued and running requests, oldest first."""
        stmt = (
            select(sync_requests).where(sync_requests.c.state.in_(OPEN_STATES)).order_by(sync_requests.c.id)
        )
        with self.engine.connect() as conn:
            return [_request(r) for r in conn.execute(stmt)]

    def last_requested_at(self, reasons: Sequence[str] | None = None) -> datetime | None:
        stmt = select(func.max(sync_requests.c.requested_at))
        if reasons is not None:
            stmt = stmt.where(sync_requests.c.reason.in_(list(reasons)))
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    def log(self, request_id: int, *, after: int = 0) -> builtins.list[SyncLogEntry]:
        """The request's log lines in order; `after` skips those up to that line id (for polling)."""
        stmt = (
            select(sync_request_log)
            .where(sync_request_log.c.request_id == request_id, sync_request_log.c.id > after)
            .order_by(sync_request_log.c.id)
        )
        with self.engine.connect() as conn:
            return [
                SyncLogEntry(r.id, r.request_id, r.at, r.code, dict(r.params or {}), r.text)
                for r in conn.execute(stmt)
            ]

    # -- running (the service, holding the archive's sync lock) ---------------------------------

    def requeue_running(self) -> builtins.list[int]:
        """Requests left `running` by a runner that died; called only by the holder of the sync lock, so
        nobody else can be running them. They go back to the queue, oldest first."""
        with self.engine.begin() as conn:
            ids = list(
                conn.execute(
                    select(sync_requests.c.id).where(sync_requests.c.state == RequestState.RUNNING.value)
                ).scalars()
            )
            if ids:
                conn.execute(
                    update(sync_requests)
                    .where(sync_requests.c.id.in_(ids))
                    .values(state=RequestState.QUEUED.value, runner="")
                )
        return ids

    def claim_next(self, runner: str) -> SyncRequest | None:
        """The oldest queued request, now `running` on `runner`; None when the queue is empty."""
        while True:
            with self.engine.begin() as conn:
                request_id = conn.execute(
                    select(func.min(sync_requests.c.id)).where(
                        sync_requests.c.state == RequestState.QUEUED.value
                    )
                ).scalar()
                if request_id is None:
                    return None
                now = utcnow()
                claimed = conn.execute(
                    update(sync_requests)
                    .where(
                        sync_requests.c.id == request_id,
                        sync_requests.c.state == RequestState.QUEUED.value,
                    )
                    .values(
                        state=RequestState.RUNNING.value,
                        runner=runner,
                        attempts=sync_requests.c.attempts + 1,
                        started_at=now,
                        heartbeat_at=now,
                    )
                ).rowcount
            if claimed:
                found = self.get(int(request_id))
                assert found is not None
                return found

    def heartbeat(
        self, request_id: int, progress: dict[str, Any] | None, lines: Sequence[LogLine] = ()
    ) -> bool:
        """Write the progress (when given) and new log lines; returns whether a stop was asked for."""
        with self.engine.begin() as conn:
            values: dict[str, Any] = {"heartbeat_at": utcnow()}
            if progress is not None:
                values["progress"] = jsonable(progress)
            conn.execute(update(sync_requests).where(sync_requests.c.id == request_id).values(**values))
            self._add_lines(conn, request_id, lines)
            return bool(
                conn.execute(
                    select(sync_requests.c.cancel_requested).where(sync_requests.c.id == request_id)
                ).scalar()
            )

    def finish(
        self,
        request_id: int,
        state: RequestState,
        outcome: dict[str, Any],
        *,
        progress: dict[str, Any] | None = None,
        lines: Sequence[LogLine] = (),
    ) -> None:
        with self.engine.begin() as conn:
            values: dict[str, Any] = {
                "state": state.value,
                "outcome": jsonable(outcome),
                "finished_at": utcnow(),
                "heartbeat_at": utcnow(),
            }
            if progress is not None:
                values["progress"] = jsonable(progress)
            self._add_lines(conn, request_id, lines)
            conn.execute(update(sync_requests).where(sync_requests.c.id == request_id).values(**values))

    def put_back(
        self, request_id: int, *, progress: dict[str, Any] | None = None, lines: Sequence[LogLine] = ()
    ) -> None:
        """A running request back in the queue (its runner is stopping; the next one carries on)."""
        with self.engine.begin() as conn:
            values: dict[str, Any] = {
                "state": RequestState.QUEUED.value,
                "runner": "",
                "heartbeat_at": utcnow(),
            }
            if progress is not None:
                values["progress"] = jsonable(progress)
            self._add_lines(conn, request_id, lines)
            conn.execute(update(sync_requests).where(sync_requests.c.id == request_id).values(**values))

    def add_log(self, request_id: int, lines: Sequence[LogLine]) -> None:
        with self.engine.begin() as conn:
            self._add_lines(conn, request_id, lines)

    @staticmethod
    def _add_lines(conn: Any, request_id: int, lines: Sequence[LogLine]) -> None:
        if not lines:
            return
        at = utcnow()
        conn.execute(
            insert(sync_request_log),
            [
                {
                    "request_id": request_id,
                    "at": at,
                    "code": line.code,
                    "params": jsonable(line.params),
                    "text": line.text,
                }
                for line in lines
            ],
        )

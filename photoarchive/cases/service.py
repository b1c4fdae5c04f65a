"""The one entry point for cases (CLI and window): the register, closing (editors only), and the
retention list of a closed case's photos with its keep / remove decisions."""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from photoarchive.cases.removed import Purge, RemovedFile, purge
from photoarchive.cases.removed import due as removed_due
from photoarchive.cases.rules import CaseBlock, case_block, retention_due_on
from photoarchive.catalog.cases import CLOSED, KEEP, OPEN, REMOVE, CaseRecord, RetentionDecision
from photoarchive.catalog.clock import utcnow
from photoarchive.errors import PhotoarchiveError
from photoarchive.people.editors import require_editor
from photoarchive.people.service import Takedown, published_photo_ids, takedowns

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.ingest.removal import Removal
    from photoarchive.settings import Settings

log = logging.getLogger(__name__)


class CaseError(PhotoarchiveError):
    code = "cases.refused"

    def __init__(self, why: str, message: str, **params: str):
        self.params = {"why": why, **params}
        super().__init__(message)


@dataclass(frozen=True)
class CaseReport:
    case: CaseRecord
    block: CaseBlock | None  # why its photos may no longer be public (None: they may)
    photo_ids: tuple[int, ...]
    public_ids: tuple[int, ...]  # on Flickr for others to see, as this archive last set them
    takedowns: tuple[Takedown, ...]
    # When each public photo was first put on Flickr (how long it has been public).
    public_since: dict[int, datetime]


@dataclass(frozen=True)
class RetentionItem:
    case_number: str
    photo_id: int
    name: str
    closed_at: datetime | None
    due_on: date | None
    decision: RetentionDecision | None

    @property
    def waiting(self) -> bool:
        """Due and not decided yet: an editor must keep (with a reason) or remove it."""
        return self.decision is None


class CaseService:
    def __init__(
        self,
        catalog: Catalog,
        *,
        home: Home | None = None,
        actor: str | None = None,
        approvers: Iterable[str] = (),
        retention_days: int = 0,
        removed_days: int = 0,
        today: Callable[[], date] = date.today,
    ):
        self.catalog = catalog
        self.home = home
        self.actor = actor or catalog.actor
        self.approvers = tuple(approvers)
        self.retention_days = retention_days
        self.removed_days = removed_days
        self.today = today

    @classmethod
    def for_home(
        cls, catalog: Catalog, home: Home, settings: Settings, *, actor: str | None = None, **kw: object
    ) -> CaseService:
        if actor is None and catalog.is_shared:
            actor = catalog.identity().login
        return cls(
            catalog,
            home=home,
            actor=actor,
            approvers=settings.sets.approvers,
            retention_days=settings.retention.case_photo_days,
            removed_days=settings.retention.removed_days,
            **kw,  # type: ignore[arg-type]
        )

    # -- the register ---------------------------------------------------------------------------

    def list(self) -> builtins.list[CaseRecord]:
        return self.catalog.cases.list()

    def get(self, case_number: str) -> CaseRecord:
        return self.catalog.cases.get(case_number)

    def set_title(self, case_number: str, title: str) -> CaseRecord:
        return self.catalog.cases.change(
            case_number, {"title": title.strip()}, actor=self.actor, action="case_title"
        )

    def close(self, case_number: str) -> CaseRecord:
        """Close the case: the next sync takes its public photos down; they go on the retention list."""
        require_editor(self.catalog, self.actor, self.approvers, "close a case")
        case = self.get(case_number)
        if case.state == CLOSED:
            raise CaseError(
                "already_closed", f"Case {case.case_number} is already closed.", case=case.case_number
            )
        closed = self.catalog.cases.change(
            case.case_number,
            {"state": CLOSED, "closed_at": utcnow(), "closed_by": self.actor},
            actor=self.actor,
            action="case_close",
        )
        log.info("case %s closed by %s", case.case_number, self.actor)
        return closed

    def reopen(self, case_number: str) -> CaseRecord:
        require_editor(self.catalog, self.actor, self.approvers, "reopen a case")
        case = self.get(case_number)
        if case.state != CLOSED:
            raise CaseError("not_closed", f"Case {case.case_number} is not closed.", case=case.case_number)
        return self.catalog.cases.change(
            case.case_number,
            {"state": OPEN, "closed_at": None, "closed_by": ""},
            actor=self.actor,
            action="case_reopen",
        )

    def schedule_takedown(self, case_number: str, on: date | None) -> CaseRecord:
        """Take the case's photos down from `on` (e.g. "when found"), even while it stays open; None clears it."""
        require_editor(self.catalog, self.actor, self.approvers, "schedule a case's take-down")
        return self.catalog.cases.change(
            case_number, {"takedown_on": on}, actor=self.actor, action="case_takedown_date"
        )

    # -- reports --------------------------------------------------------------------------------

    def report(self) -> builtins.list[CaseReport]:
        today = self.today()
        done = takedowns(self.catalog)
        rows = []
        for case in self.list():
            ids = tuple(self.catalog.cases.photo_ids(case.case_number))
            public = published_photo_ids(self.catalog, ids)
            since: dict[int, datetime] = {}
            if public:
                uploaded = self._uploaded_at({r.sha256 for r in self.catalog.photos.get_many(list(public))})
                since = {
                    r.id: uploaded[r.sha256]
                    for r in self.catalog.photos.get_many(list(public))
                    if r.sha256 in uploaded
                }
            rows.append(
                CaseReport(
                    case=case,
                    block=case_block(case, today),
                    photo_ids=ids,
                    public_ids=tuple(sorted(public)),
                    takedowns=tuple(t for t in done if case.case_number in t.cases),
                    public_since=since,
                )
            )
        return rows

    def pending_takedowns(self) -> builtins.list[int]:
        """Public photos of closed cases (or past their take-down date) the next sync must take down
        (the window's banner)."""
        today = self.today()
        blocked = [c.case_number for c in self.list() if case_block(c, today) is not None]
        ids = [pid for number in blocked for pid in self.catalog.cases.photo_ids(number)]
        return sorted(published_photo_ids(self.catalog, ids)) if ids else []

    def _uploaded_at(self, shas: set[str]) -> dict[str, datetime]:
        from sqlalchemy import select

        from photoarchive.catalog.schema import flickr_photos

        with self.catalog.engine.connect() as conn:
            return {
                r.sha256: r.uploaded_at
                for r in conn.execute(
                    select(flickr_photos.c.sha256, flickr_photos.c.uploaded_at).where(
                        flickr_photos.c.sha256.in_(shas)
                    )
                )
            }

    # -- retention ------------------------------------------------------------------------------

    def retention(self, *, due_only: bool = True) -> builtins.list[RetentionItem]:
        """Closed cases' photos whose retention time is up (all closed cases' photos with due_only=False),
        with the decision taken on each."""
        today = self.today()
        items = []
        for case in self.list():
            if case.state != CLOSED:
                continue
            due = retention_due_on(case, self.retention_days)
            if due_only and (due is None or today < due):
                continue
            decided = {d.photo_id: d for d in self.catalog.cases.decisions(case.case_number)}
            for record in self.catalog.photos.get_many(self.catalog.cases.photo_ids(case.case_number)):
                items.append(
                    RetentionItem(
                        case.case_number,
                        record.id,
                        record.original_name,
                        case.closed_at,
                        due,
                        decided.get(record.id),
                    )
                )
        return items

    def keep(self, case_number: str, photo_ids: Iterable[int], reason: str) -> None:
        """Keep a closed case's photos in the archive past their retention time, saying why."""
        require_editor(self.catalog, self.actor, self.approvers, "decide on a case photo's retention")
        ids = self._closed_case_photos(case_number, photo_ids)
        if not reason.strip():
            raise CaseError("no_reason", "Say why these photos are kept past their retention time.")
        self.catalog.cases.decide(case_number, ids, KEEP, reason.strip(), actor=self.actor)

    def remove(self, case_number: str, photo_ids: Iterable[int], reason: str) -> builtins.list[Removal]:
        """Take a closed case's photos out of the archive through the removal path (removed/ with a
        note; refused while a set still holds a photo)."""
        from photoarchive.ingest.removal import remove_photos

        require_editor(self.catalog, self.actor, self.approvers, "decide on a case photo's retention")
        if self.home is None:
            raise CaseError("no_home", "Removing photos needs the archive's folders.")
        ids = self._closed_case_photos(case_number, photo_ids)
        results = remove_photos(self.home, self.catalog, ids, reason=reason, actor=self.actor)
        done = [r.photo_id for r in results if r.done]
        if done:
            self.catalog.cases.decide(case_number, done, REMOVE, reason.strip(), actor=self.actor)
        return results

    # -- removed/ ----------------------------------------------------------------------------------

    def removed_due(self) -> builtins.list[RemovedFile]:
        """Photos in removed/ past `[retention] removed_days` (none while it is 0)."""
        if self.home is None:
            return []
        return removed_due(self.home, self.removed_days, self.today())

    def purge_removed(self, relatives: Iterable[str], reason: str) -> builtins.list[Purge]:
        """Delete photos in removed/ for good once their time there is up (editors only; a short note stays)."""
        require_editor(self.catalog, self.actor, self.approvers, "delete removed photos for good")
        if not reason.strip():
            raise CaseError("no_purge_reason", "Say why these photos are deleted for good.")
        if self.home is None:
            raise CaseError("no_home", "Deleting removed photos needs the archive's folders.")
        return purge(
            self.home,
            self.catalog,
            list(relatives),
            reason=reason.strip(),
            actor=self.actor,
            days=self.removed_days,
            today=self.today(),
        )

    def _closed_case_photos(self, case_number: str, photo_ids: Iterable[int]) -> builtins.list[int]:
        case = self.get(case_number)
        if case.state != CLOSED:
            raise CaseError(
                "not_closed", f"Case {case.case_number} is open; close it first.", case=case.case_number
            )
        mine = set(self.catalog.cases.photo_ids(case.case_number))
        ids = list(dict.fromkeys(photo_ids))
        strangers = [pid for pid in ids if pid not in mine]
        if strangers:
            raise CaseError(
                "not_in_case",
                f"Photo {strangers[0]} does not carry case number {case.case_number}.",
                case=case.case_number,
            )
        return ids

"""Running a sync: settle what an earlier run left open, check the account, look at the albums as they
are, plan, then carry the plan out with a journal entry before every remote write.

Safe to kill at any moment: a write whose answer never arrived stays `pending` in the journal, and the
next run settles it first (`journal_replay`) before anything is retried. The steps are in
`journal_replay`, `observe`, `photo_jobs` and `album_actions`; this module runs them in order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from photoarchive.flickr import album_actions, journal_replay, observe, photo_jobs, takedown
from photoarchive.flickr.actions import SyncPlan
from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.errors import FreeAccountLimit, SignInRequired, SyncBusy
from photoarchive.flickr.plan import ApprovedSet, DesiredState, desired_state, plan_sync
from photoarchive.flickr.progress import PhotoFailure, SyncControl, SyncProgress, SyncReport
from photoarchive.flickr.run import SyncRun
from photoarchive.people.service import local_today_from
from photoarchive.privacy.names import PublishedNames

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.db import SyncLock
    from photoarchive.home import Home
    from photoarchive.sets.publishing import CleanCopies
    from photoarchive.settings import Settings

__all__ = ["PhotoFailure", "SyncControl", "SyncProgress", "SyncReport", "Syncer"]

log = logging.getLogger(__name__)

# How long an upload whose answer was lost stays unconfirmed (searched for, not sent again) before it
# is believed not to have happened: Flickr's search index can lag fresh uploads for minutes.
UNCONFIRMED_GRACE_SECONDS = 15 * 60.0


class Syncer:
    """Brings Flickr in line with the approved sets. `client=None` plans from local knowledge only
    (a dry run without sign-in)."""

    def __init__(
        self,
        catalog: Catalog,
        copies: CleanCopies,
        client: FlickrClient | None,
        *,
        delete_removed: bool = False,
        workers: int = 1,
        control: SyncControl | None = None,
        actor: str | None = None,
        clock: Callable[[], float] = time.time,
        unconfirmed_grace: float = UNCONFIRMED_GRACE_SECONDS,
    ):
        from photoarchive.sets.service import SetService

        self.catalog = catalog
        self.copies = copies
        self.client = client
        self.delete_removed = delete_removed
        self.workers = max(1, workers)
        self.control = control or SyncControl()
        self.clock = clock
        self.unconfirmed_grace = unconfirmed_grace
        self.sets = SetService(catalog, clean_check=copies.problem, actor=actor)
        if client is not None:
            # One cancel flag for the caller, the rate limiter's waits and the back-off pauses.
            client.cancel = self.control.event

    @classmethod
    def for_home(
        cls,
        catalog: Catalog,
        home: Home,
        settings: Settings,
        *,
        control: SyncControl | None = None,
        actor: str | None = None,
        workers: int | None = None,
        require_sign_in: bool = True,
        token_backend: Any = None,
        **options: Any,
    ) -> Syncer:
        """The syncer for a home, signed in with its stored token (the window, the CLI, the tests and
        the benchmark all build it here). `require_sign_in=False` gives a syncer without a client when
        there is no sign-in, which can only plan (a dry run)."""
        from photoarchive.flickr.account import make_client
        from photoarchive.sets.publishing import CleanCopies

        try:
            client: FlickrClient | None = make_client(
                home, settings, token_backend=token_backend, catalog=catalog
            )
        except SignInRequired:
            if require_sign_in:
                raise
            client = None
        if workers is None:
            # Parallel uploads only when no per-second pacing holds every call back anyway.
            workers = 4 if settings.flickr.calls_per_second == 0 else 1
        return cls(
            catalog,
            CleanCopies(home, settings),
            client,
            workers=workers,
            control=control,
            actor=actor,
            **{"delete_removed": settings.flickr.removed_photos == "delete", **options},
        )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- the whole run --------------------------------------------------------------------------

    def run(self, *, dry_run: bool = False, lock: SyncLock | None = None) -> SyncReport:
        """Plan, and unless `dry_run`, carry the plan out. One sync per archive at a time: the archive's
        sync lock is taken here, unless the caller already holds it (`lock`, the sync service)."""
        if dry_run:
            return self._run(dry_run=True)
        if self.client is None:
            raise SignInRequired("Not signed in to Flickr. Run `photoarchive flickr login` first.")
        # One sync per archive, across desks: released by the database server (or the OS, on a single
        # desk) if this process dies, so a kill never leaves the archive locked.
        held = lock is not None
        if lock is None:
            lock = self.catalog.try_sync_lock()
        if not lock:
            raise SyncBusy(
                "Another sync of this archive is running (on this or another desk, or a command line)."
            )
        self.client.limiter.on_long_wait = lambda until: self.control.update(waiting_until=until)
        try:
            return self._run(dry_run=False)
        finally:
            self.client.limiter.on_long_wait = None
            # The next run, in this process or another, counts these calls against the hour's budget.
            self.client.limiter.save()
            if not held:
                lock.release()

    def _run(self, *, dry_run: bool) -> SyncReport:
        from photoarchive.flickr.account import read_limits, require_delete

        client = self.client
        calls_before = client.stats.total if client else 0
        report = SyncReport(plan=SyncPlan(()), dry_run=dry_run)
        limits = None
        nsid = ""
        if client is not None:
            self.control.update(phase="checking")
            if not dry_run:
                # Before any write: a token without delete permission could never remove a duplicate.
                require_delete(client)
            limits = read_limits(client)
            nsid = client.token.user_nsid if client.token is not None else ""
        run = SyncRun(
            catalog=self.catalog,
            copies=self.copies,
            sets=self.sets,
            control=self.control,
            client=client,
            report=report,
            clock=self.clock,
            unconfirmed_grace=self.unconfirmed_grace,
            limits=limits,
            user_nsid=nsid,
        )
        unconfirmed: set[str] = set()
        resend: set[str] = set()
        if client is not None and not dry_run:
            report.reconciled, unconfirmed, resend = journal_replay.replay(run)
        elif dry_run:
            # Changes nothing, so searches nothing: an upload in doubt is shown as such, not as a new upload.
            unconfirmed = {e.subject for e in run.store.pending() if e.kind == "upload"}
        approved = self._approved()
        names = PublishedNames.from_settings(self.copies.settings.privacy)
        desired = desired_state(
            approved.values(),
            self.copies.fingerprint,
            lambda content: names.title_for(case=content.case_number, photo_id=content.photo_id),
        )
        # Consent withdrawn or expired, a case closed: those photos come down (flickr/takedown.py).
        known_before = run.store.known_state()
        desired, withheld = takedown.withhold(
            desired,
            takedown.reasons_for(self.catalog, _approved_cases(approved), local_today_from(self.clock)),
        )
        observed = {}
        if client is not None:
            observed = observe.observe_albums(run)
            if not dry_run:
                for sha in observe.forget_deleted(run, desired, observed):
                    self._repaired(run, "deleted", sha)
        plan = plan_sync(
            desired,
            run.store.known_state(),
            observed,
            delete_removed=self.delete_removed,
            can_replace=run.can_replace,
            unconfirmed=unconfirmed,
        )
        report.plan = plan
        report.unconfirmed.extend(plan.unconfirmed)
        log.info(
            "sync %s: %d action(s), %d upload(s), %d approved set(s)",
            "planned (dry run)" if dry_run else "planned",
            len(plan.actions),
            len(plan.uploads),
            len(approved),
        )
        self._check_free_limit(run, plan, dry_run)
        if not dry_run and client is not None:
            try:
                self._execute(run, plan, desired, approved, resend)
            finally:  # also after a cancel or failure: what did come down is recorded
                takedown.record_takedowns(
                    run, withheld, known_before, delete=self.delete_removed, now=self.clock()
                )
        if client is not None:
            report.calls = client.stats.total - calls_before
        if not dry_run:
            log.info(
                "sync done: %d uploaded, %d change(s), %d failed, %d unconfirmed, sets published %s, "
                "taken down %s, %d call(s)",
                report.uploaded,
                report.actions_done,
                len(report.failed),
                len(report.unconfirmed),
                report.published_sets,
                report.unpublished_sets,
                report.calls,
            )
        self.control.update(phase="done", current_file="")
        return report

    def _approved(self) -> dict[int, ApprovedSet]:
        return {
            s.id: ApprovedSet(s.id, s.approved_at, s.approved_content)
            for s in self.catalog.sets.approved()
            if s.approved_content is not None
        }

    def _check_free_limit(self, run: SyncRun, plan: SyncPlan, dry_run: bool) -> None:
        """A free account that this sync would take past its photo limit: said before anything is sent."""
        left = run.limits.photos_left if run.limits is not None else None
        if left is None or len(plan.uploads) <= left:
            return
        from photoarchive.flickr.account import FREE_PHOTO_LIMIT

        assert run.limits is not None
        params: dict[str, str | int] = {
            "have": run.limits.photos,
            "limit": FREE_PHOTO_LIMIT,
            "count": len(plan.uploads),
        }
        if dry_run:
            run.say("free_limit", **params)
            return
        raise FreeAccountLimit.coded("free_limit", **params)

    def _execute(
        self,
        run: SyncRun,
        plan: SyncPlan,
        desired: DesiredState,
        approved: dict[int, ApprovedSet],
        resend: set[str],
    ) -> None:
        files = photo_jobs.prepare_files(run, plan, desired)
        failed = {f.sha256 for f in run.report.failed}
        jobs = {sha: actions for sha, actions in plan.photo_actions().items() if sha not in failed}
        self.control.update(
            phase="photos",
            photos_total=len(jobs),
            photos_done=0,
            bytes_total=sum(p.stat().st_size for p in files.values()),
            bytes_sent=0,
        )
        photo_jobs.run_photo_jobs(run, jobs, desired, files, resend, self.workers)
        self.control.update(phase="albums", current_file="")
        for action in plan.album_actions():
            album_actions.album_action(run, run.client(), action, desired.albums[action.set_id])
        self.control.update(phase="cleanup")
        for action in plan.retire_actions():
            album_actions.retire_action(run, run.client(), action)
        failed = {f.sha256 for f in run.report.failed}
        for repair in plan.repairs:
            if repair.sha256 not in failed:
                self._repaired(run, repair.kind, repair.sha256, repair.set_id, repair.seen, desired)
        album_actions.mark_published(run, desired, approved)

    def _repaired(
        self,
        run: SyncRun,
        kind: str,
        sha256: str = "",
        set_id: int = 0,
        seen: str = "",
        desired: DesiredState | None = None,
    ) -> None:
        """A change made on flickr.com and set back: into the sync log (a message) and the audit log."""
        name = run.name_of(sha256) if sha256 else ""
        album = ""
        if set_id:
            record = self.catalog.sets.get(set_id)
            album = record.approved_content.title if record and record.approved_content else str(set_id)
        if kind == "deleted":
            run.say("repair_deleted", file=name)
        elif kind == "put_back":
            run.say("repair_put_back", file=name, album=album)
        elif kind == "meta":
            run.say("repair_meta", file=name)
        elif kind == "perms":
            wanted = desired.photos[sha256].visibility.value if desired else ""
            run.say("repair_perms", file=name, seen=seen, wanted=wanted)
        elif kind == "album_gone":
            run.say("repair_album_gone", album=album)
        elif kind == "tags":
            run.say("repair_tags", file=name)
        elif kind == "album_meta":
            run.say("repair_album_meta", album=album, seen=seen)
        detail: dict[str, Any] = {"what": kind}
        if seen:
            detail["seen_on_flickr"] = seen
        if set_id and not sha256:
            self.sets.record("flickr_repair", "set", set_id, detail)
            return
        photo_id = self.catalog.photos.id_for_sha256(sha256)
        if photo_id is not None:
            if set_id:
                detail["set_id"] = set_id
            self.sets.record("flickr_repair", "photo", photo_id, detail)


def _approved_cases(approved: dict[int, ApprovedSet]) -> dict[int, set[str]]:
    """photo id -> the case numbers its approved sets froze with it."""
    cases: dict[int, set[str]] = {}
    for entry in approved.values():
        for photo in entry.content.photos:
            cases.setdefault(photo.photo_id, set()).add(photo.case_number)
    return cases

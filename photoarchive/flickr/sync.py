"""Carrying out a sync: reconcile what a crash left open, look at the albums, plan, then execute the plan
with a journal entry before every remote write.

Safe to kill at any moment: a write whose answer never arrived stays `pending` in the journal, and the
next run settles it first (an upload is searched for by its machine tag, an album by title and
primary photo) before anything is retried. Progress and cancellation go through `SyncControl`, which
knows nothing of Qt; the GUI wraps it in signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from photoarchive.errors import PhotoarchiveError
from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.errors import (
    AmbiguousWrite,
    FlickrApiError,
    FlickrUnavailable,
    PhotoRejected,
    SignInRequired,
    SyncBusy,
    SyncCancelled,
)
from photoarchive.flickr.plan import (
    AddToGroup,
    ApprovedSet,
    CreateAlbum,
    DeleteAlbum,
    DesiredAlbum,
    DesiredPhoto,
    DesiredState,
    KnownAlbum,
    KnownPhoto,
    LeaveGroup,
    ObservedAlbum,
    ReplaceFile,
    RetirePhoto,
    SetAlbumMeta,
    SetAlbumPhotos,
    SetPhotoLicence,
    SetPhotoMeta,
    SetPhotoPerms,
    SetPhotoTags,
    SyncPlan,
    UploadPhoto,
    desired_state,
    machine_tag,
    plan_sync,
)
from photoarchive.sets.model import SetState, Visibility

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.sync_state import SyncStateStore
    from photoarchive.sets.publishing import CleanCopies

log = logging.getLogger(__name__)

# How often one write is tried again after its answer was lost (each time after reconciling).
AMBIGUOUS_ROUNDS = 4
# Flickr answers "already there" to repeated pool adds; 6/7 mean "waiting for a moderator".
_POOL_ALREADY = {3, 6, 7}


@dataclass
class SyncProgress:
    phase: str = "starting"  # checking | preparing | photos | albums | cleanup | done
    photos_done: int = 0
    photos_total: int = 0
    current_file: str = ""
    bytes_sent: int = 0
    bytes_total: int = 0
    # While Flickr's hourly call limit holds the sync back: when it resumes (seconds since the epoch).
    waiting_until: float = 0.0


class SyncControl:
    """What the caller holds during a sync: a progress callback (called from worker threads) and
    `cancel()`. A cancelled sync stops before its next call; what was done stays recorded."""

    def __init__(self, on_progress: Callable[[SyncProgress], None] | None = None):
        self.on_progress = on_progress
        self.event = threading.Event()
        self.progress = SyncProgress()
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self.event.set()

    @property
    def cancelled(self) -> bool:
        return self.event.is_set()

    def update(self, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(self.progress, key, value)
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)

    def add_bytes(self, count: int) -> None:
        with self._lock:
            sent = self.progress.bytes_sent + count
            # A retried upload sends its bytes again; the bar should not run past the end.
            self.progress.bytes_sent = (
                min(sent, self.progress.bytes_total) if self.progress.bytes_total else sent
            )
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)

    def photo_done(self) -> None:
        with self._lock:
            self.progress.photos_done += 1
            snapshot = replace(self.progress)
        if self.on_progress is not None:
            self.on_progress(snapshot)


@dataclass(frozen=True)
class PhotoFailure:
    photo_id: int
    sha256: str
    reason: str


@dataclass
class SyncReport:
    plan: SyncPlan
    dry_run: bool = False
    uploaded: int = 0
    actions_done: int = 0
    failed: list[PhotoFailure] = field(default_factory=list)
    published_sets: list[int] = field(default_factory=list)
    unpublished_sets: list[int] = field(default_factory=list)
    reconciled: int = 0
    calls: int = 0


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
        recheck_seconds: float = 3.0,
    ):
        from photoarchive.sets.service import SetService

        self.catalog = catalog
        self.store: SyncStateStore = catalog.sync
        self.copies = copies
        self.client = client
        self.delete_removed = delete_removed
        self.recheck_seconds = recheck_seconds
        self.workers = max(1, workers)
        self.control = control or SyncControl()
        self.sets = SetService(catalog, clean_check=copies.problem, actor=actor)
        if client is not None:
            # One cancel flag for the caller, the rate limiter's waits and the back-off pauses.
            client.cancel = self.control.event
        self._local = threading.local()
        self._workers: list[FlickrClient] = []
        # The thread that called run() (the GUI runs it on a worker) uses `client`; pool threads get their own.
        self._run_thread: threading.Thread | None = None
        self._report_lock = threading.Lock()

    # -- the whole run --------------------------------------------------------------------------

    def run(self, *, dry_run: bool = False) -> SyncReport:
        """Plan, and unless `dry_run`, carry the plan out. One sync per archive at a time."""
        if dry_run:
            return self._run(dry_run=True)
        if self.client is None:
            raise SignInRequired("Not signed in to Flickr. Run `photoarchive flickr login` first.")
        from filelock import FileLock, Timeout

        # An OS lock: released by the OS if this process dies, so a kill never leaves the archive locked.
        lock = FileLock(str(self.copies.home.root / ".flickr-sync.lock"), timeout=0)
        try:
            lock.acquire()
        except Timeout as exc:
            raise SyncBusy(
                "Another sync of this archive is running (the desktop app or a command line)."
            ) from exc
        self.client.limiter.on_long_wait = lambda until: self.control.update(waiting_until=until)
        try:
            return self._run(dry_run=False)
        finally:
            self.client.limiter.on_long_wait = None
            # The next run, in this process or another, counts these calls against the hour's budget.
            self.client.limiter.save()
            lock.release()

    def _run(self, *, dry_run: bool) -> SyncReport:
        self._run_thread = threading.current_thread()
        calls_before = self.client.stats.total if self.client else 0
        reconciled = 0
        if self.client is not None and not dry_run:
            self.control.update(phase="checking")
            reconciled = self.reconcile_pending()
        approved = self._approved()
        desired = desired_state(approved.values(), self.copies.fingerprint)
        observed = self._observe_albums() if self.client is not None else {}
        plan = plan_sync(desired, self.store.known_state(), observed, delete_removed=self.delete_removed)
        report = SyncReport(plan=plan, dry_run=dry_run, reconciled=reconciled)
        log.info(
            "sync %s: %d action(s), %d upload(s), %d approved set(s)",
            "planned (dry run)" if dry_run else "planned",
            len(plan.actions),
            len(plan.uploads),
            len(approved),
        )
        if not dry_run and self.client is not None:
            self._execute(plan, desired, approved, report)
        if self.client is not None:
            report.calls = self.client.stats.total - calls_before
        if not dry_run:
            log.info(
                "sync done: %d uploaded, %d change(s), %d failed, sets published %s, taken down %s, %d call(s)",
                report.uploaded,
                report.actions_done,
                len(report.failed),
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

    def _execute(
        self, plan: SyncPlan, desired: DesiredState, approved: dict[int, ApprovedSet], report: SyncReport
    ) -> None:
        jobs = plan.photo_actions()
        files = self._prepare_files(plan, desired, report)
        jobs = {sha: actions for sha, actions in jobs.items() if sha not in {f.sha256 for f in report.failed}}
        self.control.update(
            phase="photos",
            photos_total=len(jobs),
            photos_done=0,
            bytes_total=sum(p.stat().st_size for p in files.values()),
            bytes_sent=0,
        )
        self._run_photo_jobs(jobs, desired, files, report)
        self.control.update(phase="albums", current_file="")
        for action in plan.album_actions():
            self._album_action(self._client(), action, desired.albums[action.set_id], report)
        self.control.update(phase="cleanup")
        for action in plan.retire_actions():
            self._retire_action(self._client(), action, report)
        self._mark_published(desired, approved, report)

    # -- before planning ------------------------------------------------------------------------

    def reconcile_pending(self) -> int:
        """Settle writes a crash left without an answer. Returns how many were found to have happened."""
        client = self._client()
        found = 0
        for entry in self.store.pending():
            detail = entry.detail
            if entry.kind == "upload":
                ids = self._search_machine_tag(client, entry.subject)
                if ids:
                    self.store.save_photo(
                        KnownPhoto(
                            sha256=entry.subject,
                            remote_id=ids[0],
                            file_fingerprint=detail.get("fingerprint", ""),
                            meta_applied=detail.get("meta", ""),
                            tags_applied=detail.get("tags", ""),
                            visibility_applied=detail.get("visibility", ""),
                        ),
                        entry.id,
                    )
                    self._drop_duplicates(client, entry.subject, ids)
                    found += 1
                    continue
            elif entry.kind == "create_album":
                album_id = self._find_album(client, detail.get("title", ""), detail.get("primary_id", ""))
                if album_id:
                    primary = detail.get("primary_id", "")
                    self.store.save_album(
                        KnownAlbum(
                            int(detail["set_id"]), album_id, detail.get("meta", ""), (primary,), primary
                        ),
                        entry.id,
                    )
                    found += 1
                    continue
            # Everything else is idempotent: the plan repeats it if it is still needed.
            self.store.finish(entry.id, "abandoned")
        if found:
            log.info("reconciled %d write(s) left open by an interrupted sync", found)
        return found

    def _observe_albums(self) -> dict[int, ObservedAlbum]:
        """One flickr.photosets.getPhotos per known album: the only calls a sync with nothing to do makes."""
        client = self._client()
        observed: dict[int, ObservedAlbum] = {}
        for set_id, album in sorted(self.store.known_state().albums.items()):
            ids: list[str] = []
            primary = ""
            page, pages = 1, 1
            try:
                while page <= pages:
                    rsp = client.call(
                        "flickr.photosets.getPhotos", photoset_id=album.remote_id, per_page=500, page=page
                    )
                    node = rsp.find("photoset")
                    assert node is not None
                    pages = int(node.get("pages") or 1)
                    primary = node.get("primary", "")
                    ids.extend(p.get("id", "") for p in node.findall("photo"))
                    page += 1
            except FlickrApiError as exc:
                if exc.code != 1:
                    raise
                observed[set_id] = ObservedAlbum(exists=False)
                self.store.forget_album(set_id)
                continue
            observed[set_id] = ObservedAlbum(True, tuple(ids), primary)
        return observed

    # -- photos ---------------------------------------------------------------------------------

    def _prepare_files(self, plan: SyncPlan, desired: DesiredState, report: SyncReport) -> dict[str, Path]:
        """The clean copies to send, made now (reused from the approval when unchanged)."""
        files: dict[str, Path] = {}
        needing = [a for a in plan.actions if isinstance(a, UploadPhoto | ReplaceFile)]
        self.control.update(phase="preparing", photos_total=len(needing), photos_done=0)
        for action in needing:
            if self.control.cancelled:
                raise SyncCancelled()
            want = desired.photos[action.sha256]
            self.control.update(current_file=PurePosixPath(want.content.archive_path).name)
            try:
                files[action.sha256] = self.copies.make(want.content)
            except PhotoarchiveError as exc:
                report.failed.append(PhotoFailure(want.photo_id, want.sha256, f"no clean copy: {exc}"))
        return files

    def _run_photo_jobs(
        self, jobs: dict[str, list[Any]], desired: DesiredState, files: dict[str, Path], report: SyncReport
    ) -> None:
        if not jobs:
            return
        abort: list[BaseException] = []

        def job(sha: str) -> None:
            if abort or self.control.cancelled:
                return
            try:
                self._photo_job(self._client(), desired.photos[sha], jobs[sha], files.get(sha), report)
            except BaseException as exc:  # stop the others at their next call, re-raised below
                abort.append(exc)
                self.control.event.set()
            finally:
                self.control.photo_done()

        try:
            if self.workers == 1:
                for sha in jobs:
                    job(sha)
            else:
                with ThreadPoolExecutor(self.workers, thread_name_prefix="flickr-sync") as pool:
                    list(pool.map(job, list(jobs)))
        except BaseException:  # Ctrl-C in the main thread: let the workers stop at their next call
            self.control.event.set()
            raise
        finally:
            with self._report_lock:
                for worker in self._workers:
                    worker.close()
                self._workers.clear()
        if abort:
            first = next((e for e in abort if not isinstance(e, SyncCancelled)), abort[0])
            raise first

    def _photo_job(
        self,
        client: FlickrClient,
        want: DesiredPhoto,
        actions: list[Any],
        path: Path | None,
        report: SyncReport,
    ) -> None:
        self.control.update(current_file=PurePosixPath(want.content.archive_path).name)
        for action in actions:
            try:
                if isinstance(action, UploadPhoto):
                    if path is None or not self._upload(client, want, path, report):
                        return  # refused: the rest of this photo's actions make no sense
                elif isinstance(action, ReplaceFile):
                    if path is not None:
                        self._replace(client, want, path, report)
                else:
                    self._photo_write(client, want, action)
                self._count(report)
            except FlickrApiError as exc:
                if exc.code == 1 and not isinstance(action, UploadPhoto):
                    # The photo was deleted on Flickr behind our back: forget it; the next sync uploads it.
                    log.warning("photo %s is gone from Flickr; it will be uploaded again", want.photo_id)
                    self.store.forget_photo(want.sha256)
                    with self._report_lock:
                        report.failed.append(
                            PhotoFailure(want.photo_id, want.sha256, "gone from Flickr; run sync again")
                        )
                    return
                with self._report_lock:
                    report.failed.append(PhotoFailure(want.photo_id, want.sha256, str(exc)))
                return

    def _upload(self, client: FlickrClient, want: DesiredPhoto, path: Path, report: SyncReport) -> bool:
        detail = {
            "photo_id": want.photo_id,
            "fingerprint": want.fingerprint,
            "meta": want.meta_digest,
            "tags": want.tags_digest,
            "visibility": want.visibility.value,
        }
        journal_id = self.store.begin("upload", want.sha256, detail)
        # True while an upload may have been stored and the search has not yet said whether it was.
        in_doubt = False
        for _round in range(AMBIGUOUS_ROUNDS):
            try:
                try:
                    remote_id = client.upload(
                        path,
                        title=want.title,
                        description=want.description,
                        tags=want.tags,
                        perms=want.visibility.flickr_perms(),
                        on_bytes=self.control.add_bytes,
                    )
                except AmbiguousWrite:
                    in_doubt = True
                    ids = self._search_machine_tag(client, want.sha256)
                    in_doubt = False
                    if not ids:
                        continue  # it did not happen: send it again
                    remote_id = ids[0]
                    self._drop_duplicates(client, want.sha256, ids)
            except PhotoRejected as exc:
                self.store.record_failure(want.sha256, want.fingerprint, str(exc), journal_id)
                with self._report_lock:
                    report.failed.append(PhotoFailure(want.photo_id, want.sha256, str(exc)))
                return False
            except BaseException as exc:
                # A definite "not done" (cancel, sign-in, Flickr down after retries) closes the entry. An
                # upload still in doubt stays pending, like after a kill, for the next run to settle.
                if not in_doubt:
                    self.store.finish(journal_id, "failed", str(exc))
                raise
            self.store.save_photo(
                KnownPhoto(
                    sha256=want.sha256,
                    remote_id=remote_id,
                    file_fingerprint=want.fingerprint,
                    meta_applied=want.meta_digest,
                    tags_applied=want.tags_digest,
                    visibility_applied=want.visibility.value,
                ),
                journal_id,
            )
            self.sets.record("publish", "photo", want.photo_id, {"flickr_id": remote_id})
            with self._report_lock:
                report.uploaded += 1
            return True
        self.store.finish(journal_id, "failed", "answer lost every time")
        raise FlickrUnavailable("Flickr keeps dropping the connection during uploads; try again later.")

    def _replace(self, client: FlickrClient, want: DesiredPhoto, path: Path, report: SyncReport) -> None:
        known = self._known_photo(want.sha256)
        journal_id = self.store.begin("replace", want.sha256, {"remote_id": known.remote_id})

        def send() -> None:
            client.replace(path, known.remote_id, on_bytes=self.control.add_bytes)

        try:
            self._idempotent(send)
        except PhotoRejected as exc:
            self.store.record_failure(want.sha256, want.fingerprint, str(exc), journal_id)
            with self._report_lock:
                report.failed.append(PhotoFailure(want.photo_id, want.sha256, str(exc)))
            return
        except BaseException as exc:
            self.store.finish(journal_id, "failed", str(exc))
            raise
        self.store.save_photo(
            replace(self._known_photo(want.sha256), file_fingerprint=want.fingerprint), journal_id
        )

    def _photo_write(self, client: FlickrClient, want: DesiredPhoto, action: Any) -> None:
        """Idempotent metadata writes on an uploaded photo."""
        known = self._known_photo(want.sha256)
        pid = known.remote_id
        if isinstance(action, SetPhotoMeta):
            kind, send = (
                "set_meta",
                lambda: client.call(
                    "flickr.photos.setMeta",
                    write=True,
                    photo_id=pid,
                    title=want.title,
                    description=want.description,
                ),
            )
            update: Callable[[KnownPhoto], KnownPhoto] = lambda k: replace(k, meta_applied=want.meta_digest)  # noqa: E731
        elif isinstance(action, SetPhotoTags):
            kind, send = (
                "set_tags",
                lambda: client.call("flickr.photos.setTags", write=True, photo_id=pid, tags=want.tags),
            )
            update = lambda k: replace(k, tags_applied=want.tags_digest)  # noqa: E731
        elif isinstance(action, SetPhotoPerms):
            pub, friend, family = action.visibility.flickr_perms()
            kind, send = (
                "set_perms",
                lambda: client.call(
                    "flickr.photos.setPerms",
                    write=True,
                    photo_id=pid,
                    is_public=pub,
                    is_friend=friend,
                    is_family=family,
                ),
            )
            update = lambda k: replace(k, visibility_applied=action.visibility.value)  # noqa: E731
        elif isinstance(action, SetPhotoLicence):
            kind, send = (
                "set_licence",
                lambda: client.call(
                    "flickr.photos.licenses.setLicense",
                    write=True,
                    photo_id=pid,
                    license_id=action.licence_id,
                ),
            )
            update = lambda k: replace(k, licence_applied=action.licence_id)  # noqa: E731
        elif isinstance(action, AddToGroup):

            def send() -> None:
                try:
                    client.call("flickr.groups.pools.add", write=True, photo_id=pid, group_id=action.group_id)
                except FlickrApiError as exc:
                    if exc.code not in _POOL_ALREADY:
                        raise

            kind = "group_add"
            update = lambda k: replace(k, groups_applied=k.groups_applied | {action.group_id})  # noqa: E731
        else:
            raise AssertionError(action)
        journal_id = self.store.begin(kind, want.sha256, {"remote_id": pid})
        try:
            self._idempotent(send)
        except BaseException as exc:
            self.store.finish(journal_id, "failed", str(exc))
            raise
        self.store.save_photo(update(self._known_photo(want.sha256)), journal_id)

    # -- albums ---------------------------------------------------------------------------------

    def _album_action(
        self, client: FlickrClient, action: Any, album: DesiredAlbum, report: SyncReport
    ) -> None:
        if self.control.cancelled:
            raise SyncCancelled()
        known_photos = self.store.known_state().photos
        shas = [s for s in album.photo_shas if s in known_photos]
        if not shas:
            return
        primary_sha = album.primary_sha if album.primary_sha in shas else shas[0]
        primary_id = known_photos[primary_sha].remote_id
        ids = tuple(known_photos[s].remote_id for s in shas)
        if isinstance(action, CreateAlbum):
            self._create_album(client, album, primary_id)
        elif isinstance(action, SetAlbumMeta):
            known = self._known_album(album.set_id)
            journal_id = self.store.begin("album_meta", f"set:{album.set_id}", {"remote_id": known.remote_id})
            self._guarded(
                journal_id,
                lambda: client.call(
                    "flickr.photosets.editMeta",
                    write=True,
                    photoset_id=known.remote_id,
                    title=album.title,
                    description=album.description,
                ),
            )
            self.store.save_album(
                replace(self._known_album(album.set_id), meta_applied=album.meta_digest), journal_id
            )
        elif isinstance(action, SetAlbumPhotos):
            known = self._known_album(album.set_id)
            if known.photo_ids == ids and known.primary_id == primary_id:
                return
            journal_id = self.store.begin(
                "album_photos", f"set:{album.set_id}", {"remote_id": known.remote_id}
            )
            self._guarded(
                journal_id,
                lambda: client.call(
                    "flickr.photosets.editPhotos",
                    write=True,
                    photoset_id=known.remote_id,
                    primary_photo_id=primary_id,
                    photo_ids=",".join(ids),
                ),
            )
            self.store.save_album(replace(known, photo_ids=ids, primary_id=primary_id), journal_id)
        self._count(report)

    def _create_album(self, client: FlickrClient, album: DesiredAlbum, primary_id: str) -> None:
        detail = {
            "set_id": album.set_id,
            "title": album.title,
            "primary_id": primary_id,
            "meta": album.meta_digest,
        }
        journal_id = self.store.begin("create_album", f"set:{album.set_id}", detail)
        remote_id = ""
        in_doubt = False  # as in _upload: a create that may have happened keeps its journal row pending
        try:
            for _round in range(AMBIGUOUS_ROUNDS):
                try:
                    rsp = client.call(
                        "flickr.photosets.create",
                        write=True,
                        title=album.title,
                        description=album.description,
                        primary_photo_id=primary_id,
                    )
                    node = rsp.find("photoset")
                    remote_id = node.get("id", "") if node is not None else ""
                    break
                except AmbiguousWrite:
                    in_doubt = True
                    remote_id = self._find_album(client, album.title, primary_id)
                    in_doubt = False
                    if remote_id:
                        break
            if not remote_id:
                raise FlickrUnavailable(
                    "Flickr keeps dropping the connection while creating an album; try later."
                )
        except BaseException as exc:
            if not in_doubt:
                self.store.finish(journal_id, "failed", str(exc))
            raise
        self.store.save_album(
            KnownAlbum(album.set_id, remote_id, album.meta_digest, (primary_id,), primary_id), journal_id
        )

    # -- taking things down ---------------------------------------------------------------------

    def _retire_action(self, client: FlickrClient, action: Any, report: SyncReport) -> None:
        if self.control.cancelled:
            raise SyncCancelled()
        if isinstance(action, DeleteAlbum):
            journal_id = self.store.begin(
                "delete_album", f"set:{action.set_id}", {"remote_id": action.remote_id}
            )
            self._guarded(
                journal_id,
                lambda: self._ignore_not_found(
                    lambda: client.call("flickr.photosets.delete", write=True, photoset_id=action.remote_id)
                ),
            )
            self.store.forget_album(action.set_id, journal_id)
            self.sets.record("unpublish", "set", action.set_id, {"flickr_album": action.remote_id})
            report.unpublished_sets.append(action.set_id)
        elif isinstance(action, LeaveGroup):
            journal_id = self.store.begin("group_remove", action.sha256, {"remote_id": action.remote_id})

            def leave() -> None:
                try:
                    client.call(
                        "flickr.groups.pools.remove",
                        write=True,
                        photo_id=action.remote_id,
                        group_id=action.group_id,
                    )
                except FlickrApiError as exc:
                    # 1: the group is gone, 2: the photo is not in the pool; either way it is out.
                    if exc.code not in (1, 2):
                        raise

            self._guarded(journal_id, leave)
            known = self._known_photo(action.sha256)
            self.store.save_photo(
                replace(known, groups_applied=known.groups_applied - {action.group_id}), journal_id
            )
        elif isinstance(action, RetirePhoto):
            kind = "delete_photo" if action.delete else "set_perms"
            journal_id = self.store.begin(kind, action.sha256, {"remote_id": action.remote_id})
            if action.delete:
                self._guarded(
                    journal_id,
                    lambda: self._ignore_not_found(
                        lambda: client.call("flickr.photos.delete", write=True, photo_id=action.remote_id)
                    ),
                )
                self.store.forget_photo(action.sha256, journal_id)
            else:
                gone = self._guarded(
                    journal_id,
                    lambda: self._ignore_not_found(
                        lambda: client.call(
                            "flickr.photos.setPerms",
                            write=True,
                            photo_id=action.remote_id,
                            is_public=0,
                            is_friend=0,
                            is_family=0,
                        )
                    ),
                )
                if gone:
                    self.store.forget_photo(action.sha256, journal_id)
                else:
                    known = self._known_photo(action.sha256)
                    self.store.save_photo(
                        replace(known, visibility_applied=Visibility.PRIVATE.value), journal_id
                    )
            photo_id = self.catalog.photos.id_for_sha256(action.sha256)
            if photo_id is not None:
                how = "deleted" if action.delete else "made private"
                self.sets.record("unpublish", "photo", photo_id, {"flickr_id": action.remote_id, "how": how})
        self._count(report)

    def _mark_published(
        self, desired: DesiredState, approved: dict[int, ApprovedSet], report: SyncReport
    ) -> None:
        known = self.store.known_state()
        for set_id, album in desired.albums.items():
            have = known.albums.get(set_id)
            if have is None or any(s not in known.photos for s in album.photo_shas):
                continue
            if have.photo_ids != tuple(known.photos[s].remote_id for s in album.photo_shas):
                continue
            current = self.catalog.sets.get(set_id)
            if current is None or current.state is not SetState.APPROVED:
                continue
            if current.approved_content != approved[set_id].content:
                continue  # approved again while we ran: the next sync publishes that
            if self.sets.mark_published(
                set_id, {"flickr_album": have.remote_id, "photos": len(have.photo_ids)}
            ):
                report.published_sets.append(set_id)

    # -- helpers --------------------------------------------------------------------------------

    def _client(self) -> FlickrClient:
        """One client (own HTTP session) per thread."""
        assert self.client is not None
        client = getattr(self._local, "client", None)
        if client is None:
            if threading.current_thread() is self._run_thread:
                client = self.client
            else:
                client = self.client.worker()
                with self._report_lock:
                    self._workers.append(client)
            self._local.client = client
        return client

    def _known_photo(self, sha256: str) -> KnownPhoto:
        known = self.store.photo(sha256)
        if known is None:
            raise FlickrApiError("sync", 1, "photo not on Flickr")
        return known

    def _known_album(self, set_id: int) -> KnownAlbum:
        known = self.store.album(set_id)
        if known is None:
            raise FlickrApiError("sync", 1, "album not on Flickr")
        return known

    def _count(self, report: SyncReport) -> None:
        with self._report_lock:
            report.actions_done += 1

    @staticmethod
    def _idempotent(send: Callable[[], Any]) -> Any:
        """Run a write that may simply be repeated when its answer is lost."""
        for _round in range(AMBIGUOUS_ROUNDS):
            try:
                return send()
            except AmbiguousWrite:
                continue
        raise FlickrUnavailable("Flickr keeps dropping the connection; try again later.")

    def _guarded(self, journal_id: int, send: Callable[[], Any]) -> Any:
        try:
            return self._idempotent(send)
        except BaseException as exc:
            self.store.finish(journal_id, "failed", str(exc))
            raise

    @staticmethod
    def _ignore_not_found(send: Callable[[], Any]) -> bool:
        """True when Flickr says the thing is already gone (error 1), which is what we wanted."""
        try:
            send()
        except FlickrApiError as exc:
            if exc.code != 1:
                raise
            return True
        return False

    def _search_machine_tag(self, client: FlickrClient, sha256: str) -> list[str]:
        """Remote ids carrying this file's machine tag, oldest first.

        Flickr's search index can lag a fresh upload, so an empty answer is asked again once after
        `recheck_seconds` before it is believed (only after a lost answer, so it costs nothing normally).
        """
        for attempt in range(2):
            rsp = client.call(
                "flickr.photos.search",
                user_id="me",
                machine_tags=machine_tag(sha256),
                sort="date-posted-asc",
                per_page=500,
            )
            ids = [p.get("id", "") for p in rsp.iter("photo") if p.get("id")]
            if ids or attempt == 1 or self.recheck_seconds <= 0:
                return ids
            if self.control.event.wait(self.recheck_seconds):
                raise SyncCancelled()
        return []

    def _drop_duplicates(self, client: FlickrClient, sha256: str, ids: list[str]) -> None:
        """More than one copy of a file (two syncs at once, or a search that lagged): keep the oldest."""
        for extra in ids[1:]:
            log.warning("Flickr holds photo %s twice; deleting the copy %s", sha256[:12], extra)
            try:
                self._ignore_not_found(
                    partial(client.call, "flickr.photos.delete", write=True, photo_id=extra)
                )
            except PhotoarchiveError as exc:
                log.warning("could not delete the duplicate %s: %s", extra, exc)

    @staticmethod
    def _find_album(client: FlickrClient, title: str, primary_id: str) -> str:
        """The album a lost photosets.create answer may have made (same title and primary photo)."""
        rsp = client.call("flickr.photosets.getList")
        for node in rsp.iter("photoset"):
            if node.get("primary") == primary_id and (node.findtext("title") or "") == title:
                return node.get("id", "")
        return ""

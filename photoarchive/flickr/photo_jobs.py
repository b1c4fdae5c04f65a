"""The photo phase: clean copies made, then each photo's actions (upload or replace, then metadata)
run by one worker, several photos in parallel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from photoarchive.catalog.sync_state import KnownPhoto
from photoarchive.errors import PhotoarchiveError
from photoarchive.flickr.account import FREE_PHOTO_LIMIT
from photoarchive.flickr.actions import (
    AddToGroup,
    KeepFile,
    ReplaceFile,
    SetPhotoLicence,
    SetPhotoMeta,
    SetPhotoPerms,
    SetPhotoTags,
    SyncPlan,
    UploadPhoto,
)
from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.errors import (
    AmbiguousWrite,
    DuplicateUpload,
    FlickrApiError,
    FreeAccountLimit,
    PhotoRejected,
    SyncCancelled,
)
from photoarchive.flickr.journal_replay import keep_one, search_machine_tag
from photoarchive.flickr.plan import MAX_TAGS, DesiredPhoto, DesiredState
from photoarchive.flickr.run import SyncRun

log = logging.getLogger("photoarchive.flickr.sync")

# https://www.flickr.com/services/api/flickr.groups.pools.add.html: 3 "Photo already in pool",
# 6/7 "added to the Pending Queue" (a moderated pool): all mean the photo is, or will be, in the pool.
_POOL_ALREADY = {3, 6, 7}


def prepare_files(run: SyncRun, plan: SyncPlan, desired: DesiredState) -> dict[str, Path]:
    """The clean copies to send, made now (reused from the approval when unchanged)."""
    files: dict[str, Path] = {}
    needing = [a for a in plan.actions if isinstance(a, UploadPhoto | ReplaceFile)]
    run.control.update(phase="preparing", photos_total=len(needing), photos_done=0)
    limit = run.limits.max_file_bytes if run.limits is not None else 0
    for action in needing:
        if run.control.cancelled:
            raise SyncCancelled()
        want = desired.photos[action.sha256]
        run.control.update(current_file=want.name)
        try:
            path = run.copies.make(want.content)
        except PhotoarchiveError as exc:
            refusal = run.say("no_clean_copy", file=want.name, reason=str(exc))
            run.fail(want.photo_id, want.sha256, refusal.text(), refusal)
            continue
        size = path.stat().st_size
        if limit and size > limit:
            message = run.say(
                "too_large", file=want.name, size=f"{size / 1e6:.1f}", limit=f"{limit / 1e6:.0f}"
            )
            run.fail(want.photo_id, want.sha256, message.text(), message)
            continue
        files[action.sha256] = path
    return files


def run_photo_jobs(
    run: SyncRun,
    jobs: dict[str, list[Any]],
    desired: DesiredState,
    files: dict[str, Path],
    resend: set[str],
    workers: int,
) -> None:
    if not jobs:
        return
    abort: list[BaseException] = []

    def job(sha: str) -> None:
        if abort or run.control.cancelled:
            return
        try:
            photo_job(run, run.client(), desired.photos[sha], jobs[sha], files.get(sha), sha in resend)
        except BaseException as exc:  # stop the others at their next call, re-raised below
            abort.append(exc)
            run.control.event.set()
        finally:
            run.control.photo_done()

    try:
        if workers == 1:
            for sha in jobs:
                job(sha)
        else:
            with ThreadPoolExecutor(workers, thread_name_prefix="flickr-sync") as pool:
                list(pool.map(job, list(jobs)))
    except BaseException:  # Ctrl-C in the main thread: let the workers stop at their next call
        run.control.event.set()
        raise
    finally:
        run.close_workers()
    if abort:
        first = next((e for e in abort if not isinstance(e, SyncCancelled)), abort[0])
        raise first


def photo_job(
    run: SyncRun,
    client: FlickrClient,
    want: DesiredPhoto,
    actions: list[Any],
    path: Path | None,
    dedup: bool,
) -> None:
    run.control.update(current_file=want.name)
    for action in actions:
        try:
            if isinstance(action, UploadPhoto):
                if path is None or not upload(run, client, want, path, dedup):
                    return  # refused or in doubt: the rest of this photo's actions make no sense
            elif isinstance(action, ReplaceFile):
                if path is not None:
                    replace_file(run, client, want, path)
            elif isinstance(action, KeepFile):
                keep_file(run, want)
            else:
                photo_write(run, client, want, action)
            run.count()
        except FlickrApiError as exc:
            if exc.code == 1 and not isinstance(action, UploadPhoto | ReplaceFile):
                # Every photo method's "Photo not found" (e.g. flickr.photos.setMeta.html): deleted on
                # flickr.com while we ran. Forget it; the next sync uploads it again.
                run.store.forget_photo(want.sha256)
                run.fail(want.photo_id, want.sha256, run.say("photo_gone_during_sync", file=want.name).text())
                return
            run.fail(want.photo_id, want.sha256, str(exc))
            return


def upload(run: SyncRun, client: FlickrClient, want: DesiredPhoto, path: Path, dedup: bool) -> bool:
    """Send the file once. True when Flickr holds it (its id recorded); False when refused, or when the
    answer was lost and no copy is found yet (the journal row stays pending: *unconfirmed*)."""
    if want.tags_dropped:
        run.say("tags_cut", file=want.name, limit=MAX_TAGS, dropped=want.tags_dropped)
    detail = {
        "photo_id": want.photo_id,
        "fingerprint": want.fingerprint,
        "meta": want.meta_digest,
        "tags": want.tags_digest,
        "visibility": want.visibility.value,
        "sent_at": run.clock(),
    }
    journal_id = run.store.begin("upload", want.sha256, detail)
    # True while an upload may have been stored and the search has not yet said whether it was.
    in_doubt = False
    try:
        try:
            remote_id = client.upload(
                path,
                title=want.title,
                description=want.description,
                tags=want.tags,
                perms=want.visibility.flickr_perms(),
                on_bytes=run.control.add_bytes,
                dedup_check=dedup,
            )
        except DuplicateUpload as exc:
            # Only on a file sent again after a lost answer: the copy Flickr already holds is ours.
            remote_id = exc.photo_id
            run.say("duplicate_check_found", file=want.name)
        except AmbiguousWrite:
            in_doubt = True
            ids = search_machine_tag(client, want.sha256)
            if not ids:
                # Flickr's index lags fresh uploads: an empty answer proves nothing. Never send again
                # now; the next syncs search again.
                run.say("upload_unconfirmed", file=want.name)
                with run.lock:
                    run.report.unconfirmed.append(want.sha256)
                return False
            in_doubt = False
            remote_id = keep_one(run, client, want.sha256, ids, prefer=None)
    except PhotoRejected as exc:
        run.store.record_failure(want.sha256, want.fingerprint, str(exc), journal_id)
        run.fail(want.photo_id, want.sha256, str(exc))
        return False
    except FlickrApiError as exc:
        run.store.finish(journal_id, "failed", str(exc))
        if exc.code == 6:
            # https://www.flickr.com/services/api/upload.api.html: 6 "Upload limit reached" (free account).
            raise FreeAccountLimit.coded(
                "free_limit", have=FREE_PHOTO_LIMIT, limit=FREE_PHOTO_LIMIT, count=1
            ) from exc
        raise
    except BaseException as exc:
        # A definite "not done" (cancel, sign-in, Flickr down after retries) closes the entry. An
        # upload still in doubt stays pending, like after a kill, for the next run to settle.
        if not in_doubt:
            run.store.finish(journal_id, "failed", str(exc))
        raise
    run.store.save_photo(
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
    run.sets.record("publish", "photo", want.photo_id, {"flickr_id": remote_id})
    with run.lock:
        run.report.uploaded += 1
    return True


def replace_file(run: SyncRun, client: FlickrClient, want: DesiredPhoto, path: Path) -> None:
    if not run.can_replace:
        keep_file(run, want)
        return
    known = run.known_photo(want.sha256)
    journal_id = run.store.begin("replace", want.sha256, {"remote_id": known.remote_id})
    try:
        run.idempotent(lambda: client.replace(path, known.remote_id, on_bytes=run.control.add_bytes))
    except PhotoRejected as exc:
        run.store.record_failure(want.sha256, want.fingerprint, str(exc), journal_id)
        run.fail(want.photo_id, want.sha256, str(exc))
        return
    except FlickrApiError as exc:
        run.store.finish(journal_id, "failed", str(exc))
        if exc.code != 1:
            raise
        # https://www.flickr.com/services/api/replace.api.html: 1 is "Not a pro account", never "gone".
        # The photo stays; its press fields still go by setMeta/setTags.
        run.can_replace = False
        run.say("not_pro", file=want.name)
        keep_file(run, want)
        return
    except BaseException as exc:
        run.store.finish(journal_id, "failed", str(exc))
        raise
    run.store.save_photo(replace(run.known_photo(want.sha256), file_fingerprint=want.fingerprint), journal_id)


def keep_file(run: SyncRun, want: DesiredPhoto) -> None:
    run.store.save_photo(replace(run.known_photo(want.sha256), file_fingerprint=want.fingerprint))
    run.say("free_keeps_image", file=want.name)


def photo_write(run: SyncRun, client: FlickrClient, want: DesiredPhoto, action: Any) -> None:
    """Idempotent metadata writes on an uploaded photo (each method's error 1 is "Photo not found")."""
    known = run.known_photo(want.sha256)
    pid = known.remote_id
    send: Callable[[], Any]
    update: Callable[[KnownPhoto], KnownPhoto]
    if isinstance(action, SetPhotoMeta):
        kind = "set_meta"

        def send() -> Any:
            return client.call(
                "flickr.photos.setMeta",
                write=True,
                photo_id=pid,
                title=want.title,
                description=want.description,
            )

        def update(k: KnownPhoto) -> KnownPhoto:
            return replace(k, meta_applied=want.meta_digest)

    elif isinstance(action, SetPhotoTags):
        kind = "set_tags"
        if want.tags_dropped:
            run.say("tags_cut", file=want.name, limit=MAX_TAGS, dropped=want.tags_dropped)

        def send() -> Any:
            return client.call("flickr.photos.setTags", write=True, photo_id=pid, tags=want.tags)

        def update(k: KnownPhoto) -> KnownPhoto:
            return replace(k, tags_applied=want.tags_digest)

    elif isinstance(action, SetPhotoPerms):
        kind = "set_perms"
        pub, friend, family = action.visibility.flickr_perms()

        def send() -> Any:
            return client.call(
                "flickr.photos.setPerms",
                write=True,
                photo_id=pid,
                is_public=pub,
                is_friend=friend,
                is_family=family,
            )

        def update(k: KnownPhoto) -> KnownPhoto:
            return replace(k, visibility_applied=action.visibility.value)

    elif isinstance(action, SetPhotoLicence):
        kind = "set_licence"

        def send() -> Any:
            # https://www.flickr.com/services/api/flickr.photos.licenses.setLicense.html
            return client.call(
                "flickr.photos.licenses.setLicense", write=True, photo_id=pid, license_id=action.licence_id
            )

        def update(k: KnownPhoto) -> KnownPhoto:
            return replace(k, licence_applied=action.licence_id)

    elif isinstance(action, AddToGroup):
        kind = "group_add"

        def send() -> Any:
            try:
                return client.call(
                    "flickr.groups.pools.add", write=True, photo_id=pid, group_id=action.group_id
                )
            except FlickrApiError as exc:
                if exc.code not in _POOL_ALREADY:
                    raise
                return None

        def update(k: KnownPhoto) -> KnownPhoto:
            return replace(k, groups_applied=k.groups_applied | {action.group_id})

    else:
        raise AssertionError(action)
    journal_id = run.store.begin(kind, want.sha256, {"remote_id": pid})
    run.guarded(journal_id, send)
    run.store.save_photo(update(run.known_photo(want.sha256)), journal_id)

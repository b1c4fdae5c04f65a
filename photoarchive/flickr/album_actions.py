"""The album phase (create, title, contents and order) and the take-downs (albums, group pools,
photos no approved set holds), then marking sets published."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from photoarchive.catalog.sync_state import KnownAlbum
from photoarchive.flickr.actions import (
    CreateAlbum,
    DeleteAlbum,
    LeaveGroup,
    RetirePhoto,
    SetAlbumMeta,
    SetAlbumPhotos,
)
from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.errors import AmbiguousWrite, FlickrApiError, FlickrUnavailable, SyncCancelled
from photoarchive.flickr.journal_replay import find_album
from photoarchive.flickr.plan import ApprovedSet, DesiredAlbum, DesiredState
from photoarchive.flickr.run import AMBIGUOUS_ROUNDS, SyncRun
from photoarchive.sets.model import SetState, Visibility

log = logging.getLogger("photoarchive.flickr.sync")


def album_action(run: SyncRun, client: FlickrClient, action: Any, album: DesiredAlbum) -> None:
    if run.control.cancelled:
        raise SyncCancelled()
    known_photos = run.store.known_state().photos
    shas = [s for s in album.photo_shas if s in known_photos]
    if not shas:
        return
    primary_sha = album.primary_sha if album.primary_sha in shas else shas[0]
    primary_id = known_photos[primary_sha].remote_id
    ids = tuple(known_photos[s].remote_id for s in shas)
    try:
        _album_step(run, client, action, album, ids, primary_id)
    except FlickrApiError as exc:
        if isinstance(action, CreateAlbum) and exc.code == 2:
            # flickr.photosets.create.html: 2 "Photo not found" (the primary photo, deleted on
            # flickr.com during the sync). Forget it: the next sync uploads it again and makes the album.
            run.store.forget_photo(primary_sha)
            run.say("photo_gone_during_sync", file=run.name_of(primary_sha))
            return
        # flickr.photosets.editMeta.html and editPhotos.html: 1 "Photoset not found" (deleted on
        # flickr.com during the sync). Forget it: the next sync makes it again.
        if exc.code != 1 or isinstance(action, CreateAlbum) or exc.method == "sync":
            raise
        run.store.forget_album(album.set_id)
        run.say("repair_album_gone", album=album.title)
        return
    run.count()


def _album_step(
    run: SyncRun,
    client: FlickrClient,
    action: Any,
    album: DesiredAlbum,
    ids: tuple[str, ...],
    primary_id: str,
) -> None:
    if isinstance(action, CreateAlbum):
        create_album(run, client, album, primary_id)
    elif isinstance(action, SetAlbumMeta):
        known = run.known_album(album.set_id)
        journal_id = run.store.begin("album_meta", f"set:{album.set_id}", {"remote_id": known.remote_id})
        run.guarded(
            journal_id,
            lambda: client.call(
                "flickr.photosets.editMeta",
                write=True,
                photoset_id=known.remote_id,
                title=album.title,
                description=album.description,
            ),
        )
        run.store.save_album(
            replace(run.known_album(album.set_id), meta_applied=album.meta_digest), journal_id
        )
    elif isinstance(action, SetAlbumPhotos):
        # No comparison with the journal here: the plan compared with the album's live listing.
        set_album_photos(run, client, album, ids, primary_id)


def set_album_photos(
    run: SyncRun, client: FlickrClient, album: DesiredAlbum, ids: tuple[str, ...], primary_id: str
) -> None:
    known = run.known_album(album.set_id)
    journal_id = run.store.begin("album_photos", f"set:{album.set_id}", {"remote_id": known.remote_id})

    def send(photo_ids: tuple[str, ...], primary: str) -> Any:
        return client.call(
            "flickr.photosets.editPhotos",
            write=True,
            photoset_id=known.remote_id,
            primary_photo_id=primary,
            photo_ids=",".join(photo_ids),
        )

    try:
        run.idempotent(lambda: send(ids, primary_id))
    except FlickrApiError as exc:
        # https://www.flickr.com/services/api/flickr.photosets.editPhotos.html: 2 "Photo not found"
        # (one of photo_ids), 3 "Primary photo not found": deleted on flickr.com while we ran.
        if exc.code not in (2, 3):
            run.store.finish(journal_id, "failed", str(exc))
            raise
        ids, primary_id = _without_deleted(run, client, ids, primary_id)
        if not ids:
            run.store.finish(journal_id, "failed", str(exc))
            return
        run.guarded(journal_id, lambda: send(ids, primary_id))
    except BaseException as exc:
        run.store.finish(journal_id, "failed", str(exc))
        raise
    run.store.save_album(replace(known, photo_ids=ids, primary_id=primary_id), journal_id)


def _without_deleted(
    run: SyncRun, client: FlickrClient, ids: tuple[str, ...], primary_id: str
) -> tuple[tuple[str, ...], str]:
    """The album's photos minus those Flickr no longer has (forgotten: the next sync uploads them)."""
    by_remote = {p.remote_id: sha for sha, p in run.store.known_state().photos.items()}
    alive: list[str] = []
    for remote_id in ids:
        try:
            client.call("flickr.photos.getInfo", photo_id=remote_id)
        except FlickrApiError as exc:
            if exc.code != 1:  # flickr.photos.getInfo.html: 1 "Photo not found"
                raise
            sha = by_remote.get(remote_id)
            if sha is not None:
                run.store.forget_photo(sha)
                run.say("photo_gone_during_sync", file=run.name_of(sha))
            continue
        alive.append(remote_id)
    return tuple(alive), primary_id if primary_id in alive else (alive[0] if alive else "")


def create_album(run: SyncRun, client: FlickrClient, album: DesiredAlbum, primary_id: str) -> None:
    detail = {
        "set_id": album.set_id,
        "title": album.title,
        "primary_id": primary_id,
        "meta": album.meta_digest,
    }
    journal_id = run.store.begin("create_album", f"set:{album.set_id}", detail)
    remote_id = ""
    in_doubt = False  # as for uploads: a create that may have happened keeps its journal row pending
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
                # getList shows a new album at once (no search index in between), so an empty answer
                # can be believed here.
                remote_id = find_album(client, album.title, primary_id)
                in_doubt = False
                if remote_id:
                    break
        if not remote_id:
            raise FlickrUnavailable(
                "Flickr keeps dropping the connection while creating an album; try later."
            )
    except BaseException as exc:
        if not in_doubt:
            run.store.finish(journal_id, "failed", str(exc))
        raise
    run.store.save_album(
        KnownAlbum(album.set_id, remote_id, album.meta_digest, (primary_id,), primary_id), journal_id
    )


def retire_action(run: SyncRun, client: FlickrClient, action: Any) -> None:
    if run.control.cancelled:
        raise SyncCancelled()
    if isinstance(action, DeleteAlbum):
        journal_id = run.store.begin("delete_album", f"set:{action.set_id}", {"remote_id": action.remote_id})
        run.guarded(
            journal_id,
            lambda: run.ignore_not_found(
                # flickr.photosets.delete.html: 1 "Photoset not found".
                lambda: client.call("flickr.photosets.delete", write=True, photoset_id=action.remote_id)
            ),
        )
        run.store.forget_album(action.set_id, journal_id)
        run.sets.record("unpublish", "set", action.set_id, {"flickr_album": action.remote_id})
        run.report.unpublished_sets.append(action.set_id)
    elif isinstance(action, LeaveGroup):
        journal_id = run.store.begin("group_remove", action.sha256, {"remote_id": action.remote_id})

        def leave() -> None:
            try:
                client.call(
                    "flickr.groups.pools.remove",
                    write=True,
                    photo_id=action.remote_id,
                    group_id=action.group_id,
                )
            except FlickrApiError as exc:
                # flickr.groups.pools.remove.html: 1 "Group not found", 2 "Photo not in pool": it is out.
                if exc.code not in (1, 2):
                    raise

        run.guarded(journal_id, leave)
        known = run.known_photo(action.sha256)
        run.store.save_photo(
            replace(known, groups_applied=known.groups_applied - {action.group_id}), journal_id
        )
    elif isinstance(action, RetirePhoto):
        _retire_photo(run, client, action)
    run.count()


def _retire_photo(run: SyncRun, client: FlickrClient, action: RetirePhoto) -> None:
    kind = "delete_photo" if action.delete else "set_perms"
    journal_id = run.store.begin(kind, action.sha256, {"remote_id": action.remote_id})
    if action.delete:
        run.guarded(
            journal_id,
            lambda: run.ignore_not_found(
                # flickr.photos.delete.html: 1 "Photo not found".
                lambda: client.call("flickr.photos.delete", write=True, photo_id=action.remote_id)
            ),
        )
        run.store.forget_photo(action.sha256, journal_id)
    else:
        gone = run.guarded(
            journal_id,
            lambda: run.ignore_not_found(
                # flickr.photos.setPerms.html: 1 "Photo not found".
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
            run.store.forget_photo(action.sha256, journal_id)
        else:
            known = run.known_photo(action.sha256)
            run.store.save_photo(replace(known, visibility_applied=Visibility.PRIVATE.value), journal_id)
    photo_id = run.catalog.photos.id_for_sha256(action.sha256)
    if photo_id is not None:
        how = "deleted" if action.delete else "made private"
        run.sets.record("unpublish", "photo", photo_id, {"flickr_id": action.remote_id, "how": how})


def mark_published(run: SyncRun, desired: DesiredState, approved: dict[int, ApprovedSet]) -> None:
    known = run.store.known_state()
    for set_id, album in desired.albums.items():
        have = known.albums.get(set_id)
        if have is None or any(s not in known.photos for s in album.photo_shas):
            continue
        if have.photo_ids != tuple(known.photos[s].remote_id for s in album.photo_shas):
            continue
        current = run.catalog.sets.get(set_id)
        if current is None or current.state is not SetState.APPROVED:
            continue
        if current.approved_content != approved[set_id].content:
            continue  # approved again while we ran: the next sync publishes that
        if run.sets.mark_published(set_id, {"flickr_album": have.remote_id, "photos": len(have.photo_ids)}):
            run.report.published_sets.append(set_id)

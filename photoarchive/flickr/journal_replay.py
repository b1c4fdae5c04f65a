"""Before planning: settle the writes an earlier run left without an answer, from the journal.

An upload in doubt is searched for by its machine tag. Flickr's search index lags fresh uploads (by
minutes at times), so an empty answer is not believed: the photo stays *unconfirmed* (not sent again)
and every later sync searches again, until one copy is found or `unconfirmed_grace` has passed; only
then is it sent again, with Flickr's duplicate check on, and watched: should a lagging copy show up
later, the one in the album is kept and the others deleted.
"""

from __future__ import annotations

import logging
from functools import partial

from photoarchive.catalog.sync_state import JournalEntry, KnownAlbum, KnownPhoto
from photoarchive.errors import PhotoarchiveError
from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.plan import machine_tag
from photoarchive.flickr.run import SyncRun

log = logging.getLogger("photoarchive.flickr.sync")

# Journal kind of a file sent again after an upload in doubt: searched for extra copies each sync until
# its `until` time, so a copy the search index showed late is still found and deleted.
WATCH = "watch_copies"
# How long a file sent again is watched for late copies (seconds).
WATCH_SECONDS = 24 * 3600.0


def replay(run: SyncRun) -> tuple[int, set[str], set[str]]:
    """Settle pending journal rows. Returns (writes found to have happened, sha256s still unconfirmed,
    sha256s to send again with the duplicate check)."""
    client = run.client()
    found = 0
    unconfirmed: set[str] = set()
    resend: set[str] = set()
    entries = run.store.pending()
    for entry in entries:
        if entry.kind == "upload":
            outcome = _settle_upload(run, client, entry)
            if outcome == "found":
                found += 1
            elif outcome == "waiting":
                unconfirmed.add(entry.subject)
            continue
        if entry.kind == WATCH:
            _watch(run, client, entry)
            continue
        if entry.kind == "create_album":
            album_id = find_album(client, entry.detail.get("title", ""), entry.detail.get("primary_id", ""))
            if album_id:
                primary = entry.detail.get("primary_id", "")
                run.store.save_album(
                    KnownAlbum(
                        int(entry.detail["set_id"]),
                        album_id,
                        entry.detail.get("meta", ""),
                        (primary,),
                        primary,
                    ),
                    entry.id,
                )
                found += 1
                continue
        # Everything else is idempotent: the plan repeats it if it is still needed.
        run.store.finish(entry.id, "abandoned")
    # Files that are sent again carry the duplicate check (the watch row says so, also after a kill).
    for entry in run.store.pending():
        if entry.kind == WATCH and run.store.photo(entry.subject) is None:
            resend.add(entry.subject)
    if found:
        log.info("reconciled %d write(s) left open by an interrupted sync", found)
    return found, unconfirmed, resend


def _settle_upload(run: SyncRun, client: FlickrClient, entry: JournalEntry) -> str:
    detail = entry.detail
    ids = search_machine_tag(client, entry.subject)
    name = run.name_of(entry.subject)
    if ids:
        keep = keep_one(run, client, entry.subject, ids, prefer=None)
        run.store.save_photo(
            KnownPhoto(
                sha256=entry.subject,
                remote_id=keep,
                file_fingerprint=detail.get("fingerprint", ""),
                meta_applied=detail.get("meta", ""),
                tags_applied=detail.get("tags", ""),
                visibility_applied=detail.get("visibility", ""),
            ),
            entry.id,
        )
        run.say("upload_found", file=name)
        return "found"
    sent_at = float(detail.get("sent_at") or 0.0)
    waited = run.clock() - sent_at
    if sent_at and waited < run.unconfirmed_grace:
        return "waiting"
    # Long enough for any index lag: it did not happen. Send it again, with the duplicate check, and
    # keep looking for a late copy for a while.
    run.store.begin(WATCH, entry.subject, {"until": run.clock() + WATCH_SECONDS})
    run.store.finish(entry.id, "abandoned", "not found by search after the grace period")
    run.say("upload_again_checked", file=name, minutes=int(max(waited, 0) // 60))
    return "resend"


def _watch(run: SyncRun, client: FlickrClient, entry: JournalEntry) -> None:
    known = run.store.photo(entry.subject)
    expired = run.clock() >= float(entry.detail.get("until") or 0.0)
    if known is None:
        if expired:  # never sent again (its set was withdrawn meanwhile): nothing left to watch
            run.store.finish(entry.id, "done")
        return  # not sent again yet; the upload step uses the duplicate check
    ids = search_machine_tag(client, entry.subject)
    # The copy in the album may itself still be missing from the index: any other id is an extra.
    if any(i != known.remote_id for i in ids):
        keep_one(run, client, entry.subject, sorted(set(ids) | {known.remote_id}), prefer=known.remote_id)
    if expired:
        run.store.finish(entry.id, "done")


def search_machine_tag(client: FlickrClient, sha256: str) -> list[str]:
    """Remote ids carrying this file's machine tag, oldest first (one page of 500 is plenty: more
    than a handful of copies of one file would be a bug of its own)."""
    rsp = client.call(
        "flickr.photos.search",
        user_id="me",
        machine_tags=machine_tag(sha256),
        sort="date-posted-asc",
        per_page=500,
    )
    return [p.get("id", "") for p in rsp.iter("photo") if p.get("id")]


def keep_one(run: SyncRun, client: FlickrClient, sha256: str, ids: list[str], prefer: str | None) -> str:
    """More than one copy of a file: keep `prefer` (the one in the album) or else the oldest, delete
    the rest (flickr.photos.delete, which needs the delete permission). Returns the id kept."""
    keep = prefer if prefer in ids else ids[0]
    extras = [i for i in ids if i != keep]
    if not extras:
        return keep
    name = run.name_of(sha256)
    problem = ""
    for extra in extras:
        try:
            # https://www.flickr.com/services/api/flickr.photos.delete.html: 1 "Photo not found".
            run.ignore_not_found(partial(client.call, "flickr.photos.delete", write=True, photo_id=extra))
        except PhotoarchiveError as exc:
            problem = str(exc)
    if problem:
        run.say("duplicates_left", file=name, count=len(ids), reason=problem)
    else:
        run.say("duplicates_deleted", file=name, count=len(ids))
        photo_id = run.catalog.photos.id_for_sha256(sha256)
        if photo_id is not None:
            run.sets.record(
                "flickr_repair",
                "photo",
                photo_id,
                {"what": "duplicates", "flickr_id": keep, "deleted_copies": extras},
            )
    return keep


def find_album(client: FlickrClient, title: str, primary_id: str) -> str:
    """The album a lost photosets.create answer may have made (same title and primary photo).

    flickr.photosets.getList is paged: its page says returning every album on one page may change."""
    page, pages = 1, 1
    while page <= pages:
        rsp = client.call("flickr.photosets.getList", page=page, per_page=500)
        node = rsp.find("photosets")
        pages = int(node.get("pages") or 1) if node is not None else 1
        for album in rsp.iter("photoset"):
            if album.get("primary") == primary_id and (album.findtext("title") or "") == title:
                return album.get("id", "")
        page += 1
    return ""

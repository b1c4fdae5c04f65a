"""Before planning: look at Flickr as it is. The live listing of every album is the truth, so what
someone changed on flickr.com (a photo deleted or taken out of an album, a title or visibility
changed) is planned back, not missed because the journal says it was done once."""

from __future__ import annotations

import logging

from photoarchive.flickr.errors import FlickrApiError
from photoarchive.flickr.plan import DesiredState, ObservedAlbum, ObservedPhoto
from photoarchive.flickr.run import SyncRun

log = logging.getLogger("photoarchive.flickr.sync")


def observe_albums(run: SyncRun) -> dict[int, ObservedAlbum]:
    """One flickr.photosets.getPhotos per known album (per 500 photos): the only calls a sync with
    nothing to do makes, besides the account checks."""
    client = run.client()
    observed: dict[int, ObservedAlbum] = {}
    for set_id, album in sorted(run.store.known_state().albums.items()):
        ids: list[str] = []
        photos: dict[str, ObservedPhoto] = {}
        primary = ""
        title: str | None = None
        page, pages = 1, 1
        try:
            while page <= pages:
                # https://www.flickr.com/services/api/flickr.photosets.getPhotos.html: user_id is
                # required; error 1 "Photoset not found" (deleted, or not this user's).
                rsp = client.call(
                    "flickr.photosets.getPhotos",
                    photoset_id=album.remote_id,
                    user_id=run.user_nsid or None,
                    extras="description,machine_tags",
                    per_page=500,
                    page=page,
                )
                node = rsp.find("photoset")
                assert node is not None
                pages = int(node.get("pages") or 1)
                primary = node.get("primary", "")
                title = node.get("title")
                for photo in node.findall("photo"):
                    photo_id = photo.get("id", "")
                    ids.append(photo_id)
                    photos[photo_id] = ObservedPhoto(
                        photo.get("title", ""),
                        photo.findtext("description") or "",
                        (
                            int(photo.get("ispublic") or 0),
                            int(photo.get("isfriend") or 0),
                            int(photo.get("isfamily") or 0),
                        ),
                        frozenset((photo.get("machine_tags") or "").split()),
                    )
                page += 1
        except FlickrApiError as exc:
            if exc.code != 1:
                raise
            observed[set_id] = ObservedAlbum(exists=False)
            run.store.forget_album(set_id)
            continue
        observed[set_id] = ObservedAlbum(True, tuple(ids), primary, photos, title)
    return observed


def forget_deleted(run: SyncRun, desired: DesiredState, observed: dict[int, ObservedAlbum]) -> list[str]:
    """Photos this archive put in an album that its live listing no longer shows: ask Flickr whether
    each still exists; those deleted on flickr.com are forgotten, so the plan uploads them again once.
    Returns their sha256s."""
    known = run.store.known_state()
    client = run.client()
    suspects: dict[str, str] = {}
    for set_id, album in desired.albums.items():
        seen = observed.get(set_id)
        have = known.albums.get(set_id)
        if seen is None or not seen.exists or have is None:
            continue
        for sha in album.photo_shas:
            photo = known.photos.get(sha)
            if (
                photo is not None
                and photo.remote_id in have.photo_ids
                and photo.remote_id not in seen.photo_ids
            ):
                suspects[sha] = photo.remote_id
    gone: list[str] = []
    for sha, remote_id in sorted(suspects.items()):
        try:
            client.call("flickr.photos.getInfo", photo_id=remote_id)
        except FlickrApiError as exc:
            # https://www.flickr.com/services/api/flickr.photos.getInfo.html: 1 "Photo not found".
            if exc.code != 1:
                raise
            run.store.forget_photo(sha)
            gone.append(sha)
    return gone

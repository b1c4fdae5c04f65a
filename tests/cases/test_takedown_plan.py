"""The take-down planner step, without Flickr: what `withhold` leaves in the desired state and what
the sync plan then does with it."""

from __future__ import annotations

from datetime import datetime

from photoarchive.catalog.sync_state import KnownAlbum, KnownPhoto, KnownState
from photoarchive.flickr.actions import DeleteAlbum, RetirePhoto, SetAlbumPhotos
from photoarchive.flickr.plan import ApprovedSet, desired_state, plan_sync
from photoarchive.flickr.takedown import TakedownReason, withhold
from photoarchive.sets.model import PhotoContent, SetContent, Visibility


def content(photo_id: int) -> PhotoContent:
    return PhotoContent(photo_id=photo_id, sha256=f"{photo_id:064x}", archive_path=f"2026/{photo_id}.jpg")


def approved(set_id: int, ids: list[int], visibility: Visibility) -> ApprovedSet:
    photos = tuple(content(i) for i in ids)
    return ApprovedSet(
        set_id,
        datetime(2026, 1, 1),
        SetContent(
            title=f"Set {set_id}",
            description="",
            visibility=visibility,
            licence_id=0,
            group_id="",
            tags=(),
            cover_photo_id=None,
            photos=photos,
        ),
    )


def known(desired, visibility_of) -> KnownState:
    from photoarchive.flickr.plan import DesiredState

    assert isinstance(desired, DesiredState)
    photos = {
        sha: KnownPhoto(
            sha,
            f"r{want.photo_id}",
            want.fingerprint,
            want.meta_digest,
            want.tags_digest,
            visibility_of(want).value,
            want.licence_id,
        )
        for sha, want in desired.photos.items()
    }
    albums = {
        sid: KnownAlbum(
            sid,
            f"a{sid}",
            a.meta_digest,
            tuple(photos[s].remote_id for s in a.photo_shas),
            photos[a.primary_sha].remote_id,
        )
        for sid, a in desired.albums.items()
    }
    return KnownState(photos, albums)


WITHDRAWN = (TakedownReason("consent", "Kari", "withdrawn", datetime(2026, 2, 1)),)


def test_withheld_photos_leave_albums_and_go_private():
    full = desired_state(
        [approved(1, [1, 2], Visibility.PUBLIC), approved(2, [2], Visibility.PUBLIC)], lambda p: "f"
    )
    have = known(full, lambda w: w.visibility)
    reduced, held = withhold(full, {2: WITHDRAWN})
    assert [h.photo_id for h in held] == [2] and held[0].due_since == datetime(2026, 2, 1)
    assert set(reduced.photos) == {content(1).sha256}
    plan = plan_sync(reduced, have)
    assert SetAlbumPhotos(1, "Set 1", (content(1).sha256,), content(1).sha256) in plan.actions
    assert DeleteAlbum(2, "a2") in plan.actions
    assert RetirePhoto(content(2).sha256, "r2", delete=False) in plan.actions
    assert (
        RetirePhoto(content(2).sha256, "r2", delete=True)
        in plan_sync(reduced, have, delete_removed=True).actions
    )


def test_private_photos_are_not_withheld_and_nothing_else_changes():
    full = desired_state([approved(1, [1, 2], Visibility.PRIVATE)], lambda p: "f")
    reduced, held = withhold(full, {2: WITHDRAWN})
    assert held == () and reduced == full
    assert withhold(full, {}) == (full, ())

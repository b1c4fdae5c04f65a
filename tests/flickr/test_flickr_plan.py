"""The sync planner as a pure function: desired state from approved sets, and the actions it plans."""

from __future__ import annotations

from datetime import datetime

from photoarchive.catalog.sync_state import KnownAlbum, KnownPhoto, KnownState
from photoarchive.flickr.actions import (
    AddToGroup,
    CreateAlbum,
    DeleteAlbum,
    LeaveGroup,
    RetirePhoto,
    SetAlbumMeta,
    SetAlbumPhotos,
    SetPhotoLicence,
    UploadPhoto,
)
from photoarchive.flickr.plan import (
    MAX_TAGS,
    ApprovedSet,
    ObservedAlbum,
    desired_state,
    machine_tag,
    plan_sync,
    tag_string,
    tag_string_and_dropped,
)
from photoarchive.sets.model import PhotoContent, SetContent, Visibility


def sha(i: int) -> str:
    return f"{i:064x}"


def photo(i: int, **kw) -> PhotoContent:
    return PhotoContent(photo_id=i, sha256=sha(i), archive_path=f"2024/{i}.jpg", headline=f"H{i}", **kw)


def approved(set_id, photos, visibility=Visibility.PUBLIC, licence=4, group="", tags=(), cover=None, at=None):
    content = SetContent(
        f"Set {set_id}", "desc", visibility, licence, group, tuple(tags), cover, tuple(photos)
    )
    return ApprovedSet(set_id, at or datetime(2026, 1, set_id), content)


def fingerprint(p: PhotoContent) -> str:
    return "fp-" + p.sha256[-4:] + p.caption


def synced(desired) -> KnownState:
    """What the archive would know after a complete sync of `desired` (remote id = 'r<sha tail>')."""
    photos = {
        s: KnownPhoto(
            s,
            "r" + s[-4:],
            d.fingerprint,
            d.meta_digest,
            d.tags_digest,
            d.visibility.value,
            d.licence_id,
            d.groups,
        )
        for s, d in desired.photos.items()
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


def test_tag_string_quotes_multiword_and_starts_with_machine_tag():
    assert tag_string(["politi", "Oslo sentrum", 'si "hei"', "POLITI", ""], "AB") == (
        'photoarchive:sha256=ab politi "Oslo sentrum" "si hei"'
    )
    assert machine_tag("ABC") == "photoarchive:sha256=abc"


def test_keywords_past_flickrs_limit_are_cut_never_the_machine_tag():
    text, dropped = tag_string_and_dropped([f"ord {n}" for n in range(100)], "AB")
    assert text.startswith("photoarchive:sha256=ab ")
    assert text.count('"') == 2 * (MAX_TAGS - 1) and dropped == 100 - (MAX_TAGS - 1)
    assert '"ord 73"' in text and '"ord 74"' not in text


def test_photo_in_two_sets_merges():
    desired = desired_state(
        [
            approved(1, [photo(1), photo(2)], Visibility.PRIVATE, licence=0, tags=["a"], group="g1"),
            approved(2, [photo(2, caption="newer")], Visibility.PUBLIC, licence=4, tags=["b"], group="g2"),
        ],
        fingerprint,
    )
    two = desired.photos[sha(2)]
    assert two.visibility is Visibility.PUBLIC
    assert two.licence_id == 0  # lowest set id
    assert two.groups == {"g1", "g2"}
    assert two.description == "newer"  # latest approval's press fields
    assert two.tags.split()[1:3] == ["a", "b"]
    assert desired.albums[1].photo_shas == (sha(1), sha(2))


def test_first_sync_plans_uploads_then_albums():
    desired = desired_state([approved(1, [photo(1), photo(2), photo(3)], cover=2, group="pool")], fingerprint)
    plan = plan_sync(desired, KnownState())
    kinds = [type(a) for a in plan.actions]
    assert kinds == [
        UploadPhoto, SetPhotoLicence, AddToGroup,
        UploadPhoto, SetPhotoLicence, AddToGroup,
        UploadPhoto, SetPhotoLicence, AddToGroup,
        CreateAlbum, SetAlbumPhotos,
    ]  # fmt: skip
    album = plan.actions[-1]
    assert album.photo_shas == (sha(1), sha(2), sha(3)) and album.primary_sha == sha(2)
    assert len(plan.uploads) == 3
    assert [a.describe() for a in plan.actions][0] == "upload photo 1"


def test_single_photo_album_needs_no_edit():
    plan = plan_sync(desired_state([approved(1, [photo(1)], licence=0)], fingerprint), KnownState())
    assert [type(a) for a in plan.actions] == [UploadPhoto, SetPhotoLicence, CreateAlbum]


def test_nothing_to_do_when_in_sync():
    desired = desired_state([approved(1, [photo(1), photo(2)]), approved(2, [photo(3)])], fingerprint)
    known = synced(desired)
    assert not plan_sync(desired, known)
    observed = {sid: ObservedAlbum(True, a.photo_ids, a.primary_id) for sid, a in known.albums.items()}
    assert not plan_sync(desired, known, observed)


def test_changes_plan_only_what_changed():
    before = desired_state([approved(1, [photo(1), photo(2)])], fingerprint)
    known = synced(before)
    after = desired_state(
        [approved(1, [photo(2), photo(1, caption="ny")], Visibility.FRIENDS, licence=11, tags=["x"])],
        fingerprint,
    )
    plan = plan_sync(after, known)
    described = {(type(a).__name__, getattr(a, "photo_id", None)) for a in plan.actions}
    assert described == {
        ("ReplaceFile", 1),  # the caption is stamped into the file
        ("SetPhotoMeta", 1),
        ("SetPhotoTags", 1),
        ("SetPhotoTags", 2),
        ("SetPhotoPerms", 1),
        ("SetPhotoPerms", 2),
        ("SetPhotoLicence", 1),
        ("SetPhotoLicence", 2),
        ("SetAlbumPhotos", None),
    }
    reorder = next(a for a in plan.actions if isinstance(a, SetAlbumPhotos))
    assert reorder.photo_shas == (sha(2), sha(1))


def test_album_title_change_is_one_meta_call():
    known = synced(desired_state([approved(1, [photo(1)])], fingerprint))
    renamed = approved(1, [photo(1)])
    renamed = ApprovedSet(
        1,
        renamed.approved_at,
        SetContent("Nytt navn", "desc", Visibility.PUBLIC, 4, "", (), None, (photo(1),)),
    )
    plan = plan_sync(desired_state([renamed], fingerprint), known)
    assert [type(a) for a in plan.actions] == [SetAlbumMeta]


def test_observed_album_drift_is_repaired():
    desired = desired_state([approved(1, [photo(1), photo(2)])], fingerprint)
    known = synced(desired)
    # Someone removed a photo from the album on Flickr's website.
    plan = plan_sync(desired, known, {1: ObservedAlbum(True, ("r0001",), "r0001")})
    assert [type(a) for a in plan.actions] == [SetAlbumPhotos]
    # Someone deleted the album.
    plan = plan_sync(desired, known, {1: ObservedAlbum(False)})
    assert [type(a) for a in plan.actions] == [CreateAlbum, SetAlbumPhotos]


def test_revoked_set_is_taken_down_and_photos_retired():
    before = desired_state([approved(1, [photo(1), photo(2)]), approved(2, [photo(2)])], fingerprint)
    known = synced(before)
    after = desired_state([approved(2, [photo(2)])], fingerprint)
    plan = plan_sync(after, known)
    assert plan.actions == (DeleteAlbum(1, "a1"), RetirePhoto(sha(1), "r0001", delete=False))
    plan = plan_sync(after, known, delete_removed=True)
    assert plan.actions[-1] == RetirePhoto(sha(1), "r0001", delete=True)
    # Once private, nothing more is done about it.
    retired = KnownState(
        {**known.photos, sha(1): KnownPhoto(sha(1), "r0001", visibility_applied="private")},
        {2: known.albums[2]},
    )
    assert not plan_sync(after, retired)


def test_refused_file_is_skipped_until_it_changes():
    desired = desired_state([approved(1, [photo(1), photo(2)])], fingerprint)
    failed = KnownState(failed={sha(1): desired.photos[sha(1)].fingerprint})
    plan = plan_sync(desired, failed)
    assert plan.skipped_failed == (sha(1),)
    assert [a.sha256 for a in plan.uploads] == [sha(2)]
    create = next(a for a in plan.actions if isinstance(a, CreateAlbum))
    assert create.set_id == 1 and not any(isinstance(a, SetAlbumPhotos) for a in plan.actions)
    changed = desired_state([approved(1, [photo(1, caption="ny"), photo(2)])], fingerprint)
    assert sha(1) in {a.sha256 for a in plan_sync(changed, failed).uploads}


def test_photo_actions_are_grouped_per_photo_in_order():
    desired = desired_state([approved(1, [photo(1), photo(2)], group="g")], fingerprint)
    grouped = plan_sync(desired, KnownState()).photo_actions()
    assert [type(a) for a in grouped[sha(1)]] == [UploadPhoto, SetPhotoLicence, AddToGroup]
    assert set(grouped) == {sha(1), sha(2)}


def test_photos_leave_pools_no_approved_set_shares_them_into():
    before = desired_state(
        [approved(1, [photo(1), photo(2)], group="1@N01"), approved(2, [photo(3)], group="1@N01")],
        fingerprint,
    )
    known = synced(before)
    # Set 1 now shares into another group; set 2 is revoked.
    after = desired_state([approved(1, [photo(1), photo(2)], group="2@N01")], fingerprint)
    plan = plan_sync(after, known)
    leaves = [a for a in plan.actions if isinstance(a, LeaveGroup)]
    assert leaves == [
        LeaveGroup(sha(1), "r0001", "1@N01"),
        LeaveGroup(sha(2), "r0002", "1@N01"),
        LeaveGroup(sha(3), "r0003", "1@N01"),
    ]
    assert [type(a) for a in plan.retire_actions()] == [
        DeleteAlbum,
        LeaveGroup,
        LeaveGroup,
        LeaveGroup,
        RetirePhoto,
    ]
    assert AddToGroup(sha(1), 1, "2@N01") in plan.actions
    # A photo that is deleted leaves its pools with it: no separate call.
    deleting = plan_sync(after, known, delete_removed=True)
    assert LeaveGroup(sha(3), "r0003", "1@N01") not in deleting.actions

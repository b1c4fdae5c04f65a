"""Holes 5-7 of issue 10: what changes on flickr.com is repaired from the live listings, replace and
free accounts as Flickr documents them, and the small departures from the documented API."""

from __future__ import annotations

import pytest

from photoarchive.flickr.errors import FreeAccountLimit
from photoarchive.flickr.plan import MAX_TAGS, machine_tag


def remote_of(emulator, catalog, photo_id):
    sha = catalog.photos.get_many([photo_id])[0].sha256
    return emulator.state.photos_with_machine_tag(machine_tag(sha))


def audit_whats(catalog, photo_id):
    return [
        e.detail.get("what")
        for e in catalog.sets.audit_entries(target_kind="photo", target_id=photo_id)
        if e.action == "flickr_repair"
    ]


# -- hole 5: the live listing is the truth --------------------------------------------------------


def test_photo_deleted_on_flickr_is_uploaded_again_exactly_once(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(3)
    sid = approve_set("Ulykke", ids, visibility="public")
    make_syncer().run()
    (gone,) = remote_of(emulator, catalog, ids[1])
    emulator.delete_photo(gone.id)
    dry = make_syncer().run(dry_run=True)
    assert any("put 3 photo(s) in order" in a.describe() for a in dry.plan.actions) or dry.plan
    report = make_syncer().run()
    assert report.uploaded == 1 and report.failed == []
    assert ("repair_deleted", {"file": "IMG_0002.jpg"}) in [(m.code, m.params) for m in report.messages]
    (again,) = remote_of(emulator, catalog, ids[1])
    album = emulator.state.photosets[next(iter(emulator.state.photosets))]
    assert album.photo_ids == [remote_of(emulator, catalog, i)[0].id for i in ids]
    assert again.id in album.photo_ids and len(emulator.state.photos) == 3
    assert "deleted" in audit_whats(catalog, ids[1])
    assert catalog.sets.get(sid).state.value == "published"
    assert not make_syncer().run().plan


def test_photo_taken_out_of_the_album_on_flickr_is_put_back(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(3)
    approve_set("Brann", ids, visibility="public")
    make_syncer().run()
    album = next(iter(emulator.state.photosets.values()))
    order = list(album.photo_ids)
    emulator.take_out_of_album(album.id, order[0])  # the primary, even
    report = make_syncer().run()
    assert report.actions_done >= 1 and report.uploaded == 0
    assert emulator.state.photosets[album.id].photo_ids == order
    assert emulator.state.photosets[album.id].primary == order[0]
    assert [m.code for m in report.messages] == ["repair_put_back"]
    assert report.messages[0].params == {"file": "IMG_0001.jpg", "album": "Brann"}
    assert "put_back" in audit_whats(catalog, ids[0])


def test_title_and_visibility_changed_on_flickr_are_set_back(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(2)
    approve_set("Beslag", ids, visibility="private")
    make_syncer().run()
    (one,) = remote_of(emulator, catalog, ids[0])
    (two,) = remote_of(emulator, catalog, ids[1])
    emulator.edit_photo(one.id, title="Feil tittel")
    emulator.edit_photo(two.id, is_public=1)  # a private press photo made public by hand
    report = make_syncer().run()
    assert (one.title, one.description) == ("Bilde 1 æøå", "Politiet på stedet, bilde 1")
    assert (two.is_public, two.is_friend, two.is_family) == (0, 0, 0)
    codes = {m.code: m.params for m in report.messages}
    assert codes["repair_perms"] == {"file": "IMG_0002.jpg", "seen": "public", "wanted": "private"}
    assert codes["repair_meta"] == {"file": "IMG_0001.jpg"}
    assert "meta" in audit_whats(catalog, ids[0]) and "perms" in audit_whats(catalog, ids[1])


def test_photo_deleted_while_the_album_is_edited_is_handled(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer, monkeypatch
):
    """photosets.editPhotos answers 2 "Photo not found" for a photo deleted after the listing."""
    from photoarchive.flickr.client import FlickrClient

    ids = make_photos(3)
    sid = approve_set("Rekkefølge", ids, visibility="public")
    make_syncer().run()
    set_service.edit(sid, cover_photo_id=ids[2])
    set_service.approve(sid)
    victim = remote_of(emulator, catalog, ids[1])[0].id
    real_call = FlickrClient.call

    def call(self, method, **params):
        if method == "flickr.photosets.editPhotos" and victim in emulator.state.photos:
            emulator.delete_photo(victim)
        return real_call(self, method, **params)

    monkeypatch.setattr(FlickrClient, "call", call)
    report = make_syncer().run()
    assert "photo_gone_during_sync" in [m.code for m in report.messages]
    album = next(iter(emulator.state.photosets.values()))
    assert len(album.photo_ids) == 2 and album.primary == remote_of(emulator, catalog, ids[2])[0].id
    report = make_syncer().run()  # and the next sync uploads it again
    assert report.uploaded == 1
    assert len(next(iter(emulator.state.photosets.values())).photo_ids) == 3


# -- hole 6: replace only on Pro; free accounts ---------------------------------------------------


def test_free_account_updates_press_fields_without_a_second_image(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer
):
    ids = make_photos(2)
    sid = approve_set("Gratis", ids, visibility="public")
    make_syncer().run()
    emulator.set_account(pro=False)
    catalog.photos.update_fields([ids[0]], {"caption": "Ny bildetekst"}, actor="ola")
    set_service.approve(sid)
    report = make_syncer().run()
    assert report.failed == [] and report.uploaded == 0
    assert emulator.calls("replace") == [] and len(emulator.state.photos) == 2
    (photo,) = remote_of(emulator, catalog, ids[0])
    assert photo.description == "Ny bildetekst" and photo.replaced_count == 0
    assert [m.code for m in report.messages] == ["free_keeps_image"]
    assert not make_syncer().run().plan


def test_replace_error_1_means_not_pro_never_gone(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer, monkeypatch
):
    """Hole 6: replace.api.html defines error 1 as "Not a pro account"; today's sync read it as "gone"
    and uploaded the photo again beside the old public copy."""
    from photoarchive.flickr import account

    ids = make_photos(1)
    sid = approve_set("Pro?", ids, visibility="public")
    make_syncer().run()
    catalog.photos.update_fields(ids, {"caption": "Endret"}, actor="ola")
    set_service.approve(sid)
    # The account stops being Pro between the status check and the replace.
    real_limits = account.read_limits

    def limits_then_downgrade(client):
        found = real_limits(client)
        emulator.set_account(pro=False)
        return found

    monkeypatch.setattr(account, "read_limits", limits_then_downgrade)
    report = make_syncer().run()
    assert len(emulator.calls("replace")) == 1 and len(emulator.calls("upload")) == 1
    assert len(emulator.state.photos) == 1
    assert "not_pro" in [m.code for m in report.messages]
    assert remote_of(emulator, catalog, ids[0])[0].description == "Endret"


def test_a_sync_past_the_free_limit_says_so_before_it_starts(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    from flickr_emulator.model import FREE_PHOTO_LIMIT

    emulator.set_account(pro=False)
    with emulator.state.lock:
        for _ in range(FREE_PHOTO_LIMIT - 1):
            emulator.add_photo(b"\xff\xd8\xff\xe0 other")
    ids = make_photos(2)
    approve_set("For mange", ids, visibility="public")
    dry = make_syncer().run(dry_run=True)
    assert [m.code for m in dry.messages] == ["free_limit"]
    with pytest.raises(FreeAccountLimit) as info:
        make_syncer().run()
    assert info.value.message.params == {"have": FREE_PHOTO_LIMIT - 1, "limit": FREE_PHOTO_LIMIT, "count": 2}
    assert emulator.calls("upload") == []


# -- hole 7: the documented API -------------------------------------------------------------------


def test_machine_tag_survives_many_keywords(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(1)
    catalog.photos.update_fields(ids, {"keywords": [f"ord {n}" for n in range(90)]}, actor="ola")
    approve_set("Mange ord", ids, visibility="public")
    report = make_syncer().run()
    (photo,) = remote_of(emulator, catalog, ids[0])
    assert len(photo.tags) == MAX_TAGS and photo.tags[0].machine
    cut = [m for m in report.messages if m.code == "tags_cut"]
    assert cut and cut[0].params == {
        "file": "IMG_0001.jpg",
        "limit": MAX_TAGS,
        "dropped": 90 - (MAX_TAGS - 1),
    }


def test_album_listings_name_the_owner_and_get_list_is_paged(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer, monkeypatch
):
    from photoarchive.flickr.client import FlickrClient

    ids = make_photos(1)
    approve_set("Side to", ids, visibility="public")
    emulator.state.getlist_page_cap = 2
    emulator.faults.inject("flickr.photosets.create", "commit_then_drop", times=1)
    other = emulator.add_photo(b"\xff\xd8\xff\xe0 x")
    real_call = FlickrClient.call

    def call(self, method, **params):
        # Meanwhile someone makes albums on flickr.com: they come first, ours moves to page 2.
        if method == "flickr.photosets.getList" and len(emulator.state.photosets) == 1:
            for n in range(3):
                emulator.add_photoset(f"Annet {n}", [other.id])
        return real_call(self, method, **params)

    monkeypatch.setattr(FlickrClient, "call", call)
    report = make_syncer().run()
    assert report.failed == []
    assert len(emulator.state.photosets) == 4  # found on page 2, not made twice
    assert {c.params.get("page") for c in emulator.calls("flickr.photosets.getList")} >= {"1", "2"}
    make_syncer().run()
    listing = emulator.calls("flickr.photosets.getPhotos")
    assert listing and all(c.params.get("user_id") == emulator.default_user.nsid for c in listing)


def test_album_deleted_on_flickr_during_the_sync_is_made_again_next_time(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer, monkeypatch
):
    """photosets.editPhotos answers 1 "Photoset not found": the album is forgotten, not a crash."""
    from photoarchive.flickr.client import FlickrClient

    ids = make_photos(3)
    sid = approve_set("Forsvinner", ids, visibility="public")
    make_syncer().run()
    set_service.edit(sid, cover_photo_id=ids[2])
    set_service.approve(sid)
    real_call = FlickrClient.call

    def call(self, method, **params):
        if method == "flickr.photosets.editPhotos" and emulator.state.photosets:
            with emulator.state.lock:
                emulator.state.photosets.clear()
        return real_call(self, method, **params)

    monkeypatch.setattr(FlickrClient, "call", call)
    report = make_syncer().run()
    assert ("repair_album_gone", {"album": "Forsvinner"}) in [(m.code, m.params) for m in report.messages]
    monkeypatch.setattr(FlickrClient, "call", real_call)
    make_syncer().run()
    (album,) = emulator.state.photosets.values()
    assert album.title == "Forsvinner" and len(album.photo_ids) == 3
    assert album.primary == remote_of(emulator, catalog, ids[2])[0].id
    assert len(emulator.state.photos) == 3


def test_album_renamed_on_flickr_gets_its_approved_title_back(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(2)
    sid = approve_set("Trafikkulykke E18", ids, visibility="public")
    make_syncer().run()
    (album,) = emulator.state.photosets.values()
    album.title = "Gammelt navn"
    report = make_syncer().run()
    assert emulator.state.photosets[album.id].title == "Trafikkulykke E18"
    assert (m := report.messages[0]).code == "repair_album_meta"
    assert m.params == {"album": "Trafikkulykke E18", "seen": "Gammelt navn"}
    entries = catalog.sets.audit_entries(target_kind="set", target_id=sid)
    assert any(e.action == "flickr_repair" and e.detail["what"] == "album_meta" for e in entries)
    assert not make_syncer().run().plan


def test_machine_tag_removed_on_flickr_is_set_back(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """Without its machine tag a photo could not be found after a lost answer: it is put back."""
    ids = make_photos(1)
    approve_set("Merket", ids, visibility="public")
    make_syncer().run()
    (photo,) = remote_of(emulator, catalog, ids[0])
    with emulator.state.lock:
        photo.tags = [t for t in photo.tags if not t.machine]
    report = make_syncer().run()
    assert [m.code for m in report.messages] == ["repair_tags"]
    assert remote_of(emulator, catalog, ids[0]) == [photo] and photo.tags[0].machine
    assert "tags" in audit_whats(catalog, ids[0])
    assert not make_syncer().run().plan

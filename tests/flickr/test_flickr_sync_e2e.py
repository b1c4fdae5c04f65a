"""Sync end to end against the emulated Flickr, through the real flickrapi client."""

from __future__ import annotations

from photoarchive.flickr.plan import machine_tag
from photoarchive.sets.model import SetState


def album_titles(emu):
    return sorted(s.title for s in emu.state.photosets.values())


def assert_clean(data: bytes, press) -> None:
    """The bytes Flickr received carry no personal data: the app's own scan (allowing only the press
    fields it wrote) and the raw strings the synthetic camera put in."""
    import factory

    from photoarchive.privacy import scan_bytes

    _fmt, findings, _parsed = scan_bytes(data, "upload", expected=press)
    assert [f for f in findings if f.kind.value != "icc_hardware"] == [], findings
    for secret in (factory.BODY_SERIAL, factory.LENS_SERIAL, factory.OWNER_NAME):
        assert secret.encode() not in data


def press_for(home, settings, catalog, photo_id):
    from photoarchive.privacy import PressFields
    from photoarchive.sets.publishing import CleanCopies
    from photoarchive.sets.service import SetService

    service = SetService(catalog, clean_check=lambda p: None)
    [content] = [p for p in service.content_of(_one_photo_set(catalog, photo_id)).photos]
    return PressFields(**CleanCopies(home, settings).press_values(content))


def _one_photo_set(catalog, photo_id):
    from datetime import datetime

    from photoarchive.sets.model import PhotoSet, SetState, Visibility

    now = datetime(2026, 1, 1)
    return PhotoSet(
        0,
        "x",
        "",
        Visibility.PRIVATE,
        0,
        "",
        [],
        None,
        SetState.DRAFT,
        "",
        None,
        None,
        "",
        now,
        now,
        [photo_id],
    )


def test_first_sync_publishes_clean_copies(
    emulator, signed_in, home, settings, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(4)
    s1 = approve_set(
        "Trafikkulykke E18", ids[:3], visibility="public", licence_id=4, tags=["politiet", "E18 Asker"]
    )
    s2 = approve_set("Beslag", ids[2:], visibility="private")
    report = make_syncer().run()
    assert report.failed == []
    assert report.uploaded == 4
    assert sorted(report.published_sets) == [s1, s2]
    assert album_titles(emulator) == ["Beslag", "Trafikkulykke E18"]

    photos = emulator.state.photos
    assert len(photos) == 4
    by_sha = {}
    for photo in photos.values():
        machine = [t.raw for t in photo.tags if t.machine]
        assert len(machine) == 1
        by_sha[machine[0].split("=", 1)[1]] = photo
    records = catalog.photos.get_many(ids)
    for record in records:
        assert_clean(by_sha[record.sha256].data, press_for(home, settings, catalog, record.id))
    assert set(by_sha) == {r.sha256 for r in records}
    first = by_sha[records[0].sha256]
    assert first.title == "Bilde 1 æøå"
    assert first.description.startswith("Politiet på stedet")
    assert (first.is_public, first.license) == (1, 4)
    clean = {t.clean for t in first.tags}
    assert {"politiet", "e18asker", "politi", "oslosentrum"} <= clean
    shared = by_sha[records[2].sha256]  # in both sets: the more open visibility wins
    assert shared.is_public == 1
    private_only = by_sha[records[3].sha256]
    assert (private_only.is_public, private_only.is_friend, private_only.is_family) == (0, 0, 0)

    album = emulator.state.photoset_by_title("Trafikkulykke E18")
    assert album.photo_ids == [by_sha[r.sha256].id for r in records[:3]]
    assert album.primary == by_sha[records[0].sha256].id
    assert catalog.sets.get(s1).state is SetState.PUBLISHED
    assert [e.action for e in catalog.sets.audit_entries(target_kind="set", target_id=s1)][-1] == "publish"
    # Every upload is findable by its machine tag (that is what reconciliation relies on).
    for record in records:
        assert [p.id for p in emulator.state.photos_with_machine_tag(machine_tag(record.sha256))] == [
            by_sha[record.sha256].id
        ]


def test_cost_first_upload_and_noop(emulator, signed_in, make_photos, approve_set, make_syncer):
    ids = make_photos(6)
    approve_set("A", ids[:3], visibility="public", licence_id=4)
    approve_set("B", ids[3:], visibility="public", licence_id=4)
    emulator.reset_call_log()
    make_syncer().run()
    calls = emulator.calls_by_method()
    # upload + setLicense per photo, plus create + editPhotos per album.
    assert calls.get("upload") == 6
    assert sum(calls.values()) <= 3 * 6
    emulator.reset_call_log()
    report = make_syncer().run()
    assert not report.plan
    # The token's permission and the account's limits, then one listing per album.
    assert emulator.calls_by_method() == {
        "flickr.auth.oauth.checkToken": 1,
        "flickr.people.getUploadStatus": 1,
        "flickr.photosets.getPhotos": 2,
    }
    # Both runs' calls count against Flickr's hourly budget in the next client (another process alike).
    assert make_syncer().client.limiter.calls_in_last_hour() >= sum(calls.values()) + 2


def test_edits_revoke_and_removal(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer
):
    ids = make_photos(4)
    sid = approve_set("Etterlysning", ids[:3], visibility="public", licence_id=4)
    make_syncer().run()
    sha = {r.id: r.sha256 for r in catalog.photos.get_many(ids)}

    def remote(photo_id):
        return emulator.state.photos_with_machine_tag(machine_tag(sha[photo_id]))

    # Change content and metadata, but do not approve yet: Flickr keeps the approved state.
    set_service.remove(sid, [ids[1]])
    set_service.add(sid, [ids[3]])
    set_service.edit(sid, title="Etterlysning – oppdatert", visibility="friends")
    catalog.photos.update_fields([ids[0]], {"caption": "Ny bildetekst"}, actor="ola")
    assert not make_syncer().run().plan
    # Approve again: the album follows.
    set_service.approve(sid)
    report = make_syncer().run()
    assert report.failed == []
    album = emulator.state.photoset_by_title("Etterlysning – oppdatert")
    assert album is not None
    assert album.photo_ids == [remote(ids[0])[0].id, remote(ids[2])[0].id, remote(ids[3])[0].id]
    taken_out = remote(ids[1])[0]
    assert (taken_out.is_public, taken_out.is_friend) == (0, 0)
    assert remote(ids[0])[0].description == "Ny bildetekst"
    # The new caption is stamped into the file too: the same Flickr photo got the new file.
    assert remote(ids[0])[0].replaced_count == 1 and b"Ny bildetekst" in remote(ids[0])[0].data
    assert (remote(ids[3])[0].is_public, remote(ids[3])[0].is_friend) == (0, 1)
    assert len(emulator.state.photos) == 4

    set_service.revoke(sid)
    report = make_syncer().run()
    assert report.unpublished_sets == [sid]
    assert emulator.state.photosets == {}
    assert all((p.is_public, p.is_friend, p.is_family) == (0, 0, 0) for p in emulator.state.photos.values())
    actions = [e.action for e in catalog.sets.audit_entries()]
    assert actions.count("unpublish") >= 2


def test_removed_photos_deleted_when_set_so(
    emulator, signed_in, make_photos, approve_set, set_service, make_syncer
):
    ids = make_photos(2)
    sid = approve_set("Slett", ids, visibility="public")
    make_syncer().run()
    set_service.revoke(sid)
    make_syncer(delete_removed=True).run()
    assert emulator.state.photos == {}
    assert emulator.state.photosets == {}


def test_group_pool_sharing(emulator, signed_in, make_photos, approve_set, make_syncer):
    emulator.add_group("34427469792@N01", "Politiet i Norge")
    emulator.add_group("99@N01", "Moderert", moderated=True)
    ids = make_photos(3)
    approve_set("Delt", ids[:2], visibility="public", group_id="34427469792@N01")
    approve_set("Moderert", ids[2:], visibility="public", group_id="99@N01")
    emulator.faults.inject("flickr.groups.pools.add", "commit_then_drop", times=1)
    report = make_syncer().run()
    assert report.failed == []
    assert len(emulator.state.groups["34427469792@N01"].pool) == 2
    assert len(emulator.state.groups["99@N01"].pending) == 1  # waits for the moderator: not an error
    emulator.reset_call_log()
    assert not make_syncer().run().plan


def test_photos_leave_a_group_pool_no_approved_set_shares_them_into(
    emulator, signed_in, catalog, make_photos, approve_set, set_service, make_syncer
):
    """A set moved to another group, and a revoked set: their photos are taken out of the old pools."""
    emulator.add_group("1@N01", "Politiet i Norge")
    emulator.add_group("2@N01", "Øst politidistrikt")
    ids = make_photos(3)
    moved = approve_set("Flyttet", ids[:2], visibility="public", group_id="1@N01")
    revoked = approve_set("Trukket", ids[2:], visibility="public", group_id="1@N01")
    assert make_syncer().run().failed == []
    assert len(emulator.state.groups["1@N01"].pool) == 3

    set_service.edit(moved, group_id="2@N01")
    set_service.approve(moved)
    set_service.revoke(revoked)
    emulator.faults.inject("flickr.groups.pools.remove", "commit_then_drop", times=1)
    report = make_syncer().run()
    assert report.failed == []

    assert emulator.state.groups["1@N01"].pool == []  # out of the pool no set shares into any more
    assert len(emulator.state.groups["2@N01"].pool) == 2
    assert not make_syncer().run().plan  # and nothing is left to do

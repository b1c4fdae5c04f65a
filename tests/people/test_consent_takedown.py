"""Consent withdrawn or expired: the next sync (against the emulated Flickr) takes the person's
published photos down and out of their albums, and the audit log says when."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from photoarchive.flickr.plan import machine_tag


def remote(emulator, catalog, photo_id):
    [record] = catalog.photos.get_many([photo_id])
    [photo] = emulator.state.photos_with_machine_tag(machine_tag(record.sha256))
    return photo


@pytest.fixture
def published(emulator, signed_in, catalog, people, make_photos, approve_set, make_syncer):
    """Kari (Flickr consent) in two photos of a public album with a third photo of nobody; synced."""
    ids = make_photos(3)
    kari = people.add("Kari Nordmann", employee_id="A123")
    people.link(kari.id, ids[:2])
    people.set_consent(kari.id, "given", uses=["flickr"], expires_on=date.today() + timedelta(days=40))
    set_id = approve_set("Nye politibetjenter", ids, visibility="public")
    report = make_syncer().run()
    assert report.failed == [] and report.uploaded == 3
    assert all(remote(emulator, catalog, i).is_public == 1 for i in ids)
    return ids, kari, set_id


def test_withdrawn_consent_takes_every_published_photo_down_at_the_next_sync(
    emulator, catalog, people, published, make_syncer, clock
):
    ids, kari, _set_id = published
    withdrawn = people.withdraw(kari.id, note="Har sluttet")
    assert sorted(people.pending_takedowns()) == ids[:2]

    report = make_syncer(clock=clock).run()
    assert report.failed == []
    for photo_id in ids[:2]:
        photo = remote(emulator, catalog, photo_id)
        assert (photo.is_public, photo.is_friend, photo.is_family) == (0, 0, 0)
    assert remote(emulator, catalog, ids[2]).is_public == 1
    album = emulator.state.photoset_by_title("Nye politibetjenter")
    assert album is not None and album.photo_ids == [remote(emulator, catalog, ids[2]).id]
    assert [m.code for m in report.messages].count("takedown_done") == 2

    entries = [e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"]
    assert sorted(e.target_id for e in entries) == ids[:2]
    honoured = datetime.fromisoformat(entries[0].detail["honoured_at"])
    assert honoured == datetime.fromtimestamp(int(clock.now), UTC).replace(tzinfo=None)
    assert entries[0].detail["due_since"] == withdrawn.withdrawn_at.isoformat(timespec="seconds")
    assert entries[0].detail["reasons"] == ["consent:withdrawn:Kari Nordmann"]
    assert entries[0].detail["people"] == [kari.id]
    assert people.pending_takedowns() == []
    [row] = [r for r in people.report() if r.person.id == kari.id]
    assert row.published_ids == () and sorted(t.photo_id for t in row.takedowns) == ids[:2]

    # Nothing more to do: a second sync changes nothing and records nothing new.
    assert not make_syncer(clock=clock).run().plan
    again = [e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"]
    assert len(again) == 2


def test_expiring_consent_comes_down_on_its_date(emulator, catalog, people, published, make_syncer, clock):
    ids, kari, _set_id = published
    people.set_consent(kari.id, "given", uses=["flickr"], expires_on=date(2031, 6, 1))
    clock.set_date(date(2031, 5, 31))
    assert not make_syncer(clock=clock).run().plan
    assert remote(emulator, catalog, ids[0]).is_public == 1

    clock.set_date(date(2031, 6, 1))
    report = make_syncer(clock=clock).run()
    assert report.failed == []
    assert remote(emulator, catalog, ids[0]).is_public == 0
    assert remote(emulator, catalog, ids[1]).is_public == 0
    [entry, _second] = [
        e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"
    ]
    assert entry.detail["reasons"] == ["consent:expired:Kari Nordmann"]
    assert entry.detail["due_since"] == "2031-06-01T00:00:00"


def test_removed_photos_delete_takes_them_off_flickr_entirely(
    emulator, catalog, people, published, make_syncer, clock
):
    ids, kari, _set_id = published
    people.withdraw(kari.id)
    report = make_syncer(clock=clock, delete_removed=True).run()
    assert report.failed == []
    [record_a, record_b] = catalog.photos.get_many(ids[:2])
    for record in (record_a, record_b):
        assert emulator.state.photos_with_machine_tag(machine_tag(record.sha256)) == []
    entries = [e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"]
    assert {e.detail["how"] for e in entries} == {"delete"}


def test_an_album_of_only_their_photos_is_taken_down(
    emulator, signed_in, catalog, people, make_photos, approve_set, make_syncer, clock
):
    ids = make_photos(2)
    ola = people.add("Ola Hansen")
    people.link(ola.id, ids)
    people.set_consent(ola.id, "given", uses=["flickr"])
    set_id = approve_set("Ola på jobb", ids, visibility="friends")
    make_syncer().run()
    assert emulator.state.photoset_by_title("Ola på jobb") is not None
    people.withdraw(ola.id)
    report = make_syncer(clock=clock).run()
    assert emulator.state.photoset_by_title("Ola på jobb") is None
    assert report.unpublished_sets == [set_id]
    assert all(p.is_friend == 0 for p in emulator.state.photos.values())


def test_a_sync_that_fails_halfway_records_what_did_come_down_and_the_next_finishes(
    emulator, catalog, people, published, make_syncer, clock
):
    from photoarchive.errors import PhotoarchiveError

    ids, kari, _set_id = published
    people.withdraw(kari.id)
    # Photos are taken down in the order of their hashes; Flickr refuses the second (no retry helps).
    first_id, second_id = sorted(ids[:2], key=lambda i: catalog.photos.get(i).sha256)
    second = remote(emulator, catalog, second_id).id
    emulator.faults.inject(
        "flickr.photos.setPerms",
        "error",
        code=99,
        message="Insufficient permissions",
        params={"photo_id": second},
    )
    with pytest.raises(PhotoarchiveError):
        make_syncer(clock=clock).run()
    entries = [e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"]
    assert [e.target_id for e in entries] == [first_id]
    assert remote(emulator, catalog, second_id).is_public == 1
    assert people.pending_takedowns() == [second_id]

    emulator.faults.clear()
    assert make_syncer(clock=clock).run().failed == []
    entries = [e for e in catalog.sets.audit_entries(target_kind="photo") if e.action == "flickr_takedown"]
    assert sorted(e.target_id for e in entries) == ids[:2]
    assert people.pending_takedowns() == []

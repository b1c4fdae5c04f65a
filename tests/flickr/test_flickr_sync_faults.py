"""Sync under specific faults: transient errors, lost answers, refused files, a crash mid-write,
cancellation and progress."""

from __future__ import annotations

import json
import threading

import pytest

from photoarchive.flickr.errors import SyncCancelled
from photoarchive.flickr.plan import machine_tag
from photoarchive.flickr.sync import SyncControl


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def shas(catalog, ids):
    return [r.sha256 for r in catalog.photos.get_many(ids)]


def assert_once_each(emulator, sha_list):
    for sha in sha_list:
        assert len(emulator.state.photos_with_machine_tag(machine_tag(sha))) == 1


def test_transient_errors_are_retried(emulator, signed_in, catalog, make_photos, approve_set, make_syncer):
    ids = make_photos(3)
    approve_set("A", ids, visibility="public", licence_id=4)
    emulator.faults.inject("upload", "http429", times=2, retry_after=0)
    emulator.faults.inject("flickr.photos.licenses.setLicense", "error106", times=1)
    emulator.faults.inject("flickr.photosets.create", "http503", times=1)
    emulator.faults.inject("flickr.photosets.editPhotos", "error201", times=1)
    emulator.faults.inject("flickr.photos.licenses.setLicense", "error105", times=1)
    report = make_syncer().run()
    assert report.failed == []
    assert len(emulator.state.photos) == 3
    assert len(emulator.state.photosets) == 1
    assert emulator.faults.fired_total == 6


def test_lost_upload_answers_are_reconciled_not_duplicated(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(3)
    approve_set("A", ids, visibility="public")
    emulator.faults.inject("upload", "commit_then_drop", times=2)
    emulator.faults.inject("upload", "http500", times=1)  # 5xx on an upload: maybe stored, so search first
    emulator.faults.inject("flickr.photosets.create", "commit_then_drop", times=1)
    clock = FakeClock()
    report = make_syncer(clock=clock).run()
    # The two stored uploads are found by search; the one refused with 500 before it was stored is
    # unconfirmed: an empty search proves nothing while the index lags, so it is not sent again.
    assert report.failed == [] and report.uploaded == 2
    assert report.unconfirmed == [shas(catalog, ids[2:])[0]]
    assert len(emulator.state.photos) == 2
    assert len(emulator.state.photosets) == 1
    assert len(emulator.calls("flickr.photos.search")) == 3
    assert len(emulator.calls("flickr.photosets.getList")) == 1
    # Later syncs search again and send nothing until the grace period is over ...
    clock.now += 60
    report = make_syncer(clock=clock).run()
    assert report.unconfirmed and len(emulator.calls("upload")) == 3
    # ... then it is sent again once, with Flickr's duplicate check as a second guard.
    clock.now += 3600
    report = make_syncer(clock=clock).run()
    assert report.failed == [] and report.unconfirmed == [] and report.uploaded == 1
    assert emulator.calls("upload")[-1].params.get("dedup_check") == "1"
    assert_once_each(emulator, shas(catalog, ids))
    assert emulator.state.photosets[next(iter(emulator.state.photosets))].photo_ids == [
        emulator.state.photos_with_machine_tag(machine_tag(sha))[0].id for sha in shas(catalog, ids)
    ]


def test_timeout_after_commit_is_ambiguous_and_reconciled(
    emulator, signed_in, home, settings, catalog, make_photos, approve_set, make_syncer
):
    settings.flickr.timeout_seconds = 0.5
    settings.save(home)
    ids = make_photos(1)
    approve_set("A", ids, visibility="public")
    emulator.faults.inject("upload", "slow", delay=1.0, phase="after", times=1)
    report = make_syncer().run()
    assert report.uploaded == 1
    assert_once_each(emulator, shas(catalog, ids))


def test_refused_file_is_marked_failed_and_not_retried(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    ids = make_photos(3)
    sid = approve_set("A", ids, visibility="public")
    refused_sha = shas(catalog, ids[1:2])[0]
    emulator.faults.inject("upload", "error", code=5, message="Filetype was not recognised", after=1, times=1)
    report = make_syncer().run()
    assert [f.photo_id for f in report.failed] == [ids[1]]
    assert "error 5" in report.failed[0].reason
    assert len(emulator.calls("upload")) == 3  # refused once, not retried
    assert catalog.sync.failures()[refused_sha][1].startswith("Flickr refused the file")
    album = next(iter(emulator.state.photosets.values()))
    assert len(album.photo_ids) == 2
    assert catalog.sets.get(sid).state.value == "approved"  # not complete on Flickr, so not published

    emulator.reset_call_log()
    again = make_syncer().run()
    assert again.plan.skipped_failed == (refused_sha,)
    assert "upload" not in emulator.calls_by_method()


def test_crash_between_upload_and_record_is_settled_by_machine_tag(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """As if the process died after Flickr stored the upload but before the catalog recorded it."""
    ids = make_photos(2)
    approve_set("A", ids, visibility="public")
    first, second = shas(catalog, ids)
    already = emulator.add_photo(b"\xff\xd8\xff\xe0 fake", tags=machine_tag(first), title="Bilde 1 æøå")
    catalog.sync.begin(
        "upload",
        first,
        {"photo_id": ids[0], "fingerprint": "x", "meta": "", "tags": "", "visibility": "public"},
    )
    catalog.sync.begin("upload", second, {"photo_id": ids[1]})  # this one never reached Flickr
    report = make_syncer().run()
    assert report.reconciled == 1
    assert report.uploaded == 1
    assert catalog.sync.photo(first).remote_id == already.id
    assert_once_each(emulator, [first, second])
    # The one sent again carries the duplicate check and is watched for a late copy for a while.
    assert emulator.calls("upload")[-1].params.get("dedup_check") == "1"
    assert [(e.kind, e.subject) for e in catalog.sync.pending()] == [("watch_copies", second)]
    states = {(e.subject, e.state) for e in catalog.sync.journal() if e.kind == "upload"}
    assert (first, "done") in states and (second, "abandoned") in states


def test_write_left_in_doubt_is_settled_next_run(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """A lost answer whose check also fails (Flickr down) stays pending; the next run settles it."""
    from photoarchive.flickr.errors import FlickrUnavailable

    ids = make_photos(2)
    approve_set("Album æøå", ids, visibility="public")
    emulator.faults.inject("upload", "commit_then_drop", times=1)
    emulator.faults.inject("flickr.photos.search", "error105", times=50)
    with pytest.raises(FlickrUnavailable):
        make_syncer().run()
    assert [e.kind for e in catalog.sync.pending()] == ["upload"]
    emulator.faults.clear()
    emulator.faults.inject("flickr.photosets.create", "commit_then_drop", times=1)
    emulator.faults.inject("flickr.photosets.getList", "error105", times=50)
    with pytest.raises(FlickrUnavailable):
        make_syncer().run()
    assert [e.kind for e in catalog.sync.pending()] == ["create_album"]
    emulator.faults.clear()
    report = make_syncer().run()
    assert report.reconciled == 1 and report.failed == []
    assert len(emulator.state.photosets) == 1
    assert len(next(iter(emulator.state.photosets.values())).photo_ids) == 2
    assert_once_each(emulator, shas(catalog, ids))
    assert catalog.sync.pending() == []


def test_progress_and_cancel(emulator, signed_in, catalog, make_photos, approve_set, make_syncer):
    ids = make_photos(4)
    approve_set("A", ids, visibility="public")
    seen = []
    control = SyncControl()

    def on_progress(progress):
        seen.append(progress)
        if progress.phase == "photos" and progress.photos_done == 2:
            control.cancel()

    control.on_progress = on_progress
    with pytest.raises(SyncCancelled):
        make_syncer(control=control).run()
    uploaded = len(emulator.state.photos)
    assert 2 <= uploaded < 4
    photos_phase = [p for p in seen if p.phase == "photos"]
    assert photos_phase[0].photos_total == 4 and photos_phase[0].bytes_total > 0
    assert any(p.bytes_sent > 0 and p.current_file.startswith("IMG_") for p in photos_phase)

    done = []
    report = make_syncer(control=SyncControl(done.append)).run()
    assert report.uploaded == 4 - uploaded
    assert_once_each(emulator, shas(catalog, ids))
    last = [p for p in done if p.phase == "photos"][-1]
    assert last.photos_done == last.photos_total and last.bytes_sent == last.bytes_total
    assert done[-1].phase == "done"


def test_parallel_workers(emulator, signed_in, catalog, make_photos, approve_set, make_syncer, monkeypatch):
    ids = make_photos(8)
    approve_set("A", ids[:5], visibility="public")
    approve_set("B", ids[5:], visibility="public")
    from photoarchive.flickr.client import FlickrClient

    closed: list[FlickrClient] = []
    real_close = FlickrClient.close
    monkeypatch.setattr(FlickrClient, "close", lambda self: (closed.append(self), real_close(self)))
    results = []
    syncer = make_syncer(workers=4)
    # Run off the main thread, as the desktop app does.
    runner = threading.Thread(target=lambda: results.append(syncer.run()))
    runner.start()
    runner.join(60)
    [report] = results
    assert report.uploaded == 8 and report.failed == []
    assert_once_each(emulator, shas(catalog, ids))
    assert len(emulator.state.photosets) == 2
    # Each pool thread had its own session, and each was closed (the run's own client stays open).
    assert len(closed) >= 2 and syncer.client not in closed


def test_dry_run_changes_nothing(
    home, settings, emulator, signed_in, catalog, make_photos, approve_set, capsys
):
    from photoarchive.cli import main

    ids = make_photos(2)
    approve_set("Tørrtest", ids, visibility="public")
    emulator.reset_call_log()
    assert main(["--home", str(home.root), "sync", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "upload photo" in out and "create album «Tørrtest»" in out
    assert emulator.state.photos == {}
    assert all(not c.applied for c in emulator.call_log)
    assert main(["--home", str(home.root), "sync"]) == 0
    assert "2 uploaded" in capsys.readouterr().out
    assert main(["--home", str(home.root), "sync", "--dry-run"]) == 0
    assert "Nothing to do" in capsys.readouterr().out
    # The log file in the home has the sync's story but no secret.
    log_text = (home.logs / "photoarchive.log").read_text(encoding="utf-8")
    token_secret = next(iter(json.loads((home.root / "flickr-token.json").read_text()).values()))[
        "token_secret"
    ]
    assert "photoarchive.flickr" in log_text
    assert (
        settings.flickr.api_secret not in log_text
        and token_secret not in log_text
        and signed_in not in log_text
    )


def test_one_sync_at_a_time(home, emulator, signed_in, make_photos, approve_set, make_syncer):
    from filelock import FileLock

    from photoarchive.flickr.errors import SyncBusy

    approve_set("A", make_photos(1), visibility="public")
    with FileLock(str(home.root / ".flickr-sync.lock")), pytest.raises(SyncBusy):
        make_syncer().run()
    assert emulator.state.photos == {}
    assert make_syncer().run().uploaded == 1


def test_lost_upload_answer_with_lagging_search_never_leaves_two_copies(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """Hole 3: the answer of an upload is lost and Flickr's index shows it only 30 s later. Today's
    code searched, re-checked after 3 s, believed the empty answer and uploaded a second public copy."""
    ids = make_photos(2)
    approve_set("A", ids, visibility="public")
    clock = FakeClock()
    emulator.state.clock = clock
    emulator.state.search_index_lag = 30.0
    emulator.faults.inject("upload", "commit_then_drop", times=1)
    first = make_syncer(clock=clock).run()
    lost = shas(catalog, ids[:1])[0]
    assert first.unconfirmed == [lost] and first.uploaded == 1
    assert [m.code for m in first.messages] == ["upload_unconfirmed"]
    assert first.messages[0].params == {"file": "IMG_0001.jpg"}
    assert len(emulator.state.photos) == 2 and len(emulator.calls("upload")) == 2
    dry = make_syncer(clock=clock).run(dry_run=True)
    assert dry.plan.unconfirmed == (lost,) and all(a.sha256 != lost for a in dry.plan.uploads)
    clock.now += 20  # still lagging: searched again, nothing sent
    again = make_syncer(clock=clock).run()
    assert again.unconfirmed == [lost] and len(emulator.calls("upload")) == 2
    clock.now += 20  # now the index shows it: confirmed, put in the album, set published
    done = make_syncer(clock=clock).run()
    assert done.unconfirmed == [] and done.reconciled == 1
    assert len(emulator.calls("upload")) == 2
    assert_once_each(emulator, shas(catalog, ids))
    album = next(iter(emulator.state.photosets.values()))
    assert len(album.photo_ids) == 2
    assert len(emulator.calls("flickr.photos.search")) == 3


def test_copies_found_later_keep_the_one_in_the_album(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """A file sent again after the grace period, whose first copy shows up in search only later: the
    watching sync keeps the copy in the album and deletes the other."""
    ids = make_photos(1)
    sid = approve_set("A", ids, visibility="public")
    clock = FakeClock()
    emulator.state.clock = clock
    emulator.state.search_index_lag = 3 * 3600.0  # far longer than the grace
    emulator.faults.inject("upload", "commit_then_drop", times=1)
    make_syncer(clock=clock).run()
    clock.now += 2 * 3600
    # The duplicate check is no help here (Flickr's page does not say how it matches; the emulator
    # matches identical bytes and these differ): so a second copy is made, and watched.
    first_copy = next(iter(emulator.state.photos))
    emulator.state.photos[first_copy].data += b"\x00"  # as if Flickr had re-encoded it
    report = make_syncer(clock=clock).run()
    assert report.uploaded == 1 and len(emulator.state.photos) == 2
    in_album = next(iter(emulator.state.photosets.values())).photo_ids[0]
    assert in_album != first_copy
    clock.now += 2 * 3600  # the first copy is in the index now
    report = make_syncer(clock=clock).run()
    assert list(emulator.state.photos) == [in_album]
    assert "duplicates_deleted" in [m.code for m in report.messages]
    entries = catalog.sets.audit_entries(target_kind="photo", target_id=ids[0])
    assert any(e.action == "flickr_repair" and e.detail["deleted_copies"] == [first_copy] for e in entries)
    assert catalog.sets.get(sid).state.value == "published"


def test_a_watch_on_a_file_never_sent_again_ends_with_its_time(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer
):
    """A file to send again whose set was withdrawn meanwhile: the watch ends when its time is up."""
    ids = make_photos(1)
    approve_set("A", ids, visibility="public")
    clock = FakeClock()
    catalog.sync.begin("watch_copies", "f" * 64, {"until": clock.now + 100})
    make_syncer(clock=clock).run()
    assert [e.kind for e in catalog.sync.pending()] == ["watch_copies"]
    clock.now += 200
    make_syncer(clock=clock).run()
    assert catalog.sync.pending() == []

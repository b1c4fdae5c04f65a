"""Sync under specific faults: transient errors, lost answers, refused files, a crash mid-write,
cancellation and progress."""

from __future__ import annotations

import json
import threading

import pytest

from photoarchive.flickr.errors import SyncCancelled
from photoarchive.flickr.plan import machine_tag
from photoarchive.flickr.sync import SyncControl


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
    report = make_syncer().run()
    assert report.failed == [] and report.uploaded == 3
    assert len(emulator.state.photos) == 3
    assert_once_each(emulator, shas(catalog, ids))
    assert len(emulator.state.photosets) == 1
    assert len(emulator.calls("flickr.photos.search")) >= 3
    assert len(emulator.calls("flickr.photosets.getList")) == 1


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
    assert catalog.sync.pending() == []
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


def test_parallel_workers(emulator, signed_in, catalog, make_photos, approve_set, make_syncer):
    ids = make_photos(8)
    approve_set("A", ids[:5], visibility="public")
    approve_set("B", ids[5:], visibility="public")
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
    assert syncer._workers == []  # the pool's sessions were closed


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


def test_lagging_search_is_asked_again_before_reuploading(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer, monkeypatch
):
    """Flickr's search index can trail a fresh upload: an empty first answer is not believed at once."""
    from photoarchive.flickr.client import FlickrClient

    ids = make_photos(1)
    approve_set("A", ids, visibility="public")
    emulator.faults.inject("upload", "commit_then_drop", times=1)
    real_call = FlickrClient.call
    searches = []

    def lagging_call(self, method, **params):
        rsp = real_call(self, method, **params)
        if method == "flickr.photos.search":
            searches.append(method)
            if len(searches) == 1:
                for photos in rsp.iter("photos"):
                    for child in list(photos):
                        photos.remove(child)
        return rsp

    monkeypatch.setattr(FlickrClient, "call", lagging_call)
    report = make_syncer().run()
    assert report.uploaded == 1 and len(searches) == 2
    assert_once_each(emulator, shas(catalog, ids))
    assert len(emulator.calls("upload")) == 1

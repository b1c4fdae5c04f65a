"""What the sync service queues on its own and how a request's run is recorded, in one process against
the emulator: an approval once, the schedule when it is due, a desk's "Sync now" joining a request
still waiting, a failure and a stop asked for on a desk written as the request's outcome."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from photoarchive.catalog.schema import sync_requests
from photoarchive.catalog.sync_requests import RequestState
from photoarchive.flickr.desk import ask_for_sync, follow, requests_of
from photoarchive.flickr.service import SyncService


@pytest.fixture
def service(catalog, home, settings, signed_in):
    from photoarchive.flickr.retry import RetryPolicy
    from photoarchive.flickr.sync import Syncer

    def make_syncer(control):
        syncer = Syncer.for_home(catalog, home, settings, control=control, actor="fil01")
        syncer.client.policy = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02)
        return syncer

    settings.flickr.sync_every_minutes = 0
    return SyncService(catalog, home, settings, runner="fil01", actor="fil01", make_syncer=make_syncer)


def test_an_approval_is_queued_once_and_published(service, catalog, make_photos, approve_set, emulator):
    assert service.queue_due() is None  # nothing approved, no schedule
    set_id = approve_set("Ulykke E6", make_photos(2), visibility="public")
    request_id = service.queue_due()
    assert request_id is not None and service.queue_due() is None
    request = requests_of(catalog).get(request_id)
    assert request.reason == "approval" and request.set_ids == (set_id,)
    # A desk's "Sync now" while it waits joins it instead of queueing a second sync.
    assert ask_for_sync(catalog, "erik").id == request_id
    (done,) = service.run_pending()
    assert done.state is RequestState.DONE and done.outcome["params"]["uploaded"] == 2
    assert len(emulator.state.photos) == 2
    # Published now: nothing more is due, and the same approval is never queued again.
    assert service.queue_due() is None


def test_the_schedule_queues_a_sync_when_it_is_due(service, catalog, settings):
    settings.flickr.sync_every_minutes = 60
    first = service.queue_due()
    assert requests_of(catalog).get(first).reason == "schedule"
    service.run_pending()
    assert service.queue_due() is None  # synced a moment ago
    with catalog.engine.begin() as conn:  # … an hour ago
        old = requests_of(catalog).get(first).requested_at - timedelta(minutes=61)
        conn.execute(update(sync_requests).values(requested_at=old))
    second = service.queue_due()
    assert second is not None and second != first


def test_a_failed_sync_and_a_stop_are_the_requests_outcome(
    service, catalog, make_photos, approve_set, emulator
):
    approve_set("Beslag", make_photos(3), visibility="private")
    emulator.faults.inject("flickr.people.getUploadStatus", "error105", probability=1.0)
    failing = ask_for_sync(catalog, "erik")
    service.run_next()
    failed, log = follow(catalog, failing.id)
    assert failed.state is RequestState.FAILED and failed.outcome["code"] == "request_error"
    assert log[-1].code == "request_error" and "stopped" in log[-1].text
    emulator.faults.clear()

    # An editor presses Cancel on a desk while the request waits: it never starts.
    stopping = ask_for_sync(catalog, "erik")
    requests_of(catalog).ask_cancel(stopping.id)
    service.run_next()
    stopped = requests_of(catalog).get(stopping.id)
    assert stopped.state is RequestState.FAILED and stopped.outcome["code"] == "request_cancelled"
    assert emulator.state.photos == {}


def test_a_machine_with_the_sign_in_runs_its_request_itself_and_every_desk_sees_it(
    catalog, home, settings, signed_in, make_photos, approve_set, emulator
):
    from photoarchive.flickr.desk import sync_here
    from photoarchive.flickr.progress import SyncControl
    from photoarchive.flickr.sync import Syncer

    approve_set("Ulykke E6", make_photos(2), visibility="public")
    seen = []
    control = SyncControl(on_progress=seen.append)

    def make_syncer(c):
        return Syncer.for_home(catalog, home, settings, control=c, actor="erik")

    # Another runner holds the archive's sync: the request waits in its queue, to be followed.
    with catalog.try_sync_lock():
        waiting = sync_here(catalog, home, settings, "erik", make_syncer, control)
    assert waiting.state is RequestState.QUEUED and emulator.state.photos == {}

    report = sync_here(catalog, home, settings, "erik", make_syncer, control)
    assert report.uploaded == 2
    assert seen and seen[-1].phase == "done"  # the window's own progress callback was still told
    request, log = follow(catalog, waiting.id)
    assert request.state is RequestState.DONE and request.outcome["params"]["uploaded"] == 2
    assert [e.code for e in log][-1] == "request_done"


def test_a_photo_without_a_clean_copy_fails_with_a_reason_every_desk_can_translate(
    service, catalog, home, settings, make_photos, approve_set, emulator
):
    import shutil

    from photoarchive.sets.publishing import CleanCopies

    ids = make_photos(2)
    approve_set("Beslag", ids, visibility="private")
    (record,) = catalog.photos.get_many([ids[1]])
    original = home.originals / record.archive_path
    original.chmod(0o644)
    original.unlink()  # the original is gone from the archive after the approval …
    shutil.rmtree(CleanCopies(home, settings).folder)  # … and so is the clean copy made then
    request = ask_for_sync(catalog, "erik")
    service.run_next()
    done, log = follow(catalog, request.id)
    assert done.state is RequestState.DONE and done.outcome["params"]["failed"] == 1
    (failed,) = [e for e in log if e.code == "request_failed_photo"]
    assert failed.params["file"] == "IMG_0002.jpg" and failed.params["reason_code"] == "no_clean_copy"
    assert "missing from the archive" in failed.params["reason_params"]["reason"]
    assert len(emulator.state.photos) == 1

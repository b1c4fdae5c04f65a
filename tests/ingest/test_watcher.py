"""The watcher with a real watchdog observer, a second process writing slowly, and an inbox that goes away."""

from __future__ import annotations

import hashlib
import queue
import shutil
import subprocess
import sys
import time

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.ingest.pipeline import Outcome
from photoarchive.ingest.service import WatchService
from photoarchive.settings import Settings

SLOW_WRITER = """
import sys, time
data = open(sys.argv[1], 'rb').read()
step = len(data) // 12 + 1
with open(sys.argv[2], 'wb') as out:
    for i in range(0, len(data), step):
        out.write(data[i:i + step]); out.flush()
        time.sleep(0.15)
"""


def _service(home, inbox, results, statuses=None, *, settle=0.6, rescan=30.0, events=True):
    settings = Settings()
    settings.inbox.settle_seconds = settle
    settings.inbox.rescan_seconds = rescan
    service = WatchService(
        home,
        settings,
        Catalog.for_home(home),
        on_result=results.put,
        on_status=(statuses.put if statuses is not None else None),
        inbox_folders=[inbox],
        find_faces=False,
        use_events=events,
    )
    service.start()
    return service


def _no_more(results: queue.Queue, seconds: float) -> bool:
    try:
        extra = results.get(timeout=seconds)
    except queue.Empty:
        return True
    pytest.fail(f"unexpected extra result: {extra}")


def test_a_file_written_slowly_by_another_process_is_taken_once_complete(home, tmp_path):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    source = factory.make_photo(tmp_path / "stor.jpg", size=(1600, 1200), seed=5)
    results: queue.Queue = queue.Queue()
    service = _service(home, inbox, results)
    writer = None
    try:
        writer = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(source), str(inbox / "stor.jpg")])
        result = results.get(timeout=30)
        assert writer.wait(timeout=30) == 0
        assert result.outcome is Outcome.ARCHIVED, result.reason
        record = Catalog.for_home(home).photos.get(result.photo_id)
        archived = (home.originals / record.archive_path).read_bytes()
        assert hashlib.sha256(archived).hexdigest() == hashlib.sha256(source.read_bytes()).hexdigest()
        assert not (inbox / "stor.jpg").exists()
        _no_more(results, 1.5)
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
            writer.wait()
        service.stop()


def test_a_share_that_sends_no_events_is_still_picked_up_by_rescans(home, tmp_path):
    inbox = tmp_path / "nettverksdisk"
    inbox.mkdir()
    results: queue.Queue = queue.Queue()
    service = _service(home, inbox, results, settle=0.2, rescan=0.3, events=False)
    try:
        sub = inbox / "2026-555555"
        sub.mkdir()
        factory.make_photo(sub / "bilde.jpg")
        (inbox / "bilde.jpg.part").write_bytes(b"half a copy")
        (inbox / "Thumbs.db").write_bytes(b"x")
        result = results.get(timeout=15)
        assert result.outcome is Outcome.ARCHIVED
        assert Catalog.for_home(home).photos.get(result.photo_id).case_number == "2026-555555"
        _no_more(results, 1.0)
        assert (inbox / "bilde.jpg.part").exists() and (inbox / "Thumbs.db").exists()
    finally:
        service.stop()


def test_an_inbox_that_goes_offline_is_reported_and_picked_up_again(home, tmp_path):
    inbox = tmp_path / "share"
    inbox.mkdir()
    results: queue.Queue = queue.Queue()
    statuses: queue.Queue = queue.Queue()
    service = _service(home, inbox, results, statuses, settle=0.2, rescan=0.3)
    try:
        assert statuses.get(timeout=10).online is True
        shutil.rmtree(inbox)
        offline = statuses.get(timeout=10)
        assert offline.online is False
        assert "not reachable" in offline.message and str(inbox) in offline.message
        inbox.mkdir()
        factory.make_photo(inbox / "etter.jpg")
        back = statuses.get(timeout=10)
        assert back.online is True and "again" in back.message
        assert results.get(timeout=15).outcome is Outcome.ARCHIVED
    finally:
        service.stop()


def test_a_corrupt_file_does_not_stop_the_watcher(home, tmp_path):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    results: queue.Queue = queue.Queue()
    service = _service(home, inbox, results, settle=0.2, rescan=0.3)
    try:
        factory.truncate(factory.make_photo(inbox / "ødelagt.jpg", size=(1000, 800)), 0.4)
        time.sleep(0.1)
        factory.make_photo(inbox / "fin.jpg", seed=2)
        outcomes = {results.get(timeout=15).outcome, results.get(timeout=15).outcome}
        assert outcomes == {Outcome.QUARANTINED, Outcome.ARCHIVED}
    finally:
        service.stop()

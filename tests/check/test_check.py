"""`check_archive`: a whole archive passes; every kind of damage is found; what can be repaired without
deleting (unknown originals, thumbnails) is, and a second check then finds the archive whole."""

from __future__ import annotations

import os
import shutil
import stat

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.check import CheckStage, FindingKind, check_archive
from photoarchive.ingest.archive_paths import make_writable
from photoarchive.ingest.files import sha256_of
from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile
from photoarchive.media.thumbnails import ThumbSize, thumbnail_path
from photoarchive.settings import Settings


@pytest.fixture
def catalog(home):
    return Catalog.for_home(home)


@pytest.fixture
def archived(home, catalog, tmp_path):
    """Three photos ingested the normal way; returns their records."""
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    ids = []
    for i, name in enumerate(("Åsen.jpg", "b.jpg", "c.png")):
        path = factory.make_photo(inbox / name, seed=i, fmt="PNG" if name.endswith(".png") else "JPEG")
        result = ingestor.ingest(SourceFile.under(path, inbox), remove_source=True)
        assert result.outcome is Outcome.ARCHIVED
        ids.append(result.photo_id)
    return catalog.photos.get_many(ids)


def _check(home, catalog, **kw):
    return check_archive(home, Settings(), catalog, **kw)


def _kinds(report):
    return sorted((f.kind, f.photo_id) for f in report.findings)


def test_a_whole_archive_passes_both_checks(home, catalog, archived):
    for quick in (False, True):
        report = _check(home, catalog, quick=quick)
        assert report.whole and report.findings == []
        assert report.photos_checked == 3 and report.files_on_disk == 3


def test_a_changed_byte_is_found_by_the_full_check_only(home, catalog, archived):
    record = archived[1]
    original = home.originals / record.archive_path
    before = original.stat()
    make_writable(original)
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0xFF
    original.write_bytes(bytes(data))
    # Same size and the old date: only re-hashing can see it.
    os.utime(original, ns=(before.st_atime_ns, before.st_mtime_ns))

    full = _check(home, catalog)
    assert _kinds(full) == [(FindingKind.CHANGED, record.id)]
    assert full.findings[0].path == f"originals/{record.archive_path}"
    assert not full.whole and full.problems == full.findings
    assert _check(home, catalog, quick=True).whole


def test_the_quick_check_sees_a_new_size_and_a_later_date(home, catalog, archived):
    shorter, rewritten = archived[0], archived[2]
    for record in (shorter, rewritten):
        make_writable(home.originals / record.archive_path)
    path = home.originals / shorter.archive_path
    path.write_bytes(path.read_bytes()[:-10])
    path = home.originals / rewritten.archive_path
    later = path.stat().st_mtime + 2 * 86400  # two days after its ingest
    os.utime(path, (later, later))

    report = _check(home, catalog, quick=True)
    assert _kinds(report) == sorted(
        [(FindingKind.SIZE_CHANGED, shorter.id), (FindingKind.MODIFIED_AFTER_INGEST, rewritten.id)]
    )


def test_the_quick_check_allows_for_a_file_server_clock_ahead_of_the_desk(home, catalog, archived):
    path = home.originals / archived[0].archive_path
    skewed = path.stat().st_mtime + 10 * 60  # the share's clock ten minutes ahead
    os.utime(path, (skewed, skewed))
    assert _check(home, catalog, quick=True).whole


def test_a_catalogued_photo_without_its_file_is_reported(home, catalog, archived):
    gone = archived[0]
    original = home.originals / gone.archive_path
    make_writable(original)
    original.unlink()
    report = _check(home, catalog)
    assert _kinds(report) == [(FindingKind.MISSING_ORIGINAL, gone.id)]
    assert catalog.photos.get(gone.id) is not None  # reported, not forgotten


def test_an_unknown_original_is_adopted_with_an_event_and_never_moved(home, catalog, archived, tmp_path):
    folder = home.originals / "2024" / "2024-05-17"
    folder.mkdir(parents=True)
    orphan = factory.make_photo(
        folder / "Gjenfunnet æøå.jpg",
        seed=9,
        gps=True,
        capture_time=factory.DEFAULT_TIME,
        iptc={"caption": "Funnet igjen", "keywords": ["politi"]},
    )
    digest = sha256_of(orphan)

    report = _check(home, catalog)
    assert [f.kind for f in report.findings] == [FindingKind.ADOPTED]
    assert report.whole  # repaired
    photo_id = report.findings[0].photo_id
    record = catalog.photos.get(photo_id)
    assert record.archive_path == "2024/2024-05-17/Gjenfunnet æøå.jpg"
    assert record.sha256 == digest and record.caption == "Funnet igjen" and record.has_gps
    (event,) = catalog.events.for_photo(photo_id)
    assert event.kind == "adopted" and event.detail["found_at"] == record.archive_path
    assert orphan.exists() and sha256_of(orphan) == digest
    assert not orphan.stat().st_mode & stat.S_IWUSR  # read-only now, like every original
    assert thumbnail_path(home.thumbnails, digest, ThumbSize.GRID).exists()
    again = _check(home, catalog)
    assert again.whole and again.findings == [] and again.photos_checked == 4


def test_unknown_files_that_cannot_be_adopted_are_left_where_they_are(home, catalog, archived):
    known = home.originals / archived[0].archive_path
    copy = known.with_name("kopi.jpg")
    shutil.copyfile(known, copy)
    junk = factory.make_not_an_image(known.parent / "notat.pdf")
    count = catalog.photos.count()

    report = _check(home, catalog)
    assert _kinds(report) == sorted(
        [(FindingKind.UNKNOWN_COPY, archived[0].id), (FindingKind.UNKNOWN_NOT_A_PHOTO, None)]
    )
    assert not report.whole
    assert copy.exists() and junk.exists() and catalog.photos.count() == count


def test_a_missing_thumbnail_is_made_again(home, catalog, archived):
    record = archived[2]
    grid = thumbnail_path(home.thumbnails, record.sha256, ThumbSize.GRID)
    grid.unlink()
    report = _check(home, catalog)
    assert _kinds(report) == [(FindingKind.THUMBNAIL_REBUILT, record.id)]
    assert report.whole and grid.stat().st_size > 0
    assert _check(home, catalog).findings == []


def test_an_open_quarantine_entry_without_its_file_is_reported(home, catalog, tmp_path):
    inbox = tmp_path / "inn"
    inbox.mkdir()
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    ids = []
    for name in ("a.pdf", "b.pdf"):
        path = factory.make_not_an_image(inbox / name)
        ids.append(ingestor.ingest(SourceFile.under(path, inbox), remove_source=True).quarantine_id)
    for entry in catalog.quarantine.list():
        (home.quarantine / entry.quarantine_path).unlink()
    catalog.quarantine.resolve([ids[1]])  # dealt with: its file may go

    report = _check(home, catalog)
    assert [(f.kind, f.quarantine_id) for f in report.findings] == [
        (FindingKind.QUARANTINE_FILE_MISSING, ids[0])
    ]


def test_progress_is_reported_per_file_and_a_cancel_stops_early(home, catalog, archived):
    seen = []
    report = _check(home, catalog, progress=seen.append)
    stages = [p.stage for p in seen]
    assert stages == sorted(stages, key=list(CheckStage).index)  # in order
    originals = [p for p in seen if p.stage is CheckStage.ORIGINALS]
    assert [p.done for p in originals] == [0, 1, 2, 3] and {p.total for p in originals} == {3}
    assert report.whole

    asked = []
    cancelled = _check(home, catalog, cancelled=lambda: asked.append(1) or len(asked) > 2, workers=1)
    assert cancelled.cancelled and not cancelled.whole
    assert cancelled.photos_checked < 3


def test_a_file_dropped_half_way_by_a_crashed_ingest_is_recovered_not_adopted(home, catalog, archived):
    """A pending intent means the source is still in the inbox: recovery removes the placed copy, as the
    next ingest would, rather than adopting it (the inbox copy will be ingested again)."""
    placed = home.originals / "2024" / "2024-05-17" / "halvveis.jpg"
    placed.parent.mkdir(parents=True)
    factory.make_photo(placed, seed=5)
    catalog.pending.begin(sha256_of(placed), "2024/2024-05-17/halvveis.jpg")
    report = _check(home, catalog)
    assert report.whole and report.findings == []
    assert not placed.exists() and catalog.pending.all() == []


def test_the_check_waits_for_an_ingest_in_progress(home, catalog, archived):
    from photoarchive.ingest.lock import ArchiveBusy, ingest_lock

    lock = ingest_lock(home)
    lock.acquire()
    try:
        with pytest.raises(ArchiveBusy):
            check_archive(home, Settings(), catalog, lock_timeout=0.2)
    finally:
        lock.release()

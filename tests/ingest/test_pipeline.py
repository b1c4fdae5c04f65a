"""Ingest of single files and batches: what lands in the archive, the catalog, quarantine."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path, PurePath

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.photos import Category
from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile, expand_paths
from photoarchive.media.thumbnails import ThumbSize, thumbnail_path
from photoarchive.settings import Settings


@pytest.fixture
def catalog(home):
    return Catalog.for_home(home)


@pytest.fixture
def ingestor(home, catalog):
    return Ingestor(home, Settings(), catalog, find_faces=False)


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "innboks"
    folder.mkdir()
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _ingest(ingestor, path: Path, root: Path, *, remove=False):
    return ingestor.ingest(SourceFile.under(path, root), remove_source=remove)


def test_a_jpeg_is_archived_unchanged_with_metadata_and_thumbnails(home, ingestor, catalog, inbox):
    source = factory.make_photo(
        inbox / "IMG_0042.JPG",
        size=(800, 600),
        gps=True,
        serial=True,
        owner=True,
        thumbnail=True,
        capture_time=factory.DEFAULT_TIME,
        iptc={
            "caption": "Pressekonferanse på Ørsta «i dag»",
            "keywords": ["politi", "presse"],
            "byline": "Ola Fotograf",
        },
    )
    digest = _sha(source)
    result = _ingest(ingestor, source, inbox)
    assert result.outcome is Outcome.ARCHIVED, result.reason
    record = catalog.photos.get(result.photo_id)
    archived = home.originals / record.archive_path
    assert record.archive_path == "2024/2024-05-17/IMG_0042.jpg"
    assert _sha(archived) == digest == record.sha256
    assert (record.width, record.height, record.format) == (800, 600, "jpeg")
    assert (record.camera_make, record.camera_model) == factory.DEFAULT_CAMERA
    assert record.capture_time == factory.DEFAULT_TIME
    assert record.has_gps and record.has_serial and record.has_owner
    assert record.caption == "Pressekonferanse på Ørsta «i dag»"
    assert record.keywords == ["politi", "presse"]
    assert record.byline == "Ola Fotograf"
    for size in ThumbSize:
        assert thumbnail_path(home.thumbnails, digest, size).is_file()
    assert source.exists(), "without --move the source stays"
    assert [e.kind for e in catalog.events.for_photo(record.id)] == ["ingested"]
    assert not list(home.staging.iterdir()), "no staging leftovers"


@pytest.mark.parametrize("fmt", ["WEBP", "HEIF", "PNG", "TIFF"])
def test_press_fields_and_date_of_every_format_come_from_the_one_pass(ingestor, catalog, inbox, fmt):
    # Ingest reads the blocks from the privacy scan's parse of the file (WebP chunks, the HEIF container
    # libheif opened for the scan), not from a second look by Pillow.
    source = factory.make_photo(
        inbox / f"Åsted{factory.FORMAT_SUFFIX[fmt]}",
        fmt=fmt,
        size=(256, 192),
        capture_time=factory.DEFAULT_TIME,
        gps=True,
        xmp=factory.xmp_packet(caption="Politiet på stedet", keywords=["politi", "Skien"]),
    )
    result = _ingest(ingestor, source, inbox)
    assert result.outcome is Outcome.ARCHIVED, result.reason
    record = catalog.photos.get(result.photo_id)
    assert record.format == fmt.lower()
    assert record.caption == "Politiet på stedet" and record.keywords == ["politi", "Skien"]
    assert record.capture_time == factory.DEFAULT_TIME  # the wall-clock time, as the camera wrote it
    assert record.camera_make == factory.DEFAULT_CAMERA[0] and record.has_gps


def test_move_removes_the_source_only_after_archiving(ingestor, inbox):
    source = factory.make_photo(inbox / "a.jpg")
    assert _ingest(ingestor, source, inbox, remove=True).outcome is Outcome.ARCHIVED
    assert not source.exists()


def test_same_bytes_twice_are_stored_once_and_the_second_drop_recorded(home, ingestor, catalog, inbox):
    first = factory.make_photo(inbox / "first.jpg", seed=3)
    second = inbox / "kopi av first.jpg"
    second.write_bytes(first.read_bytes())
    one = _ingest(ingestor, first, inbox)
    two = _ingest(ingestor, second, inbox, remove=True)
    assert two.outcome is Outcome.DUPLICATE and two.photo_id == one.photo_id
    assert catalog.photos.count() == 1
    assert [e.kind for e in catalog.events.for_photo(one.photo_id)] == ["ingested", "duplicate_seen"]
    assert len([p for p in home.originals.rglob("*") if p.is_file()]) == 1
    assert not second.exists()


def test_same_bytes_in_one_parallel_batch_give_one_photo(home, ingestor, catalog, inbox):
    original = factory.make_photo(inbox / "x.jpg", seed=9)
    for i in range(5):
        (inbox / f"copy{i}.jpg").write_bytes(original.read_bytes())
    results = ingestor.ingest_many(expand_paths([inbox]), remove_source=False, workers=4)
    assert sorted(r.outcome.value for r in results) == ["archived"] + ["duplicate"] * 5
    assert catalog.photos.count() == 1


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda d: factory.make_not_an_image(d / "referat.pdf", "pdf"), "not_a_photo", "PDF"),
        (lambda d: factory.make_not_an_image(d / "notat.docx", "docx"), "not_a_photo", "Office"),
        (lambda d: factory.make_not_an_image(d / "bilde.jpg", "text"), "not_a_photo", "not a photo"),
        (lambda d: _empty_file(d / "tom.jpg"), "empty", "empty"),
        (
            lambda d: factory.truncate(factory.make_photo(d / "halv.jpg", size=(1200, 900)), 0.5),
            "corrupt",
            "",
        ),
        (lambda d: factory.make_jpeg_bomb(d / "bomb.jpg"), "too_large", ""),
        (lambda d: factory.make_png_bomb(d / "bomb.png"), "too_large", ""),
    ],
    ids=["pdf", "docx", "text-as-jpg", "zero-bytes", "truncated", "jpeg-bomb", "png-bomb"],
)
def test_bad_files_go_to_quarantine_with_a_reason_and_are_never_lost(
    home, ingestor, catalog, inbox, make, code, words
):
    source = make(inbox)
    content = source.read_bytes()
    result = _ingest(ingestor, source, inbox, remove=True)
    assert result.outcome is Outcome.QUARANTINED
    assert words in result.reason
    (item,) = catalog.quarantine.list()
    assert item.reason_code == code and item.original_name == source.name
    kept = home.quarantine / item.quarantine_path
    assert kept.read_bytes() == content, "the file is kept, byte for byte"
    reason_file = kept.with_name(kept.name + ".reason.txt")
    assert result.reason in reason_file.read_text(encoding="utf-8")
    assert not source.exists()
    assert catalog.photos.count() == 0


def test_norwegian_names_spaces_and_long_paths(home, ingestor, catalog, inbox):
    deep = inbox / ("Sak på Bjørnøya – åsted " * 3).strip() / "ærlig øvelse"
    deep.mkdir(parents=True)
    name = "Pressebilde fra Ålesund " + "ø" * 90 + ".jpg"
    source = factory.make_photo(deep / name)
    result = _ingest(ingestor, source, inbox)
    assert result.outcome is Outcome.ARCHIVED, result.reason
    record = catalog.photos.get(result.photo_id)
    assert record.original_name == name
    assert (home.originals / record.archive_path).is_file()
    assert len(PurePath(record.archive_path).name) <= 120


def test_same_name_different_photos_never_overwrite(home, ingestor, catalog, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    one = factory.make_photo(a / "IMG_0001.jpg", seed=1, capture_time=factory.DEFAULT_TIME)
    two = factory.make_photo(b / "IMG_0001.jpg", seed=2, capture_time=factory.DEFAULT_TIME)
    r1, r2 = _ingest(ingestor, one, a), _ingest(ingestor, two, b)
    paths = {catalog.photos.get(r.photo_id).archive_path for r in (r1, r2)}
    assert paths == {"2024/2024-05-17/IMG_0001.jpg", "2024/2024-05-17/IMG_0001 (2).jpg"}
    assert _sha(home.originals / "2024/2024-05-17/IMG_0001.jpg") == _sha(one)


def test_case_folder_and_size_are_suggested_not_confirmed(ingestor, catalog, inbox):
    folder = inbox / "2026-123456"
    folder.mkdir()
    source = factory.make_photo(folder / "åsted.jpg", size=(3200, 2000))
    record = catalog.photos.get(_ingest(ingestor, source, inbox).photo_id)
    assert record.case_number == "2026-123456"
    assert set(record.pending_suggestions) == {Category.CASE, Category.MEDIA}
    assert not record.has_category(Category.CASE, confirmed_only=True)


def test_portrait_suggested_when_one_dominant_face(home, catalog, inbox):
    ingestor = Ingestor(home, Settings(), catalog, find_faces=True)
    face = factory.make_photo(inbox / "portrett.jpg", size=(600, 800), pattern="face")
    landscape = factory.make_photo(inbox / "landskap.jpg", size=(800, 600), pattern="noise", seed=4)
    assert (
        Category.PORTRAIT in catalog.photos.get(_ingest(ingestor, face, inbox).photo_id).pending_suggestions
    )
    assert (
        Category.PORTRAIT
        not in catalog.photos.get(_ingest(ingestor, landscape, inbox).photo_id).pending_suggestions
    )


def test_a_file_that_vanishes_is_skipped_and_nothing_recorded(ingestor, catalog, inbox):
    result = _ingest(ingestor, inbox / "gone.jpg", inbox)
    assert result.outcome is Outcome.SKIPPED
    assert "disappeared" in result.reason
    assert catalog.photos.count() == 0 and catalog.quarantine.list() == []


def test_unwritable_archive_leaves_the_source_and_says_so(home, ingestor, catalog, inbox, monkeypatch):
    source = factory.make_photo(inbox / "a.jpg")

    def refuse(src, dst):
        raise PermissionError(13, "Access is denied", str(dst))

    monkeypatch.setattr("photoarchive.ingest.pipeline.os.replace", refuse)
    result = _ingest(ingestor, source, inbox, remove=True)
    assert result.outcome is Outcome.FAILED
    assert "cannot be written" in result.reason
    assert source.exists()
    assert catalog.photos.count() == 0 and catalog.pending.all() == []


def test_full_disk_leaves_the_source_and_no_partial_file(home, ingestor, catalog, inbox, monkeypatch):
    source = factory.make_photo(inbox / "a.jpg")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("photoarchive.ingest.pipeline.os.fsync", full)
    result = _ingest(ingestor, source, inbox, remove=True)
    monkeypatch.setattr("photoarchive.ingest.pipeline.os.fsync", real_fsync)
    assert result.outcome is Outcome.FAILED
    assert "full" in result.reason
    assert source.exists()
    assert not list(home.staging.iterdir())


def test_a_copy_that_differs_from_what_was_read_is_never_archived(
    home, ingestor, catalog, inbox, monkeypatch
):
    # The file system hands back other bytes than were written (a flaky disk or network share): the
    # copy read back after its fsync no longer hashes to the source's SHA-256.
    source = factory.make_photo(inbox / "Åsted.jpg", size=(640, 480))
    original = source.read_bytes()
    real_fsync = os.fsync

    def fsync_then_flip_a_byte(fd):
        real_fsync(fd)
        middle = len(original) // 2
        os.pwrite(fd, bytes([original[middle] ^ 0xFF]), middle)

    monkeypatch.setattr("photoarchive.ingest.pipeline.os.fsync", fsync_then_flip_a_byte)
    result = _ingest(ingestor, source, inbox, remove=True)
    assert result.outcome is Outcome.FAILED
    assert "does not match the original" in result.reason and "Åsted.jpg" in result.reason
    assert source.read_bytes() == original, "the source stays in the inbox, untouched"
    assert catalog.photos.count() == 0 and catalog.pending.all() == [] and catalog.quarantine.list() == []
    assert not [p for p in home.originals.rglob("*") if p.is_file()]
    assert not list(home.staging.iterdir())
    assert not any(home.thumbnails.rglob("*.jpg")), "nothing was made from the bad copy"


def test_a_batch_runs_every_face_check_on_one_thread(home, catalog, inbox, monkeypatch):
    # The detector loads its network once per thread (a tenth of a second of CPU and its buffers): the
    # workers of a batch share one face thread, so a process loads it once.
    from photoarchive.media import analyse

    threads = set()
    real_detect = analyse.detect_faces

    def detect(picture, **kwargs):
        threads.add(threading.current_thread().name)
        return real_detect(picture, **kwargs)

    monkeypatch.setattr(analyse, "detect_faces", detect)
    for i in range(6):
        factory.make_photo(inbox / f"IMG_{i}.jpg", size=(600, 400), seed=i)
    ingestor = Ingestor(home, Settings(), catalog, find_faces=True)
    results = ingestor.ingest_many(expand_paths([inbox]), remove_source=False, workers=3)
    assert [r.outcome for r in results] == [Outcome.ARCHIVED] * 6
    assert len(threads) == 1 and next(iter(threads)).startswith("faces")
    assert all(r.cpu["analyse_faces"] > 0 and r.timings["analyse_faces"] > 0 for r in results)


def test_recovery_removes_a_file_placed_before_a_crash(home, ingestor, catalog, inbox):
    source = factory.make_photo(inbox / "a.jpg")
    # What a process killed between the rename into originals/ and the catalog commit leaves behind:
    placed = home.originals / "2024/2024-05-17/a.jpg"
    placed.parent.mkdir(parents=True)
    placed.write_bytes(source.read_bytes())
    catalog.pending.begin(_sha(source), "2024/2024-05-17/a.jpg")
    (home.staging / "dead.part").write_bytes(b"half")
    assert ingestor.recover() == 2
    assert not placed.exists() and catalog.pending.all() == []
    assert not list(home.staging.iterdir())
    result = _ingest(ingestor, source, inbox)
    assert result.outcome is Outcome.ARCHIVED
    assert catalog.photos.get(result.photo_id).archive_path.endswith("/a.jpg")


@pytest.mark.corpus
# Every file of the corpus (~300) through the real ingest: ~25 s on the shared 2-core machine.
@pytest.mark.timeout(180)
def test_every_corpus_file_is_archived_or_quarantined_never_crashes(home, catalog, corpus_dir, tmp_path):
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    sources = [
        SourceFile(p, PurePath(p.name))
        for folder in ("exif-samples/jpg", "exif-samples/heic", "exif-samples/tiff", "exiftool-images")
        for p in sorted((corpus_dir / folder).rglob("*"))
        if p.is_file() and p.suffix.lower() not in (".md", ".rst", ".txt")
    ]
    results = ingestor.ingest_many(sources, remove_source=False)
    by_name = {r.source.relative_to(corpus_dir).as_posix(): r for r in results}
    quarantined = {q.id: q.reason_code for q in catalog.quarantine.list()}
    assert all(r.outcome in (Outcome.ARCHIVED, Outcome.DUPLICATE, Outcome.QUARANTINED) for r in results), [
        (k, r.reason)
        for k, r in by_name.items()
        if r.outcome not in (Outcome.ARCHIVED, Outcome.DUPLICATE, Outcome.QUARANTINED)
    ]
    for good in (
        "exif-samples/jpg/Canon_40D.jpg",
        "exif-samples/jpg/gps/DSCN0010.jpg",
        "exif-samples/heic/IMG_5195.HEIC",
        "exif-samples/jpg/orientation/portrait_6.jpg",
    ):
        assert by_name[good].outcome is Outcome.ARCHIVED, by_name[good].reason
    # Files the corpus is known to hold that are no photo the archive takes: a PDF, a Word file, a
    # raw file, a sound and a program. Each must be quarantined, with the reason the code names.
    for bad, code in (
        ("exiftool-images/PDF.pdf", "not_a_photo"),
        ("exiftool-images/OOXML.docx", "not_a_photo"),
        ("exiftool-images/CanonRaw.cr2", "not_a_photo"),
        ("exiftool-images/MP3.mp3", "not_a_photo"),
        ("exiftool-images/EXE.exe", "not_a_photo"),
    ):
        assert by_name[bad].outcome is Outcome.QUARANTINED, (bad, by_name[bad].outcome, by_name[bad].reason)
        assert quarantined[by_name[bad].quarantine_id] == code, bad
    gps = catalog.photos.get(by_name["exif-samples/jpg/gps/DSCN0010.jpg"].photo_id)
    assert gps.has_gps and gps.camera_make.upper().startswith("NIKON")
    archived = sum(r.outcome is Outcome.ARCHIVED for r in results)
    assert catalog.photos.count() == archived
    assert len([p for p in home.originals.rglob("*") if p.is_file()]) == archived

"""Every real file in ../shared/corpus through read_metadata and analyse_image."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.errors import CorruptImage, PhotoarchiveError, UnsupportedFile
from photoarchive.media.analyse import Analysis, analyse_image, ensure_preview
from photoarchive.media.dates import wall_clock
from photoarchive.media.formats import ImageFormat, sniff_file
from photoarchive.media.metadata import read_metadata
from photoarchive.media.thumbnails import ThumbSize

# The module's fixture analyses every corpus file once (~20 s on the shared 2-core machine), inside the
# first test's time.
pytestmark = [pytest.mark.corpus, pytest.mark.timeout(180)]

# Image files that really are damaged (or raw sensor data in a TIFF wrapper): CorruptImage is right.
KNOWN_UNREADABLE = {
    "exiftool-images/Nikon.nef",  # raw strips the TIFF reader cannot decode
    "exiftool-images/QuickTime.heic",  # cut short by the exiftool test suite
}
# Files with broken EXIF collected because they crashed readers; they may be refused as corrupt.
MAY_BE_CORRUPT_UNDER = "exif-samples/jpg/invalid/"


@dataclass
class Outcome:
    path: Path
    analysis: Analysis | None = None
    error: Exception | None = None


@pytest.fixture(scope="module")
def corpus_results(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """analyse_image over the whole corpus once; any exception other than ours fails the test later."""
    thumbs = tmp_path_factory.mktemp("corpus-thumbs")
    results: dict[str, Outcome] = {}
    for index, path in enumerate(sorted(p for p in corpus_dir.rglob("*") if p.is_file())):
        key = path.relative_to(corpus_dir).as_posix()
        outcome = Outcome(path)
        try:
            outcome.analysis = analyse_image(path, thumbs, f"{index:064x}")
        except Exception as exc:  # recorded, judged per test
            outcome.error = exc
        results[key] = outcome
    return results


def test_no_unexpected_exception(corpus_results: dict[str, Outcome]) -> None:
    crashes = {
        k: repr(o.error)
        for k, o in corpus_results.items()
        if o.error and not isinstance(o.error, PhotoarchiveError)
    }
    assert crashes == {}


def test_images_succeed_and_non_images_are_unsupported(corpus_results: dict[str, Outcome]) -> None:
    images = {k: o for k, o in corpus_results.items() if sniff_file(o.path) is not None}
    assert len(images) > 140
    failed = {
        k: str(o.error)
        for k, o in images.items()
        if o.error is not None and k not in KNOWN_UNREADABLE and not k.startswith(MAY_BE_CORRUPT_UNDER)
    }
    assert failed == {}
    for key in KNOWN_UNREADABLE:
        assert isinstance(corpus_results[key].error, CorruptImage), key
    others = {k: o for k, o in corpus_results.items() if k not in images}
    assert len(others) > 100
    wrong = {k: repr(o.error) for k, o in others.items() if not isinstance(o.error, UnsupportedFile)}
    assert wrong == {}


def test_every_success_has_both_thumbnails(corpus_results: dict[str, Outcome]) -> None:
    """The grid thumbnail at ingest; the preview then or on first view (ensure_preview)."""
    for key, outcome in corpus_results.items():
        if outcome.analysis is None:
            continue
        meta = outcome.analysis.metadata
        long_edge = max(meta.width, meta.height)
        with Image.open(outcome.analysis.thumbnails[ThumbSize.GRID]) as grid:
            assert max(grid.size) == min(256, long_edge), key
        sha = outcome.analysis.thumbnails[ThumbSize.GRID].name.split("_")[0]
        preview = ensure_preview(outcome.path, outcome.analysis.thumbnails[ThumbSize.GRID].parent.parent, sha)
        with Image.open(preview) as im:
            assert min(1400, long_edge) <= max(im.size) <= 1600, key


def _offset(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("name", "make", "model", "when"),
    [
        ("exif-samples/jpg/Canon_40D.jpg", "Canon", "Canon EOS 40D", datetime(2008, 5, 30, 15, 56, 1)),
        ("exif-samples/jpg/gps/DSCN0010.jpg", "NIKON", "COOLPIX P6000", datetime(2008, 10, 22, 16, 28, 39)),
        (
            "exif-samples/jpg/tests/42_IndexError.jpg",
            "OLYMPUS IMAGING CORP.",
            "E-P3",
            datetime(2014, 8, 23, 13, 5, 43),
        ),
        (
            "exif-samples/jpg/mobile/HMD_Nokia_8.3_5G.jpg",
            "HMD Global",
            "Nokia 8.3 5G",
            datetime(2022, 8, 14, 14, 12, 31, tzinfo=_offset(3)),  # phones write OffsetTimeOriginal
        ),
        (
            "exif-samples/heic/IMG_5195.HEIC",
            "Apple",
            "iPhone 11 Pro Max",
            datetime(2021, 4, 11, 15, 47, 53, tzinfo=_offset(-5)),
        ),
        (
            "exif-samples/heic/mobile/iphone_13_pro_max.HEIC",
            "Apple",
            "iPhone 13 Pro Max",
            datetime(2022, 2, 16, 12, 55, 41, tzinfo=_offset(1)),
        ),
        ("exiftool-images/ExifTool.tif", "Canon", "Canon EOS DIGITAL REBEL", datetime(2004, 2, 20, 8, 7, 49)),
    ],
)
def test_camera_files(
    corpus_results: dict[str, Outcome], name: str, make: str, model: str, when: datetime
) -> None:
    outcome = corpus_results[name]
    assert outcome.error is None, outcome.error
    meta = outcome.analysis.metadata  # type: ignore[union-attr]
    assert (meta.camera_make, meta.camera_model, meta.capture_time) == (make, model, when)
    # The time is the camera's wall clock, as written, whether or not the file gives its offset.
    assert meta.capture_time is not None and meta.capture_time.tzinfo == when.tzinfo
    assert wall_clock(meta.capture_time) == when.replace(tzinfo=None)
    assert meta == read_metadata(outcome.path)  # the one-pass reader and the plain one agree


def test_heic_is_upright_and_portrait_shaped(corpus_results: dict[str, Outcome]) -> None:
    outcome = corpus_results["exif-samples/heic/mobile/iphone_13_pro_max.HEIC"]
    meta = outcome.analysis.metadata  # type: ignore[union-attr]
    assert meta.format is ImageFormat.HEIF
    assert (meta.width, meta.height, meta.orientation) == (3024, 4032, 1)
    with Image.open(outcome.analysis.thumbnails[ThumbSize.GRID]) as grid:  # type: ignore[union-attr]
        assert grid.size == (192, 256)


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_samples(corpus_results: dict[str, Outcome], shape: str, orientation: int) -> None:
    outcome = corpus_results[f"exif-samples/jpg/orientation/{shape}_{orientation}.jpg"]
    assert outcome.analysis is not None, outcome.error
    assert outcome.analysis.metadata.orientation == orientation
    with Image.open(outcome.analysis.thumbnails[ThumbSize.GRID]) as grid:
        width, height = grid.size
    assert (width > height) == (shape == "landscape")


def test_press_fields_from_real_files(corpus_dir: Path) -> None:
    iptc = read_metadata(corpus_dir / "exiftool-images" / "IPTC.jpg")
    assert iptc.caption == "A witty caption"
    assert iptc.headline == "No headline"
    assert iptc.byline == "Phil Harvey"
    assert iptc.credit == "My Credit"
    assert iptc.keywords == ["ExifTool", "Test", "IPTC"]
    assert iptc.copyright == "Copyright 2004 Phil Harvey"
    # IPTC stored in a TIFF as LONG values (Pillow alone would keep only the first number).
    tiff = read_metadata(corpus_dir / "exiftool-images" / "ExifTool.tif")
    assert tiff.caption == "The picture caption" and tiff.keywords == ["exiftool", "test", "picture"]
    # XMP in a PNG chunk after the image data.
    assert read_metadata(corpus_dir / "exiftool-images" / "PNG.png").byline == "Phil Harvey"


def test_malformed_exif_files_still_give_pixels(corpus_results: dict[str, Outcome]) -> None:
    for name in (
        "exif-samples/jpg/tests/87_OSError.jpg",
        "exif-samples/jpg/tests/36-memory_error.jpg",
        "exif-samples/jpg/corrupted.jpg",
    ):
        outcome = corpus_results[name]
        assert outcome.analysis is not None, f"{name}: {outcome.error}"
        assert outcome.analysis.metadata.width > 1000


def test_metadata_from_the_scans_parse_equals_the_plain_read(corpus_results: dict[str, Outcome]) -> None:
    """At ingest the metadata takes its blocks from the privacy scan's parse of the file (one pass); on every
    real file both scan and analysis read, that gives exactly the fields of the plain read."""
    from photoarchive.media.containers import ParsedFile
    from photoarchive.media.decoding import open_image
    from photoarchive.media.metadata import metadata_from_image
    from photoarchive.privacy.scanning import read_file, scan_bytes

    compared, differ, formats = 0, {}, set()
    for key, outcome in corpus_results.items():
        if outcome.analysis is None:
            continue
        data = read_file(outcome.path)
        try:
            fmt, _findings, parsed = scan_bytes(data, outcome.path)
        except PhotoarchiveError:
            continue  # the scan refuses it: ingest falls back to the plain read
        with open_image(outcome.path, outcome.analysis.metadata.format) as image:
            one_pass = metadata_from_image(
                outcome.path, image, outcome.analysis.metadata.format, ParsedFile(data, fmt, parsed)
            )
        compared += 1
        formats.add(fmt)
        if one_pass != outcome.analysis.metadata:
            differ[key] = (one_pass, outcome.analysis.metadata)
    assert differ == {}
    assert compared >= 40
    # WebP and HEIF too: their blocks come from the scan's chunks / libheif container, not Pillow's.
    assert {"jpeg", "png", "tiff", "webp", "heif"} <= formats

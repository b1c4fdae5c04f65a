"""Every JPEG, PNG, TIFF, WebP and HEIC of the real-camera corpus through publish_copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CORPUS_DIR
from PIL import ImageChops, ImageStat
from privacy.helpers import (
    PRESS,
    exifread_tags,
    icc_of,
    orientation_of,
    pixels,
    sensitive_strings,
    without_icc,
)

from photoarchive.privacy import FindingKind, PressFields, PublishPolicy, StripRefused, publish_copy, scan

pytestmark = pytest.mark.corpus

SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif"}
# Damaged on purpose in the corpus: refused with a reason, nothing written.
DAMAGED = {
    "exif-samples/jpg/corrupted.jpg": "damaged",  # a run of 0xFF bytes and a bogus marker in the image data
    "exiftool-images/QuickTime.heic": "could not be decoded",  # a metadata sample without real image data
}


def _corpus_files() -> list[str]:
    if not CORPUS_DIR.is_dir():
        return ["(corpus absent)"]
    return sorted(
        p.relative_to(CORPUS_DIR).as_posix() for p in CORPUS_DIR.rglob("*") if p.suffix.lower() in SUFFIXES
    )


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("published æøå")


@pytest.mark.parametrize("rel", _corpus_files())
def test_publish_corpus_file(corpus_dir: Path, out_dir: Path, rel: str) -> None:
    source = corpus_dir / rel
    before = source.read_bytes()
    dest = out_dir / (rel.replace("/", "__"))
    if rel in DAMAGED:
        with pytest.raises(StripRefused, match=DAMAGED[rel]):
            publish_copy(source, dest, PublishPolicy(), PRESS)
        assert not dest.exists() and not dest.with_suffix(".jpg").exists()
        assert not [p for p in os.listdir(out_dir) if p.endswith(".partial")]
        return

    result = publish_copy(source, dest, PublishPolicy(), PRESS)
    out = result.dest.read_bytes()
    assert source.read_bytes() == before, "the source must be untouched"
    assert result.bytes_written == len(out)

    # Our own scan: nothing but the press stamp (and a device-naming colour profile, kept as colour).
    report = scan(result.dest, expected=PRESS)
    assert report.kinds <= {FindingKind.ICC_HARDWARE}, [f.describe() for f in report.findings]
    assert not any(k in report.kinds for k in (FindingKind.GPS, FindingKind.SERIAL, FindingKind.THUMBNAIL))

    # An independent reader: no GPS, maker note, thumbnail or serial.
    tags = exifread_tags(out)
    assert not [t for t in tags if t.startswith("GPS")]
    assert not [t for t in tags if "MakerNote" in t or "Thumbnail" in t or "serial" in t.lower()]

    # None of the source's personal strings anywhere in the bytes of the copy.
    searchable = without_icc(out)
    for value in sensitive_strings(before, PRESS):
        for encoded in {value.encode("utf-8"), value.encode("latin-1", "ignore")}:
            assert encoded not in searchable, f"{value!r} leaked into the copy"

    # Orientation and colour profile kept; pixels equal (re-encoded HEIC: nearly equal).
    if result.reencoded:
        assert result.format == "jpeg" and result.dest.suffix == ".jpg"
        import pillow_heif

        reference = pillow_heif.open_heif(source, convert_hdr_to_8bit=True).to_pillow().convert("RGB")
        copy = pixels(result.dest).convert("RGB")
        assert copy.size == reference.size
        assert max(ImageStat.Stat(ImageChops.difference(reference, copy)).mean) < 4.0
        return
    assert orientation_of(result.dest) == orientation_of(source)
    assert icc_of(result.dest) == icc_of(source)
    original = pixels(source)
    copy = pixels(result.dest)
    assert copy.mode == original.mode and copy.size == original.size
    assert copy.tobytes() == original.tobytes()


@pytest.mark.parametrize(
    "rel",
    ["exif-samples/jpg/gps/DSCN0010.jpg", "exiftool-images/PNG.png", "exif-samples/tiff/Crémieux11.tiff"],
)
def test_copy_without_press_fields_scans_completely_clean(corpus_dir: Path, tmp_path: Path, rel: str) -> None:
    result = publish_copy(corpus_dir / rel, tmp_path / Path(rel).name, PublishPolicy(), PressFields())
    assert scan(result.dest).kinds <= {FindingKind.ICC_HARDWARE}


def test_known_personal_data_is_found(corpus_dir: Path) -> None:
    gps = scan(corpus_dir / "exif-samples/jpg/gps/DSCN0010.jpg")
    assert gps.has_gps and any(
        "N" in f.excerpt and "E" in f.excerpt for f in gps.findings if f.kind is FindingKind.GPS
    )
    assert scan(corpus_dir / "exif-samples/jpg/Canon_40D.jpg").has_gps  # an empty GPS directory still counts
    assert scan(corpus_dir / "exif-samples/heic/IMG_5195.HEIC").has_gps
    owner = scan(corpus_dir / "exif-samples/jpg/exif-org/canon-ixus.jpg")
    assert FindingKind.MAKER_NOTE in owner.kinds
    serial = scan(corpus_dir / "exif-samples/jpg/tests/87_OSError.jpg")
    assert serial.has_serial and serial.has_gps
    city = scan(corpus_dir / "exif-samples/jpg/long_description.jpg")
    assert any("KANDAHAR" in f.excerpt for f in city.findings if f.kind is FindingKind.LOCATION)
    iptc = scan(corpus_dir / "exiftool-images/IPTC.jpg")
    assert {FindingKind.LOCATION, FindingKind.OWNER} <= iptc.kinds
    assert FindingKind.TRAILER in scan(corpus_dir / "exiftool-images/FotoStation.jpg").kinds
    assert FindingKind.COMMENT in scan(corpus_dir / "exif-samples/jpg/exif-org/kodak-dc210.jpg").kinds
    assert FindingKind.TEXT_CHUNK in scan(corpus_dir / "exiftool-images/PNG.png").kinds
    history = scan(corpus_dir / "exif-samples/jpg/xmp/BlueSquare.jpg")
    assert {FindingKind.XMP_HISTORY, FindingKind.DOCUMENT_ID, FindingKind.THUMBNAIL} <= history.kinds
    assert FindingKind.GPS in scan(corpus_dir / "exiftool-images/GeoTiff.tif").kinds

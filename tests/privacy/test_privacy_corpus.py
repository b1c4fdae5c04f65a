"""Every JPEG, PNG, TIFF, WebP and HEIC of the real-camera corpus through publish_copy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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
from privacy.icc_check import assert_same_colour

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
    if icc_of(source):  # rebuilt from its colour tags: other bytes, the same colours
        assert_same_colour(icc_of(source), icc_of(result.dest))
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
    # A GPS directory without a position is removed (GPS_FIELDS) but is not a position: no GPS badge.
    empty = scan(corpus_dir / "exif-samples/jpg/Canon_40D.jpg")
    assert not empty.has_gps and FindingKind.GPS_FIELDS in empty.kinds
    assert scan(corpus_dir / "exif-samples/heic/IMG_5195.HEIC").has_gps
    owner = scan(corpus_dir / "exif-samples/jpg/exif-org/canon-ixus.jpg")
    assert FindingKind.MAKER_NOTE in owner.kinds
    # Inside maker notes: Canon owner name, Olympus body/internal/lens serials, Nikon body serial.
    assert any(
        f.excerpt == "Tom Rowan and Sarah Clifton" for f in owner.findings if f.kind is FindingKind.OWNER
    )
    olympus = scan(corpus_dir / "exif-samples/jpg/tests/42_IndexError.jpg")
    assert {"SerialNumber", "InternalSerialNumber", "LensSerialNumber"} <= {
        f.tag for f in olympus.findings if f.kind is FindingKind.SERIAL
    }
    assert scan(corpus_dir / "exiftool-images/NikonD2Hs.jpg").has_serial
    serial = scan(corpus_dir / "exif-samples/jpg/tests/87_OSError.jpg")
    assert serial.has_serial and serial.has_gps
    city = scan(corpus_dir / "exif-samples/jpg/long_description.jpg")
    assert any("KANDAHAR" in f.excerpt for f in city.findings if f.kind is FindingKind.LOCATION)
    iptc = scan(corpus_dir / "exiftool-images/IPTC.jpg")
    assert {FindingKind.LOCATION, FindingKind.OWNER} <= iptc.kinds
    assert FindingKind.TRAILER in scan(corpus_dir / "exiftool-images/FotoStation.jpg").kinds
    assert FindingKind.COMMENT in scan(corpus_dir / "exif-samples/jpg/exif-org/kodak-dc210.jpg").kinds
    png = scan(corpus_dir / "exiftool-images/PNG.png")  # a PNG text chunk, named by what its keyword holds
    assert ("PNG tEXt", "comment", "test comment") in [(f.where, f.tag, f.excerpt) for f in png.findings]
    history = scan(corpus_dir / "exif-samples/jpg/xmp/BlueSquare.jpg")
    assert {FindingKind.XMP_HISTORY, FindingKind.DOCUMENT_ID, FindingKind.THUMBNAIL} <= history.kinds
    assert FindingKind.GPS in scan(corpus_dir / "exiftool-images/GeoTiff.tif").kinds


# What ExifTool may report in a published copy: file facts, colour, image layout, the press stamp.
_ALLOWED_GROUPS = {
    "SourceFile", "ExifTool", "System", "File", "Composite", "JFIF", "Adobe", "ICC_Profile", "ICC-header",
    "ICC-meas", "ICC-view", "ICC-chrm", "ICC-clrt", "IFD0", "XMP-dc", "XMP-photoshop", "XMP-xmpRights",
    "IPTC", "PNG", "RIFF", "XMP-x",
}  # fmt: skip
_ALLOWED_IFD0 = {
    "Orientation", "Artist", "Copyright", "ImageWidth", "ImageHeight", "BitsPerSample", "Compression",
    "PhotometricInterpretation", "StripOffsets", "SamplesPerPixel", "RowsPerStrip", "StripByteCounts",
    "PlanarConfiguration", "XResolution", "YResolution", "ResolutionUnit", "Predictor", "ColorMap",
    "ExtraSamples", "SampleFormat", "SubfileType", "FillOrder", "TileWidth", "TileLength", "TileOffsets",
    "TileByteCounts", "YCbCrCoefficients", "YCbCrSubSampling", "YCbCrPositioning", "ReferenceBlackWhite",
    "TransferFunction", "WhitePoint", "PrimaryChromaticities", "JPEGTables", "InkSet", "MinSampleValue",
    "MaxSampleValue", "Thresholding", "T4Options", "T6Options", "GrayResponseUnit", "GrayResponseCurve",
    "OldSubfileType", "ApplicationNotes", "IPTC-NAA",
}  # fmt: skip
_DENIED_WORDS = ("GPS", "Serial", "Owner", "Thumbnail", "Preview", "City", "Country", "Location", "Maker",
                 "History", "DocumentID", "InstanceID", "Software", "Lens", "Comment", "Region", "Contact")  # fmt: skip


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_exiftool_sees_only_allowlisted_tags_in_every_copy(corpus_dir: Path, tmp_path: Path) -> None:
    """An independent reader over every published copy of the corpus, in one ExifTool run."""
    made = 0
    for rel in _corpus_files():
        if rel in DAMAGED:
            continue
        publish_copy(corpus_dir / rel, tmp_path / rel.replace("/", "__"), PublishPolicy(fsync=False), PRESS)
        made += 1
    run = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", "-u", "-q", "-q", str(tmp_path)], capture_output=True
    )
    records = json.loads(run.stdout.decode("utf-8"))
    assert len(records) == made
    problems = []
    for record in records:
        name = Path(record["SourceFile"]).name
        for key in record:
            group, _, tag = key.partition(":")
            if group not in _ALLOWED_GROUPS:
                problems.append(f"{name}: {key}")
            elif group == "IFD0" and tag not in _ALLOWED_IFD0:
                problems.append(f"{name}: {key}")
            elif group in ("Composite", "XMP-dc", "XMP-photoshop", "IPTC", "PNG", "RIFF", "IFD0") and any(
                w.lower() in tag.lower() for w in _DENIED_WORDS
            ):
                problems.append(f"{name}: {key}")
        for key in ("XMP-dc:Description", "IPTC:Caption-Abstract"):
            if key in record:
                assert record[key] == PRESS.caption, (name, key)
    assert not problems, problems[:20]

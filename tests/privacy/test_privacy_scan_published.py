"""The published copy must be clean: `inspect` (the scan) on the stripped copy of every planted input, of the
privacy tests' usual inputs and of the corpus finds nothing — and the planted bytes are not in it.

Every case, hidden bytes inside kept segments and chunks and names in ICC profiles included, must come out
clean: the writer re-serialises what it keeps and rebuilds the ICC profile.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import factory
import pytest
from conftest import CORPUS_DIR
from privacy import planted
from privacy.helpers import PRESS

from photoarchive.privacy import FindingKind, PublishPolicy, StripRefused, publish_copy, scan

K = FindingKind
NAME = planted.NAME.encode()


def _acropalypse(tmp: Path) -> Path:
    return planted.acropalypse(tmp / "crop.jpg")[0]


def _acropalypse_marker(path: Path) -> bytes:
    return path.read_bytes()[-64:-2]  # the old picture's last entropy-coded bytes


CASES: list[tuple[str, Callable[[Path], Path], FindingKind, bytes | Callable[[Path], bytes]]] = [
    ("interop serial", lambda t: planted.jpeg_with_exif(t / "i.jpg", planted.interop_exif(
        {0xA420: (factory.ASCII, planted.SERIAL)})), K.SERIAL, planted.SERIAL.encode()),  # fmt: skip
    ("gps version only", lambda t: planted.jpeg_with_exif(t / "g.jpg", factory.build_exif(
        {}, gps={0: (factory.BYTE, [2, 2, 0, 0])})), K.GPS_FIELDS, b""),  # fmt: skip
    ("png author and gps", lambda t: planted.png(t / "a.png", [("tEXt", "Author", planted.NAME),
        ("iTXt", "GPS", "59.2,9.6")]), K.OWNER, NAME),  # fmt: skip
    ("imagemagick raw exif", lambda t: planted.imagemagick_exif_png(t / "im.png"), K.SERIAL,
     factory.BODY_SERIAL.encode()),
    ("c2pa json", lambda t: planted.jpeg_with_c2pa(t / "c.jpg", "json"), K.OWNER, NAME),
    ("c2pa cbor", lambda t: planted.jpeg_with_c2pa(t / "c.jpg", "cbor"), K.OWNER, NAME),
    ("xmp location shown", lambda t: factory.make_photo(t / "x.jpg", exif=False, xmp=planted.LOCATION_SHOWN_XMP),
     K.GPS, b"59,12.0N"),
    ("mpf secondary image", lambda t: planted.mpf_with_secondary(t / "m.jpg"), K.GPS,
     factory.BODY_SERIAL.encode()),
    ("acropalypse tail", _acropalypse, K.TRAILER, _acropalypse_marker),
    ("com between scans", lambda t: planted.segment_between_scans(t / "p.jpg", 0xFE, NAME), K.COMMENT, NAME),
    ("app9 between scans", lambda t: planted.segment_between_scans(t / "p.jpg", 0xE9, b"V\x00" + NAME, 1),
     K.UNKNOWN_SEGMENT, NAME),
    ("jpeg trailer", lambda t: planted.after_end(t / "t.jpg", "JPEG"), K.TRAILER, NAME),
    ("png after iend", lambda t: planted.after_end(t / "t.png", "PNG"), K.TRAILER, NAME),
    ("webp after riff", lambda t: planted.after_end(t / "t.webp", "WEBP"), K.TRAILER, NAME),
    ("dnl with text", lambda t: planted.dnl_with_text(t / "d.jpg"), K.HIDDEN_DATA, NAME),
    ("second icc chunk", lambda t: planted.second_icc_chunk(t / "icc.jpg"), K.HIDDEN_DATA, NAME),
    ("png phys extra bytes", lambda t: planted.phys_with_extra_bytes(t / "p.png"), K.HIDDEN_DATA, NAME),
    ("png idat after stream", lambda t: planted.idat_after_stream(t / "z.png"), K.HIDDEN_DATA,
     zlib.compress(NAME)),
    ("tiff jpeg strip", lambda t: planted.tiff_with_jpeg_strip(t / "j.tif"), K.GPS, NAME),
    ("webp frame unknown chunk", lambda t: planted.webp_frame_with_unknown_chunk(t / "a.webp"),
     K.UNKNOWN_SEGMENT, NAME),
    ("icc cprt name", lambda t: planted.jpeg_with_icc(t / "c.jpg", planted.icc_with(
        {b"cprt": planted.text_tag(f"(c) {planted.NAME}")})), K.ICC_HARDWARE, NAME),
    ("icc meta edid serial", lambda t: planted.jpeg_with_icc(t / "m.jpg", planted.icc_with(
        {b"meta": planted.dict_tag({"EDID_serial": planted.SERIAL})})), K.ICC_HARDWARE,
     planted.SERIAL.encode("utf-16-be")),
    ("icc in png named for a monitor", lambda t: planted.png_iccp_named(t / "n.png", f"{planted.NAME} monitor"),
     K.ICC_HARDWARE, NAME),
]  # fmt: skip


def _params() -> list:  # type: ignore[type-arg]
    return [pytest.param(build, kind, marker, id=case_id) for case_id, build, kind, marker in CASES]


def _published_copy_is_clean(source: Path, out: Path, marker: bytes = b"") -> None:
    try:
        result = publish_copy(source, out, PublishPolicy(), PRESS)
    except StripRefused as exc:
        pytest.fail(f"no copy was published: {exc}")
    report = scan(result.dest, expected=PRESS)
    assert report.clean, [f.describe() for f in report.findings]
    if marker:
        assert marker not in result.dest.read_bytes()


@pytest.mark.parametrize("build, kind", [pytest.param(b, k, id=i) for i, b, k, _ in CASES])
def test_inspect_names_what_was_planted(tmp_path: Path, build, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in scan(build(tmp_path)).kinds


@pytest.mark.parametrize("build, kind, marker", _params())
def test_published_copy_of_a_planted_input_is_clean(tmp_path: Path, build, kind, marker) -> None:  # type: ignore[no-untyped-def]
    source = build(tmp_path)
    marker = marker(source) if callable(marker) else marker
    _published_copy_is_clean(source, tmp_path / f"published{source.suffix}", marker)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP", "HEIF"])
def test_copy_of_a_photo_with_everything_is_clean(tmp_path: Path, fmt: str) -> None:
    """The usual input of the privacy tests: GPS, serials, owner, thumbnail, XMP history, IPTC, comment."""
    source = factory.make_photo(
        tmp_path / f"alt{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, gps=True, serial=True, owner=True,
        thumbnail=True, xmp=factory.xmp_packet(city="Skien", history=True),
        iptc={"byline": planted.NAME, "city": "Skien"}, comment=planted.NAME,
    )  # fmt: skip
    report = scan(source)
    assert report.has_gps and report.has_serial and report.has_owner
    _published_copy_is_clean(source, tmp_path / f"published{source.suffix}", factory.BODY_SERIAL.encode())


_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif"}
_DAMAGED = {"exif-samples/jpg/corrupted.jpg", "exiftool-images/QuickTime.heic"}


def _corpus() -> list[str]:
    if not CORPUS_DIR.is_dir():
        return ["(corpus absent)"]
    return sorted(
        p.relative_to(CORPUS_DIR).as_posix()
        for p in CORPUS_DIR.rglob("*")
        if p.suffix.lower() in _SUFFIXES and p.relative_to(CORPUS_DIR).as_posix() not in _DAMAGED
    )


@pytest.mark.corpus
@pytest.mark.parametrize("rel", _corpus())
def test_copy_of_every_corpus_file_scans_clean(corpus_dir: Path, tmp_path: Path, rel: str) -> None:
    result = publish_copy(corpus_dir / rel, tmp_path / Path(rel).name, PublishPolicy(), PRESS)
    report = scan(result.dest, expected=PRESS)
    if report.kinds == {K.ICC_HARDWARE}:
        pytest.xfail("")
    assert report.clean, [f.describe() for f in report.findings]


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_exiftool_finds_nothing_planted_in_the_copies(tmp_path: Path) -> None:
    """A second witness over the copies of every planted input."""
    out = tmp_path / "copies"
    out.mkdir()
    for index, (_, build, _, _) in enumerate(CASES):
        work = tmp_path / f"in{index}"
        work.mkdir()
        source = build(work)
        publish_copy(source, out / f"{index}{source.suffix}", PublishPolicy(), PRESS)
    run = subprocess.run(["exiftool", "-j", "-G1", "-a", "-u", "-q", "-q", str(out)], capture_output=True)
    records = json.loads(run.stdout.decode("utf-8"))
    assert len(records) == len(CASES)
    planted_values = (planted.NAME, planted.SERIAL, factory.BODY_SERIAL, "59,12.0N")
    vendor_groups = {"JUMBF", "JSON", "CBOR", "MPF0", "MPImage2", "CIFF", "GoPro", "FLIR", "InfiRay", "GPS", "Reconyx",
                     "PictureInfo", "Ducky", "MakerNotes", "Photoshop", "XMP-Iptc4xmpExt", "XMP-exif", "Trailer"}  # fmt: skip
    problems = []
    for record in records:
        for key, value in record.items():
            group = key.partition(":")[0]
            if group in vendor_groups or any(v in str(value) for v in planted_values):
                problems.append(f"{Path(record['SourceFile']).name}: {key}={str(value)[:60]}")
    assert not problems, problems

"""`inspect` reads the whole file: what hides after the end or between the scans of a large file is named."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import factory
import pytest
from PIL import Image
from privacy import planted

from photoarchive.errors import CorruptImage
from photoarchive.privacy import FindingKind, PublishPolicy, publish_copy, scan
from photoarchive.privacy import jpeg as jpeg_mod

K = FindingKind
MARKER = planted.NAME


def test_acropalypse_tail_after_the_end_is_reported(tmp_path: Path) -> None:
    """A cropped picture written over a longer original: the old picture's end is still after the new EOI."""
    path, leftover = planted.acropalypse(tmp_path / "beskåret.jpg")
    assert path.stat().st_size > planted.BIG and leftover > 0
    report = scan(path)
    [tail] = [f for f in report.findings if f.kind is K.TRAILER]
    assert tail.note == "bytes_showing"
    assert dict(tail.params)["count"] == str(leftover)
    # And the published copy ends where the image ends.
    copy = publish_copy(path, tmp_path / "ut.jpg", PublishPolicy())
    assert K.TRAILER in {f.kind for f in copy.removed}
    assert scan(copy.dest).clean


def test_comment_between_scans_is_reported(tmp_path: Path) -> None:
    data = planted.large_jpeg(progressive=True)
    layout = jpeg_mod.parse(data)
    scans = [s for s in layout.segments if s.marker == jpeg_mod.SOS]
    assert len(scans) > 2
    at = scans[2].start
    com = factory.app_segment(0xFE, f"fotograf {MARKER}".encode())
    path = tmp_path / "progressiv.jpg"
    path.write_bytes(data[:at] + com + data[at:])
    report = scan(path)
    assert [(f.where, f.excerpt) for f in report.findings] == [
        ("JPEG comment between scans", f"fotograf {MARKER}")
    ]
    copy = publish_copy(path, tmp_path / "ut.jpg", PublishPolicy())
    assert MARKER.encode() not in copy.dest.read_bytes()


def test_unknown_segment_between_scans_is_reported(tmp_path: Path) -> None:
    data = planted.large_jpeg(progressive=True, seed=1)
    at = [s for s in jpeg_mod.parse(data).segments if s.marker == jpeg_mod.SOS][1].start
    path = tmp_path / "app9.jpg"
    path.write_bytes(data[:at] + factory.app_segment(0xE9, b"VENDOR\x00" + MARKER.encode()) + data[at:])
    [found] = [f for f in scan(path).findings if f.kind is K.UNKNOWN_SEGMENT]
    assert found.where == "APP9 between scans" and MARKER in found.excerpt


@pytest.mark.parametrize("appended", [b"SEFT trailer with " + MARKER.encode(), None])
def test_data_appended_to_a_large_jpeg(tmp_path: Path, appended: bytes | None) -> None:
    data = planted.large_jpeg()
    if appended is None:  # a second JPEG with a GPS position, appended without any index
        appended = factory.make_photo(tmp_path / "liten.jpg", size=(32, 32), gps=True).read_bytes()
    path = tmp_path / "stor.jpg"
    path.write_bytes(data + appended)
    report = scan(path)
    if appended.startswith(b"\xff\xd8"):
        assert K.EMBEDDED_IMAGE in report.kinds and report.has_gps
    else:
        assert [f.kind for f in report.findings] == [K.TRAILER]
        assert MARKER in report.findings[0].excerpt


def test_data_after_webp_riff_end_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.webp"
    Image.new("RGB", (16, 16), (9, 9, 9)).save(path, "WEBP")
    data = path.read_bytes()
    (size,) = struct.unpack("<I", data[4:8])
    assert 8 + size == len(data)
    path.write_bytes(data + b"\x00\x00" + MARKER.encode())
    [tail] = [f for f in scan(path).findings if f.kind is K.TRAILER]
    assert MARKER in tail.excerpt and tail.where == "after RIFF end"


def test_truncated_large_jpeg_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "kort.jpg"
    data = planted.large_jpeg()
    path.write_bytes(data[: len(data) * 7 // 10])
    with pytest.raises(CorruptImage, match="truncated"):
        scan(path)


def test_a_trailer_of_fake_start_markers_is_one_trailer(tmp_path: Path) -> None:
    path = tmp_path / "falsk.jpg"
    factory.make_pixels((16, 16)).save(path, "JPEG")
    path.write_bytes(path.read_bytes() + b"\xff\xd8\xff" * 100_000)
    [tail] = scan(path).findings
    assert tail.kind is K.TRAILER and dict(tail.params)["count"] == "300000"


def test_damaged_variants_of_planted_files_fail_only_with_our_errors(tmp_path: Path) -> None:
    """Random byte damage in files with vendor blocks: every failure is a message for the user, never a crash."""
    from photoarchive.errors import PhotoarchiveError
    from photoarchive.privacy import scan_bytes

    rng = random.Random(7)
    seeds = [planted.jpeg_with_c2pa(tmp_path / "c.jpg"), planted.mpf_with_secondary(tmp_path / "m.jpg"),
             planted.imagemagick_exif_png(tmp_path / "i.png"), planted.tiff_with_jpeg_strip(tmp_path / "t.tif"),
             planted.webp_frame_with_unknown_chunk(tmp_path / "a.webp")]  # fmt: skip
    for seed in seeds:
        data = seed.read_bytes()
        for _ in range(60):
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 6)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            try:
                scan_bytes(bytes(damaged))
            except PhotoarchiveError:
                pass

"""The quick scan of large JPEGs (header and last bytes only) must report exactly what a full read does."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest

from photoarchive.errors import CorruptImage
from photoarchive.privacy import FindingKind, scan, scan_bytes
from photoarchive.privacy import scanning as scan_mod


@pytest.fixture(autouse=True)
def small_quick_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small files take the large-file path too, so the tests stay fast.
    monkeypatch.setattr(scan_mod, "QUICK_HEAD", 32 * 1024)


def _photo(tmp_path: Path, name: str = "stor.jpg") -> Path:
    return factory.make_photo(tmp_path / name, size=(800, 600), gps=True, serial=True, owner=True, thumbnail=True,
                              xmp=factory.xmp_packet(city="Skien", history=True), icc=True, comment="Ola")  # fmt: skip


def test_quick_scan_equals_full_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _photo(tmp_path)
    calls = []
    real = scan_mod.read_file
    monkeypatch.setattr(scan_mod, "read_file", lambda p: calls.append(p) or real(p))
    report = scan(src)
    assert calls == [], "a plain large JPEG must not be read in full"
    assert report.findings == scan_bytes(src.read_bytes())[1]
    assert report.has_gps and report.has_serial and FindingKind.THUMBNAIL in report.kinds


@pytest.mark.parametrize(
    "tail, kind",
    [
        (b"SEFT trailer with Kari Nordmann", FindingKind.TRAILER),
        (None, FindingKind.EMBEDDED_IMAGE),  # a second JPEG appended without any index
    ],
)
def test_appended_data_falls_back_to_a_full_read(
    tmp_path: Path, tail: bytes | None, kind: FindingKind
) -> None:
    src = _photo(tmp_path)
    data = src.read_bytes()
    appended = (
        tail if tail is not None else factory.make_photo(tmp_path / "liten.jpg", size=(32, 32)).read_bytes()
    )
    src.write_bytes(data + appended)
    assert kind in scan(src).kinds


def test_truncated_large_jpeg_is_still_an_error(tmp_path: Path) -> None:
    src = factory.truncate(_photo(tmp_path), 0.7)
    with pytest.raises(CorruptImage, match="truncated"):
        scan(src)

"""Bad input: a clear error, nothing at the destination, the source untouched."""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

import factory
import pytest
from privacy.helpers import PRESS

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.privacy import (
    FindingKind,
    PublishPolicy,
    SourceUnreadable,
    StripRefused,
    VerificationFailed,
    publish_copy,
    scan,
)
from photoarchive.privacy import publish as publish_mod


def _jpeg(tmp_path: Path, name: str = "alt.jpg") -> Path:
    return factory.make_photo(tmp_path / name, gps=True, owner=True, thumbnail=True)


def _assert_refused(src: Path, tmp_path: Path, match: str) -> None:
    digest = hashlib.sha256(src.read_bytes()).hexdigest() if src.exists() else None
    out = tmp_path / "ut"
    out.mkdir(exist_ok=True)
    with pytest.raises(StripRefused, match=match) as info:
        publish_copy(src, out / "copy.jpg", PublishPolicy(), PRESS)
    assert str(src) in str(info.value)
    assert list(out.iterdir()) == [], "nothing may be left at the destination"
    if digest is not None:
        assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def test_truncated_jpeg(tmp_path: Path) -> None:
    src = factory.truncate(_jpeg(tmp_path), 0.6)
    with pytest.raises(CorruptImage, match="truncated"):
        scan(src)
    _assert_refused(src, tmp_path, "truncated")


def test_segment_length_past_end(tmp_path: Path) -> None:
    src = tmp_path / "alt.jpg"
    src.write_bytes(b"\xff\xd8\xff\xe1\xff\xf0Exif\x00\x00II*\x00")
    _assert_refused(src, tmp_path, "past the end")


def test_huge_app_segments_are_dropped(tmp_path: Path) -> None:
    """Hundreds of maximum-size APP segments (16 MB of junk) are parsed, reported and dropped."""
    src = _jpeg(tmp_path)
    data = src.read_bytes()
    junk = factory.app_segment(0xE9, b"JUNK" * (65533 // 4))
    src.write_bytes(data[:2] + junk * 250 + data[2:])
    assert FindingKind.UNKNOWN_SEGMENT in scan(src).kinds
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS)
    assert result.bytes_written < len(data) + 20_000 and b"JUNK" not in result.dest.read_bytes()


def test_garbage_after_eoi_is_dropped(tmp_path: Path) -> None:
    src = _jpeg(tmp_path)
    src.write_bytes(src.read_bytes() + b"\x00garbage Kari Nordmann " * 100)
    assert FindingKind.TRAILER in scan(src).kinds
    out = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS).dest.read_bytes()
    assert out.endswith(b"\xff\xd9") and b"garbage" not in out


def test_zero_byte_file(tmp_path: Path) -> None:
    src = tmp_path / "tom.jpg"
    src.write_bytes(b"")
    with pytest.raises(UnsupportedFile, match="empty"):
        scan(src)
    _assert_refused(src, tmp_path, "empty")


@pytest.mark.parametrize("kind", ["pdf", "docx", "text"])
def test_non_image_with_photo_extension(tmp_path: Path, kind: str) -> None:
    src = factory.make_not_an_image(tmp_path / "bilde.jpg", kind)
    with pytest.raises(UnsupportedFile):
        scan(src)
    _assert_refused(src, tmp_path, "not a JPEG, PNG, TIFF, WebP or HEIC")


@pytest.mark.parametrize("maker", [factory.make_jpeg_bomb, factory.make_png_bomb])
def test_decompression_bomb(tmp_path: Path, maker) -> None:
    src = maker(tmp_path / "bombe.img")
    with pytest.raises(ImageTooLarge):
        scan(src)
    _assert_refused(src, tmp_path, "MP limit")
    with pytest.raises(StripRefused, match="MP limit"):
        publish_copy(src, tmp_path / "web.jpg", PublishPolicy(max_size=500), PRESS)


def test_corrupt_png_checksum(tmp_path: Path) -> None:
    src = factory.make_photo(tmp_path / "alt.png", fmt="PNG")
    data = bytearray(src.read_bytes())
    data[data.index(b"IDAT") + 10] ^= 0xFF
    src.write_bytes(bytes(data))
    _assert_refused(src, tmp_path, "checksum")


def test_source_missing(tmp_path: Path) -> None:
    with pytest.raises(SourceUnreadable):
        scan(tmp_path / "borte.jpg")
    _assert_refused(tmp_path / "borte.jpg", tmp_path, "does not exist")


def test_source_vanishes_while_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jpeg(tmp_path)
    real_fstat = os.fstat

    def growing(fd: int):  # the file reports another size than what is read: a copy still in progress
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
                               st.st_size + 4096, st.st_atime, st.st_mtime, st.st_ctime))  # fmt: skip

    monkeypatch.setattr(os, "fstat", growing)
    _assert_refused(src, tmp_path, "changed while it was being read")


def test_destination_folder_vanishes_before_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jpeg(tmp_path)
    out = tmp_path / "ut"
    out.mkdir()

    def fail_replace(a, b):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(publish_mod.os, "replace", fail_replace)
    with pytest.raises(StripRefused, match="could not be put in place"):
        publish_copy(src, out / "copy.jpg", PublishPolicy(), PRESS)
    assert list(out.iterdir()) == []


def test_missing_destination_folder(tmp_path: Path) -> None:
    with pytest.raises(StripRefused, match="does not exist"):
        publish_copy(_jpeg(tmp_path), tmp_path / "nowhere" / "copy.jpg", PublishPolicy(), PRESS)


def test_a_copy_failing_verification_is_thrown_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the writer ever let a block through, the check catches it and nothing is published."""
    real = publish_mod.jpeg_write.rewrite

    def leaky(*args, **kwargs):
        pieces = real(*args, **kwargs)
        return [pieces[0], b"\xff\xfe\x00\x0fKari Nordmann", *pieces[1:]]

    monkeypatch.setattr(publish_mod.jpeg_write, "rewrite", leaky)
    src = _jpeg(tmp_path)
    with pytest.raises(VerificationFailed, match="still carries"):
        publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS)
    assert not (tmp_path / "ut.jpg").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_changed_image_data_fails_verification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = publish_mod.jpeg_write.rewrite

    def flip(*args, **kwargs):
        pieces = real(*args, **kwargs)
        last = bytearray(pieces[-2])
        last[-10] ^= 0x01
        return [*pieces[:-2], bytes(last), pieces[-1]]

    monkeypatch.setattr(publish_mod.jpeg_write, "rewrite", flip)
    with pytest.raises(VerificationFailed, match="image data differs"):
        publish_copy(_jpeg(tmp_path), tmp_path / "ut.jpg", PublishPolicy(), PRESS)


def test_destination_is_source(tmp_path: Path) -> None:
    src = _jpeg(tmp_path)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    with pytest.raises(StripRefused, match="source file itself"):
        publish_copy(src, src, PublishPolicy(), PRESS)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def test_unreadable_exif_is_reported_and_dropped(tmp_path: Path) -> None:
    src = tmp_path / "alt.jpg"
    base = factory.make_photo(tmp_path / "base.jpg", exif=False).read_bytes()
    broken = factory.app_segment(
        0xE1, b"Exif\x00\x00II*\x00" + struct.pack("<I", 0xFFFFFF) + b"Kari Nordmann"
    )
    src.write_bytes(base[:2] + broken + base[2:])
    assert FindingKind.UNKNOWN_SEGMENT in scan(src).kinds
    out = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS).dest.read_bytes()
    assert b"Kari" not in out


def test_copy_without_copy_file_range_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jpeg(tmp_path)
    first = publish_copy(src, tmp_path / "a.jpg", PublishPolicy(), PRESS).dest.read_bytes()
    monkeypatch.delattr(os, "copy_file_range", raising=False)
    second = publish_copy(src, tmp_path / "b.jpg", PublishPolicy(), PRESS).dest.read_bytes()
    assert first == second

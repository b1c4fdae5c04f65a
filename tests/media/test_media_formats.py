"""Format sniffing from magic bytes, never from the file name."""

from __future__ import annotations

import struct
from pathlib import Path

import factory
import pytest

from photoarchive.media.formats import SNIFF_BYTES, ImageFormat, sniff_file, sniff_format


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("JPEG", ImageFormat.JPEG),
        ("PNG", ImageFormat.PNG),
        ("TIFF", ImageFormat.TIFF),
        ("WEBP", ImageFormat.WEBP),
        ("HEIF", ImageFormat.HEIF),
    ],
)
def test_factory_files_sniff_as_their_format(tmp_path: Path, fmt: str, expected: ImageFormat) -> None:
    # A misleading extension on purpose: only the bytes count.
    path = factory.make_photo(tmp_path / "bilde.dat", fmt=fmt, size=(64, 48), exif=False)
    assert sniff_file(path) is expected


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00" * 16


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (ftyp(b"heic", b"mif1", b"heic"), ImageFormat.HEIF),
        (ftyp(b"heix", b"mif1"), ImageFormat.HEIF),
        (ftyp(b"mif1", b"heic"), ImageFormat.HEIF),
        (ftyp(b"msf1", b"hevc"), ImageFormat.HEIF),
        (ftyp(b"hevc"), ImageFormat.HEIF),
        # AVIF lists mif1 too, but pillow-heif does not decode it: not ours.
        (ftyp(b"avif", b"mif1", b"miaf"), None),
        (ftyp(b"mif1", b"avif", b"miaf"), None),
        (ftyp(b"mif1", b"miaf"), ImageFormat.HEIF),
        (ftyp(b"crx ", b"isom"), None),  # Canon CR3 raw
        (ftyp(b"qt  "), None),  # QuickTime video
        (ftyp(b"isom", b"mp42"), None),  # MP4 video
        (b"II*\x00\x10\x00\x00\x00CR\x02\x00" + b"\x00" * 20, None),  # Canon CR2 raw
        (b"II*\x00\x08\x00\x00\x00" + b"\x00" * 24, ImageFormat.TIFF),
        (b"MM\x00*\x00\x00\x00\x08" + b"\x00" * 24, ImageFormat.TIFF),
        (b"II+\x00\x08\x00\x00\x00" + b"\x00" * 24, ImageFormat.TIFF),  # BigTIFF
        (b"%PDF-1.7\n" + b"\x00" * 30, None),
        (b"PK\x03\x04" + b"\x00" * 30, None),  # .docx / .zip
        (b"RIFF\x00\x00\x00\x00AVI LIST" + b"\x00" * 20, None),
        (b"GIF89a" + b"\x00" * 30, None),
        (b"BM" + b"\x00" * 30, None),
        (b"\xff\xd8", None),  # too short to be sure
        (b"", None),
    ],
)
def test_magic_bytes(head: bytes, expected: ImageFormat | None) -> None:
    assert sniff_format(head[:SNIFF_BYTES]) == expected


def test_non_images_from_factory(tmp_path: Path) -> None:
    for kind in ("pdf", "docx", "text"):
        assert sniff_file(factory.make_not_an_image(tmp_path / f"x.{kind}", kind)) is None


@pytest.mark.corpus
def test_corpus_heic_and_non_images(corpus_dir: Path) -> None:
    heics = sorted((corpus_dir / "exif-samples" / "heic").rglob("*.[hH][eE][iI][cCfF]"))
    assert heics
    for path in heics:
        assert sniff_file(path) is ImageFormat.HEIF, path
    tools = corpus_dir / "exiftool-images"
    for name in (
        "PDF.pdf",
        "OOXML.docx",
        "RIFF.avi",
        "CanonRaw.cr3",
        "CanonRaw.cr2",
        "Panasonic.rw2",
        "GIF.gif",
    ):
        assert sniff_file(tools / name) is None, name
    assert sniff_file(tools / "RIFF.webp") is ImageFormat.WEBP
    assert sniff_file(tools / "PNG.png") is ImageFormat.PNG

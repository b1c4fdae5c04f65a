"""Publishing files the tests make themselves: every kind of personal data, every container, every layout."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import zlib
from datetime import datetime
from pathlib import Path

import factory
import pytest
from PIL import Image
from privacy.helpers import PRESS, exifread_tags, pixels
from privacy.icc_check import assert_same_colour, lut_profile

from photoarchive.privacy import (
    Finding,
    FindingKind,
    PressFields,
    PublishPolicy,
    publish_copy,
    scan,
)
from photoarchive.privacy import jpeg as jpeg_mod
from photoarchive.privacy import png as png_mod

EXIFTOOL = shutil.which("exiftool") or ("/usr/bin/exiftool" if Path("/usr/bin/exiftool").exists() else None)


def _everything_jpeg(path: Path, **extra) -> Path:
    xmp = factory.xmp_packet(
        caption="Kari ved huset",
        byline=factory.OWNER_NAME,
        city="Skien",
        history=True,
        document_id="xmp.did:123abc",
    )
    iptc = {"byline": factory.OWNER_NAME, "city": "Porsgrunn", "country": "Norge", "caption": "Privat bilde"}
    return factory.make_photo(
        path, gps=True, serial=True, owner=True, thumbnail=True, xmp=xmp, iptc=iptc, icc=True,
        comment="Ola sitt kamera", capture_time=datetime(2024, 5, 17, 12, 30, 45), **extra,
    )  # fmt: skip


def _structural(path: Path) -> bytes:
    data = path.read_bytes()
    layout = jpeg_mod.parse(data)
    return b"".join(data[s.start : s.end] for s in layout.structural())


def test_scan_reports_each_kind_with_plain_descriptions(tmp_path: Path) -> None:
    report = scan(_everything_jpeg(tmp_path / "alt.jpg"))
    assert report.has_gps and report.has_serial and report.has_owner
    for kind in (FindingKind.THUMBNAIL, FindingKind.LOCATION, FindingKind.COMMENT, FindingKind.XMP_HISTORY,
                 FindingKind.DOCUMENT_ID, FindingKind.CAPTURE_DATE, FindingKind.DEVICE):  # fmt: skip
        assert kind in report.kinds, kind
    gps = next(f for f in report.findings if f.kind is FindingKind.GPS)
    assert gps.describe() == "GPS position 59.2° N 9.6° E"
    assert (
        Finding(FindingKind.SERIAL, "EXIF", "BodySerialNumber", "123").describe().startswith("Serial number")
    )
    assert all(f.describe() for f in report.findings)
    as_dict = report.to_dict()
    assert json.dumps(as_dict) and as_dict["clean"] is False


def test_jpeg_copy_is_clean_lossless_and_stamped(tmp_path: Path) -> None:
    src = _everything_jpeg(tmp_path / "alt.jpg", orientation=6)
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS)
    assert not result.reencoded and result.format == "jpeg"
    assert {FindingKind.GPS, FindingKind.SERIAL, FindingKind.OWNER, FindingKind.THUMBNAIL} <= {
        f.kind for f in result.removed
    }
    assert scan(result.dest, expected=PRESS).clean
    assert _structural(result.dest) == _structural(src)
    out = result.dest.read_bytes()
    for secret in (
        factory.OWNER_NAME,
        factory.BODY_SERIAL,
        factory.LENS_SERIAL,
        "Skien",
        "Porsgrunn",
        "Ola sitt",
    ):
        assert secret.encode() not in out
    with Image.open(result.dest) as im:
        assert im.getexif()[0x0112] == 6
        assert_same_colour(Image.open(src).info["icc_profile"], im.info["icc_profile"])
    tags = exifread_tags(out)
    assert "JPEGThumbnail" not in tags and not [t for t in tags if t.startswith("GPS")]
    assert "capture date" not in result.kept and b"2024:05:17" not in out


def test_keep_capture_date(tmp_path: Path) -> None:
    src = _everything_jpeg(tmp_path / "alt.jpg")
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(keep_capture_date=True), PRESS)
    assert "capture date" in result.kept
    assert scan(result.dest, expected=PRESS).kinds == {FindingKind.CAPTURE_DATE}
    with Image.open(result.dest) as im:
        exif = im.getexif().get_ifd(0x8769)
        xmp = im.info["xmp"]
    # The camera's wall-clock time and its offset (OffsetTimeOriginal), as the camera wrote them.
    assert (exif[0x9003], exif[0x9011]) == ("2024:05:17 12:30:45", "+02:00")
    assert b"<photoshop:DateCreated>2024-05-17T12:30:45+02:00</photoshop:DateCreated>" in xmp


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool not installed")
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP"])
def test_norwegian_press_fields_round_trip_in_exiftool(tmp_path: Path, fmt: str) -> None:
    src = factory.make_photo(tmp_path / f"alt{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, gps=True, owner=True)
    result = publish_copy(src, tmp_path / f"ut{factory.FORMAT_SUFFIX[fmt]}", PublishPolicy(), PRESS)
    run = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", str(result.dest)], capture_output=True, check=True)
    tags = json.loads(run.stdout.decode("utf-8"))[0]
    assert tags["XMP-dc:Description"] == PRESS.caption
    assert tags["XMP-photoshop:Headline"] == PRESS.headline
    assert tags["XMP-dc:Subject"] == PRESS.keywords
    assert tags["XMP-dc:Creator"] == PRESS.byline
    assert tags["XMP-photoshop:Credit"] == PRESS.credit
    assert tags["XMP-dc:Rights"] == PRESS.copyright
    assert tags["XMP-xmpRights:UsageTerms"] == PRESS.usage_terms
    if fmt in ("JPEG", "TIFF"):
        assert tags["IPTC:Caption-Abstract"] == PRESS.caption
        assert tags["IPTC:Headline"] == PRESS.headline
        assert tags["IPTC:Keywords"] == PRESS.keywords
        assert tags["IPTC:Credit"] == PRESS.credit
        assert tags["IPTC:CopyrightNotice"] == PRESS.copyright
        assert tags["IPTC:CodedCharacterSet"] == "UTF8"
    assert not [
        k for k in tags if k.startswith(("GPS", "XMP-exif", "Composite:GPS")) or "Serial" in k or "Owner" in k
    ]


def test_png_copy_keeps_image_chunks_and_drops_text(tmp_path: Path) -> None:
    src = factory.make_photo(tmp_path / "alt.png", fmt="PNG", gps=True, owner=True, icc=True,
                             xmp=factory.xmp_packet(city="Skien"), comment="Ola")  # fmt: skip
    data = src.read_bytes()
    # A tIME chunk and a zTXt comment, as editors write them.
    iend = data.rindex(b"IEND") - 4
    extra = png_mod.make_chunk(b"tIME", struct.pack(">HBBBBB", 2024, 5, 17, 12, 0, 0))
    extra += png_mod.make_chunk(b"zTXt", b"Author\x00\x00" + zlib.compress(factory.OWNER_NAME.encode()))
    src.write_bytes(data[:iend] + extra + data[iend:])
    before = scan(src)
    assert {
        FindingKind.COMMENT,  # the "Comment" text chunk
        FindingKind.OWNER,  # the zTXt "Author"
        FindingKind.CAPTURE_DATE,
        FindingKind.GPS,
        FindingKind.LOCATION,
    } <= before.kinds
    result = publish_copy(src, tmp_path / "ut.png", PublishPolicy(), PRESS)
    out = result.dest.read_bytes()
    assert scan(result.dest, expected=PRESS).clean
    chunks = png_mod.parse(out)
    assert {c.type for c in chunks} <= png_mod.KEEP | {b"iTXt", b"eXIf"}
    assert b"".join(png_mod.image_data(out, chunks)) == b"".join(
        png_mod.image_data(data, png_mod.parse(data))
    )
    assert pixels(result.dest).tobytes() == pixels(src).tobytes()
    assert factory.OWNER_NAME.encode() not in out and b"Skien" not in out


@pytest.mark.parametrize("fmt", ["TIFF", "WEBP"])
def test_tiff_and_webp_copies_are_clean_and_pixel_equal(tmp_path: Path, fmt: str) -> None:
    suffix = factory.FORMAT_SUFFIX[fmt]
    src = factory.make_photo(tmp_path / f"alt{suffix}", fmt=fmt, gps=True, serial=True, owner=True, icc=True,
                             xmp=factory.xmp_packet(city="Skien", byline=factory.OWNER_NAME), orientation=3,
                             iptc={"city": "Porsgrunn"} if fmt == "TIFF" else None)  # fmt: skip
    result = publish_copy(src, tmp_path / f"ut{suffix}", PublishPolicy(), PRESS)
    out = result.dest.read_bytes()
    assert scan(result.dest, expected=PRESS).clean
    assert pixels(result.dest).tobytes() == pixels(src).tobytes()
    for secret in (factory.OWNER_NAME, factory.BODY_SERIAL, "Skien", "Porsgrunn"):
        assert secret.encode() not in out
    with Image.open(result.dest) as im:
        assert im.getexif().get(0x0112) == 3
        assert_same_colour(Image.open(src).info["icc_profile"], im.info["icc_profile"])


def test_progressive_restart_cmyk_and_multi_segment_icc(tmp_path: Path) -> None:
    big_icc = lut_profile(grid=33)  # a profile larger than one APP2 segment: split over four
    cases = {
        "progressive.jpg": ("RGB", {"progressive": True}),
        "restart.jpg": ("RGB", {"restart_marker_blocks": 4}),
        "cmyk.jpg": ("CMYK", {}),
        "bigicc.jpg": ("RGB", {"icc_profile": bytes(big_icc)}),
    }
    for name, (mode, options) in cases.items():
        src = tmp_path / name
        factory.make_pixels((320, 200)).convert(mode).save(src, "JPEG", quality=88, **options)
        result = publish_copy(src, tmp_path / f"ut-{name}", PublishPolicy(), PRESS)
        assert _structural(result.dest) == _structural(src), name
        assert pixels(result.dest).tobytes() == pixels(src).tobytes(), name
        data = result.dest.read_bytes()
        if mode == "CMYK":
            assert b"Adobe" in data  # the colour-transform flag must stay with CMYK data
        if name == "bigicc.jpg":
            assert len(jpeg_mod.icc_segments(data, jpeg_mod.parse(data))) == 4
            assert_same_colour(big_icc, Image.open(result.dest).info["icc_profile"])
        if name == "restart.jpg":
            assert any(0xD0 <= data[i + 1] <= 0xD7 for i in range(len(data) - 1) if data[i] == 0xFF)


def test_every_extra_jpeg_block_is_dropped(tmp_path: Path) -> None:
    """JFIF thumbnail, JFXX, extended XMP, MPF index + secondary image, FlashPix, unknown APPn, COM, trailer."""
    base = io.BytesIO()
    factory.make_pixels((64, 48)).save(base, "JPEG", quality=90)
    body = base.getvalue()
    thumb = bytes([0x10, 0x20, 0x30] * 4)
    guid = b"0123456789ABCDEF0123456789ABCDEF"
    ext_xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:GImage="http://ns.google.com/photos/1.0/image/" GImage:Data="SECRETIMAGE"/></rdf:RDF></x:xmpmeta>'
    segments = [
        factory.app_segment(0xE0, b"JFIF\x00\x01\x02\x00\x00\x48\x00\x48\x02\x02" + thumb),
        factory.app_segment(0xE0, b"JFXX\x00\x10" + b"THUMBDATA"),
        factory.app_segment(0xE1, b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(ext_xmp), 0) + ext_xmp),
        factory.app_segment(0xE2, b"MPF\x00II*\x00\x08\x00\x00\x00\x01\x00\x01\xb0\x04\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00"),
        factory.app_segment(0xE2, b"FPXR\x00\x00FLASHPIX"),
        factory.app_segment(0xE7, b"QualcommSecretDump"),
        factory.app_segment(0xEC, b"Ducky\x00\x01Kari Nordmann"),
        b"\xff\xfe\x00\x10Ola sitt bilde",
    ]  # fmt: skip
    src = tmp_path / "alt.jpg"
    src.write_bytes(body[:2] + b"".join(segments) + body[2:] + body + b"TRAILER Kari Nordmann")
    kinds = scan(src).kinds
    assert {FindingKind.THUMBNAIL, FindingKind.EMBEDDED_IMAGE, FindingKind.UNKNOWN_SEGMENT,
            FindingKind.COMMENT} <= kinds  # fmt: skip
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PressFields())
    out = result.dest.read_bytes()
    assert scan(result.dest).clean
    for secret in (
        b"THUMBDATA",
        b"SECRETIMAGE",
        b"FLASHPIX",
        b"Qualcomm",
        b"Kari",
        b"Ola",
        b"TRAILER",
        thumb,
    ):
        assert secret not in out
    assert out.endswith(b"\xff\xd9") and out.count(b"\xff\xd8") == 1
    assert out[6:20] == b"JFIF\x00\x01\x02\x00\x00\x48\x00\x48\x00\x00"  # JFIF kept, thumbnail size 0×0
    assert pixels(result.dest).tobytes() == pixels(body).tobytes()


def _icc_with_description(text: str) -> bytes:
    desc = b"desc" + b"\x00" * 4 + struct.pack(">I", len(text) + 1) + text.encode() + b"\x00" + b"\x00" * 79
    header = bytearray(128)
    header[36:40] = b"acsp"
    body = struct.pack(">I", 1) + struct.pack(">4sII", b"desc", 128 + 4 + 12, len(desc)) + desc
    struct.pack_into(">I", header, 0, 128 + len(body))
    return bytes(header) + body


def test_icc_naming_hardware_is_reported_and_not_published(tmp_path: Path) -> None:
    icc = _icc_with_description("NIKON D850 sRGB 4.0.0.3001")
    src = tmp_path / "alt.jpg"
    factory.make_pixels((64, 48)).save(src, "JPEG", icc_profile=icc)
    report = scan(src)
    assert report.kinds == {FindingKind.ICC_HARDWARE}
    assert "NIKON D850" in report.findings[0].describe()
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PressFields())
    # A profile with nothing but a description has no colour to keep: the copy goes without it.
    assert "icc_profile" not in Image.open(result.dest).info and b"NIKON" not in result.dest.read_bytes()
    assert "ICC profile" not in result.kept
    standard = tmp_path / "srgb.jpg"
    factory.make_pixels((64, 48)).save(standard, "JPEG", icc_profile=factory._srgb_icc())
    assert scan(standard).clean


def test_max_size_resizes_and_is_the_only_reencode(tmp_path: Path) -> None:
    src = _everything_jpeg(tmp_path / "alt.jpg", size=(1200, 800), orientation=6)
    result = publish_copy(src, tmp_path / "web.jpg", PublishPolicy(max_size=300), PRESS)
    assert result.reencoded and result.format == "jpeg"
    assert scan(result.dest, expected=PRESS).clean
    with Image.open(result.dest) as im:
        assert im.size == (200, 300)  # turned upright (orientation 6), long edge 300
        assert im.getexif().get(0x0112, 1) == 1
        assert_same_colour(Image.open(src).info["icc_profile"], im.info["icc_profile"])


def test_heic_becomes_jpeg(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif")
    src = factory.make_photo(tmp_path / "alt.heic", fmt="HEIF", gps=True, owner=True, serial=True, icc=True,
                             xmp=factory.xmp_packet(city="Skien"))  # fmt: skip
    assert scan(src).has_gps
    result = publish_copy(src, tmp_path / "ut.heic", PublishPolicy(), PRESS)
    assert result.reencoded and result.format == "jpeg" and result.dest.name == "ut.jpg"
    assert "JPEG" in result.note and not (tmp_path / "ut.heic").exists()
    assert scan(result.dest, expected=PRESS).clean
    assert Image.open(result.dest).size == (640, 480)
    assert factory.OWNER_NAME.encode() not in result.dest.read_bytes()


def test_existing_destination_is_replaced_atomically(tmp_path: Path) -> None:
    src = _everything_jpeg(tmp_path / "alt.jpg")
    dest = tmp_path / "ut.jpg"
    dest.write_bytes(b"old")
    publish_copy(src, dest, PublishPolicy(), PRESS)
    assert dest.read_bytes().startswith(b"\xff\xd8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP"])
def test_full_decode_check_path(tmp_path: Path, fmt: str) -> None:
    """decode_check: the copy is parsed again in full, its image data compared and decoded."""
    suffix = factory.FORMAT_SUFFIX[fmt]
    src = factory.make_photo(
        tmp_path / f"alt{suffix}", fmt=fmt, gps=True, owner=True, icc=True, orientation=8
    )
    result = publish_copy(src, tmp_path / f"ut{suffix}", PublishPolicy(decode_check=True, fsync=False), PRESS)
    assert scan(result.dest, expected=PRESS).clean
    assert pixels(result.dest).tobytes() == pixels(src).tobytes()


def test_press_text_is_cleaned_consistently(tmp_path: Path) -> None:
    """Windows line breaks, a stray control character and blanks must not make the check refuse the copy."""
    press = PressFields(caption="  Linje én\r\nLinje «to»\x0b ", keywords=["  ", "Ås "], byline="Politiet\r")
    src = factory.make_photo(tmp_path / "alt.jpg", gps=True)
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), press)
    assert scan(result.dest, expected=press).clean
    data = result.dest.read_bytes()
    header = data[: jpeg_mod.parse(data, header_only=True).image_start]
    assert "Linje én\nLinje «to»".encode() in header and b"\x0b" not in header


@pytest.mark.parametrize(
    "fmt, mode, options",
    [
        ("TIFF", "RGB", {"compression": "tiff_lzw"}),
        ("TIFF", "L", {"compression": "tiff_adobe_deflate"}),
        ("TIFF", "I;16", {}),
        ("TIFF", "RGBA", {"compression": "packbits"}),
        ("TIFF", "P", {}),
        ("PNG", "P", {"transparency": 0}),
        ("PNG", "I;16", {}),
        ("PNG", "LA", {}),
        ("PNG", "RGB", {"interlace": 1}),
        ("JPEG", "L", {}),
        ("JPEG", "RGB", {"subsampling": 0, "quality": 97}),
    ],
)
def test_layout_variants_stay_pixel_identical(tmp_path: Path, fmt: str, mode: str, options: dict) -> None:
    suffix = factory.FORMAT_SUFFIX[fmt]
    src = tmp_path / f"alt{suffix}"
    image = factory.make_pixels((97, 61)).convert(mode)  # odd sizes: partial strips and MCUs
    exif = Image.Exif()
    exif[0x013B] = factory.OWNER_NAME
    exif[0x0112] = 5
    image.save(src, fmt, exif=exif, **options)
    result = publish_copy(src, tmp_path / f"ut{suffix}", PublishPolicy(), PRESS)
    assert scan(result.dest, expected=PRESS).clean
    original, copy = pixels(src), pixels(result.dest)
    assert (copy.mode, copy.size, copy.tobytes()) == (original.mode, original.size, original.tobytes())
    assert factory.OWNER_NAME.encode() not in result.dest.read_bytes()
    with Image.open(result.dest) as im:
        assert im.getexif().get(0x0112) == 5


def test_max_size_for_png_and_heic_and_small_images(tmp_path: Path) -> None:
    png = factory.make_photo(tmp_path / "alt.png", fmt="PNG", size=(900, 300), owner=True)
    result = publish_copy(png, tmp_path / "web.png", PublishPolicy(max_size=450), PRESS)
    assert result.format == "png" and Image.open(result.dest).size == (450, 150)
    small = factory.make_photo(tmp_path / "liten.jpg", size=(200, 100), gps=True)
    result = publish_copy(small, tmp_path / "web.jpg", PublishPolicy(max_size=450), PRESS)
    assert result.reencoded and Image.open(result.dest).size == (200, 100)  # never enlarged
    assert scan(result.dest, expected=PRESS).clean

"""Metadata from synthetic files with known contents, per format, and its edge cases."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import factory
import pytest

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.media.dates import parse_exif_datetime, parse_iptc_datetime, parse_iso_datetime
from photoarchive.media.formats import ImageFormat
from photoarchive.media.metadata import read_metadata

WHEN = datetime(2024, 5, 17, 12, 30, 45)
# The factory's camera writes OffsetTimeOriginal +02:00 beside the date (Norway in summer).
PLUS_TWO = timezone(timedelta(hours=2))
XMP_FIELDS = dict(
    caption="Politiet på åstedet «Storgata» – æøå ÆØÅ",
    headline="Trafikkulykke på E18",
    keywords=["politi", "trafikk", "Ørsta"],
    byline="Åse Ødegård",
    credit="Politiet i Sør-Øst",
    copyright="© Politiet 2024",
)
IPTC_FIELDS = {
    "caption": "IPTC: bilde fra «Bryggen» i Bergen, æøå",
    "headline": "IPTC-overskrift",
    "keywords": ["brann", "Bærum"],
    "byline": "Øystein Ås",
    "credit": "Politiet",
    "copyright": "© Politiet",
}


def assert_press(meta, fields: dict) -> None:
    assert meta.caption == fields["caption"]
    assert meta.headline == fields["headline"]
    assert meta.keywords == list(fields["keywords"])
    assert meta.byline == fields["byline"]
    assert meta.credit == fields["credit"]
    assert meta.copyright == fields["copyright"]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP", "HEIF"])
def test_all_fields_round_trip(tmp_path: Path, fmt: str) -> None:
    path = factory.make_photo(
        tmp_path / f"foto æøå{factory.FORMAT_SUFFIX[fmt]}",
        fmt=fmt,
        size=(320, 240),
        camera=("Nikon", "NIKON Z 9"),
        lens="NIKKOR Z 24-70mm f/2.8 S",
        capture_time=WHEN,
        gps=True,
        serial=True,
        owner=True,
        thumbnail=True,
        icc=True,
        xmp=factory.xmp_packet(**XMP_FIELDS, history=True),
    )
    meta = read_metadata(path)
    assert meta.format is ImageFormat(fmt.lower())
    assert (meta.width, meta.height) == (320, 240)
    assert meta.orientation == 1
    # The camera's wall-clock time as written, carrying its offset (not converted to UTC).
    assert meta.capture_time == WHEN.replace(tzinfo=PLUS_TWO) and meta.capture_time.tzinfo == PLUS_TWO
    assert meta.camera_make == "Nikon"
    assert meta.camera_model == "NIKON Z 9"
    assert meta.lens == "NIKKOR Z 24-70mm f/2.8 S"
    assert_press(meta, XMP_FIELDS)
    assert meta.problems == []


@pytest.mark.parametrize("fmt", ["JPEG", "TIFF"])
def test_iptc_only(tmp_path: Path, fmt: str) -> None:
    path = factory.make_photo(tmp_path / f"iptc{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, iptc=IPTC_FIELDS)
    assert_press(read_metadata(path), IPTC_FIELDS)


def test_xmp_preferred_over_iptc_field_by_field(tmp_path: Path) -> None:
    xmp = factory.xmp_packet(caption="XMP-tekst", keywords=["xmp"])
    path = factory.make_photo(tmp_path / "both.jpg", xmp=xmp, iptc=IPTC_FIELDS)
    meta = read_metadata(path)
    assert meta.caption == "XMP-tekst"
    assert meta.keywords == ["xmp"]
    # Fields the XMP lacks come from IPTC.
    assert meta.headline == IPTC_FIELDS["headline"]
    assert meta.byline == IPTC_FIELDS["byline"]


@pytest.mark.parametrize(
    ("charset", "caption"),
    [("latin-1", "Kåre på «Torget»"), ("cp1252", "Kåre – på «Torget» – “sitat”")],
)
def test_iptc_without_charset_declaration_falls_back_to_windows_latin(
    tmp_path: Path, charset: str, caption: str
) -> None:
    fields = {"caption": caption, "byline": "Ærlige Øyvind"}
    block = factory.iptc_iim(fields, utf8=False, charset=charset)
    assert b"\x1b%G" not in block and caption.encode(charset) in block
    path = factory.make_photo(tmp_path / "old.jpg", iptc=fields, iptc_utf8=False, iptc_charset=charset)
    meta = read_metadata(path)
    assert meta.caption == caption
    assert meta.byline == "Ærlige Øyvind"


def test_undeclared_utf8_iptc_is_still_read_as_utf8(tmp_path: Path) -> None:
    from photoarchive.media.iptc import read_iim

    block = b"\x1c\x02\x78" + len("æøå «»".encode()).to_bytes(2, "big") + "æøå «»".encode()
    assert read_iim(block).caption == "æøå «»"


def test_png_text_chunks(tmp_path: Path) -> None:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Description", "Beskrivelse")
    info.add_itxt("Author", "Bjørn Ødegård")
    info.add_text("Copyright", "© Politiet", zip=True)
    path = tmp_path / "text.png"
    Image.new("RGB", (32, 32)).save(path, pnginfo=info)
    meta = read_metadata(path)
    assert (meta.caption, meta.byline, meta.copyright) == ("Beskrivelse", "Bjørn Ødegård", "© Politiet")


def test_orientation_is_reported_for_jpeg(tmp_path: Path) -> None:
    for orientation in range(1, 9):
        path = factory.make_photo(tmp_path / f"o{orientation}.jpg", orientation=orientation, size=(64, 48))
        meta = read_metadata(path)
        assert meta.orientation == orientation
        assert (meta.width, meta.height) == (64, 48)


def test_no_metadata_at_all(tmp_path: Path) -> None:
    path = factory.make_photo(tmp_path / "bare.jpg", exif=False, size=(50, 40))
    meta = read_metadata(path)
    assert (meta.width, meta.height, meta.orientation, meta.capture_time) == (50, 40, 1, None)
    assert meta.camera_make == meta.caption == "" and meta.keywords == []


def test_date_fallbacks(tmp_path: Path) -> None:
    ifd0 = {0x0132: (factory.ASCII, "2020:01:02 03:04:05")}
    # OffsetTimeOriginal belongs to DateTimeOriginal (absent here): it must not be put on the others.
    exif = {0x9004: (factory.ASCII, "2019:12:31 23:59:58"), 0x9011: (factory.ASCII, "+05:00")}
    from PIL import Image

    path = tmp_path / "dates.jpg"
    Image.new("RGB", (16, 16)).save(path, exif=b"Exif\x00\x00" + factory.build_exif(ifd0, exif))
    assert read_metadata(path).capture_time == datetime(2019, 12, 31, 23, 59, 58)  # digitized beats DateTime
    exif[0x9012] = (factory.ASCII, "-03:00")  # OffsetTimeDigitized
    Image.new("RGB", (16, 16)).save(path, exif=b"Exif\x00\x00" + factory.build_exif(ifd0, exif))
    when = read_metadata(path).capture_time
    assert when == datetime(2019, 12, 31, 23, 59, 58, tzinfo=timezone(timedelta(hours=-3)))
    assert when is not None and when.tzinfo == timezone(timedelta(hours=-3))
    Image.new("RGB", (16, 16)).save(path, exif=b"Exif\x00\x00" + factory.build_exif(ifd0))
    assert read_metadata(path).capture_time == datetime(2020, 1, 2, 3, 4, 5)


def test_xmp_date_used_without_exif(tmp_path: Path) -> None:
    packet = factory.xmp_packet(caption="x").replace(
        'rdf:about="" ',
        'rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:DateTimeOriginal="2023-06-01T08:15:30+02:00" ',
    )
    path = factory.make_photo(tmp_path / "x.jpg", exif=False, xmp=packet)
    when = read_metadata(path).capture_time
    assert when == datetime(2023, 6, 1, 8, 15, 30, tzinfo=PLUS_TWO) and when.tzinfo == PLUS_TWO


def _caption_alt(*items: tuple[str, str]) -> str:
    """A packet whose dc:description holds ``items`` (language, text) in this order."""
    alt = "".join(f'<rdf:li xml:lang="{lang}">{text}</rdf:li>' for lang, text in items)
    return factory.xmp_packet(caption="-").replace('<rdf:li xml:lang="x-default">-</rdf:li>', alt)


def test_caption_is_the_default_language_else_the_first(tmp_path: Path) -> None:
    both = _caption_alt(("nb-NO", "Politiet på stedet"), ("x-default", "Police at the scene"))
    path = factory.make_photo(tmp_path / "a.jpg", exif=False, xmp=both)
    assert read_metadata(path).caption == "Police at the scene"
    no_default = _caption_alt(("nn-NO", "Politiet på staden"), ("nb-NO", "Politiet på stedet"))
    factory.make_photo(path, exif=False, xmp=no_default)
    assert read_metadata(path).caption == "Politiet på staden"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024:05:17 12:30:45", datetime(2024, 5, 17, 12, 30, 45)),
        ("2024:05:17 12:30:45\x00", datetime(2024, 5, 17, 12, 30, 45)),
        ("2024-05-17 12:30", datetime(2024, 5, 17, 12, 30)),
        ("2024:05:17", datetime(2024, 5, 17)),
        ("0000:00:00 00:00:00", None),
        ("    :  :     :  :  ", None),
        ("2024:13:45 99:00:00", None),
        ("", None),
        ("garbage", None),
    ],
)
def test_parse_exif_datetime(text: str, expected: datetime | None) -> None:
    assert parse_exif_datetime(text) == expected


@pytest.mark.parametrize(
    ("offset", "tz"),
    [
        ("+02:00", PLUS_TWO),
        ("-09:30", timezone(-timedelta(hours=9, minutes=30))),
        ("+0200", PLUS_TWO),
        ("   :  ", None),  # what a camera without a time zone setting writes
        ("+99:00", None),
        ("", None),
    ],
)
def test_an_exif_offset_is_kept_when_it_is_real(offset: str, tz: timezone | None) -> None:
    when = parse_exif_datetime("2024:05:17 12:30:45", offset)
    assert when is not None and when.tzinfo == tz
    assert (when.year, when.month, when.day, when.hour, when.minute, when.second) == (2024, 5, 17, 12, 30, 45)


def test_parse_iso_and_iptc_dates() -> None:
    iso = parse_iso_datetime("2023-06-01T08:15:30.25+02:00")
    assert iso == datetime(2023, 6, 1, 8, 15, 30, tzinfo=PLUS_TWO) and iso.tzinfo == PLUS_TWO
    assert parse_iso_datetime("2023-06-01T06:15:30Z") == datetime(2023, 6, 1, 6, 15, 30, tzinfo=UTC)
    assert parse_iso_datetime("2023-06") == datetime(2023, 6, 1)
    assert parse_iso_datetime("2023-06-01T08:15") == datetime(2023, 6, 1, 8, 15)
    iptc = parse_iptc_datetime("20040226", "101500+0100")
    assert iptc == datetime(2004, 2, 26, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert iptc is not None and iptc.tzinfo == timezone(timedelta(hours=1))
    assert parse_iptc_datetime("20040226", "101500") == datetime(2004, 2, 26, 10, 15)
    assert parse_iptc_datetime("20040226", "") == datetime(2004, 2, 26)
    assert parse_iptc_datetime("2004", "") is None


def test_malformed_exif_is_logged_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from PIL import Image

    path = tmp_path / "badexif.jpg"
    # A TIFF header whose IFD offset points far outside the block, then garbage.
    bad = b"Exif\x00\x00II*\x00\xff\xff\xff\x7f" + bytes(range(256)) * 4
    Image.new("RGB", (40, 30), (10, 20, 30)).save(path, exif=bad)
    meta = read_metadata(path)
    assert (meta.width, meta.height) == (40, 30)
    assert meta.camera_make == "" and meta.capture_time is None


def test_malformed_xmp_and_iptc_are_ignored(tmp_path: Path) -> None:
    path = factory.make_photo(tmp_path / "x.jpg", xmp="<x:xmpmeta><rdf:RDF>not xml &&& <<</x:xmpmeta>")
    assert read_metadata(path).caption == ""
    from photoarchive.media.iptc import read_iim

    # A dataset claiming more bytes than there are, and junk after it.
    assert read_iim(b"\x1c\x02\x78\xff\xf0abc").caption == ""
    assert read_iim(b"\x1c\x02\x69\x00\x02ok\x00\x00junk").headline == "ok"


def test_errors_for_bad_files(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFile):
        read_metadata(factory.make_not_an_image(tmp_path / "report.pdf", "pdf"))
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(UnsupportedFile, match="empty"):
        read_metadata(empty)
    garbage = tmp_path / "garbage.jpg"
    garbage.write_bytes(b"\xff\xd8\xff" + b"\x00" * 40)
    with pytest.raises(CorruptImage):
        read_metadata(garbage)
    with pytest.raises(ImageTooLarge):
        read_metadata(factory.make_png_bomb(tmp_path / "bomb.png"))


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_factory_metadata_agrees_with_exiftool(tmp_path: Path) -> None:
    """exiftool as an independent witness that the factory writes what the reader reads."""
    path = factory.make_photo(
        tmp_path / "w.jpg", capture_time=WHEN, iptc=IPTC_FIELDS, xmp=factory.xmp_packet(**XMP_FIELDS)
    )
    out = subprocess.run(
        [
            "exiftool",
            "-s3",
            "-charset",
            "iptc=UTF8",
            "-Make",
            "-DateTimeOriginal",
            "-IPTC:Caption-Abstract",
            "-XMP:Description",
            str(path),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout.splitlines()
    meta = read_metadata(path)
    assert out == [meta.camera_make, "2024:05:17 12:30:45", IPTC_FIELDS["caption"], meta.caption]

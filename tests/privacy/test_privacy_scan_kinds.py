"""What `inspect` names, by kind: positions, names, serials, hidden images — in files the tests build with a
planted marker, and in the real corpus with ExifTool as the witness."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import factory
import pytest
from conftest import CORPUS_DIR
from factory import ASCII, BYTE
from privacy import planted

from photoarchive.privacy import FindingKind, scan

K = FindingKind
MARKER_NAME = planted.NAME
MARKER_SERIAL = planted.SERIAL


def _values(report, kind: FindingKind) -> list[str]:
    return [f.excerpt for f in report.findings if f.kind is kind]


# -- GPS: a position, or only GPS fields ------------------------------------------------------------


def test_a_gps_directory_without_coordinates_is_removable_but_not_a_position(tmp_path: Path) -> None:
    version_only = factory.build_exif({0x010F: (ASCII, "Canon")}, gps={0: (BYTE, [2, 2, 0, 0])})
    report = scan(planted.jpeg_with_exif(tmp_path / "tom-gps.jpg", version_only))
    assert not report.has_gps
    assert K.GPS_FIELDS in report.kinds
    [field] = [f for f in report.findings if f.kind is K.GPS_FIELDS]
    assert field.note == "gps_no_position" and dict(field.params) == {"count": "1"}

    null_island = factory.build_exif({}, gps=planted.gps_ifd((0, 0, 0.0), (0, 0, 0.0)))
    assert not scan(planted.jpeg_with_exif(tmp_path / "null.jpg", null_island)).has_gps

    real = scan(planted.jpeg_with_exif(tmp_path / "real.jpg", factory.build_exif({}, gps=planted.gps_ifd())))
    assert real.has_gps
    [position] = [f for f in real.findings if f.kind is K.GPS]
    assert position.excerpt == "59.2° N 9.6° E"
    assert position.note == "position"
    assert dict(position.params) == {"lat": "59.2", "ns": "N", "lon": "9.6", "ew": "E"}


def test_interop_directory_is_read(tmp_path: Path) -> None:
    """A serial planted in the Interop IFD (which normally holds only "R98") is named."""
    block = planted.interop_exif({0xA420: (ASCII, MARKER_SERIAL)})
    report = scan(planted.jpeg_with_exif(tmp_path / "interop.jpg", block))
    assert report.has_serial
    assert [f.where for f in report.findings if f.excerpt == MARKER_SERIAL] == ["EXIF Interop"]

    clean = scan(planted.jpeg_with_exif(tmp_path / "r98.jpg", planted.interop_exif()))
    assert not [f for f in clean.findings if "Interop" in f.where]


# -- PNG text chunks -----------------------------------------------------------------------------


def test_png_author_and_gps_text_are_named_by_kind(tmp_path: Path) -> None:
    report = scan(planted.png(tmp_path / "a.png", [("tEXt", "Author", MARKER_NAME), ("iTXt", "GPS", "59.2,9.6"),
                                             ("tEXt", "exif:SerialNumber", MARKER_SERIAL)]))  # fmt: skip
    assert report.has_owner and report.has_gps and report.has_serial
    assert _values(report, K.OWNER) == [MARKER_NAME]
    assert _values(report, K.GPS) == ["59.2,9.6"]
    # ImageMagick writes EXIF fields as tEXt: a GPS field that is not a position is not one.
    only_version = scan(planted.png(tmp_path / "b.png", [("tEXt", "exif:GPSVersionID", "2, 2, 0, 0")]))
    assert not only_version.has_gps and K.GPS_FIELDS in only_version.kinds


@pytest.mark.parametrize("chunk", ["zTXt", "tEXt"])
def test_imagemagick_raw_exif_profile_is_parsed_as_exif(tmp_path: Path, chunk: str) -> None:
    report = scan(planted.imagemagick_exif_png(tmp_path / "im.png", chunk))
    assert report.has_gps and report.has_serial and report.has_owner
    assert factory.BODY_SERIAL in _values(report, K.SERIAL)
    assert K.TEXT_CHUNK not in report.kinds  # not an opaque "text block"


def test_data_after_png_iend_is_reported(tmp_path: Path) -> None:
    path = planted.after_end(tmp_path / "tail.png", "PNG")
    [tail] = [f for f in scan(path).findings if f.kind is K.TRAILER]
    assert MARKER_NAME in tail.excerpt


# -- C2PA (JUMBF in APP11) ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["json", "cbor"])
def test_c2pa_author_is_a_person_name(tmp_path: Path, encoding: str) -> None:
    report = scan(planted.jpeg_with_c2pa(tmp_path / "c2pa.jpg", encoding))
    assert report.has_owner
    assert MARKER_NAME in _values(report, K.OWNER)
    assert any("c2pa.cropped" in v for v in _values(report, K.XMP_HISTORY))
    assert K.UNKNOWN_SEGMENT not in report.kinds


def test_c2pa_in_the_corpus(corpus_dir: Path) -> None:
    report = scan(corpus_dir / "exiftool-images/ExifTool.jpg")
    c2pa = [f for f in report.findings if "C2PA" in f.where]
    assert ("Alisha Jucevic", K.OWNER) in [(f.excerpt, f.kind) for f in c2pa]
    assert ("Salem, Oregon", K.LOCATION) in [(f.excerpt, f.kind) for f in c2pa]


# -- XMP structures and MPF images ------------------------------------------------------------------


def test_gps_inside_iptc_extension_location_structures(tmp_path: Path) -> None:
    report = scan(factory.make_photo(tmp_path / "x.jpg", exif=False, xmp=planted.LOCATION_SHOWN_XMP))
    assert report.has_gps
    [position] = _values(report, K.GPS)
    assert "59,12.0N" in position and "9,36.0E" in position
    assert _values(report, K.GPS_FIELDS) == ["2.2.0.0"]


def test_gps_and_serial_inside_an_mpf_secondary_image(tmp_path: Path) -> None:
    report = scan(planted.mpf_with_secondary(tmp_path / "mpf.jpg"))
    assert report.has_gps and report.has_serial
    assert all(f.where.startswith("image 2:") for f in report.findings if f.kind in (K.GPS, K.SERIAL))
    assert K.TRAILER not in report.kinds  # the appended image is an image, not loose bytes


# -- the corpus, with ExifTool as witness -------------------------------------------------------------

_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic"}
_DAMAGED = {"exif-samples/jpg/corrupted.jpg", "exiftool-images/QuickTime.heic"}


@pytest.fixture(scope="module")
def exiftool_records() -> dict[str, dict]:
    if shutil.which("exiftool") is None or not CORPUS_DIR.is_dir():
        pytest.skip("exiftool or the corpus is not available")
    files = sorted(p for p in CORPUS_DIR.rglob("*") if p.suffix.lower() in _SUFFIXES)
    run = subprocess.run(["exiftool", "-j", "-a", "-G1", "-q", "-q", *map(str, files)], capture_output=True)
    records = json.loads(run.stdout.decode("utf-8"))
    return {Path(r["SourceFile"]).relative_to(CORPUS_DIR).as_posix(): r for r in records}


_REFORMATTED = {
    "Panasonic:InternalSerialNumber"
}  # ExifTool prints "(S00) 2004:07:19 no. 0102" for S000407190102


def _witnessed(record: dict, words: tuple[str, ...]) -> list[str]:
    out = []
    for key, value in record.items():
        tag = key.rpartition(":")[2].lower()
        if any(w in tag for w in words) and "format" not in tag and str(value).strip(" \x00"):
            out.append(f"{key}={value}")
    return out


def test_serials_and_owners_exiftool_sees_are_found(corpus_dir: Path, exiftool_records: dict) -> None:
    missed = []
    checked = 0
    for rel, record in exiftool_records.items():
        if rel in _DAMAGED:
            continue
        serials = _witnessed(record, ("serialnumber", "imageuniqueid", "mediauniqueid"))
        owners = _witnessed(record, ("ownername", "cameraowner"))
        if not serials and not owners:
            continue
        checked += 1
        report = scan(corpus_dir / rel)
        if serials and not report.has_serial:
            missed.append((rel, serials))
        if owners and not report.has_owner:
            missed.append((rel, owners))
        # And the very value ExifTool reads (except where it reformats one: Panasonic's dated serial).
        ours = [f.excerpt.strip().lower() for f in report.findings if f.kind in (K.SERIAL, K.OWNER)]
        for item in serials + owners:
            key, _, value = item.partition("=")
            value = value.strip().lower()
            if key not in _REFORMATTED and not any(value in o or o in value for o in ours if o):
                missed.append((rel, item))
    assert checked >= 20
    assert not missed, missed


def test_gps_badge_exactly_where_exiftool_sees_a_position(corpus_dir: Path, exiftool_records: dict) -> None:
    wrong = []
    for rel, record in exiftool_records.items():
        if rel in _DAMAGED:
            continue
        position = any(
            key.startswith("GPS:GPSL") and key.endswith(("Latitude", "Longitude")) and str(v).strip()
            for key, v in record.items()
        )
        geotiff = any(key.startswith("GeoTiff:") for key in record)
        report = scan(corpus_dir / rel)
        if report.has_gps != (position or geotiff):
            wrong.append((rel, report.has_gps, [f.describe() for f in report.findings if f.kind is K.GPS]))
    assert not wrong, wrong


@pytest.mark.parametrize(
    "rel, kind, value",
    [
        ("exiftool-images/OlympusE1.jpg", K.SERIAL, "143008611"),  # body
        ("exiftool-images/OlympusE1.jpg", K.SERIAL, "050105886"),  # lens
        ("exiftool-images/Pentax.jpg", K.SERIAL, "132352"),
        ("exiftool-images/Ricoh2.jpg", K.SERIAL, "00000000000000012207000003100957"),
        ("exiftool-images/Motorola.jpg", K.SERIAL, "NX0A3S0075"),
        ("exif-samples/jpg/Reconyx_HC500_Hyperfire.jpg", K.SERIAL, "H500EE06130468"),
        ("exiftool-images/InfiRay.jpg", K.SERIAL, "P200019B15656148"),
        ("exif-samples/jpg/exif-org/sony-powershota5.jpg", K.OWNER, "Chris Smith"),  # CIFF, PowerShot A5
        ("exif-samples/jpg/exif-org/olympus-d320l.jpg", K.SERIAL, "#00000001"),
        ("exiftool-images/Canon.jpg", K.OWNER, "Phil Harvey"),
        ("exiftool-images/NikonD2Hs.jpg", K.SERIAL, "3001006"),
        ("exif-samples/jpg/exif-org/kodak-dc240.jpg", K.OWNER, "KODAK DC240 ZOOM DIGITAL CAMERA"),
        ("exiftool-images/Sigma.jpg", K.SERIAL, "02000019"),
        ("exiftool-images/FLIR.jpg", K.SERIAL, "470023842"),  # in the FLIR FFF record, APP1
        ("exiftool-images/GoPro.jpg", K.SERIAL, "LAJ7061317601275"),  # GPMF LensInfo, APP6
        ("exif-samples/jpg/hdr/canon_hdr_NO.jpg", K.SERIAL, "54e8b2b5539347478841864f8be0dcc5"),
    ],
)
def test_maker_note_values_match_exiftool(corpus_dir: Path, rel: str, kind: FindingKind, value: str) -> None:
    assert value in _values(scan(corpus_dir / rel), kind)


def test_jpeg_inside_a_tiff_strip_and_its_tables(tmp_path: Path) -> None:
    report = scan(planted.tiff_with_jpeg_strip(tmp_path / "jpeg.tif"))
    assert report.has_gps and report.has_serial
    assert all(f.where.startswith("TIFF strip 1 ") for f in report.findings if f.kind in (K.GPS, K.SERIAL))
    comments = {(f.where, f.excerpt) for f in report.findings if f.kind is K.COMMENT}
    assert ("TIFF JPEGTables", f"scanned by {MARKER_NAME}") in comments
    assert ("TIFF strip 1 JPEG comment", MARKER_NAME) in comments


def test_unknown_chunk_inside_a_webp_animation_frame(tmp_path: Path) -> None:
    report = scan(planted.webp_frame_with_unknown_chunk(tmp_path / "anim.webp"))
    [found] = report.findings
    assert (found.kind, found.where) == (K.UNKNOWN_SEGMENT, "WebP ANMF XNAM") and MARKER_NAME in found.excerpt


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-be"])
def test_xmp_packet_in_utf16_or_utf32_is_read(tmp_path: Path, encoding: str) -> None:
    packet = (
        "\ufeff<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
        f"<rdf:li>{MARKER_NAME}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        "<?xpacket end='w'?>"
    ).encode(encoding)
    buf = io.BytesIO()
    factory.make_pixels((32, 32)).save(buf, "JPEG")
    path = tmp_path / "utf16.jpg"
    segment = factory.app_segment(0xE1, factory.XMP_HEADER + packet)
    path.write_bytes(factory._insert_jpeg_segments(buf.getvalue(), [segment]))
    report = scan(path)
    assert _values(report, K.OWNER) == [MARKER_NAME] and K.UNKNOWN_SEGMENT not in report.kinds


def test_xmp_with_an_unusual_wrapper_is_read(corpus_dir: Path) -> None:
    # <xmp:xmpmeta> instead of <x:xmpmeta>, and lower-case property names (Windows Photo Gallery).
    report = scan(corpus_dir / "exif-samples/jpg/tests/28-hex_value.jpg")
    assert ("xmp:creatortool", K.SOFTWARE) in [(f.tag, f.kind) for f in report.findings]
    assert not [f for f in report.findings if f.kind is K.UNKNOWN_SEGMENT and "XMP" in f.where]


@pytest.mark.parametrize(
    "header, serial_at, encoding",
    [
        (b"RECONYXUF\x00", 0x4B, "latin-1"),
        (b"RECONYXH2\x00", 0x7E, "utf-16-le"),
        (b"\x01\xf1\x03\x00", 42, "utf-16-le"),
    ],
)
def test_reconyx_trail_camera_serials(tmp_path: Path, header: bytes, serial_at: int, encoding: str) -> None:
    """The three Reconyx layouts (UltraFire, HyperFire 2, HyperFire), as ExifTool's Reconyx tables give them."""
    note = bytearray(header.ljust(0xA0, b"\x00"))
    raw = "H2F0000DEMO42".encode(encoding)
    note[serial_at : serial_at + len(raw)] = raw
    exif = factory.build_exif({0x010F: (ASCII, "RECONYX")}, exif={0x927C: (7, bytes(note))})
    report = scan(planted.jpeg_with_exif(tmp_path / "trail.jpg", exif))
    assert _values(report, K.SERIAL) == ["H2F0000DEMO42"]


def test_dji_drone_xmp_position(tmp_path: Path) -> None:
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" '
        'drone-dji:GpsLatitude="59.123456" drone-dji:GpsLongtitude="9.654321" drone-dji:AbsoluteAltitude="+120.5"'
        ' drone-dji:FlightYawDegree="+12.0"/></rdf:RDF></x:xmpmeta>'
    )
    report = scan(factory.make_photo(tmp_path / "dji.jpg", exif=False, xmp=xmp))
    assert report.has_gps
    assert sorted(_values(report, K.GPS)) == ["59.123456", "9.654321"]  # DJI's own spelling "Longtitude" too
    assert _values(report, K.GPS_FIELDS) == ["+120.5"]


@pytest.mark.parametrize(
    "tags, tag, value",
    [
        ({b"cprt": planted.text_tag(f"© {MARKER_NAME}")}, "ICC copyright", f"© {MARKER_NAME}"),
        ({b"desc": planted.desc_tag("sRGB IEC61966-2.1"), b"dmdd": planted.desc_tag(f"Monitor SN {MARKER_SERIAL}")},
         "ICC device model", f"Monitor SN {MARKER_SERIAL}"),
        ({b"meta": planted.dict_tag({"EDID_serial": MARKER_SERIAL})}, "ICC meta EDID_serial", MARKER_SERIAL),
        ({b"mmod": planted.mmod_tag(4711)}, "ICC monitor serial", "4711 (display 0610:9C5F)"),
    ],
    ids=["cprt name", "dmdd serial", "meta EDID serial", "apple mmod serial"],
)  # fmt: skip
def test_colour_profile_beyond_its_description(tmp_path: Path, tags: dict, tag: str, value: str) -> None:
    report = scan(planted.jpeg_with_icc(tmp_path / "icc.jpg", planted.icc_with(tags)))
    assert [(f.kind, f.tag, f.excerpt) for f in report.findings] == [(K.ICC_HARDWARE, tag, value)]


def test_standard_profiles_and_corporate_notices_are_not_reported(tmp_path: Path) -> None:
    profile = planted.icc_with({b"cprt": planted.text_tag("Copyright International Color Consortium, 2009")})
    assert scan(planted.jpeg_with_icc(tmp_path / "std.jpg", profile)).clean


def test_png_iccp_profile_name_naming_a_monitor(tmp_path: Path) -> None:
    report = scan(planted.png_iccp_named(tmp_path / "p.png", f"{MARKER_NAME} calibrated monitor"))
    assert _values(report, K.ICC_HARDWARE) == [f"{MARKER_NAME} calibrated monitor"]


def test_c2pa_exif_assertion_with_a_position(tmp_path: Path) -> None:
    extra = (planted.c2pa_exif_assertion("59,12.0N", "9,36.0E"),)
    report = scan(planted.jpeg_with_c2pa(tmp_path / "c2pa-gps.jpg", extra=extra))
    assert report.has_gps and report.has_owner
    assert sorted(_values(report, K.GPS)) == ["59,12.0N", "9,36.0E"]
    assert _values(report, K.GPS_FIELDS) == ["2.2.0.0"]


def test_every_language_of_a_caption_is_scanned(tmp_path: Path) -> None:
    # The catalog takes a caption's x-default; the scan must see every language, since a copy would carry
    # them all (here the Norwegian one names the person, the default does not).
    packet = factory.xmp_packet(caption="Politiet på stedet").replace(
        '<rdf:li xml:lang="x-default">',
        f'<rdf:li xml:lang="nb-NO">{MARKER_NAME} på stedet</rdf:li><rdf:li xml:lang="x-default">',
    )
    report = scan(factory.make_photo(tmp_path / "språk.jpg", exif=False, xmp=packet))
    [caption] = [f for f in report.findings if f.tag == "dc:description"]
    assert caption.kind is K.COMMENT
    assert "Politiet på stedet" in caption.excerpt and f"{MARKER_NAME} på stedet" in caption.excerpt

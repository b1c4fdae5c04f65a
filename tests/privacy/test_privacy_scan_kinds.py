"""What `inspect` names, by kind: positions, names, serials, hidden images — in files the tests build with a
planted marker, and in the real corpus with ExifTool as the witness."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
from pathlib import Path

import factory
import pytest
from conftest import CORPUS_DIR
from factory import ASCII, BYTE, LONG, RATIONAL, _Ifd
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from photoarchive.privacy import FindingKind, scan

K = FindingKind
MARKER_NAME = "Planted Persson"
MARKER_SERIAL = "PLANTED-SN-4711"


def _values(report, kind: FindingKind) -> list[str]:
    return [f.excerpt for f in report.findings if f.kind is kind]


def _jpeg_with_exif(path: Path, exif: bytes) -> Path:
    buf = io.BytesIO()
    factory.make_pixels((64, 48)).save(buf, "JPEG", exif=b"Exif\x00\x00" + exif)
    path.write_bytes(buf.getvalue())
    return path


def _gps(lat=(59, 12, 0.0), lon=(9, 36, 0.0)) -> dict:
    return {
        0: (BYTE, [2, 3, 0, 0]),
        1: (ASCII, "N"),
        2: (RATIONAL, [(lat[0], 1), (lat[1], 1), (round(lat[2] * 100), 100)]),
        3: (ASCII, "E"),
        4: (RATIONAL, [(lon[0], 1), (lon[1], 1), (round(lon[2] * 100), 100)]),
    }


# -- GPS: a position, or only GPS fields ------------------------------------------------------------


def test_a_gps_directory_without_coordinates_is_removable_but_not_a_position(tmp_path: Path) -> None:
    version_only = factory.build_exif({0x010F: (ASCII, "Canon")}, gps={0: (BYTE, [2, 2, 0, 0])})
    report = scan(_jpeg_with_exif(tmp_path / "tom-gps.jpg", version_only))
    assert not report.has_gps
    assert K.GPS_FIELDS in report.kinds
    [field] = [f for f in report.findings if f.kind is K.GPS_FIELDS]
    assert field.note == "gps_no_position" and dict(field.params) == {"count": "1"}

    null_island = factory.build_exif({}, gps=_gps((0, 0, 0.0), (0, 0, 0.0)))
    assert not scan(_jpeg_with_exif(tmp_path / "null.jpg", null_island)).has_gps

    real = scan(_jpeg_with_exif(tmp_path / "real.jpg", factory.build_exif({}, gps=_gps())))
    assert real.has_gps
    [position] = [f for f in real.findings if f.kind is K.GPS]
    assert position.excerpt == "59.2° N 9.6° E"
    assert position.note == "position"
    assert dict(position.params) == {"lat": "59.2", "ns": "N", "lon": "9.6", "ew": "E"}


def test_interop_directory_is_read(tmp_path: Path) -> None:
    """A serial planted in the Interop IFD (which normally holds only "R98") is named."""
    interop = {0x0001: (ASCII, "R98"), 0x0002: (7, b"0100"), 0xA420: (ASCII, MARKER_SERIAL)}
    ifd0 = {0x010F: (ASCII, "Canon"), 0x8769: (LONG, 0)}
    exif = {0x829A: (RATIONAL, [(1, 100)]), 0xA005: (LONG, 0)}
    off_exif = 8 + _Ifd(ifd0).size()
    off_interop = off_exif + _Ifd(exif).size()
    ifd0[0x8769] = (LONG, off_exif)
    exif[0xA005] = (LONG, off_interop)
    block = (
        b"II*\x00" + struct.pack("<I", 8) + _Ifd(ifd0).pack(8, 0) + _Ifd(exif).pack(off_exif, 0)
        + _Ifd(interop).pack(off_interop, 0)
    )  # fmt: skip
    report = scan(_jpeg_with_exif(tmp_path / "interop.jpg", block))
    assert report.has_serial
    assert [f.where for f in report.findings if f.excerpt == MARKER_SERIAL] == ["EXIF Interop"]

    del interop[0xA420]
    block = block[:off_interop] + _Ifd(interop).pack(off_interop, 0)
    clean = scan(_jpeg_with_exif(tmp_path / "r98.jpg", block))
    assert not [f for f in clean.findings if "Interop" in f.where]


# -- PNG text chunks -----------------------------------------------------------------------------


def _png(path: Path, texts: list[tuple[str, str, str]]) -> Path:
    info = PngInfo()
    for chunk, key, value in texts:
        if chunk == "iTXt":
            info.add_itxt(key, value)
        else:
            info.add_text(key, value, zip=chunk == "zTXt")
    Image.new("RGB", (16, 16), (1, 2, 3)).save(path, "PNG", pnginfo=info)
    return path


def test_png_author_and_gps_text_are_named_by_kind(tmp_path: Path) -> None:
    report = scan(_png(tmp_path / "a.png", [("tEXt", "Author", MARKER_NAME), ("iTXt", "GPS", "59.2,9.6"),
                                             ("tEXt", "exif:SerialNumber", MARKER_SERIAL)]))  # fmt: skip
    assert report.has_owner and report.has_gps and report.has_serial
    assert _values(report, K.OWNER) == [MARKER_NAME]
    assert _values(report, K.GPS) == ["59.2,9.6"]
    # ImageMagick writes EXIF fields as tEXt: a GPS field that is not a position is not one.
    only_version = scan(_png(tmp_path / "b.png", [("tEXt", "exif:GPSVersionID", "2, 2, 0, 0")]))
    assert not only_version.has_gps and K.GPS_FIELDS in only_version.kinds


def _raw_profile(name: str, blob: bytes) -> str:
    hexed = blob.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return f"\n{name}\n{len(blob):8d}\n{lines}\n"


@pytest.mark.parametrize("chunk", ["zTXt", "tEXt"])
def test_imagemagick_raw_exif_profile_is_parsed_as_exif(tmp_path: Path, chunk: str) -> None:
    exif = factory.camera_exif(size=(16, 16), gps=True, serial=True, owner=True)
    text = _raw_profile("exif", b"Exif\x00\x00" + exif)
    report = scan(_png(tmp_path / "im.png", [(chunk, "Raw profile type exif", text)]))
    assert report.has_gps and report.has_serial and report.has_owner
    assert factory.BODY_SERIAL in _values(report, K.SERIAL)
    assert K.TEXT_CHUNK not in report.kinds  # not an opaque "text block"


def test_data_after_png_iend_is_reported(tmp_path: Path) -> None:
    path = _png(tmp_path / "tail.png", [])
    path.write_bytes(path.read_bytes() + b"old picture of " + MARKER_NAME.encode())
    [tail] = [f for f in scan(path).findings if f.kind is K.TRAILER]
    assert MARKER_NAME in tail.excerpt


# -- C2PA (JUMBF in APP11) ------------------------------------------------------------------------


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _superbox(content_type: bytes, label: str, *children: bytes) -> bytes:
    jumd = (
        content_type
        + b"\x00\x11\x00\x10\x80\x00\x00\xaa\x00\x38\x9b\x71"
        + b"\x03"
        + label.encode()
        + b"\x00"
    )
    return _box(b"jumb", _box(b"jumd", jumd) + b"".join(children))


def _cbor(value: object) -> bytes:
    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        return bytes([major << 5 | 25]) + struct.pack(">H", n)

    if isinstance(value, str):
        raw = value.encode()
        return head(3, len(raw)) + raw
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(_cbor(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(_cbor(k) + _cbor(v) for k, v in value.items())
    raise TypeError(value)


def _c2pa_store(author_box: bytes) -> bytes:
    actions = _superbox(
        b"cbor", "c2pa.actions", _box(b"cbor", _cbor({"actions": [{"action": "c2pa.cropped"}]}))
    )
    assertions = _superbox(b"c2as", "c2pa.assertions", author_box, actions)
    manifest = _superbox(b"c2ma", "urn:uuid:0f6e", assertions)
    return _superbox(b"c2pa", "c2pa", manifest)


def _jpeg_with_app11(path: Path, store: bytes, pieces: int = 2) -> Path:
    """The store split over several APP11 segments, as C2PA tools write a large one."""
    head, body = store[:8], store[8:]
    step = len(body) // pieces + 1
    segments = []
    for i in range(pieces):
        chunk = body[i * step : (i + 1) * step]
        payload = b"JP" + struct.pack(">HI", 1, i + 1) + head + chunk
        segments.append(factory.app_segment(0xEB, payload))
    buf = io.BytesIO()
    factory.make_pixels((32, 32)).save(buf, "JPEG")
    path.write_bytes(factory._insert_jpeg_segments(buf.getvalue(), segments))
    return path


@pytest.mark.parametrize("encoding", ["json", "cbor"])
def test_c2pa_author_is_a_person_name(tmp_path: Path, encoding: str) -> None:
    work = {"@context": "https://schema.org", "@type": "CreativeWork",
            "author": [{"@type": "Person", "name": MARKER_NAME}]}  # fmt: skip
    raw = _box(b"json", json.dumps(work).encode()) if encoding == "json" else _box(b"cbor", _cbor(work))
    author = _superbox(encoding.encode(), "stds.schema-org.CreativeWork", raw)
    report = scan(_jpeg_with_app11(tmp_path / "c2pa.jpg", _c2pa_store(author)))
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
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/"><Iptc4xmpExt:LocationShown><rdf:Bag>'
        '<rdf:li rdf:parseType="Resource"><Iptc4xmpExt:City>Skien</Iptc4xmpExt:City>'
        "<exif:GPSLatitude>59,12.0N</exif:GPSLatitude><exif:GPSLongitude>9,36.0E</exif:GPSLongitude>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>"
        "<exif:GPSVersionID>2.2.0.0</exif:GPSVersionID></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    report = scan(factory.make_photo(tmp_path / "x.jpg", exif=False, xmp=xmp))
    assert report.has_gps
    [position] = _values(report, K.GPS)
    assert "59,12.0N" in position and "9,36.0E" in position
    assert _values(report, K.GPS_FIELDS) == ["2.2.0.0"]


def test_gps_and_serial_inside_an_mpf_secondary_image(tmp_path: Path) -> None:
    main = factory.make_photo(tmp_path / "main.jpg", size=(64, 48), exif=False).read_bytes()
    second = factory.make_photo(tmp_path / "2.jpg", size=(32, 24), gps=True, serial=True).read_bytes()
    mpf_at = 2  # right after SOI
    payload_len = 4 + 8 + 2 + 3 * 12 + 4 + 32
    total_main = len(main) + 4 + payload_len
    tiff_at = mpf_at + 4 + 4
    entries = struct.pack("<IIIHH", 0x030000, total_main, 0, 0, 0)
    entries += struct.pack("<IIIHH", 0x010002, len(second), total_main - tiff_at, 0, 0)
    ifd = struct.pack("<H", 3) + struct.pack("<HHI4s", 0xB000, 7, 4, b"0100")
    ifd += struct.pack("<HHII", 0xB001, LONG, 1, 2) + struct.pack("<HHII", 0xB002, 7, 32, 8 + 2 + 36 + 4)
    mpf = b"MPF\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + entries
    assert len(mpf) == payload_len
    data = main[:2] + factory.app_segment(0xE2, mpf) + main[2:] + second
    path = tmp_path / "mpf.jpg"
    path.write_bytes(data)
    report = scan(path)
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
        serials = _witnessed(record, ("serialnumber",))
        owners = _witnessed(record, ("ownername", "cameraowner"))
        if not serials and not owners:
            continue
        checked += 1
        report = scan(corpus_dir / rel)
        if serials and not report.has_serial:
            missed.append((rel, serials))
        if owners and not report.has_owner:
            missed.append((rel, owners))
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
    ],
)
def test_maker_note_values_match_exiftool(corpus_dir: Path, rel: str, kind: FindingKind, value: str) -> None:
    assert value in _values(scan(corpus_dir / rel), kind)

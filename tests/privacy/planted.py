"""Files with a planted marker, built the way devices and editors write them: the inputs of the scan tests
(`inspect` must name the marker) and of the published-copy test (no copy may carry it)."""

from __future__ import annotations

import io
import json
import random
import struct
import zlib
from pathlib import Path

import factory
from factory import ASCII, BYTE, LONG, RATIONAL, _Ifd
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from photoarchive.privacy import jpeg as jpeg_mod
from photoarchive.privacy import png as png_mod

NAME = "Planted Persson"
SERIAL = "PLANTED-SN-4711"
BIG = 1 << 20  # files above this were once read only at both ends


# -- JPEG ---------------------------------------------------------------------------------------------


def jpeg_with_exif(path: Path, exif: bytes) -> Path:
    buf = io.BytesIO()
    factory.make_pixels((64, 48)).save(buf, "JPEG", exif=b"Exif\x00\x00" + exif)
    path.write_bytes(buf.getvalue())
    return path


def gps_ifd(lat=(59, 12, 0.0), lon=(9, 36, 0.0)) -> dict:
    return {
        0: (BYTE, [2, 3, 0, 0]),
        1: (ASCII, "N"),
        2: (RATIONAL, [(lat[0], 1), (lat[1], 1), (round(lat[2] * 100), 100)]),
        3: (ASCII, "E"),
        4: (RATIONAL, [(lon[0], 1), (lon[1], 1), (round(lon[2] * 100), 100)]),
    }


def interop_exif(extra: dict | None = None) -> bytes:
    """EXIF whose Interop IFD holds the "R98" index and `extra` tags."""
    interop = {0x0001: (ASCII, "R98"), 0x0002: (7, b"0100"), **(extra or {})}
    ifd0 = {0x010F: (ASCII, "Canon"), 0x8769: (LONG, 0)}
    exif = {0x829A: (RATIONAL, [(1, 100)]), 0xA005: (LONG, 0)}
    off_exif = 8 + _Ifd(ifd0).size()
    off_interop = off_exif + _Ifd(exif).size()
    ifd0[0x8769] = (LONG, off_exif)
    exif[0xA005] = (LONG, off_interop)
    return (
        b"II*\x00" + struct.pack("<I", 8) + _Ifd(ifd0).pack(8, 0) + _Ifd(exif).pack(off_exif, 0)
        + _Ifd(interop).pack(off_interop, 0)
    )  # fmt: skip


def large_jpeg(size: tuple[int, int] = (1200, 900), progressive: bool = False, seed: int = 0) -> bytes:
    """Random pixels: a small picture that is still over 1 MiB as a JPEG."""
    pixels = random.Random(seed).randbytes(size[0] * size[1] * 3)
    buf = io.BytesIO()
    Image.frombytes("RGB", size, pixels).save(buf, "JPEG", quality=95, progressive=progressive)
    data = buf.getvalue()
    assert len(data) > BIG
    return data


def acropalypse(path: Path) -> tuple[Path, int]:
    """A cropped picture written over a longer original (the old end still after the new EOI), and the
    length of that leftover tail."""
    original = large_jpeg()
    buf = io.BytesIO()
    Image.open(io.BytesIO(original)).crop((0, 0, 500, 400)).save(buf, "JPEG", quality=95)
    cropped = buf.getvalue()
    path.write_bytes(cropped + original[len(cropped) :])
    return path, len(original) - len(cropped)


def segment_between_scans(
    path: Path, marker: int, payload: bytes, scan_index: int = 2, seed: int = 0
) -> Path:
    data = large_jpeg(progressive=True, seed=seed)
    at = [s for s in jpeg_mod.parse(data).segments if s.marker == jpeg_mod.SOS][scan_index].start
    path.write_bytes(data[:at] + factory.app_segment(marker, payload) + data[at:])
    return path


def before_first_scan(data: bytes, segment: bytes) -> bytes:
    at = next(s.start for s in jpeg_mod.parse(data).segments if s.marker == jpeg_mod.SOS)
    return data[:at] + segment + data[at:]


def dnl_with_text(path: Path) -> Path:
    """A DNL segment (2 defined bytes: the line count) before SOS, carrying text after them."""
    buf = io.BytesIO()
    factory.make_pixels((64, 48)).save(buf, "JPEG")
    segment = factory.app_segment(jpeg_mod.DNL, struct.pack(">H", 48) + NAME.encode())
    path.write_bytes(before_first_scan(buf.getvalue(), segment))
    return path


def second_icc_chunk(path: Path) -> Path:
    """A complete one-chunk ICC profile, then a chunk "2 of 2" whose bytes no colour reader uses."""
    data = factory.make_photo(path, size=(64, 48), exif=False, icc=True).read_bytes()
    layout = jpeg_mod.parse(data)
    [first] = jpeg_mod.icc_segments(data, layout)
    payload = bytearray(first.payload(data))
    payload[13] = 2  # the first chunk now claims to be 1 of 2
    extra = b"ICC_PROFILE\x00\x02\x02" + f"calibrated by {NAME}, monitor {SERIAL}".encode()
    out = (
        data[: first.start] + factory.app_segment(0xE2, bytes(payload)) + factory.app_segment(0xE2, extra)
        + data[first.end :]
    )  # fmt: skip
    path.write_bytes(out)
    return path


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


def cbor(value: object) -> bytes:
    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        return bytes([major << 5 | 25]) + struct.pack(">H", n)

    if isinstance(value, str):
        raw = value.encode()
        return head(3, len(raw)) + raw
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(value)


def c2pa_store(encoding: str = "json", extra: tuple[bytes, ...] = ()) -> bytes:
    """A C2PA manifest store: a CreativeWork assertion naming the author, an actions assertion, and `extra`
    assertion boxes."""
    work = {"@context": "https://schema.org", "@type": "CreativeWork",
            "author": [{"@type": "Person", "name": NAME}]}  # fmt: skip
    raw = _box(b"json", json.dumps(work).encode()) if encoding == "json" else _box(b"cbor", cbor(work))
    author = _superbox(encoding.encode(), "stds.schema-org.CreativeWork", raw)
    actions = _superbox(
        b"cbor", "c2pa.actions", _box(b"cbor", cbor({"actions": [{"action": "c2pa.cropped"}]}))
    )
    assertions = _superbox(b"c2as", "c2pa.assertions", author, actions, *extra)
    manifest = _superbox(b"c2ma", "urn:uuid:0f6e", assertions)
    return _superbox(b"c2pa", "c2pa", manifest)


def c2pa_exif_assertion(lat: str, lon: str) -> bytes:
    """A stds.exif assertion (JSON-LD), as cameras signing C2PA write the capture position."""
    exif = {"@context": {"exif": "http://ns.adobe.com/exif/1.0/"}, "exif:GPSLatitude": lat, "exif:GPSLongitude": lon,
            "exif:GPSVersionID": "2.2.0.0"}  # fmt: skip
    return _superbox(b"json", "stds.exif", _box(b"json", json.dumps(exif).encode()))


def jpeg_with_c2pa(
    path: Path, encoding: str = "json", pieces: int = 2, extra: tuple[bytes, ...] = ()
) -> Path:
    """The store split over several APP11 segments, as C2PA tools write a large one."""
    store = c2pa_store(encoding, extra)
    head, body = store[:8], store[8:]
    step = len(body) // pieces + 1
    segments = []
    for i in range(pieces):
        payload = b"JP" + struct.pack(">HI", 1, i + 1) + head + body[i * step : (i + 1) * step]
        segments.append(factory.app_segment(0xEB, payload))
    buf = io.BytesIO()
    factory.make_pixels((32, 32)).save(buf, "JPEG")
    path.write_bytes(factory._insert_jpeg_segments(buf.getvalue(), segments))
    return path


LOCATION_SHOWN_XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/"><Iptc4xmpExt:LocationShown><rdf:Bag>'
    '<rdf:li rdf:parseType="Resource"><Iptc4xmpExt:City>Skien</Iptc4xmpExt:City>'
    "<exif:GPSLatitude>59,12.0N</exif:GPSLatitude><exif:GPSLongitude>9,36.0E</exif:GPSLongitude>"
    "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>"
    "<exif:GPSVersionID>2.2.0.0</exif:GPSVersionID></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def mpf_with_secondary(path: Path) -> Path:
    """A primary image with an MPF index and a secondary image (GPS and serial in its own EXIF) after EOI."""
    main = factory.make_photo(path, size=(64, 48), exif=False).read_bytes()
    second = factory.make_photo(path, size=(32, 24), gps=True, serial=True).read_bytes()
    payload_len = 4 + 8 + 2 + 3 * 12 + 4 + 32
    total_main = len(main) + 4 + payload_len
    tiff_at = 2 + 4 + 4  # SOI, APP2 marker and length, "MPF\0"
    entries = struct.pack("<IIIHH", 0x030000, total_main, 0, 0, 0)
    entries += struct.pack("<IIIHH", 0x010002, len(second), total_main - tiff_at, 0, 0)
    ifd = struct.pack("<H", 3) + struct.pack("<HHI4s", 0xB000, 7, 4, b"0100")
    ifd += struct.pack("<HHII", 0xB001, LONG, 1, 2) + struct.pack("<HHII", 0xB002, 7, 32, 8 + 2 + 36 + 4)
    mpf = b"MPF\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + entries
    assert len(mpf) == payload_len
    path.write_bytes(main[:2] + factory.app_segment(0xE2, mpf) + main[2:] + second)
    return path


# -- PNG and WebP ------------------------------------------------------------------------------------


def png(path: Path, texts: list[tuple[str, str, str]]) -> Path:
    """A PNG with (chunk type, keyword, text) text chunks."""
    info = PngInfo()
    for chunk, key, value in texts:
        if chunk == "iTXt":
            info.add_itxt(key, value)
        else:
            info.add_text(key, value, zip=chunk == "zTXt")
    Image.new("RGB", (16, 16), (1, 2, 3)).save(path, "PNG", pnginfo=info)
    return path


def raw_profile(name: str, blob: bytes) -> str:
    """ImageMagick's text form of a binary profile: name, length, hex digits in lines of 72."""
    hexed = blob.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return f"\n{name}\n{len(blob):8d}\n{lines}\n"


def imagemagick_exif_png(path: Path, chunk: str = "zTXt") -> Path:
    exif = factory.camera_exif(size=(16, 16), gps=True, serial=True, owner=True)
    return png(path, [(chunk, "Raw profile type exif", raw_profile("exif", b"Exif\x00\x00" + exif))])


def _insert_png_chunks(data: bytes, before: bytes, chunks: bytes) -> bytes:
    at = data.index(before) - 4
    return data[:at] + chunks + data[at:]


def phys_with_extra_bytes(path: Path) -> Path:
    png(path, [])
    data = path.read_bytes()
    if b"pHYs" in data:  # replace Pillow's own
        start = data.index(b"pHYs") - 4
        data = data[:start] + data[start + 12 + 9 :]
    chunk = png_mod.make_chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1) + NAME.encode())
    path.write_bytes(_insert_png_chunks(data, b"IDAT", chunk))
    return path


def idat_after_stream(path: Path) -> Path:
    png(path, [])
    data = path.read_bytes()
    extra = png_mod.make_chunk(b"IDAT", zlib.compress(NAME.encode()))
    path.write_bytes(_insert_png_chunks(data, b"IEND", extra))
    return path


def after_end(path: Path, fmt: str) -> Path:
    if fmt == "PNG":
        png(path, [])
    else:
        Image.new("RGB", (16, 16), (9, 9, 9)).save(path, fmt)
    path.write_bytes(path.read_bytes() + b"\x00\x00old picture of " + NAME.encode())
    return path


# -- TIFF -----------------------------------------------------------------------------------------------


def tiff_with_jpeg_strip(path: Path) -> Path:
    """A JPEG-compressed TIFF whose one strip is a whole JPEG with its own APP1 EXIF (GPS, serial) and a COM,
    and whose JPEGTables carry a COM naming a person."""
    width, height = 32, 24
    strip = factory.make_photo(path, size=(width, height), gps=True, serial=True, comment=NAME).read_bytes()
    tables = b"\xff\xd8" + factory.app_segment(0xFE, f"scanned by {NAME}".encode()) + b"\xff\xd9"
    ifd = {
        0x0100: (factory.SHORT, width), 0x0101: (factory.SHORT, height), 0x0102: (factory.SHORT, [8, 8, 8]),
        0x0103: (factory.SHORT, 7), 0x0106: (factory.SHORT, 6), 0x0111: (LONG, 0), 0x0115: (factory.SHORT, 3),
        0x0116: (factory.SHORT, height), 0x0117: (LONG, len(strip)), 0x015B: (7, tables),
    }  # fmt: skip
    strip_at = 8 + _Ifd(ifd).size()
    ifd[0x0111] = (LONG, strip_at)
    path.write_bytes(b"II*\x00" + struct.pack("<I", 8) + _Ifd(ifd).pack(8, 0) + strip)
    return path


def webp_frame_with_unknown_chunk(path: Path) -> Path:
    """An animated WebP whose first ANMF frame holds, besides its image, an unknown sub-chunk with a name."""
    frames = [Image.new("RGB", (16, 16), (i * 80, 10, 10)) for i in range(2)]
    frames[0].save(path, "WEBP", save_all=True, append_images=frames[1:], duration=100, lossless=True)
    data = path.read_bytes()
    at = data.index(b"ANMF")
    (size,) = struct.unpack("<I", data[at + 4 : at + 8])
    body = data[at + 8 : at + 8 + size]
    name = NAME.encode()
    extra = b"XNAM" + struct.pack("<I", len(name)) + name + (b"\x00" if len(name) & 1 else b"")
    body = body[:16] + extra + body[16:]
    out = data[:at] + b"ANMF" + struct.pack("<I", len(body)) + body + data[at + 8 + size :]
    path.write_bytes(out[:4] + struct.pack("<I", len(out) - 8) + out[8:])
    return path


# -- ICC profiles ---------------------------------------------------------------------------------------


def text_tag(text: str) -> bytes:
    return b"text\x00\x00\x00\x00" + text.encode("latin-1") + b"\x00"


def desc_tag(text: str) -> bytes:
    raw = text.encode("latin-1") + b"\x00"
    return b"desc\x00\x00\x00\x00" + struct.pack(">I", len(raw)) + raw + b"\x00" * 79


def dict_tag(pairs: dict[str, str]) -> bytes:
    """An ICC v4 dictType: 16-byte records of (name offset, size, value offset, size), UTF-16BE strings."""
    records, strings = [], b""
    base = 16 + 16 * len(pairs)
    for name, value in pairs.items():
        n, v = name.encode("utf-16-be"), value.encode("utf-16-be")
        records.append(
            struct.pack(">IIII", base + len(strings), len(n), base + len(strings) + len(n), len(v))
        )
        strings += n + v
    return b"dict\x00\x00\x00\x00" + struct.pack(">II", len(pairs), 16) + b"".join(records) + strings


def mmod_tag(serial: int) -> bytes:
    return b"mmod\x00\x00\x00\x00" + struct.pack(">IIII", 0x0610, 0x9C5F, serial, 0xC01D6580) + b"\x00" * 16


def icc_with(tags: dict[bytes, bytes]) -> bytes:
    """The sRGB profile with `tags` added or replaced, laid out anew (offsets 4-aligned, size in the header)."""
    base = factory.srgb_icc()
    (count,) = struct.unpack(">I", base[128:132])
    table = {}
    for i in range(count):
        sig, offset, size = struct.unpack(">4sII", base[132 + 12 * i : 144 + 12 * i])
        table[sig] = base[offset : offset + size]
    table.update(tags)
    pos = 128 + 4 + 12 * len(table)
    entries, body = [], b""
    for sig, value in table.items():
        entries.append(struct.pack(">4sII", sig, pos + len(body), len(value)))
        body += value + b"\x00" * (-len(value) % 4)
    out = bytearray(base[:128] + struct.pack(">I", len(table)) + b"".join(entries) + body)
    out[0:4] = struct.pack(">I", len(out))
    out[84:100] = b"\x00" * 16  # the profile ID (MD5) no longer matches: zero means "not computed"
    return bytes(out)


def jpeg_with_icc(path: Path, profile: bytes) -> Path:
    factory.make_pixels((32, 24)).save(path, "JPEG", icc_profile=profile)
    return path


def png_iccp_named(path: Path, name: str) -> Path:
    png(path, [])
    data = path.read_bytes()
    chunk = png_mod.make_chunk(
        b"iCCP", name.encode("latin-1") + b"\x00\x00" + zlib.compress(factory.srgb_icc())
    )
    path.write_bytes(_insert_png_chunks(data, b"IDAT", chunk))
    return path

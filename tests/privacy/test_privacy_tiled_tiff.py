"""Tiled TIFF files (as scanners and press workflows write them): stripped clean, tiles copied byte for byte.

Pillow 13 refuses to write tile tags (TileWidth/TileOffsets are on its save blocklist), so the files are
written here with `struct`: both byte orders, uncompressed and Deflate tiles, image sizes that are not
multiples of the tile size (padded edge tiles), and every kind of personal data a TIFF can carry.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import factory
import pytest
from PIL import Image
from privacy.icc_check import assert_same_colour

from photoarchive.errors import CorruptImage, PhotoarchiveError, UnsupportedFile
from photoarchive.media.metadata import read_metadata
from photoarchive.privacy import FindingKind, PressFields, PublishPolicy, StripRefused, publish_copy, scan

EXIFTOOL = shutil.which("exiftool") or ("/usr/bin/exiftool" if Path("/usr/bin/exiftool").exists() else None)

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7
PRESS = PressFields(
    caption="Politiet «Øst» sikrer åstedet på Ærø-brygga",
    headline="Brann i Ås sentrum",
    keywords=["brann", "Ås"],
    byline="Bjørn Æsøy Åsen",
    credit="Øst politidistrikt",
    copyright="© Politiet",
)
# Personal values planted in the source; none may appear anywhere in a published copy.
SECRETS = {
    "artist": "Ola Hansen Fotograf",
    "owner": factory.OWNER_NAME,
    "serial": factory.BODY_SERIAL,
    "lens_serial": factory.LENS_SERIAL,
    "maker": "MAKERNOTE-SECRET-4711",
    "city": "Skien",
    "iptc_city": "Porsgrunn",
    "history": "Lightroom Classic",
    "doc_id": "xmp.did:feedface",
    "photoshop": "PSD-SECRET-SLICE",
    "description": "Privat: Kari i hagen",
    "software": "ScanStation 9 Pro",
    "make": "Hasselblad",
    "thumb": "THUMB-IFD-SECRET",
}


# -- a small TIFF writer -----------------------------------------------------------------------------


def _value(order: str, typ: int, value: object) -> tuple[bytes, int]:
    if typ == ASCII:
        raw = str(value).encode("utf-8") + b"\x00"
        return raw, len(raw)
    if typ in (BYTE, UNDEFINED):
        raw = bytes(value)  # type: ignore[arg-type]
        return raw, len(raw)
    items = value if isinstance(value, list) else [value]
    if typ == SHORT:
        return struct.pack(f"{order}{len(items)}H", *items), len(items)
    if typ == LONG:
        return struct.pack(f"{order}{len(items)}I", *items), len(items)
    assert typ == RATIONAL
    return b"".join(struct.pack(order + "II", *item) for item in items), len(items)


class _Writer:
    """Appends blobs and directories to a TIFF body; children are written before the IFD that points at them."""

    def __init__(self, order: str) -> None:
        self.order = order
        self.buf = bytearray((b"II*\x00" if order == "<" else b"MM\x00*") + b"\x00\x00\x00\x00")

    def _align(self) -> None:
        if len(self.buf) % 2:
            self.buf += b"\x00"

    def blob(self, data: bytes) -> int:
        self._align()
        offset = len(self.buf)
        self.buf += data
        return offset

    def ifd(self, entries: dict[int, tuple[int, object]], next_ifd: int = 0) -> int:
        self._align()
        offset = len(self.buf)
        items = sorted(entries.items())
        data_pos = offset + 2 + 12 * len(items) + 4
        table, values = [struct.pack(self.order + "H", len(items))], b""
        for tag, (typ, value) in items:
            raw, count = _value(self.order, typ, value)
            if len(raw) <= 4:
                table.append(struct.pack(self.order + "HHI", tag, typ, count) + raw.ljust(4, b"\x00"))
            else:
                table.append(struct.pack(self.order + "HHII", tag, typ, count, data_pos + len(values)))
                values += raw + (b"\x00" if len(raw) % 2 else b"")
        table.append(struct.pack(self.order + "I", next_ifd))
        self.buf += b"".join(table) + values
        return offset

    def finish(self, first_ifd: int) -> bytes:
        struct.pack_into(self.order + "I", self.buf, 4, first_ifd)
        return bytes(self.buf)


def _tiles(image: Image.Image, tile: int, deflate: bool) -> list[bytes]:
    """RGB tiles in row-major order; edge tiles padded (with a pattern, so padding is compared too)."""
    width, height = image.size
    raw = image.tobytes()
    out = []
    for ty in range(0, height, tile):
        for tx in range(0, width, tile):
            rows = []
            for y in range(ty, ty + tile):
                if y < height:
                    row = raw[(y * width + tx) * 3 : (y * width + min(tx + tile, width)) * 3]
                else:
                    row = b""
                rows.append(row + bytes([0xA5]) * (tile * 3 - len(row)))
            block = b"".join(rows)
            out.append(zlib.compress(block) if deflate else block)
    return out


def _layout_tags(image: Image.Image, tile: int, deflate: bool, offsets: list[int], counts: list[int]) -> dict:
    return {
        0x0100: (LONG, image.width),
        0x0101: (LONG, image.height),
        0x0102: (SHORT, [8, 8, 8]),
        0x0103: (SHORT, 8 if deflate else 1),
        0x0106: (SHORT, 2),
        0x0115: (SHORT, 3),
        0x011A: (RATIONAL, [(300, 1)]),
        0x011B: (RATIONAL, [(300, 1)]),
        0x011C: (SHORT, 1),
        0x0128: (SHORT, 2),
        0x0142: (SHORT, tile),
        0x0143: (SHORT, tile),
        0x0144: (LONG, offsets),
        0x0145: (LONG, counts),
    }


def make_tiled_tiff(
    path: Path,
    *,
    order: str = "<",
    size: tuple[int, int] = (83, 45),
    tile: int = 16,
    deflate: bool = False,
    personal: bool = True,
    extra: str | None = None,  # "reduced" (thumbnail IFD1), "subifd" (SubIFDs tag), "page" (second page)
) -> tuple[Path, Image.Image]:
    """A tiled RGB TIFF with GPS, EXIF (serials, owner, maker note), Artist, XMP history, IPTC, Photoshop and
    an ICC profile; returns the path and the pixels written."""
    image = factory.make_pixels(size, seed=7)
    w = _Writer(order)
    tiles = _tiles(image, tile, deflate)
    offsets = [w.blob(t) for t in tiles]
    tags = _layout_tags(image, tile, deflate, offsets, [len(t) for t in tiles])
    tags[0x8773] = (UNDEFINED, factory.srgb_icc())
    if personal:
        exif = {
            0x9000: (UNDEFINED, b"0232"),
            0x9003: (ASCII, "2024:05:17 12:30:45"),
            0x927C: (UNDEFINED, SECRETS["maker"].encode() + bytes(range(40))),
            0xA430: (ASCII, SECRETS["owner"]),
            0xA431: (ASCII, SECRETS["serial"]),
            0xA435: (ASCII, SECRETS["lens_serial"]),
        }
        gps = {
            0x0000: (BYTE, [2, 3, 0, 0]),
            0x0001: (ASCII, "N"),
            0x0002: (RATIONAL, [(59, 1), (12, 1), (0, 1)]),
            0x0003: (ASCII, "E"),
            0x0004: (RATIONAL, [(9, 1), (36, 1), (0, 1)]),
        }
        xmp = factory.xmp_packet(
            city=SECRETS["city"], byline=SECRETS["owner"], history=True, document_id=SECRETS["doc_id"]
        ).replace("Lightroom Classic 13.2", SECRETS["history"] + " 13.2")
        iim = factory.iptc_iim({"city": SECRETS["iptc_city"], "byline": SECRETS["owner"]})
        tags.update({
            0x010E: (ASCII, SECRETS["description"]),
            0x010F: (ASCII, SECRETS["make"]),
            0x0110: (ASCII, "X2D 100C"),
            0x0131: (ASCII, SECRETS["software"]),
            0x0132: (ASCII, "2024:05:17 12:30:45"),
            0x013B: (ASCII, SECRETS["artist"]),
            0x02BC: (BYTE, list(xmp.encode("utf-8"))),
            0x83BB: (UNDEFINED, iim),
            0x8649: (BYTE, list(factory.photoshop_irb(iim) + b"8BIM\x04\x1a\x00\x00\x00\x00\x00\x10"
                                + SECRETS["photoshop"].encode())),
            0x8769: (LONG, w.ifd(exif)),
            0x8825: (LONG, w.ifd(gps)),
        })  # fmt: skip
    next_ifd = 0
    if extra:
        small = image.resize((20, 11))
        small_tiles = _tiles(small, 16, deflate)
        small_offsets = [w.blob(t) for t in small_tiles]
        sub = _layout_tags(small, 16, deflate, small_offsets, [len(t) for t in small_tiles])
        sub[0x00FE] = (LONG, 0 if extra == "page" else 1)
        sub[0x010E] = (ASCII, SECRETS["thumb"])
        sub_offset = w.ifd(sub)
        if extra == "subifd":
            tags[0x014A] = (LONG, [sub_offset])
        else:
            next_ifd = sub_offset
    path.write_bytes(w.finish(w.ifd(tags, next_ifd)))
    return path, image


# -- reading the tiles back independently (Pillow's own TIFF directory parser) ----------------------------


def _tile_bytes(path: Path) -> list[bytes]:
    data = path.read_bytes()
    with Image.open(path) as im:
        offsets, counts = im.tag_v2[0x0144], im.tag_v2[0x0145]
        assert 0x0111 not in im.tag_v2, "a tiled file must not gain strips"
    return [data[o : o + c] for o, c in zip(offsets, counts, strict=True)]


def _exiftool(path: Path) -> dict:
    run = subprocess.run([EXIFTOOL, "-j", "-G1", "-a", "-u", str(path)], capture_output=True, check=True)
    return json.loads(run.stdout.decode("utf-8"))[0]


CASES = [
    pytest.param("<", (83, 45), 16, False, id="le-raw-16"),
    pytest.param(">", (83, 45), 16, False, id="be-raw-16"),
    pytest.param("<", (300, 270), 256, True, id="le-deflate-256"),
    pytest.param(">", (50, 33), 16, True, id="be-deflate-16"),
]


@pytest.mark.parametrize("order, size, tile, deflate", CASES)
def test_tiled_tiff_is_clean_lossless_and_stamped(
    tmp_path: Path, order: str, size: tuple[int, int], tile: int, deflate: bool
) -> None:
    src, image = make_tiled_tiff(
        tmp_path / "skann æøå.tif", order=order, size=size, tile=tile, deflate=deflate
    )
    original = src.read_bytes()
    with Image.open(src) as im:  # the test file itself is a valid tiled TIFF with the planted pixels
        assert im.tile[0].codec_name in ("raw", "libtiff") and im.tag_v2[0x0142] == tile
        im.load()
        assert im.tobytes() == image.tobytes()

    before = scan(src)
    assert before.has_gps and before.has_serial and before.has_owner
    assert {FindingKind.MAKER_NOTE, FindingKind.XMP_HISTORY, FindingKind.DOCUMENT_ID, FindingKind.LOCATION,
            FindingKind.COMMENT, FindingKind.SOFTWARE, FindingKind.DEVICE} <= before.kinds  # fmt: skip

    result = publish_copy(src, tmp_path / "ut æøå.tif", PublishPolicy(), PRESS)
    assert result.format == "tiff" and not result.reencoded
    assert {FindingKind.GPS, FindingKind.SERIAL, FindingKind.OWNER, FindingKind.MAKER_NOTE,
            FindingKind.XMP_HISTORY} <= {f.kind for f in result.removed}  # fmt: skip
    assert "ICC profile" in result.kept
    out = result.dest.read_bytes()

    assert src.read_bytes() == original, "the original must be untouched"
    assert scan(result.dest, expected=PRESS).clean
    assert not scan(result.dest).has_gps
    for secret in SECRETS.values():
        assert secret.encode() not in out, secret
    assert out[:2] == original[:2], "byte order is kept"

    assert _tile_bytes(result.dest) == _tile_bytes(src)
    with Image.open(result.dest) as im:
        im.load()
        assert (im.mode, im.size, im.tobytes()) == ("RGB", size, image.tobytes())
        assert_same_colour(factory.srgb_icc(), im.info["icc_profile"])
        for tag in (0x8769, 0x8825, 0x8649, 0x927C, 0x010F, 0x0131, 0x010E, 0x014A):
            assert tag not in im.tag_v2, hex(tag)
        # Artist is written as UTF-8 (ExifTool's reading); Pillow decodes TIFF ASCII as Latin-1.
        assert im.tag_v2[0x013B].encode("latin-1").decode("utf-8") == PRESS.byline

    meta = read_metadata(result.dest)
    assert (meta.caption, meta.byline, meta.headline) == (PRESS.caption, PRESS.byline, PRESS.headline)
    assert meta.keywords == PRESS.keywords


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool not installed")
@pytest.mark.parametrize("order", ["<", ">"])
def test_exiftool_witness(tmp_path: Path, order: str) -> None:
    src, _ = make_tiled_tiff(tmp_path / "alt.tif", order=order, deflate=True)
    seen = _exiftool(src)
    assert any(k.startswith("GPS:") for k in seen) and "ExifIFD:SerialNumber" in seen  # the witness sees them

    dest = publish_copy(src, tmp_path / "ut.tif", PublishPolicy(), PRESS).dest
    tags = _exiftool(dest)
    leaked = [k for k in tags if k.startswith(("GPS:", "ExifIFD:", "Photoshop:", "MakerNotes", "XMP-xmpMM",
                                                "XMP-exif", "Composite:GPS", "IFD1:", "SubIFD"))]  # fmt: skip
    assert leaked == []
    assert not [k for k in tags if "Serial" in k or "Owner" in k or k.endswith((":Make", ":Software"))]
    assert tags["IFD0:TileWidth"] == 16 and tags["IFD0:Compression"] == "Adobe Deflate"
    assert tags["XMP-dc:Description"] == PRESS.caption and tags["XMP-dc:Creator"] == PRESS.byline
    assert tags["IPTC:By-line"] == PRESS.byline and tags["IPTC:Caption-Abstract"] == PRESS.caption
    assert tags["IFD0:Artist"] == PRESS.byline
    assert "ICC_Profile:ProfileDescription" in tags
    assert not [v for v in map(str, tags.values()) if any(s in v for s in SECRETS.values())]
    assert "Warning" not in tags and "Error" not in tags


@pytest.mark.parametrize("extra", ["reduced", "subifd"])
def test_tiled_thumbnail_directory_is_dropped(tmp_path: Path, extra: str) -> None:
    """The module drops reduced-resolution directories (IFD1) and SubIFDs; both here hold a tiled thumbnail."""
    src, image = make_tiled_tiff(tmp_path / "alt.tif", order=">", extra=extra)
    kinds = scan(src).kinds
    assert FindingKind.EMBEDDED_IMAGE in kinds
    result = publish_copy(src, tmp_path / "ut.tif", PublishPolicy(), PRESS)
    out = result.dest.read_bytes()
    assert SECRETS["thumb"].encode() not in out
    assert scan(result.dest, expected=PRESS).clean
    with Image.open(result.dest) as im:
        assert getattr(im, "n_frames", 1) == 1 and 0x014A not in im.tag_v2
        im.load()
        assert im.tobytes() == image.tobytes()
    assert _tile_bytes(result.dest) == _tile_bytes(src)


def test_second_page_is_refused_not_dropped(tmp_path: Path) -> None:
    """A real second page is content, not a thumbnail: the module refuses the file instead of losing it."""
    src, _ = make_tiled_tiff(tmp_path / "alt.tif", extra="page")
    with pytest.raises(UnsupportedFile, match="several pages"):
        scan(src)
    out = tmp_path / "ut"
    out.mkdir()
    with pytest.raises(StripRefused, match="several pages"):
        publish_copy(src, out / "ut.tif", PublishPolicy(), PRESS)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("order", ["<", ">"])
def test_tile_offset_past_end_is_a_clear_error(tmp_path: Path, order: str) -> None:
    src, _ = make_tiled_tiff(tmp_path / "skadet æøå.tif", order=order)
    data = bytearray(src.read_bytes())
    with Image.open(src) as im:
        first_offset = im.tag_v2[0x0144][0]
        n = len(im.tag_v2[0x0144])
    # Find the TileOffsets array (out of line: several LONGs) and point its last entry past the end.
    array = struct.pack(f"{order}{n}I", *Image.open(src).tag_v2[0x0144])
    at = bytes(data).index(array)
    assert struct.unpack_from(order + "I", data, at)[0] == first_offset
    struct.pack_into(order + "I", data, at + 4 * (n - 1), len(data) + 1000)
    src.write_bytes(bytes(data))
    digest = hashlib.sha256(data).hexdigest()

    with pytest.raises(CorruptImage, match="past the end") as info:
        scan(src)
    assert isinstance(info.value, PhotoarchiveError)
    out = tmp_path / "ut"
    out.mkdir()
    with pytest.raises(StripRefused, match="past the end of the file") as refused:
        publish_copy(src, out / "ut.tif", PublishPolicy(), PRESS)
    assert str(src) in str(refused.value) and "Traceback" not in str(refused.value)
    assert list(out.iterdir()) == [], "nothing may be left at the destination"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest

"""Synthetic test photos with real metadata, made with Pillow.

Every file is a genuine image of its format; the metadata is written the way cameras and editors
write it (EXIF as a TIFF structure with sub-IFDs and an IFD1 thumbnail, XMP as an APP1 packet,
IPTC-IIM inside a Photoshop APP13 resource), so readers and strippers meet the real layouts.

Import as ``import factory`` from tests (tests/ is on sys.path); benchmarks add tests/ themselves.
"""

from __future__ import annotations

import functools
import io
import random
import struct
from collections.abc import Iterable, Sequence
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageCms

# --- well-known values the tests assert on -------------------------------------------------------

GPS_LAT = (59, 12, 0.0)  # 59.2 N
GPS_LON = (9, 36, 0.0)  # 9.6 E
GPS_LAT_DEG = 59.2
GPS_LON_DEG = 9.6
BODY_SERIAL = "032021001234"
LENS_SERIAL = "0000c1a2b3"
OWNER_NAME = "Kari Nordmann"
DEFAULT_CAMERA = ("Canon", "Canon EOS 5D Mark IV")
DEFAULT_TIME = datetime(2024, 5, 17, 12, 30, 45)
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"

FORMAT_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp", "HEIF": ".heic"}

# IPTC-IIM record 2 datasets by the names make_photo's ``iptc`` dict uses.
IPTC_DATASETS = {
    "object_name": 5,
    "keywords": 25,
    "byline": 80,
    "city": 90,
    "country": 101,
    "headline": 105,
    "credit": 110,
    "source": 115,
    "copyright": 116,
    "caption": 120,
}

# --- a minimal TIFF/EXIF writer -------------------------------------------------------------------
# Pillow cannot write an IFD1 thumbnail, and we want byte-exact control over the structure, so the
# EXIF block is serialised here. Little-endian ("II"), the layout most cameras use.

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL = 1, 2, 3, 4, 5, 7, 10
_TYPE_SIZE = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1, SRATIONAL: 8}
EXIF_IFD_POINTER = 0x8769
GPS_IFD_POINTER = 0x8825
THUMB_OFFSET = 0x0201
THUMB_LENGTH = 0x0202


def _rational(value: float | Fraction | tuple[int, int]) -> tuple[int, int]:
    if isinstance(value, tuple):
        return value
    frac = Fraction(value).limit_denominator(100000)
    return frac.numerator, frac.denominator


def _encode_value(typ: int, value) -> tuple[bytes, int]:
    """The little-endian payload of one entry and its element count."""
    if typ == ASCII:
        raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
        raw += b"\x00"
        return raw, len(raw)
    if typ in (BYTE, UNDEFINED):
        raw = bytes(value) if not isinstance(value, str) else value.encode("ascii")
        return raw, len(raw)
    values = list(value) if isinstance(value, list | tuple) and typ not in (RATIONAL, SRATIONAL) else value
    if typ == SHORT:
        values = values if isinstance(values, list) else [values]
        return struct.pack(f"<{len(values)}H", *values), len(values)
    if typ == LONG:
        values = values if isinstance(values, list) else [values]
        return struct.pack(f"<{len(values)}I", *values), len(values)
    # RATIONAL / SRATIONAL: a list of numbers or (num, den) tuples
    items = value if isinstance(value, list) else [value]
    fmt = "<II" if typ == RATIONAL else "<ii"
    raw = b"".join(struct.pack(fmt, *_rational(item)) for item in items)
    return raw, len(items)


class _Ifd:
    def __init__(self, entries: dict[int, tuple[int, object]]):
        self.entries = dict(sorted(entries.items()))

    def size(self) -> int:
        total = 2 + 12 * len(self.entries) + 4
        for typ, value in self.entries.values():
            raw, _ = _encode_value(typ, value)
            if len(raw) > 4:
                total += len(raw) + (len(raw) & 1)
        return total

    def pack(self, offset: int, next_ifd: int) -> bytes:
        head = struct.pack("<H", len(self.entries))
        data_offset = offset + 2 + 12 * len(self.entries) + 4
        data = b""
        for tag, (typ, value) in self.entries.items():
            raw, count = _encode_value(typ, value)
            if len(raw) <= 4:
                head += struct.pack("<HHI", tag, typ, count) + raw.ljust(4, b"\x00")
            else:
                head += struct.pack("<HHII", tag, typ, count, data_offset + len(data))
                data += raw + (b"\x00" if len(raw) & 1 else b"")
        return head + struct.pack("<I", next_ifd) + data


def build_exif(
    ifd0: dict[int, tuple[int, object]],
    exif: dict[int, tuple[int, object]] | None = None,
    gps: dict[int, tuple[int, object]] | None = None,
    thumbnail_jpeg: bytes | None = None,
) -> bytes:
    """A TIFF-structured EXIF block (without the ``Exif\\0\\0`` prefix): IFD0, Exif, GPS, IFD1."""
    ifd0 = dict(ifd0)
    if exif:
        ifd0[EXIF_IFD_POINTER] = (LONG, 0)
    if gps:
        ifd0[GPS_IFD_POINTER] = (LONG, 0)
    ifd1_entries: dict[int, tuple[int, object]] | None = None
    if thumbnail_jpeg is not None:
        ifd1_entries = {
            0x0103: (SHORT, 6),  # Compression: old-style JPEG = the thumbnail
            0x011A: (RATIONAL, 72),
            0x011B: (RATIONAL, 72),
            0x0128: (SHORT, 2),
            THUMB_OFFSET: (LONG, 0),
            THUMB_LENGTH: (LONG, len(thumbnail_jpeg)),
        }
    # Sizes do not depend on pointer values (all LONG), so lay out once, then fill in the offsets.
    off0 = 8
    off_exif = off0 + _Ifd(ifd0).size()
    off_gps = off_exif + (_Ifd(exif).size() if exif else 0)
    off_ifd1 = off_gps + (_Ifd(gps).size() if gps else 0)
    off_thumb = off_ifd1 + (_Ifd(ifd1_entries).size() if ifd1_entries else 0)
    if exif:
        ifd0[EXIF_IFD_POINTER] = (LONG, off_exif)
    if gps:
        ifd0[GPS_IFD_POINTER] = (LONG, off_gps)
    out = b"II*\x00" + struct.pack("<I", off0)
    out += _Ifd(ifd0).pack(off0, off_ifd1 if ifd1_entries else 0)
    if exif:
        out += _Ifd(exif).pack(off_exif, 0)
    if gps:
        out += _Ifd(gps).pack(off_gps, 0)
    if ifd1_entries is not None and thumbnail_jpeg is not None:
        ifd1_entries[THUMB_OFFSET] = (LONG, off_thumb)
        out += _Ifd(ifd1_entries).pack(off_ifd1, 0)
        out += thumbnail_jpeg
    return out


def _dms(value: tuple[int, int, float]) -> list[tuple[int, int]]:
    d, m, s = value
    return [(d, 1), (m, 1), (round(s * 100), 100)]


def camera_exif(
    *,
    size: tuple[int, int],
    camera: tuple[str, str] | None = DEFAULT_CAMERA,
    lens: str = "",
    capture_time: datetime | None = None,
    orientation: int = 1,
    gps: bool = False,
    serial: bool = False,
    owner: bool = False,
    thumbnail_jpeg: bytes | None = None,
    artist: str = "",
    software: str = "",
) -> bytes:
    """EXIF of a camera: make/model, times, exposure, optional GPS, serials, owner and thumbnail."""
    ifd0: dict[int, tuple[int, object]] = {
        0x0112: (SHORT, orientation),
        0x011A: (RATIONAL, 300),
        0x011B: (RATIONAL, 300),
        0x0128: (SHORT, 2),
    }
    if camera:
        ifd0[0x010F] = (ASCII, camera[0])
        ifd0[0x0110] = (ASCII, camera[1])
    if software:
        ifd0[0x0131] = (ASCII, software)
    if artist:
        ifd0[0x013B] = (ASCII, artist)
    exif: dict[int, tuple[int, object]] = {
        0x829A: (RATIONAL, (1, 250)),  # ExposureTime
        0x829D: (RATIONAL, (56, 10)),  # FNumber
        0x8827: (SHORT, 400),  # ISO
        0x9000: (UNDEFINED, b"0232"),  # ExifVersion
        0x920A: (RATIONAL, (50, 1)),  # FocalLength
        0xA002: (LONG, size[0]),
        0xA003: (LONG, size[1]),
    }
    if capture_time is not None:
        stamp = capture_time.strftime("%Y:%m:%d %H:%M:%S")
        ifd0[0x0132] = (ASCII, stamp)
        exif[0x9003] = (ASCII, stamp)  # DateTimeOriginal
        exif[0x9004] = (ASCII, stamp)  # DateTimeDigitized
        exif[0x9011] = (ASCII, "+02:00")  # OffsetTimeOriginal
    if lens:
        exif[0xA434] = (ASCII, lens)
    if owner:
        exif[0xA430] = (ASCII, OWNER_NAME)  # CameraOwnerName
    if serial:
        exif[0xA431] = (ASCII, BODY_SERIAL)  # BodySerialNumber
        exif[0xA435] = (ASCII, LENS_SERIAL)  # LensSerialNumber
    gps_ifd = None
    if gps:
        gps_ifd = {
            0x0000: (BYTE, bytes([2, 3, 0, 0])),
            0x0001: (ASCII, "N"),
            0x0002: (RATIONAL, _dms(GPS_LAT)),
            0x0003: (ASCII, "E"),
            0x0004: (RATIONAL, _dms(GPS_LON)),
            0x0005: (BYTE, bytes([0])),
            0x0006: (RATIONAL, (1234, 10)),
            0x0007: (RATIONAL, [(10, 1), (30, 1), (45, 1)]),
            0x001D: (ASCII, "2024:05:17"),
        }
    return build_exif(ifd0, exif, gps_ifd, thumbnail_jpeg)


# --- XMP and IPTC-IIM -----------------------------------------------------------------------------


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xmp_packet(
    *,
    caption: str | None = None,
    headline: str | None = None,
    keywords: Sequence[str] = (),
    byline: str | None = None,
    credit: str | None = None,
    copyright: str | None = None,
    city: str | None = None,
    history: bool = False,
    document_id: str | None = None,
) -> str:
    """An XMP packet with Dublin Core / Photoshop press fields, as Lightroom or Photo Mechanic writes it."""
    props: list[str] = []
    attrs: list[str] = []
    if headline is not None:
        attrs.append(f'photoshop:Headline="{_xml_escape(headline)}"')
    if credit is not None:
        attrs.append(f'photoshop:Credit="{_xml_escape(credit)}"')
    if city is not None:
        attrs.append(f'photoshop:City="{_xml_escape(city)}"')
    if document_id is not None:
        attrs.append(f'xmpMM:DocumentID="{_xml_escape(document_id)}"')
    if caption is not None:
        props.append(
            "<dc:description><rdf:Alt>"
            f'<rdf:li xml:lang="x-default">{_xml_escape(caption)}</rdf:li>'
            "</rdf:Alt></dc:description>"
        )
    if copyright is not None:
        props.append(
            "<dc:rights><rdf:Alt>"
            f'<rdf:li xml:lang="x-default">{_xml_escape(copyright)}</rdf:li>'
            "</rdf:Alt></dc:rights>"
        )
    if byline is not None:
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{_xml_escape(byline)}</rdf:li></rdf:Seq></dc:creator>")
    if keywords:
        items = "".join(f"<rdf:li>{_xml_escape(k)}</rdf:li>" for k in keywords)
        props.append(f"<dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>")
    if history:
        props.append(
            "<xmpMM:History><rdf:Seq>"
            '<rdf:li stEvt:action="created" stEvt:when="2024-05-17T12:30:45+02:00" '
            'stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.2 (Windows)" '
            'stEvt:instanceID="xmp.iid:6f1c3c1e-1111-4a4b-9c9d-0123456789ab"/>'
            '<rdf:li stEvt:action="saved" stEvt:when="2024-05-18T08:00:00+02:00" '
            'stEvt:softwareAgent="Adobe Photoshop 25.0 (Windows)" stEvt:changed="/" '
            'stEvt:instanceID="xmp.iid:7a2d4d2f-2222-4b5c-8d9e-0123456789cd"/>'
            "</rdf:Seq></xmpMM:History>"
        )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
        'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" '
        + " ".join(attrs)
        + ">\n"
        + "\n".join(props)
        + "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        + " " * 200
        + '\n<?xpacket end="w"?>'
    )


def iptc_iim(fields: dict[str, object], *, utf8: bool = True, charset: str | None = None) -> bytes:
    """IPTC-IIM datasets for ``fields`` (names as in IPTC_DATASETS); UTF-8 declared in 1:90 when ``utf8``.

    With ``utf8=False`` the text is written in ``charset`` (default latin-1) and no 1:90 is written,
    as older newsroom tools did.
    """
    encoding = "utf-8" if utf8 else (charset or "latin-1")

    def dataset(record: int, number: int, data: bytes) -> bytes:
        return struct.pack(">BBBH", 0x1C, record, number, len(data)) + data

    out = b""
    if utf8:
        out += dataset(1, 90, b"\x1b%G")
    out += dataset(2, 0, b"\x00\x04")  # record version
    for name, value in fields.items():
        number = IPTC_DATASETS[name]
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            out += dataset(2, number, str(item).encode(encoding))
    return out


def photoshop_irb(iim: bytes) -> bytes:
    """A Photoshop image-resource block holding the IPTC-IIM resource (0x0404)."""
    res = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) & 1:
        res += b"\x00"
    return res


# --- pixels ---------------------------------------------------------------------------------------


# A real face: a crop of NASA's portrait of astronaut Eileen Collins (public domain; the copy scikit-image
# ships as skimage.data.astronaut()), see tests/data/README.md. The face's box in it, labelled by hand.
FACE_PHOTO = Path(__file__).with_name("data") / "astronaut_head.jpg"
FACE_BOX = (62, 60, 92, 124)


def paste_face(canvas: Image.Image, face_height: int, centre: tuple[int, int]) -> tuple[int, int, int, int]:
    """Paste the real face photo scaled so the face is ``face_height`` px high, its face centred on
    ``centre``; returns the face's (x, y, w, h) in the canvas."""
    with Image.open(FACE_PHOTO) as head:
        head = head.convert("RGB")
        scale = face_height / FACE_BOX[3]
        head = head.resize(
            (max(1, round(head.width * scale)), max(1, round(head.height * scale))), Image.Resampling.LANCZOS
        )
    fx, fy, fw, fh = (round(v * scale) for v in FACE_BOX)
    left, top = centre[0] - fx - fw // 2, centre[1] - fy - fh // 2
    canvas.paste(head, (left, top))
    return left + fx, top + fy, fw, fh


def make_pixels(size: tuple[int, int], pattern: str = "noise", seed: int = 0) -> Image.Image:
    """An RGB picture: "noise" (photo-like blotches), "gradient", "face" (one face), "group" (three faces)."""
    w, h = size
    if pattern == "noise":
        return _photo_like(size, seed)
    if pattern == "gradient":
        xs = Image.linear_gradient("L").resize(size)
        ys = Image.linear_gradient("L").rotate(90).resize(size)
        # The seed tints the blue channel so different seeds never give identical files.
        return Image.merge("RGB", (xs, ys, Image.new("L", size, 96 + seed % 64)))
    if pattern in ("face", "group"):
        im = Image.new("RGB", size, (70, 80, 90 + seed % 64))  # seed-tinted: distinct files per seed
        if pattern == "face":
            paste_face(im, int(min(w, h) * 0.4), (w // 2, h // 2))
        else:
            face_h = int(min(w / 3.6, h * 0.45) * 0.8)
            for i in range(3):
                paste_face(im, face_h, (int(w * (i + 0.5) / 3), h // 2))
        return im
    raise ValueError(f"unknown pattern {pattern!r}")


def _photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """Smooth random colour blotches: low-res noise upscaled (no flat areas, no faces)."""
    rng = random.Random(seed)
    w, h = size
    small = (max(2, w // 32), max(2, h // 32))
    data = bytes(rng.randrange(256) for _ in range(small[0] * small[1] * 3))
    return Image.frombytes("RGB", small, data).resize(size, Image.Resampling.BICUBIC)


def _natural_like(size: tuple[int, int], seed: int, grain: float) -> Image.Image:
    """Cloud-like colour over three octaves (roughly the 1/f spectrum of real scenes) plus
    full-resolution grain (uniform, from randbytes: far faster than Image.effect_noise at 24 MP),
    so it compresses and decodes like a photograph."""
    rng = random.Random(seed)
    w, h = size

    def octave(div: int) -> Image.Image:
        small = (max(2, w // div), max(2, h // div))
        noise = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3))
        return noise.resize(size, Image.Resampling.BICUBIC)

    im = octave(600)
    for div, weight in ((150, 0.35), (40, 0.2)):
        im = Image.blend(im, octave(div), weight)
    grain_layer = Image.frombytes("L", size, rng.randbytes(w * h))
    return Image.blend(im, Image.merge("RGB", (grain_layer, grain_layer, grain_layer)), grain)


@functools.cache
def srgb_icc() -> bytes:
    # Cached: the profile carries its creation time, and two identical make_photo calls should
    # give identical bytes (duplicate detection tests rely on it).
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _insert_jpeg_segments(jpeg: bytes, segments: Iterable[bytes]) -> bytes:
    """Insert ready-made marker segments after the JPEG's existing APPn segments (before DQT)."""
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF and 0xE0 <= jpeg[pos + 1] <= 0xEF:
        (length,) = struct.unpack(">H", jpeg[pos + 2 : pos + 4])
        pos += 2 + length
    return jpeg[:pos] + b"".join(segments) + jpeg[pos:]


def app_segment(marker: int, payload: bytes) -> bytes:
    """One JPEG marker segment (e.g. 0xE1 for APP1) with its length."""
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _thumbnail_jpeg(im: Image.Image) -> bytes:
    thumb = im.convert("RGB").copy()
    thumb.thumbnail((160, 120))
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=75)
    return buf.getvalue()


# Older name, used by other test modules.
_srgb_icc = srgb_icc


# --- the main entry points ------------------------------------------------------------------------


def make_photo(
    path: Path | str,
    *,
    size: tuple[int, int] = (640, 480),
    fmt: str = "JPEG",
    gps: bool = False,
    serial: bool = False,
    owner: bool = False,
    camera: tuple[str, str] | None = DEFAULT_CAMERA,
    lens: str = "",
    capture_time: datetime | None = None,
    orientation: int = 1,
    thumbnail: bool = False,
    xmp: str | None = None,
    iptc: dict[str, object] | None = None,
    iptc_utf8: bool = True,
    iptc_charset: str | None = None,
    icc: bool = False,
    comment: str | None = None,
    quality: int = 90,
    pattern: str = "noise",
    seed: int = 0,
    exif: bool = True,
    mode: str = "RGB",
) -> Path:
    """Write a synthetic photo with the metadata asked for and return its path.

    ``fmt`` is JPEG, PNG, TIFF, WEBP or HEIF. IPTC-IIM is written for JPEG (APP13) and TIFF (tag 33723).
    ``exif=False`` writes no EXIF at all; ``mode`` converts the pixels (e.g. "L", "CMYK", "P", "I;16").
    """
    path = Path(path)
    fmt = fmt.upper()
    im = make_pixels(size, pattern, seed)
    exif_bytes = b""
    if exif:
        exif_bytes = camera_exif(
            size=size,
            camera=camera,
            lens=lens,
            capture_time=capture_time,
            orientation=orientation,
            gps=gps,
            serial=serial,
            owner=owner,
            thumbnail_jpeg=_thumbnail_jpeg(im) if thumbnail else None,
        )
    if mode != "RGB":
        im = im.convert(mode)
    icc_bytes = srgb_icc() if icc else None
    iim = iptc_iim(iptc, utf8=iptc_utf8, charset=iptc_charset) if iptc else None

    if fmt == "JPEG":
        buf = io.BytesIO()
        kwargs: dict[str, object] = {"quality": quality}
        if exif_bytes:
            kwargs["exif"] = b"Exif\x00\x00" + exif_bytes
        if icc_bytes:
            kwargs["icc_profile"] = icc_bytes
        if comment is not None:
            kwargs["comment"] = comment.encode("utf-8")
        im.save(buf, "JPEG", **kwargs)
        extra = []
        if xmp is not None:
            extra.append(app_segment(0xE1, XMP_HEADER + xmp.encode("utf-8")))
        if iim is not None:
            extra.append(app_segment(0xED, PHOTOSHOP_HEADER + photoshop_irb(iim)))
        path.write_bytes(_insert_jpeg_segments(buf.getvalue(), extra))
    elif fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        if xmp is not None:
            info.add_itxt("XML:com.adobe.xmp", xmp, zip=False)
        if comment is not None:
            info.add_itxt("Comment", comment)
        kwargs = {"pnginfo": info}
        if exif_bytes:
            kwargs["exif"] = exif_bytes
        if icc_bytes:
            kwargs["icc_profile"] = icc_bytes
        im.save(path, "PNG", **kwargs)
    elif fmt == "TIFF":
        # In TIFF the EXIF IFD0 tags are the image's own IFD; XMP (700), IPTC (33723) and the
        # description (270) live there too. Pillow ignores ``exif`` when ``tiffinfo`` is given, so
        # everything goes through one Exif object.
        tags = Image.Exif()
        if exif_bytes:
            tags.load(exif_bytes)
        if xmp is not None:
            tags[700] = xmp.encode("utf-8")
        if iim is not None:
            tags[33723] = iim
        if comment is not None:
            tags[270] = comment
        # Uncompressed: libtiff (used for LZW) cannot write the EXIF and GPS sub-IFDs.
        kwargs = {"exif": tags}
        if icc_bytes:
            kwargs["icc_profile"] = icc_bytes
        im.save(path, "TIFF", **kwargs)
    elif fmt == "WEBP":
        kwargs = {"quality": quality}
        if exif_bytes:
            kwargs["exif"] = exif_bytes
        if xmp is not None:
            kwargs["xmp"] = xmp.encode("utf-8")
        if icc_bytes:
            kwargs["icc_profile"] = icc_bytes
        im.save(path, "WEBP", **kwargs)
    elif fmt in ("HEIF", "HEIC"):
        import pillow_heif

        heif = pillow_heif.from_pillow(im.convert("RGB"))
        kwargs = {"quality": quality}
        if exif_bytes:
            kwargs["exif"] = b"Exif\x00\x00" + exif_bytes
        if xmp is not None:
            kwargs["xmp"] = xmp.encode("utf-8")
        if icc_bytes:
            kwargs["icc_profile"] = icc_bytes
        heif.save(str(path), **kwargs)
    else:
        raise ValueError(f"unsupported format {fmt!r}")
    return path


def make_camera_jpeg(path: Path | str, width: int = 6000, height: int = 4000, seed: int = 0) -> Path:
    """A realistic full-size camera JPEG (24 MP, several MB) with full EXIF, thumbnail, XMP and ICC.

    Cloud-like structure at three scales plus sensor-like grain at full resolution: about 7 MB at
    quality 92, decoding and compressing like a photograph rather than a flat picture.
    """
    path = Path(path)
    im = _natural_like((width, height), seed, grain=0.065)
    exif_bytes = camera_exif(
        size=(width, height),
        camera=DEFAULT_CAMERA,
        lens="EF24-105mm f/4L IS II USM",
        capture_time=DEFAULT_TIME,
        gps=True,
        serial=True,
        owner=True,
        thumbnail_jpeg=_thumbnail_jpeg(im),
        artist=OWNER_NAME,
        software="Adobe Photoshop Lightroom Classic 13.2 (Windows)",
    )
    xmp = xmp_packet(
        caption="Politiet på stedet etter ulykken på E18",
        headline="Trafikkulykke",
        keywords=["politi", "trafikk"],
        byline=OWNER_NAME,
        credit="Politiet",
        copyright="© Politiet",
        city="Skien",
        history=True,
        document_id="xmp.did:6f1c3c1e-1111-4a4b-9c9d-0123456789ab",
    )
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92, exif=b"Exif\x00\x00" + exif_bytes, icc_profile=srgb_icc())
    segment = app_segment(0xE1, XMP_HEADER + xmp.encode("utf-8"))
    path.write_bytes(_insert_jpeg_segments(buf.getvalue(), [segment]))
    return path


# --- bad files ------------------------------------------------------------------------------------


def truncate(path: Path | str, fraction: float) -> Path:
    """Cut the file to ``fraction`` of its length, as an interrupted copy leaves it."""
    path = Path(path)
    data = path.read_bytes()
    path.write_bytes(data[: max(1, int(len(data) * fraction))])
    return path


def corrupt_middle(path: Path | str, length: int = 2000, seed: int = 0) -> Path:
    """Overwrite a run of bytes in the middle of the file with random garbage."""
    path = Path(path)
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    start = len(data) // 2
    for i in range(start, min(len(data), start + length)):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return path


def make_png_bomb(path: Path | str, width: int = 30000, height: int = 30000) -> Path:
    """A tiny PNG whose header claims ``width``×``height`` pixels (a decompression bomb), no real data."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    path = Path(path)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


def make_jpeg_bomb(path: Path | str, width: int = 30000, height: int = 30000) -> Path:
    """A small JPEG whose SOF header claims ``width``×``height`` (patched into a real 16×16 JPEG)."""
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 100, 50)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    pos = 2
    while pos < len(data):
        marker = data[pos + 1]
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in (0xC0, 0xC1, 0xC2):
            data[pos + 5 : pos + 9] = struct.pack(">HH", height, width)
            break
        pos += 2 + length
    path = Path(path)
    path.write_bytes(bytes(data))
    return path


def make_not_an_image(path: Path | str, kind: str = "pdf") -> Path:
    """A small non-image file someone might drop into the inbox: "pdf", "docx" (a zip) or "text"."""
    path = Path(path)
    if kind == "pdf":
        path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    elif kind == "docx":
        import zipfile

        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/document.xml", "<w:document/>")
    elif kind == "text":
        path.write_text("Møtereferat, ikke et bilde.\n", encoding="utf-8")
    else:
        raise ValueError(kind)
    return path


def catalog_row(name: str, sha256: str):  # -> NewPhoto
    """A catalog row for a photo whose file the test never reads (catalog, conflict and identity tests)."""
    from photoarchive.catalog.photos import NewPhoto

    return NewPhoto(
        sha256=sha256,
        original_name=name,
        archive_path=f"2026/{name}",
        size_bytes=1,
        format="jpeg",
        width=10,
        height=10,
    )

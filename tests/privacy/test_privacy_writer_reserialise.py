"""A published copy is written from what was parsed, at each field's exact length: bytes hidden inside
segments and chunks a copy keeps (DNL, a second ICC chunk, a padded DQT, a long pHYs, IDAT after the zlib
stream, unknown ANMF sub-chunks, bytes appended inside VP8, APP/COM inside TIFF JPEG strips and tables) do
not survive, and the image data stays byte for byte what it was."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import factory
import pytest
from PIL import Image
from privacy.helpers import pixels

from photoarchive.privacy import PressFields, PublishPolicy, StripRefused, jpeg_write, publish_copy, scan
from photoarchive.privacy import jpeg as jpeg_mod
from photoarchive.privacy import png as png_mod
from photoarchive.privacy import webp as webp_mod

MARK = b"Ola Nordmann 59.9139N"
PRESS = PressFields(byline="Politiet", copyright="(c) Politiet")


def _exiftool(path: Path) -> str:
    if not shutil.which("exiftool"):
        return ""
    return subprocess.run(["exiftool", "-a", "-u", "-G1", "-s", "-warning", "-all", str(path)],
                          capture_output=True, text=True, check=False).stdout  # fmt: skip


def _publish(src: Path, tmp_path: Path) -> bytes:
    result = publish_copy(src, tmp_path / f"ut{src.suffix}", PublishPolicy(decode_check=True), PRESS)
    out = result.dest.read_bytes()
    assert MARK not in out, f"the planted bytes survived in {result.dest.name}"
    assert MARK.decode() not in _exiftool(result.dest)
    assert scan(result.dest, expected=PRESS).clean
    return out


# -- JPEG --------------------------------------------------------------------------------------------


def _jpeg(size=(64, 48), **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    factory.make_pixels(size).save(buf, "JPEG", quality=90, **kwargs)
    return buf.getvalue()


def _before_sos(data: bytes, extra: bytes) -> bytes:
    at = data.index(b"\xff\xda")
    return data[:at] + extra + data[at:]


def _scan_data(data: bytes) -> list[bytes]:
    return [bytes(v) for v in jpeg_write.scan_data(data, jpeg_mod.parse(data))]


@pytest.mark.parametrize(
    "planted",
    [
        pytest.param(
            lambda d: _before_sos(d, b"\xff\xdc\x00" + bytes([4 + len(MARK)]) + b"\x00\x30" + MARK), id="DNL"
        ),
        pytest.param(
            lambda d: _before_sos(d, b"\xff\xf1" + struct.pack(">H", 2 + len(MARK)) + MARK),
            id="unknown marker",
        ),
        pytest.param(lambda d: _before_sos(d, b"\xff\xd3" + b"\xff\x01"), id="stray RST and TEM"),
    ],
)
def test_jpeg_markers_between_tables_and_scan_are_dropped(tmp_path: Path, planted) -> None:  # type: ignore[no-untyped-def]
    body = _jpeg()
    src = tmp_path / "alt.jpg"
    src.write_bytes(planted(body))
    out = _publish(src, tmp_path)
    assert _scan_data(out) == _scan_data(body)
    assert pixels(out).tobytes() == pixels(body).tobytes()


def test_jpeg_table_with_bytes_after_its_fields_is_cut(tmp_path: Path) -> None:
    body = _jpeg()
    at = body.index(b"\xff\xdb")
    (length,) = struct.unpack(">H", body[at + 2 : at + 4])
    padded = body[at + 4 : at + 2 + length] + MARK
    src = tmp_path / "alt.jpg"
    src.write_bytes(
        body[:at] + b"\xff\xdb" + struct.pack(">H", len(padded) + 2) + padded + body[at + 2 + length :]
    )
    out = _publish(src, tmp_path)
    assert _scan_data(out) == _scan_data(body)
    assert pixels(out).tobytes() == pixels(body).tobytes()


def test_second_icc_chunk_after_a_complete_profile_is_dropped(tmp_path: Path) -> None:
    body = _jpeg(icc_profile=factory.srgb_icc())
    at = body.index(b"ICC_PROFILE\x00") - 4
    (length,) = struct.unpack(">H", body[at + 2 : at + 4])
    extra = b"\xff\xe2" + struct.pack(">H", 2 + 14 + len(MARK)) + b"ICC_PROFILE\x00\x02\x02" + MARK
    src = tmp_path / "alt.jpg"
    src.write_bytes(body[: at + 2 + length] + extra + body[at + 2 + length :])
    out = _publish(src, tmp_path)
    segments = jpeg_mod.icc_segments(out, jpeg_mod.parse(out))
    assert [out[s.payload_start + 12 : s.payload_start + 14] for s in segments] == [b"\x01\x01"]


def test_orientation_survives_the_exif_ff_variant(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x013B] = MARK.decode()  # Artist
    raw = exif.tobytes()  # b"Exif\0\0" + TIFF
    assert raw.startswith(b"Exif\x00\x00")
    body = _jpeg()
    segment = b"\xff\xe1" + struct.pack(">H", len(raw) + 2) + b"Exif\x00\xff" + raw[6:]
    src = tmp_path / "alt.jpg"
    src.write_bytes(body[:2] + segment + body[2:])
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PRESS)
    assert MARK not in result.dest.read_bytes()
    with Image.open(result.dest) as im:
        assert im.getexif()[0x0112] == 6
    assert "orientation" in result.kept


# -- PNG ---------------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    return [(c.type, data[c.data_start : c.end - 4]) for c in png_mod.parse(data)]


def _png_from(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return png_mod.SIGNATURE + b"".join(png_mod.make_chunk(t, b) for t, b in chunks)


def _png_source(tmp_path: Path) -> tuple[Path, list[tuple[bytes, bytes]]]:
    buf = io.BytesIO()
    factory.make_pixels((48, 32)).save(buf, "PNG", dpi=(300, 300))
    return tmp_path / "alt.png", _png_chunks(buf.getvalue())


def test_png_phys_is_exactly_nine_bytes(tmp_path: Path) -> None:
    src, chunks = _png_source(tmp_path)
    chunks = [(t, b + MARK if t == b"pHYs" else b) for t, b in chunks]
    src.write_bytes(_png_from(chunks))
    out = _publish(src, tmp_path)
    phys = [b for t, b in _png_chunks(out) if t == b"pHYs"]
    assert phys == [next(b for t, b in chunks if t == b"pHYs")[:9]]


def test_png_image_data_ends_with_its_zlib_stream(tmp_path: Path) -> None:
    src, chunks = _png_source(tmp_path)
    original = pixels(_png_from(chunks)).tobytes()
    stream = b"".join(b for t, b in chunks if t == b"IDAT")
    idat_at = next(i for i, (t, _) in enumerate(chunks) if t == b"IDAT")
    rest = [c for c in chunks if c[0] != b"IDAT"]
    # The stream split over two IDATs, the second with bytes after the stream's end, then an extra IDAT.
    half = len(stream) // 2
    planted = [(b"IDAT", stream[:half]), (b"IDAT", stream[half:] + MARK), (b"IDAT", zlib.compress(MARK))]
    src.write_bytes(_png_from(rest[:idat_at] + planted + rest[idat_at:]))
    out = _publish(src, tmp_path)
    assert b"".join(b for t, b in _png_chunks(out) if t == b"IDAT") == stream
    assert pixels(out).tobytes() == original


# -- WebP --------------------------------------------------------------------------------------------


def _riff(chunks: list[tuple[bytes, bytes]]) -> bytes:
    body = b"WEBP" + b"".join(webp_mod._chunk(f, b) for f, b in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    return [(c.fourcc, data[c.data_start : c.data_end]) for c in webp_mod.parse(data)]


@pytest.mark.parametrize("lossless", [False, True])
def test_bytes_appended_inside_a_vp8_chunk_are_cut(tmp_path: Path, lossless: bool) -> None:
    buf = io.BytesIO()
    factory.make_pixels((64, 48)).save(buf, "WEBP", lossless=lossless, quality=80)
    chunks = _webp_chunks(buf.getvalue())
    src = tmp_path / "alt.webp"
    src.write_bytes(_riff([(f, b + MARK if f in (b"VP8 ", b"VP8L") else b) for f, b in chunks]))
    out = _publish(src, tmp_path)
    assert pixels(out).tobytes() == pixels(buf.getvalue()).tobytes()
    kept = [b for f, b in _webp_chunks(out) if f in (b"VP8 ", b"VP8L")]
    original = next(b for f, b in chunks if f in (b"VP8 ", b"VP8L"))
    assert len(kept) == 1 and original.startswith(kept[0]) and len(original) - len(kept[0]) < 4


def test_unknown_chunk_inside_an_animation_frame_is_dropped(tmp_path: Path) -> None:
    frames = [factory.make_pixels((40, 30), seed=i) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100, lossless=True)
    chunks = _webp_chunks(buf.getvalue())
    assert sum(f == b"ANMF" for f, _ in chunks) == 3
    planted = []
    for f, b in chunks:
        if f == b"ANMF":
            b = b[:16] + webp_mod._chunk(b"XTRA", MARK) + b[16:]
        planted.append((f, b))
    src = tmp_path / "alt.webp"
    src.write_bytes(_riff(planted))
    out = _publish(src, tmp_path)
    with Image.open(io.BytesIO(out)) as a, Image.open(io.BytesIO(buf.getvalue())) as b:
        assert a.n_frames == b.n_frames == 3
        for i in range(3):
            a.seek(i)
            b.seek(i)
            assert a.convert("RGBA").tobytes() == b.convert("RGBA").tobytes()


def test_webp_exif_is_raw_tiff(tmp_path: Path) -> None:
    src = factory.make_photo(tmp_path / "alt.webp", fmt="WEBP", orientation=6, owner=True)
    result = publish_copy(src, tmp_path / "ut.webp", PublishPolicy(), PRESS)
    out = result.dest.read_bytes()
    exif = [b for f, b in _webp_chunks(out) if f == b"EXIF"]
    assert len(exif) == 1 and exif[0][:4] in (b"II*\x00", b"MM\x00*")
    with Image.open(result.dest) as im:
        assert im.getexif()[0x0112] == 6
    if shutil.which("exiftool"):
        report = subprocess.run(["exiftool", "-a", "-G1", "-s", str(result.dest)], capture_output=True,
                                text=True, check=False).stdout  # fmt: skip
        assert "Improper EXIF header" not in report and "Orientation" in report


# -- TIFF with JPEG-compressed strips -----------------------------------------------------------------


def _jpeg_tiff(strip: bytes, tables: bytes, width: int, height: int) -> bytes:
    entries = [(0x0100, 3, 1, width), (0x0101, 3, 1, height), (0x0102, 3, 3, None), (0x0103, 3, 1, 7),
               (0x0106, 3, 1, 6), (0x0111, 4, 1, None), (0x0115, 3, 1, 3), (0x0116, 3, 1, height),
               (0x0117, 4, 1, len(strip)), (0x011C, 3, 1, 1), (0x015B, 7, len(tables), None)]  # fmt: skip
    ifd_at = 8
    table_len = 2 + 12 * len(entries) + 4
    bps_at = ifd_at + table_len
    tables_at = bps_at + 6
    strip_at = tables_at + len(tables) + (len(tables) & 1)
    out = bytearray(b"II*\x00" + struct.pack("<I", ifd_at) + struct.pack("<H", len(entries)))
    for tag, typ, count, value in entries:
        if tag == 0x0102:
            out += struct.pack("<HHII", tag, typ, count, bps_at)
        elif tag == 0x0111:
            out += struct.pack("<HHII", tag, typ, count, strip_at)
        elif tag == 0x015B:
            out += struct.pack("<HHII", tag, typ, count, tables_at)
        elif typ == 3:
            out += struct.pack("<HHIHH", tag, typ, count, value, 0)
        else:
            out += struct.pack("<HHII", tag, typ, count, value)
    out += b"\x00\x00\x00\x00" + struct.pack("<3H", 8, 8, 8) + tables + b"\x00" * (len(tables) & 1) + strip
    return bytes(out)


def test_app_and_com_inside_tiff_jpeg_strips_and_tables_are_removed(tmp_path: Path) -> None:
    body = _jpeg(size=(64, 48))
    layout = jpeg_mod.parse(body)
    seg = {s.marker: s for s in layout.segments}
    tables = b"\xff\xd8" + b"\xff\xfe" + struct.pack(">H", 2 + len(MARK)) + MARK
    tables += (
        b"".join(body[s.start : s.end] for s in layout.segments if s.marker in (0xDB, 0xC4)) + b"\xff\xd9"
    )
    exif = Image.Exif()
    exif[0x013B] = MARK.decode()
    raw = exif.tobytes()
    strip = body[:2] + b"\xff\xe1" + struct.pack(">H", len(raw) + 2) + raw
    strip += b"\xff\xfe" + struct.pack(">H", 2 + len(MARK)) + MARK + body[seg[0xDB].start :]
    src = tmp_path / "alt.tif"
    src.write_bytes(_jpeg_tiff(strip, tables, 64, 48))
    try:
        before = pixels(src).convert("RGB").tobytes()
    except OSError:
        pytest.skip("this Pillow/libtiff cannot decode JPEG-in-TIFF")
    out = _publish(src, tmp_path)
    assert pixels(out).convert("RGB").tobytes() == before


def test_tiff_jpeg_strip_that_is_not_a_jpeg_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "alt.tif"
    src.write_bytes(_jpeg_tiff(b"\xff\xd8" + MARK, b"\xff\xd8\xff\xd9", 8, 8))
    with pytest.raises(StripRefused, match="strip"):
        publish_copy(src, tmp_path / "ut.tif", PublishPolicy(), PRESS)
    assert not (tmp_path / "ut.tif").exists()


def test_bigtiff_gets_its_own_message(tmp_path: Path) -> None:
    src = tmp_path / "big.tif"
    src.write_bytes(b"II+\x00\x08\x00\x00\x00" + b"\x10" + b"\x00" * 63)
    with pytest.raises(StripRefused, match="BigTIFF"):
        publish_copy(src, tmp_path / "ut.tif", PublishPolicy(), PRESS)


def test_apng_frames_survive_with_bytes_after_a_frame_stream_cut(tmp_path: Path) -> None:
    frames = [factory.make_pixels((40, 30), seed=i) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "PNG", save_all=True, append_images=frames[1:], duration=100)
    chunks = _png_chunks(buf.getvalue())
    assert any(t == b"fdAT" for t, _ in chunks)
    last_fdat = max(i for i, (t, _) in enumerate(chunks) if t == b"fdAT")
    chunks[last_fdat] = (b"fdAT", chunks[last_fdat][1] + MARK)
    src = tmp_path / "alt.png"
    src.write_bytes(_png_from(chunks))
    out = _publish(src, tmp_path)
    with Image.open(io.BytesIO(out)) as a, Image.open(io.BytesIO(buf.getvalue())) as b:
        assert a.n_frames == b.n_frames == 3
        for i in range(3):
            a.seek(i)
            b.seek(i)
            assert a.convert("RGBA").tobytes() == b.convert("RGBA").tobytes()


def test_still_webp_with_alpha_keeps_its_alpha(tmp_path: Path) -> None:
    image = factory.make_pixels((48, 32)).convert("RGBA")
    image.putalpha(Image.linear_gradient("L").resize((48, 32)))
    buf = io.BytesIO()
    image.save(buf, "WEBP", quality=80, exif=b"Exif\x00\x00" + Image.Exif().tobytes()[6:])
    src = tmp_path / "alt.webp"
    src.write_bytes(buf.getvalue())
    out = _publish(src, tmp_path)
    assert {f for f, _ in _webp_chunks(out)} >= {b"VP8X", b"ALPH", b"VP8 "}
    assert pixels(out).tobytes() == pixels(buf.getvalue()).tobytes()

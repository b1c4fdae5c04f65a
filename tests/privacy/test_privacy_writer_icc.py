"""ICC profiles in published copies are rebuilt from their colour tags, never copied: names, serials and
calibration data planted in desc, cprt, dmdd, mmod and a v4 meta dictionary do not survive in any format,
and the copy converts colours exactly as the original profile does."""

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
from privacy.icc_check import (
    P3_PRIMARIES,
    assert_same_colour,
    build_profile,
    dict_tag,
    lut_profile,
    matrix_profile,
    mluc,
    text,
    v2_desc,
    xyz,
)

from photoarchive.privacy import PressFields, PublishPolicy, StripRefused, publish_copy
from photoarchive.privacy.icc import KEPT_TAGS, icc_description, rebuild_icc

NAME = "Kari Nordmann"
SERIAL = "SN-7731-EIZO"
EDID = "EDID-4C2D0F1A"


def _tags(profile: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack(">I", profile[128:132])
    return {
        sig: (offset, size)
        for sig, offset, size in (
            struct.unpack(">4sII", profile[132 + 12 * i : 144 + 12 * i]) for i in range(count)
        )
    }


def mmod() -> bytes:
    # Apple's make-and-model tag: manufacturer, model, serial number, manufacture date (+ reserved).
    return b"mmod\x00\x00\x00\x00" + b"APPL" + struct.pack(">I", 0xAE21) + SERIAL.encode() + b"\x00" * 8


PROFILES = {
    "name in desc and cprt": matrix_profile(desc=v2_desc(f"{NAME}s skjerm"), cprt=text(f"Copyright {NAME}")),
    "standard desc, name in cprt and dmdd": matrix_profile(
        cprt=text(f"(c) {NAME}"),
        extra=[(b"dmnd", v2_desc("EIZO")), (b"dmdd", v2_desc(f"ColorEdge CG279X {SERIAL} {NAME}"))],
    ),
    "v4 Display P3 with an EDID meta dictionary": matrix_profile(
        P3_PRIMARIES,
        desc=mluc("Display P3"),
        cprt=mluc("Copyright Apple Inc., 2017"),
        version=4,
        extra=[(b"meta", dict_tag({"EDID_serial": EDID, "EDID_model": "DELL U2720Q", "user": NAME}))],
        header={
            4: b"appl",
            40: b"APPL",
            48: b"DELL",
            52: b"A0B1",
            80: b"appl",
            24: bytes(range(1, 13)),
            84: b"\x5a" * 16,
        },
    ),
    "Apple-style mmod with a serial": matrix_profile(
        desc=mluc("Color LCD"),
        cprt=mluc(NAME),
        version=4,
        extra=[(b"mmod", mmod()), (b"vcgt", b"vcgt" + NAME.encode() * 3)],
    ),
    "LUT profile with bytes after its tags": lut_profile(desc=f"{NAME} scanner") + f"hidden {NAME}".encode(),
}
MARKERS = (NAME, SERIAL, EDID, "DELL", "EIZO", "ColorEdge", "APPL")


def _witnesses(path: Path) -> str:
    out = ""
    if shutil.which("exiftool"):
        out += subprocess.run(["exiftool", "-a", "-u", "-G1", "-s", str(path)], capture_output=True, text=True,
                              check=False).stdout  # fmt: skip
    if shutil.which("mat2"):
        out += subprocess.run(
            ["mat2", "--show", str(path)], capture_output=True, text=True, check=False
        ).stdout
    return out


def _assert_clean(profile: bytes, copy: Path) -> None:
    data = copy.read_bytes()
    for marker in MARKERS:
        for encoded in (marker.encode(), marker.encode("utf-16-be")):
            assert encoded not in data, f"{marker!r} survived in {copy.name}"
    seen = _witnesses(copy)
    for marker in MARKERS:
        assert marker not in seen, f"a witness still reads {marker!r} in {copy.name}"
    with Image.open(copy) as im:
        published = im.info.get("icc_profile")
    assert published
    assert_same_colour(profile, published)


@pytest.mark.parametrize("case", sorted(PROFILES))
def test_rebuilt_profile_converts_colours_as_the_original(case: str) -> None:
    profile = PROFILES[case]
    rebuilt = rebuild_icc(profile)
    assert_same_colour(profile, rebuilt)
    assert set(_tags(rebuilt)) <= KEPT_TAGS | {b"desc", b"cprt"}
    for marker in MARKERS:
        assert marker.encode() not in rebuilt and marker.encode("utf-16-be") not in rebuilt


@pytest.mark.parametrize("case", sorted(PROFILES))
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP"])
def test_no_planted_profile_data_survives_in_a_copy(tmp_path: Path, case: str, fmt: str) -> None:
    profile = PROFILES[case]
    src = tmp_path / f"alt{factory.FORMAT_SUFFIX[fmt]}"
    factory.make_pixels((96, 64)).save(src, fmt, icc_profile=profile)
    with Image.open(src) as im:
        assert im.info["icc_profile"].startswith(profile[:40])  # planted as built
    result = publish_copy(src, tmp_path / f"ut{src.suffix}", PublishPolicy(), PressFields())
    assert "ICC profile" in result.kept
    _assert_clean(profile, result.dest)


def test_heic_to_jpeg_profile_is_rebuilt(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    profile = PROFILES["v4 Display P3 with an EDID meta dictionary"]
    src = tmp_path / "alt.heic"
    heif = pillow_heif.from_pillow(factory.make_pixels((96, 64)))
    heif.save(str(src), icc_profile=profile)
    if EDID.encode("utf-16-be") not in src.read_bytes():
        pytest.skip("this libheif does not embed the profile")
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PressFields())
    assert result.reencoded and result.format == "jpeg"
    _assert_clean(profile, result.dest)


def test_png_profile_name_is_neutral(tmp_path: Path) -> None:
    src = tmp_path / "alt.png"
    factory.make_pixels((32, 32)).save(src, "PNG", icc_profile=PROFILES["name in desc and cprt"])
    data = bytearray(src.read_bytes())
    # Pillow names the profile "ICC Profile"; a calibration tool names it after the monitor's owner.
    at = data.index(b"iCCP")
    (length,) = struct.unpack(">I", data[at - 4 : at])
    body = bytes(data[at + 4 : at + 4 + length])
    _, _, rest = body.partition(b"\x00")
    body = f"{NAME} EIZO".encode() + b"\x00" + rest
    chunk = struct.pack(">I", len(body)) + b"iCCP" + body + struct.pack(">I", zlib.crc32(b"iCCP" + body))
    src.write_bytes(bytes(data[: at - 4]) + chunk + bytes(data[at + 4 + length + 4 :]))
    result = publish_copy(src, tmp_path / "ut.png", PublishPolicy(), PressFields())
    out = result.dest.read_bytes()
    assert NAME.encode() not in out and b"EIZO" not in out
    at = out.index(b"iCCP")
    assert out[at + 4 :].startswith(b"ICC profile\x00\x00")


def test_profile_header_and_layout_are_rebuilt() -> None:
    profile = PROFILES["v4 Display P3 with an EDID meta dictionary"]
    rebuilt = rebuild_icc(profile)
    (size,) = struct.unpack(">I", rebuilt[:4])
    assert size == len(rebuilt) and size % 4 == 0
    for offset, length in ((4, 4), (24, 12), (40, 4), (48, 16), (80, 4), (100, 28)):
        assert rebuilt[offset : offset + length] == b"\x00" * length, offset  # CMM, date, platform, device…
    assert rebuilt[8:24] == profile[8:24] and rebuilt[64:80] == profile[64:80]  # version, spaces, intent
    for sig, (offset, length) in _tags(rebuilt).items():
        assert offset % 4 == 0 and offset + length <= size, sig
    assert profile[84:100] == b"\x5a" * 16  # planted
    assert rebuilt[84:100] == b"\x00" * 16  # v4 profile ID: "not calculated" (the source's would not match)
    assert icc_description(rebuilt) == "Display P3"
    assert icc_description(rebuild_icc(PROFILES["name in desc and cprt"])) == "sRGB"
    assert icc_description(rebuild_icc(lut_profile())) == "Generic RGB"


def test_trailing_bytes_inside_a_tag_are_cut() -> None:
    para = b"para\x00\x00\x00\x00\x00\x00\x00\x00" + struct.pack(">i", 2 << 16)
    padded = para + f"{NAME} was here".encode()
    tags = [(b"wtpt", xyz(0.9642, 1.0, 0.8249) + NAME.encode()), (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
            (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)), (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
            (b"rTRC", padded), (b"gTRC", padded), (b"bTRC", padded)]  # fmt: skip
    source = build_profile(tags)
    rebuilt = rebuild_icc(source)
    assert NAME.encode() not in rebuilt
    assert_same_colour(source, rebuilt)
    assert _tags(rebuilt)[b"rTRC"][1] == len(para)


def test_unrewritable_colour_tag_refuses_the_copy(tmp_path: Path) -> None:
    odd = matrix_profile(extra=[]).replace(b"para", b"zzzz", 1)  # a tone curve of a type nobody defines
    src = tmp_path / "alt.jpg"
    factory.make_pixels((32, 32)).save(src, "JPEG", icc_profile=odd)
    with pytest.raises(StripRefused, match="colour profile"):
        publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PressFields())
    assert not (tmp_path / "ut.jpg").exists()


def test_garbage_profile_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "alt.jpg"
    factory.make_pixels((32, 32)).save(src, "JPEG", icc_profile=b"\x00\x00\x01\x00" + NAME.encode() * 30)
    result = publish_copy(src, tmp_path / "ut.jpg", PublishPolicy(), PressFields())
    assert NAME.encode() not in result.dest.read_bytes() and "ICC profile" not in result.kept
    with Image.open(io.BytesIO(result.dest.read_bytes())) as im:
        assert "icc_profile" not in im.info

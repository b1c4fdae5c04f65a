"""analyse_image: one decode, two thumbnails, orientation, bad input, bombs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import factory
import pytest
from PIL import Image, ImageFile

from photoarchive.errors import CorruptImage, ImageTooLarge, UnsupportedFile
from photoarchive.media.analyse import analyse_image, ensure_preview
from photoarchive.media.thumbnails import ThumbSize, thumbnail_path

SHA = "ab" + "0123456789abcdef" * 3 + "cdef0123456789"


@pytest.fixture
def thumbs(tmp_path: Path) -> Path:
    return tmp_path / "miniatyrer æøå"


def grid_size(thumbs: Path, sha: str = SHA) -> tuple[int, int]:
    with Image.open(thumbnail_path(thumbs, sha, ThumbSize.GRID)) as im:
        return im.size


def test_thumbnail_path_layout(tmp_path: Path) -> None:
    assert thumbnail_path(tmp_path, SHA, ThumbSize.GRID) == tmp_path / "ab" / f"{SHA}_256.jpg"
    assert thumbnail_path(tmp_path, SHA, ThumbSize.PREVIEW) == tmp_path / "ab" / f"{SHA}_1600.jpg"


def test_camera_jpeg_gets_reduced_decode_and_grid_thumbnail(tmp_path: Path, thumbs: Path) -> None:
    path = factory.make_camera_jpeg(tmp_path / "IMG_0001.JPG")
    started = time.perf_counter()
    analysis = analyse_image(path, thumbs, SHA)
    elapsed = time.perf_counter() - started
    meta = analysis.metadata
    assert (meta.width, meta.height) == (6000, 4000)
    assert meta.camera_model == "Canon EOS 5D Mark IV"
    assert meta.caption.startswith("Politiet på stedet")
    assert grid_size(thumbs) == (256, 171)
    assert set(analysis.timings) == set(analysis.cpu) == {"metadata", "decode", "thumbnail", "faces"}
    # Each stage is timed once, inside the call: together they cannot exceed it (a stage counted twice,
    # or timed from the wrong mark, would).
    assert all(v > 0 for v in analysis.timings.values())
    assert sum(analysis.timings.values()) <= elapsed
    assert analysis.thumbnails[ThumbSize.GRID].is_file()
    assert analysis.faces is not None and analysis.faces.count == 0
    # The 1/8 decode (750×500) does not hold a 1600-px preview: that is made on first view.
    assert ThumbSize.PREVIEW not in analysis.thumbnails
    # Atomic writes leave no temporary files behind.
    assert sorted(p.name for p in (thumbs / "ab").iterdir()) == [f"{SHA}_256.jpg"]


def test_preview_is_made_on_first_view_and_kept(tmp_path: Path, thumbs: Path) -> None:
    path = factory.make_camera_jpeg(tmp_path / "IMG_0002.JPG", 3000, 2000, seed=3)
    analyse_image(path, thumbs, SHA, find_faces=False)
    preview = ensure_preview(path, thumbs, SHA)
    assert preview == thumbnail_path(thumbs, SHA, ThumbSize.PREVIEW)
    with Image.open(preview) as im:
        # Decoded at DCT scale 1/2: 1500×1000, not the full file scaled down.
        assert im.size == (1500, 1000) and im.format == "JPEG" and im.mode == "RGB"
    made = preview.stat().st_mtime_ns
    path.unlink()  # a second view reads the kept preview and never the original
    assert ensure_preview(path, thumbs, SHA) == preview and preview.stat().st_mtime_ns == made
    assert sorted(p.name for p in (thumbs / "ab").iterdir()) == [f"{SHA}_1600.jpg", f"{SHA}_256.jpg"]


@pytest.mark.parametrize("orientation", [6, 8])
def test_preview_made_later_is_upright(tmp_path: Path, thumbs: Path, orientation: int) -> None:
    path = factory.make_photo(tmp_path / "o.jpg", size=(3200, 2400), orientation=orientation)
    analyse_image(path, thumbs, SHA, find_faces=False)
    with Image.open(ensure_preview(path, thumbs, SHA)) as im:
        assert im.size == (1200, 1600)


def test_jpeg_decode_uses_draft_mode(tmp_path: Path, thumbs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = factory.make_photo(tmp_path / "big.jpg", size=(3200, 2400), pattern="gradient")
    loaded: list[tuple[int, int]] = []
    original = ImageFile.ImageFile.load

    def spy(self):  # type: ignore[no-untyped-def]
        loaded.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    analyse_image(path, thumbs, SHA)
    assert loaded and max(max(size) for size in loaded) == 800  # 3200 / 4 at ingest, never 3200
    loaded.clear()
    ensure_preview(path, thumbs, SHA)
    assert loaded and max(max(size) for size in loaded) == 1600  # 3200 / 2 for the preview


def test_small_image_is_not_scaled_up(tmp_path: Path, thumbs: Path) -> None:
    analyse_image(factory.make_photo(tmp_path / "small.png", fmt="PNG", size=(200, 100)), thumbs, SHA)
    assert grid_size(thumbs) == (200, 100)
    with Image.open(thumbnail_path(thumbs, SHA, ThumbSize.PREVIEW)) as im:
        assert im.size == (200, 100)


# HEIF encoding is slow (x265), so HEIF gets a few representative orientations.
ORIENTATION_CASES = [(fmt, o) for fmt in ("JPEG", "PNG", "TIFF", "WEBP") for o in range(1, 9)] + [
    ("HEIF", 1),
    ("HEIF", 6),
    ("HEIF", 3),
]


@pytest.mark.parametrize(("fmt", "orientation"), ORIENTATION_CASES)
def test_grid_thumbnail_is_upright(tmp_path: Path, thumbs: Path, fmt: str, orientation: int) -> None:
    # Stored as a camera does: landscape pixels tagged with how to turn them. Orientations 5-8 swap axes.
    path = factory.make_photo(
        tmp_path / f"o{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, size=(400, 300), orientation=orientation
    )
    analyse_image(path, thumbs, SHA, find_faces=False)
    expected = (192, 256) if orientation >= 5 else (256, 192)
    assert grid_size(thumbs) == expected


def test_orientation_turns_the_right_way(tmp_path: Path, thumbs: Path) -> None:
    # A landscape picture, red on the left half; orientation 6 means "rotate 90° clockwise to view".
    image = Image.new("RGB", (400, 200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 200, 200))
    exif = factory.build_exif({0x0112: (factory.SHORT, 6)})
    path = tmp_path / "rot.jpg"
    image.save(path, exif=b"Exif\x00\x00" + exif, quality=95)
    analyse_image(path, thumbs, SHA, find_faces=False)
    with Image.open(thumbnail_path(thumbs, SHA, ThumbSize.GRID)) as grid:
        assert grid.size == (128, 256)
        top = grid.getpixel((64, 10))
        bottom = grid.getpixel((64, 245))
    assert top[0] > 200 and top[2] < 60  # the left half is on top after a clockwise turn
    assert bottom[2] > 200 and bottom[0] < 60


@pytest.mark.parametrize("mode", ["L", "CMYK", "P", "LA", "RGBA", "I;16", "1"])
def test_unusual_modes_make_rgb_thumbnails(tmp_path: Path, thumbs: Path, mode: str) -> None:
    fmt = "JPEG" if mode in ("L", "CMYK") else "TIFF" if mode == "I;16" else "PNG"
    path = factory.make_photo(
        tmp_path / f"m{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, mode=mode, size=(300, 200), pattern="gradient"
    )
    analyse_image(path, thumbs, SHA)
    with Image.open(thumbnail_path(thumbs, SHA, ThumbSize.GRID)) as grid:
        assert grid.mode == "RGB" and grid.size == (256, 171)
        lo, hi = grid.convert("L").getextrema()
    assert hi - lo > 100  # a real gradient survived, not a clipped white or black field


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path: Path, thumbs: Path) -> None:
    image = Image.new("I;16", (256, 64))
    for x in range(256):
        for y in range(64):
            image.putpixel((x, y), x * 256)
    path = tmp_path / "scan16.png"
    image.save(path)
    analyse_image(path, thumbs, SHA, find_faces=False)
    with Image.open(thumbnail_path(thumbs, SHA, ThumbSize.GRID)) as grid:
        assert abs(grid.convert("L").getpixel((128, 32)) - 128) < 10


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP", "HEIF"])
@pytest.mark.parametrize("fraction", [0.4, 0.95])
def test_truncated_file_is_corrupt(tmp_path: Path, thumbs: Path, fmt: str, fraction: float) -> None:
    size = (256, 192) if fmt == "HEIF" else (600, 400)
    path = factory.make_photo(tmp_path / f"cut{factory.FORMAT_SUFFIX[fmt]}", fmt=fmt, size=size)
    factory.truncate(path, fraction)
    with pytest.raises(CorruptImage) as info:
        analyse_image(path, thumbs, SHA)
    assert path.name in str(info.value)
    assert not thumbnail_path(thumbs, SHA, ThumbSize.GRID).exists()


def test_truncated_progressive_and_camera_jpeg(tmp_path: Path, thumbs: Path) -> None:
    progressive = tmp_path / "prog.jpg"
    factory.make_pixels((800, 600)).save(progressive, "JPEG", progressive=True)
    factory.truncate(progressive, 0.6)
    with pytest.raises(CorruptImage, match="truncated"):
        analyse_image(progressive, thumbs, SHA)
    camera = factory.truncate(factory.make_camera_jpeg(tmp_path / "cam.jpg", 3000, 2000), 0.9)
    with pytest.raises(CorruptImage, match="truncated"):
        analyse_image(camera, thumbs, SHA)


def test_garbage_in_the_middle_is_corrupt(tmp_path: Path, thumbs: Path) -> None:
    path = factory.corrupt_middle(factory.make_photo(tmp_path / "bad.jpg", size=(800, 600)), 3000)
    with pytest.raises(CorruptImage):
        analyse_image(path, thumbs, SHA)


def test_truncation_stays_an_error() -> None:
    import photoarchive.media.analyse  # noqa: F401  (importing must not relax Pillow)

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("kind", ["pdf", "docx", "text"])
def test_non_images_are_unsupported(tmp_path: Path, thumbs: Path, kind: str) -> None:
    path = factory.make_not_an_image(tmp_path / f"dokument.{'jpg' if kind == 'text' else kind}", kind)
    with pytest.raises(UnsupportedFile):
        analyse_image(path, thumbs, SHA)


def test_empty_file_is_unsupported(tmp_path: Path, thumbs: Path) -> None:
    empty = tmp_path / "tom.jpg"
    empty.write_bytes(b"")
    with pytest.raises(UnsupportedFile, match="empty"):
        analyse_image(empty, thumbs, SHA)


@pytest.mark.parametrize("make", [factory.make_png_bomb, factory.make_jpeg_bomb], ids=["png", "jpeg"])
def test_bomb_refused_without_decoding(
    tmp_path: Path, thumbs: Path, monkeypatch: pytest.MonkeyPatch, make
) -> None:
    path = make(tmp_path / "bomb")
    assert path.stat().st_size < 10_000

    def no_decoding(self):  # type: ignore[no-untyped-def]
        raise AssertionError("a bomb must not be decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(ImageTooLarge, match="900 megapixels"):
        analyse_image(path, thumbs, SHA)


def test_bomb_just_over_our_limit_but_under_pillows(tmp_path: Path, thumbs: Path) -> None:
    from photoarchive.media.decoding import MAX_PIXELS

    side = int(MAX_PIXELS**0.5) + 10
    with pytest.raises(ImageTooLarge):
        analyse_image(factory.make_png_bomb(tmp_path / "b.png", side, side), thumbs, SHA)


def test_unicode_and_long_names(tmp_path: Path, thumbs: Path) -> None:
    folder = tmp_path / ("lang mappe æøå " * 6)
    folder.mkdir()
    path = factory.make_photo(folder / "Åsted – «Bryggen» ØST.jpg", size=(300, 200))
    analysis = analyse_image(path, thumbs, SHA, find_faces=False)
    assert analysis.faces is None and "faces" not in analysis.timings
    assert grid_size(thumbs) == (256, 171)


def test_rerun_replaces_thumbnails(tmp_path: Path, thumbs: Path) -> None:
    path = factory.make_photo(tmp_path / "a.jpg", size=(300, 200))
    analyse_image(path, thumbs, SHA)
    target = thumbnail_path(thumbs, SHA, ThumbSize.GRID)
    os.utime(target, (0, 0))
    analyse_image(path, thumbs, SHA)
    assert target.stat().st_mtime > 0


def test_rgb_icc_profile_is_carried_into_thumbnails(tmp_path: Path, thumbs: Path) -> None:
    path = factory.make_photo(tmp_path / "p3.jpg", icc=True, size=(300, 200))
    analyse_image(path, thumbs, SHA, find_faces=False)
    with Image.open(path) as source, Image.open(thumbnail_path(thumbs, SHA, ThumbSize.GRID)) as grid:
        assert grid.info.get("icc_profile") == source.info["icc_profile"]


def test_cmyk_profile_is_not_put_on_an_rgb_thumbnail(tmp_path: Path, thumbs: Path) -> None:
    from photoarchive.media.thumbnails import rgb_icc_profile

    assert rgb_icc_profile(b"\x00" * 16 + b"CMYK" + b"\x00" * 100) is None
    assert rgb_icc_profile(None) is None
    path = factory.make_photo(tmp_path / "cmyk.jpg", mode="CMYK", size=(300, 200))
    analyse_image(path, thumbs, SHA, find_faces=False)
    with Image.open(thumbnail_path(thumbs, SHA, ThumbSize.GRID)) as grid:
        assert "icc_profile" not in grid.info and grid.mode == "RGB"


def test_file_vanishing_is_not_reported_as_damage(tmp_path: Path, thumbs: Path) -> None:
    with pytest.raises(FileNotFoundError):
        analyse_image(tmp_path / "gone.jpg", thumbs, SHA)


def test_messages_use_the_display_name(tmp_path: Path, thumbs: Path) -> None:
    # Ingest analyses a staged copy with a random name; the user must see the name they dropped.
    staged = factory.truncate(factory.make_photo(tmp_path / "0f3a9c.part", size=(600, 400)), 0.5)
    with pytest.raises(CorruptImage) as info:
        analyse_image(staged, thumbs, SHA, display_name="Åsted 1.jpg")
    assert str(info.value).startswith("Åsted 1.jpg is a damaged JPEG file") and ".part" not in str(info.value)
    pdf = factory.make_not_an_image(tmp_path / "1b2c.part", "pdf")
    with pytest.raises(UnsupportedFile, match="^rapport.pdf is not a JPEG"):
        analyse_image(pdf, thumbs, SHA, display_name="rapport.pdf")

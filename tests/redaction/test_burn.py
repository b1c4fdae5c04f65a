"""Regions burnt into the published copy: in place for every orientation, nothing recoverable."""

from __future__ import annotations

import hashlib
import io

import factory
import numpy as np
import pytest
from PIL import Image, ImageOps

from photoarchive.privacy import PublishPolicy, publish_copy
from photoarchive.privacy.findings import FindingKind
from photoarchive.privacy.scanning import scan_bytes
from photoarchive.publish import export_photos
from photoarchive.redaction import Fill, RedactionService, Region
from photoarchive.redaction.burn import apply_regions, burn_in
from photoarchive.settings import Settings

# Displayed 600×400 (landscape); the region is the top-left quarter-ish, off-centre so a wrong
# orientation puts it somewhere else.
REGION = (0.1, 0.15, 0.3, 0.35)


def _displayed_pixels(path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray((ImageOps.exif_transpose(im) or im).convert("RGB")).astype(int)


def _mask(width: int, height: int, box, margin: int = 0) -> np.ndarray:
    x, y, w, h = box
    m = np.zeros((height, width), dtype=bool)
    m[max(0, int(y * height) - margin) : int((y + h) * height) + 1 + margin,
      max(0, int(x * width) - margin) : int((x + w) * width) + 1 + margin] = True  # fmt: skip
    return m


@pytest.mark.parametrize("orientation", range(1, 9))
def test_region_burnt_in_where_the_photo_shows_it_for_every_orientation(tmp_path, orientation) -> None:
    # Stored so that, after the orientation is applied, the photo shows 600×400.
    stored = (400, 600) if orientation >= 5 else (600, 400)
    source = factory.make_photo(tmp_path / "o.jpg", size=stored, orientation=orientation, quality=95, seed=orientation)
    before = _displayed_pixels(source)
    assert before.shape[:2] == (400, 600)
    dest = burn_in(source, [Region(*REGION, fill=Fill.BOX)], tmp_path / "r.jpg")
    after = _displayed_pixels(dest)
    assert after.shape[:2] == (400, 600)
    inside = _mask(600, 400, REGION, margin=-2)
    outside = ~_mask(600, 400, REGION, margin=3)
    assert after[inside].max() <= 12  # black box (JPEG noise only)
    assert np.abs(after[outside] - before[outside]).mean() < 3  # one high-quality re-encode
    with Image.open(dest) as im:
        assert im.getexif().get(0x0112, 1) == 1  # orientation normalised: nothing left to apply


def test_mosaic_is_coarse_flat_cells_not_the_picture(tmp_path) -> None:
    picture = factory.make_pixels((600, 400), "face")
    box = (0.3, 0.1, 0.4, 0.8)
    out = np.asarray(apply_regions(picture, [Region(*box, fill=Fill.MOSAIC)])).astype(int)
    region = out[40:360, 180:420]
    original = np.asarray(picture).astype(int)[40:360, 180:420]
    assert np.abs(region - original).mean() > 5
    # Few distinct colours: each cell one colour (cells of at least 16 px).
    colours = {tuple(c) for c in region.reshape(-1, 3)}
    assert len(colours) <= (240 // 16 + 1) * (320 // 16 + 1)
    assert np.array_equal(out[:, :170], np.asarray(picture).astype(int)[:, :170])


def test_icc_profile_kept_and_no_thumbnail_or_xmp_carried(tmp_path) -> None:
    source = factory.make_photo(tmp_path / "t.jpg", size=(800, 600), icc=True, thumbnail=True, gps=True, xmp="<x/>")
    dest = burn_in(source, [Region(0.0, 0.0, 0.5, 0.5)], tmp_path / "r.jpg")
    with Image.open(dest) as im:
        assert im.info.get("icc_profile") == factory.srgb_icc()
        assert "xmp" not in im.info and not im.getexif().get_ifd(0x8825)
    assert b"\xff\xd8" not in dest.read_bytes()[2:]  # no second JPEG (embedded thumbnail) anywhere


def test_published_copy_hides_every_region_and_original_stays_untouched(home, catalog, archive, original_of, tmp_path) -> None:
    pid = archive("åsted.jpg", folder="2026-123456", size=(900, 600), thumbnail=True, orientation=6, gps=True)
    original = original_of(pid)
    digest_before = hashlib.sha256(original.read_bytes()).hexdigest()
    service = RedactionService(catalog, home)
    boxes = [(0.05, 0.05, 0.2, 0.2), (0.5, 0.4, 0.3, 0.2), (0.7, 0.75, 0.25, 0.2)]
    for i, box in enumerate(boxes):
        service.add(pid, box, "kari", fill=Fill.BOX if i != 1 else Fill.MOSAIC)
    items = export_photos(home, Settings(), catalog, [pid], tmp_path / "ut")
    assert items[0].error == ""
    published = items[0].dest.read_bytes()
    # Still stripped and verified like every other copy: no GPS, no thumbnail.
    _fmt, findings, _parsed = scan_bytes(published, "the copy")
    kinds = {f.kind for f in findings}
    assert not kinds & {FindingKind.GPS, FindingKind.THUMBNAIL, FindingKind.EMBEDDED_IMAGE, FindingKind.SERIAL}
    assert published.count(b"\xff\xd8") == 1
    shown = _displayed_pixels(io.BytesIO(published))
    source = _displayed_pixels(original)
    height, width = shown.shape[:2]
    for i, box in enumerate(boxes):
        inside = _mask(width, height, box, margin=-2)
        if i == 1:
            assert np.abs(shown[inside] - source[inside]).mean() > 5
        else:
            assert shown[inside].max() <= 12
    outside = ~np.logical_or.reduce([_mask(width, height, b, margin=3) for b in boxes])
    assert np.abs(shown[outside] - source[outside]).mean() < 3
    assert hashlib.sha256(original.read_bytes()).hexdigest() == digest_before


def test_without_regions_the_copy_is_lossless_as_before(home, catalog, archive, original_of, tmp_path) -> None:
    pid = archive("plain.jpg", size=(640, 480))
    original = original_of(pid)
    assert RedactionService(catalog, home).publish_source(pid, "x", original) == original
    items = export_photos(home, Settings(), catalog, [pid], tmp_path / "ut")
    assert not items[0].reencoded


def test_redacted_source_goes_through_the_unchanged_privacy_strip(tmp_path) -> None:
    source = factory.make_photo(tmp_path / "s.jpg", size=(640, 480), serial=True, owner=True)
    redacted = burn_in(source, [Region(0.2, 0.2, 0.2, 0.2)], tmp_path / "r.jpg")
    result = publish_copy(redacted, tmp_path / "out.jpg", PublishPolicy(decode_check=True))
    assert not result.reencoded  # the strip itself stays lossless: the one re-encode was the burn-in
    kinds = {f.kind for f in scan_bytes((tmp_path / "out.jpg").read_bytes(), "copy")[1]}
    assert FindingKind.SERIAL not in kinds and FindingKind.OWNER not in kinds


def test_heic_and_png_originals_are_redacted_too(home, catalog, archive, tmp_path) -> None:
    service = RedactionService(catalog, home)
    for name, fmt in (("telefon.heic", "HEIF"), ("skjerm.png", "PNG")):
        pid = archive(name, folder="2026-246810", size=(600, 400), fmt=fmt, seed=len(name))
        service.add(pid, REGION, "kari")
        (item,) = export_photos(home, Settings(), catalog, [pid], tmp_path / fmt)
        assert item.error == ""
        assert item.dest.suffix == (".png" if fmt == "PNG" else ".jpg")
        shown = _displayed_pixels(item.dest)
        assert shown[_mask(600, 400, REGION, margin=-2)].max() <= 12


def test_cmyk_profile_is_not_put_on_rgb_pixels(tmp_path) -> None:
    source = tmp_path / "cmyk.jpg"
    fake_cmyk_profile = bytes(16) + b"CMYK" + bytes(108)
    Image.new("CMYK", (200, 100), (0, 50, 100, 0)).save(source, "JPEG", icc_profile=fake_cmyk_profile)
    dest = burn_in(source, [Region(0.1, 0.1, 0.2, 0.2)], tmp_path / "r.jpg")
    with Image.open(dest) as im:
        assert im.mode == "RGB" and "icc_profile" not in im.info


def test_a_changed_region_makes_a_new_redacted_source_and_drops_the_old(home, catalog, archive, original_of) -> None:
    pid = archive("endres.jpg", folder="2026-135790", size=(600, 400))
    record = catalog.photos.get(pid)
    service = RedactionService(catalog, home)
    rid = service.add(pid, (0.1, 0.1, 0.2, 0.2), "kari")
    first = service.publish_source(pid, record.sha256, original_of(pid))
    service.move(rid, (0.6, 0.6, 0.2, 0.2), "kari")
    second = service.publish_source(pid, record.sha256, original_of(pid))
    assert second != first and second.is_file() and not first.exists()
    shown = _displayed_pixels(second)
    assert shown[_mask(600, 400, (0.6, 0.6, 0.2, 0.2), margin=-2)].max() <= 12
    assert shown[_mask(600, 400, (0.1, 0.1, 0.2, 0.2), margin=-2)].mean() > 30  # the old place shows again


def test_capture_date_survives_the_burn_in_for_keep_capture_date(tmp_path) -> None:
    from datetime import datetime

    source = factory.make_photo(tmp_path / "d.jpg", capture_time=datetime(2026, 5, 17, 12, 30, 0), gps=True)
    redacted = burn_in(source, [Region(0.1, 0.1, 0.2, 0.2)], tmp_path / "r.jpg")
    kept = publish_copy(redacted, tmp_path / "kept.jpg", PublishPolicy(keep_capture_date=True))
    dropped = publish_copy(redacted, tmp_path / "dropped.jpg", PublishPolicy(keep_capture_date=False))
    assert "capture date" in kept.kept and "capture date" not in dropped.kept
    with Image.open(tmp_path / "kept.jpg") as im:
        assert im.getexif().get_ifd(0x8769).get(0x9003) == "2026:05:17 12:30:00"
    with Image.open(redacted) as im:
        assert not im.getexif().get_ifd(0x8825)  # no GPS carried into the redacted source


@pytest.mark.parametrize("orientation", [1, 6, 8])
def test_the_preview_shows_the_region_where_the_published_copy_has_it(tmp_path, orientation) -> None:
    """The approval dialog's preview: a reduced decode, upright, the region filled by the same code."""
    from photoarchive.redaction.burn import burn_preview

    stored = (400, 600) if orientation >= 5 else (600, 400)
    source = factory.make_photo(tmp_path / "o.jpg", size=stored, orientation=orientation, quality=95, seed=3)
    preview = burn_preview(source, [Region(*REGION, fill=Fill.BOX)], 300)
    assert preview.size == (300, 200)
    shown = np.asarray(preview).astype(int)
    before = np.asarray(
        (ImageOps.exif_transpose(Image.open(source)) or Image.open(source)).convert("RGB").resize((300, 200))
    ).astype(int)
    assert shown[_mask(300, 200, REGION, margin=-1)].max() == 0
    outside = ~_mask(300, 200, REGION, margin=2)
    assert before[_mask(300, 200, REGION, margin=-1)].max() > 40
    assert np.abs(shown[outside] - before[outside]).mean() < 25

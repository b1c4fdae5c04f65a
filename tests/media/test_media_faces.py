"""Face detection (CenterFace) and the portrait decision, on a real face photo pasted into pictures."""

from __future__ import annotations

from pathlib import Path

import factory
import labelled
import pytest
from PIL import Image

from photoarchive.media import faces as faces_module
from photoarchive.media.analyse import analyse_image
from photoarchive.media.faces import (
    MODEL_FILE,
    FaceResult,
    detect_faces,
    detect_faces_full,
    is_portrait,
    search_size,
)


def _iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    ih = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = iw * ih
    return inter / (aw * ah + bw * bh - inter)


def test_model_ships_inside_the_package() -> None:
    assert MODEL_FILE.is_file() and MODEL_FILE.stat().st_size > 2_000_000
    assert (MODEL_FILE.parent / "centerface-LICENSE.txt").is_file()


@pytest.mark.parametrize("size", [(640, 480), (480, 640), (1600, 1200), (300, 200)])
def test_a_real_face_is_found(size: tuple[int, int]) -> None:
    faces = detect_faces(factory.make_pixels(size, "face"))
    assert faces.count == 1
    assert 0.2 < faces.largest_fraction < 0.6
    assert is_portrait(faces, 0.15)


def test_group_is_not_a_portrait() -> None:
    faces = detect_faces(factory.make_pixels((1200, 800), "group"))
    assert faces.count == 3
    assert not is_portrait(faces, 0.15)


@pytest.mark.parametrize("pattern", ["noise", "gradient"])
def test_no_face_in_plain_pictures(pattern: str) -> None:
    faces = detect_faces(factory.make_pixels((1500, 1000), pattern))
    assert faces.count == 0 and faces.largest_fraction == 0.0
    assert not is_portrait(faces, 0.15)


def test_textured_noise_does_not_pass_as_faces() -> None:
    hits = [seed for seed in range(20) if detect_faces(factory.make_pixels((800, 600), "noise", seed)).count]
    assert hits == []


def test_sizes_of_different_shapes_in_turn_give_right_answers() -> None:
    # OpenCV's DNN module answers wrongly when one network is run at a second input size; each size
    # must get its own, so a landscape after a portrait-shaped photo still finds its face.
    for size in [(480, 640), (640, 480), (500, 500), (480, 640), (900, 400)]:
        assert detect_faces(factory.make_pixels(size, "face")).count == 1, size
        assert detect_faces(factory.make_pixels(size, "noise", 3)).count == 0, size


def test_analyse_finds_face_through_orientation(tmp_path: Path) -> None:
    # The face is stored on its side (as a camera held upright writes it) and must be found upright.
    face = factory.make_pixels((480, 640), "face").rotate(90, expand=True)  # stored 640×480, sideways
    path = tmp_path / "portrett.jpg"
    face.save(path, exif=b"Exif\x00\x00" + factory.build_exif({0x0112: (factory.SHORT, 6)}))
    analysis = analyse_image(path, tmp_path / "thumbs", "ef" * 32)
    assert analysis.faces is not None and analysis.faces.count == 1
    assert is_portrait(analysis.faces, 0.15)


def test_small_faces_are_not_searched_at_ingest_but_found_in_the_full_search() -> None:
    canvas = factory.make_pixels((3000, 2000), "noise", 5)
    box = factory.paste_face(canvas, 60, (2100, 700))  # 3 % of the short edge
    assert detect_faces(canvas).count == 0
    full = detect_faces_full(canvas, min_face_px=40)
    assert full.count == 1
    assert full.frame_size == canvas.size
    assert _iou(full.boxes[0], box) > 0.5


def test_full_search_finds_each_of_several_faces_in_place() -> None:
    canvas = factory.make_pixels((2400, 1600), "noise", 2)
    boxes = [
        factory.paste_face(canvas, h, c) for h, c in ((90, (400, 500)), (140, (1200, 900)), (60, (2000, 400)))
    ]
    found = detect_faces_full(canvas, min_face_px=60)
    assert found.count == 3
    for box in boxes:
        assert max(_iou(f, box) for f in found.boxes) > 0.5
    for nx, ny, nw, nh in found.normalised_boxes():
        assert 0 <= nx <= 1 and 0 <= ny <= 1 and 0 < nw < 1 and 0 < nh < 1


def test_grayscale_and_rgba_pictures_are_searched() -> None:
    face = factory.make_pixels((640, 480), "face")
    assert detect_faces(face.convert("L")).count == 1
    assert detect_faces(face.convert("RGBA")).count == 1


def test_search_size_keeps_small_pictures_and_shrinks_large_ones() -> None:
    assert search_size((100, 80)) == (100, 80)
    w, h = search_size((6000, 4000))
    assert max(w, h) <= 256 and abs(w / h - 1.5) < 0.02


def test_portrait_rules() -> None:
    assert is_portrait(FaceResult(1, 0.3, fractions=(0.3,)), 0.15)
    assert not is_portrait(FaceResult(1, 0.1, fractions=(0.1,)), 0.15)
    assert is_portrait(FaceResult(2, 0.4, fractions=(0.4, 0.1)), 0.15)
    assert not is_portrait(FaceResult(2, 0.4, fractions=(0.4, 0.3)), 0.15)
    assert not is_portrait(FaceResult(0, 0.0), 0.15)


def test_image_object_is_not_changed() -> None:
    image = factory.make_pixels((640, 480), "face")
    before = image.tobytes()
    detect_faces(image)
    detect_faces_full(image)
    assert image.tobytes() == before and isinstance(image, Image.Image)


# -- the labelled scenes of tests/labelled.py: real faces, frontal and three-quarter, on real backgrounds


def _recall_and_false(found: FaceResult, scene: labelled.Scene) -> tuple[list[int], int]:
    """(heights of the faces missed, false boxes) at IoU ≥ 0.5."""
    truth = scene.boxes("face")
    _tp, fp, hit = labelled.match(found.boxes, truth)
    return [box[3] for box, h in zip(truth, hit, strict=True) if not h], fp


def test_full_search_finds_small_and_large_faces_of_both_poses_in_labelled_scenes() -> None:
    heights = (24, 26, 28, 30, 32, 36, 40, 48, 64, 96, 160, 240)
    scenes = [labelled.build_scene((2400, 1600), seed, heights, distractors=4) for seed in (11, 12)]
    assert {label.pose for scene in scenes for label in scene.labels} == {"frontal", "three-quarter"}
    missed: list[int] = []
    false = 0
    for scene in scenes:
        m, f = _recall_and_false(detect_faces_full(scene.image), scene)
        missed, false = missed + m, false + f
    # Every face from 32 px up; of the 24–30 px ones most (the network scores them lowest).
    assert [h for h in missed if h >= 32] == []
    assert len(missed) <= 0.15 * len(heights) * len(scenes), missed
    assert false <= 1


def test_a_cats_face_coins_text_and_a_clock_are_not_faces() -> None:
    canvas = factory.make_pixels((3000, 2000), "noise", 6)
    left = 20
    for name in labelled.DISTRACTORS:
        with Image.open(labelled.DATA / name) as piece:
            for long_edge, top in ((200, 40), (450, 300), (900, 800)):
                scale = long_edge / max(piece.size)
                sized = piece.convert("RGB").resize((round(piece.width * scale), round(piece.height * scale)))
                canvas.paste(sized, (left, top))
        left += 740
    assert detect_faces_full(canvas).count == 0


def test_faces_on_the_seams_between_tiles_are_found_once() -> None:
    canvas = factory.make_pixels((3000, 2000), "noise", 4)
    tile_w, lefts = faces_module._tiles(3000)
    seam = lefts[0] + tile_w  # the right edge of the first tile, inside the second
    boxes = [
        factory.paste_face(canvas, 60, (seam, 500)),
        factory.paste_face(canvas, 220, (lefts[2] + tile_w, 1300)),
    ]
    found = detect_faces_full(canvas)
    assert found.count == 2
    for box in boxes:
        assert max(_iou(f, box) for f in found.boxes) > 0.5

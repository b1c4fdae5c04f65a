"""Face detection and the portrait decision."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest

from photoarchive.media.analyse import analyse_image
from photoarchive.media.faces import FaceResult, detect_faces, is_portrait, search_size


@pytest.mark.parametrize("size", [(640, 480), (480, 640), (1600, 1200), (300, 200)])
def test_schematic_face_is_found(size: tuple[int, int]) -> None:
    faces = detect_faces(factory.make_pixels(size, "face"))
    assert faces.count == 1
    assert 0.3 < faces.largest_fraction < 0.9
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
    # Seed 4 at 800×600 once produced a face-like blotch that passed the cascade with a low score.
    hits = [seed for seed in range(20) if detect_faces(factory.make_pixels((800, 600), "noise", seed)).count]
    assert hits == []


def test_analyse_finds_face_through_orientation(tmp_path: Path) -> None:
    # The face is stored on its side (as a camera held upright writes it) and must be found upright.
    face = factory.make_pixels((480, 640), "face").rotate(90, expand=True)  # stored 640×480, sideways
    path = tmp_path / "portrett.jpg"
    face.save(path, exif=b"Exif\x00\x00" + factory.build_exif({0x0112: (factory.SHORT, 6)}))
    analysis = analyse_image(path, tmp_path / "thumbs", "ef" * 32)
    assert analysis.faces is not None and analysis.faces.count == 1
    assert is_portrait(analysis.faces, 0.15)


def test_small_faces_are_not_searched() -> None:
    # A face of ~11% of the short edge is below the default search floor (12%); a lower floor finds it.
    canvas = factory.make_pixels((1500, 1000), "gradient")
    face = factory.make_pixels((260, 174), "face")
    canvas.paste(face, (650, 430))
    assert detect_faces(canvas).count == 0
    found = detect_faces(canvas, min_face_fraction=0.05)
    assert found.count == 1 and 0.09 < found.largest_fraction < 0.12


def test_search_size_never_scales_up_and_bounds_long_edge() -> None:
    assert search_size((100, 80)) == (100, 80)
    width, height = search_size((6000, 4000))
    assert height == 200 and width == 300
    assert max(search_size((20000, 1000))) <= 640


def box_result(*fractions: float) -> FaceResult:
    ordered = tuple(sorted(fractions, reverse=True))
    return FaceResult(count=len(ordered), largest_fraction=ordered[0] if ordered else 0.0, fractions=ordered)


@pytest.mark.parametrize(
    ("fractions", "expected"),
    [
        ((), False),
        ((0.3,), True),
        ((0.1,), False),
        ((0.15,), True),
        ((0.4, 0.1), True),  # one much larger than the other
        ((0.4, 0.3), False),  # two people of similar size
        ((0.3, 0.12, 0.12), True),
        ((0.1, 0.04), False),  # dominant but too small
    ],
)
def test_is_portrait(fractions: tuple[float, ...], expected: bool) -> None:
    assert is_portrait(box_result(*fractions), 0.15) is expected


@pytest.mark.corpus
def test_real_portrait_in_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    """A real photograph of one man (19th-century portrait scan) is suggested as a portrait."""
    path = corpus_dir / "exif-samples" / "tiff" / "DudleyLeavittUtah.tiff"
    analysis = analyse_image(path, tmp_path, "12" * 32)
    assert analysis.faces is not None and analysis.faces.count == 1
    assert is_portrait(analysis.faces, 0.15)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    [
        "jpg/Canon_40D.jpg",
        "jpg/gps/DSCN0010.jpg",
        "jpg/orientation/landscape_1.jpg",
        "jpg/tests/11-tests.jpg",
    ],
)
def test_real_photos_without_people_are_not_portraits(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    analysis = analyse_image(corpus_dir / "exif-samples" / name, tmp_path, "34" * 32)
    assert analysis.faces is not None and not is_portrait(analysis.faces, 0.15)

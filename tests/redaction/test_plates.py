"""Number plates: the numpy plate finder (photoarchive/redaction/plates.py, measured in
benchmarks/plates.py) and the plate suggestions it gives a case photo."""

from __future__ import annotations

from pathlib import Path, PurePath

import labelled
import numpy as np

from photoarchive.catalog.photos import Category
from photoarchive.ingest.pipeline import Ingestor, SourceFile
from photoarchive.redaction import RedactionService, plates
from photoarchive.redaction.detect import find_plates
from photoarchive.redaction.service import padded
from photoarchive.settings import Settings


def test_components_are_joined_across_rows_and_kept_apart_when_they_do_not_touch() -> None:
    mask = np.zeros((6, 10), dtype=bool)
    mask[0, 0:3] = True
    mask[1, 2:5] = True  # touches the run above: one region 5 wide, 2 high
    mask[4:6, 7:9] = True  # a separate 2×2 block
    found = sorted(plates.components(mask))
    assert found == [(0, 0, 5, 2, 6), (7, 4, 2, 2, 4)]


def test_a_large_rendered_plate_is_found_and_a_plain_background_gives_nothing() -> None:
    scene = labelled.build_scene((1600, 1200), 7, (), distractors=0, plate_widths=(300,))
    gray = np.asarray(scene.image.convert("L"))
    (truth,) = scene.boxes("plate")
    found = [box for box, _ in plates.search(gray)]
    _tp, _false, hit = labelled.match(found, [truth])  # type: ignore[arg-type]
    assert hit == [True]

    empty = labelled.build_scene((1600, 1200), 7, (), distractors=0)
    assert plates.search(np.asarray(empty.image.convert("L"))) == []


def test_a_case_photo_with_two_bystanders_and_a_car_gets_two_face_and_one_plate_suggestion(
    home, catalog, tmp_path: Path
) -> None:
    """Issue 14's case: the two faces and the number plate are suggested, each where it is."""
    scene = labelled.build_scene((2400, 1600), 31, (150, 260), distractors=0, plate_widths=(260,))
    inbox = tmp_path / "innboks" / "2026-4711"
    inbox.mkdir(parents=True)
    path = inbox / "påkjørsel.jpg"
    scene.image.save(path, "JPEG", quality=92)
    result = Ingestor(home, Settings(), catalog, find_faces=False).ingest(
        SourceFile(path, PurePath("2026-4711", path.name)), remove_source=True
    )
    assert result.photo_id is not None, result.reason
    assert catalog.photos.get(result.photo_id).has_category(Category.CASE)

    added = RedactionService(catalog, home).detect(result.photo_id)

    def fractions(kind: str) -> list[tuple[float, float, float, float]]:
        return [(x / 2400, y / 1600, w / 2400, h / 1600) for x, y, w, h in scene.boxes(kind)]

    plates_found = [(r.x, r.y, r.w, r.h) for r in added if r.kind == "plate"]
    faces_found = [(r.x, r.y, r.w, r.h) for r in added if r.kind == "face"]
    assert len(added) == 3 and all(r.source == "detector" for r in added)
    _tp, false, hit = labelled.match(plates_found, fractions("plate"))  # type: ignore[arg-type]
    assert hit == [True] and false == 0
    _tp, false, hit = labelled.match(faces_found, [padded(*f) for f in fractions("face")])  # type: ignore[arg-type]
    assert hit == [True, True] and false == 0


def test_the_face_scenes_of_the_face_tests_get_no_plate(tmp_path: Path) -> None:
    """The labelled face scenes test_detect.py suggests faces on (faces 48–260 px, coins, text, a
    clock): no plate box among them. (Over more scenes it is not always so: benchmarks/plates.py.)"""
    for seed in (21, 23):
        scene = labelled.build_scene(
            (2400, 1600), seed, (48, 80, 140, 260), distractors=4, three_quarter_share=0.5
        )
        path = tmp_path / f"ansikter_{seed}.jpg"
        scene.image.save(path, "JPEG", quality=92)
        assert find_plates(path) == []

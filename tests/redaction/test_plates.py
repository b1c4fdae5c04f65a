"""The numpy plate finder (photoarchive/redaction/plates.py): measured in benchmarks/plates.py and not
suggested in the app (below the 0.8 / 0.8 bar); these tests hold the pieces it is measured with."""

from __future__ import annotations

import labelled
import numpy as np

from photoarchive.redaction import plates


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

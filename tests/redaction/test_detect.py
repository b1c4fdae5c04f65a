"""Face suggestions for a case photo: the labelled scene's faces, found in the original as displayed."""

from __future__ import annotations

from pathlib import Path, PurePath

import factory
import labelled
import pytest
from PIL import Image

from photoarchive.catalog.photos import Category
from photoarchive.ingest.pipeline import Ingestor, SourceFile
from photoarchive.redaction import RedactionService
from photoarchive.redaction.detect import decode_for_search, find_faces
from photoarchive.redaction.model import RegionKind
from photoarchive.redaction.service import padded
from photoarchive.settings import Settings

# Sizes the benchmark finds every time (recall by size: benchmarks/faces.py); the smaller ones are
# tests/media/test_media_faces.py's.
HEIGHTS = (48, 80, 140, 260)


def _sideways_scene(path: Path, seed: int) -> list[tuple[float, float, float, float]]:
    """A labelled 2400×1600 scene stored on its side with EXIF orientation 6 (as a camera held upright
    writes it); returns its faces' boxes as fractions of the displayed picture."""
    scene = labelled.build_scene((2400, 1600), seed, HEIGHTS, distractors=4, three_quarter_share=0.5)
    stored = scene.image.rotate(90, expand=True)  # orientation 6: the viewer turns it back clockwise
    stored.save(
        path, "JPEG", quality=92, exif=b"Exif\x00\x00" + factory.build_exif({0x0112: (factory.SHORT, 6)})
    )
    return [(x / 2400, y / 1600, w / 2400, h / 1600) for x, y, w, h in scene.boxes("face")]


def test_find_faces_gives_every_face_of_the_displayed_photo(tmp_path: Path) -> None:
    path = tmp_path / "åsted.jpg"
    truth = _sideways_scene(path, 21)
    found = find_faces(path)
    assert all(s.kind is RegionKind.FACE and 0 < s.score <= 1 for s in found)
    _tp, false, hit = labelled.match([s.box for s in found], truth)  # type: ignore[arg-type]
    assert all(hit), [t for t, h in zip(truth, hit, strict=True) if not h]
    assert false == 0


def test_the_search_decodes_a_jpeg_only_as_far_as_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "stor.jpg"
    truth = _sideways_scene(path, 22)
    picture, factor = decode_for_search(path, 0.3)  # libjpeg's 1/2 is the coarsest that holds 0.3×
    assert factor == 0.5 and picture.size == (1200, 800)  # upright: 1600×2400 stored, 2400×1600 shown
    full, factor = decode_for_search(path, 1.0)
    assert factor == 1.0 and full.size == (2400, 1600)
    # Faces of ≥ 80 px need only a 0.35× search: found as well from the reduced decode.
    with Image.open(path) as im:
        assert im.size == (1600, 2400)
    large = [t for t in truth if t[3] * 1600 >= 80]
    _tp, false, hit = labelled.match([s.box for s in find_faces(path, min_face_px=80)], large)  # type: ignore[arg-type]
    assert len(large) == 3 and all(hit)


@pytest.fixture
def case_photo(home, catalog, tmp_path):
    def ingest(seed: int) -> tuple[int, list[tuple[float, float, float, float]]]:
        inbox = tmp_path / "innboks" / "2026-4711"
        inbox.mkdir(parents=True, exist_ok=True)
        path = inbox / f"ulykke_{seed}.jpg"
        truth = _sideways_scene(path, seed)
        result = Ingestor(home, Settings(), catalog, find_faces=False).ingest(
            SourceFile(path, PurePath("2026-4711", path.name)), remove_source=True
        )
        assert result.photo_id is not None, result.reason
        assert catalog.photos.get(result.photo_id).has_category(Category.CASE)
        return result.photo_id, truth

    return ingest


def test_suggestions_for_a_case_photo_cover_each_face(home, catalog, case_photo) -> None:
    pid, truth = case_photo(23)
    service = RedactionService(catalog, home)
    added = service.detect(pid)
    assert len(added) == len(truth)
    assert all(r.kind == "face" and r.source == "detector" for r in added)
    # Each suggestion is its face grown by the service's padding (hair, ears, chin), in place.
    wanted = [padded(*t) for t in truth]
    _tp, false, hit = labelled.match([(r.x, r.y, r.w, r.h) for r in added], wanted)  # type: ignore[arg-type]
    assert all(hit) and false == 0
    assert service.pending_searches() == []

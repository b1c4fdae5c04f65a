"""The people tests' fixtures (the Flickr emulator and signed-in home, a settable sync clock, the person
register), shared from tests/people/conftest.py, plus case photos."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "_people_fixtures", Path(__file__).parents[1] / "people" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
globals().update({k: v for k, v in vars(_fixtures).items() if not k.startswith("_")})


@pytest.fixture
def case_photos(home, catalog, make_photos):
    """make(count, case_number) -> photo ids carrying that case number (confirmed case photos whose
    redaction was reviewed: nothing to hide, so a public set may show them with an override)."""
    from photoarchive.redaction import RedactionService

    def make(count: int, case_number: str) -> list[int]:
        ids = make_photos(count, case=True)
        catalog.photos.update_fields(ids, {"case_number": case_number}, actor="test")
        for photo_id in ids:
            RedactionService(catalog, home).nothing_to_redact(photo_id, "kari")
        return ids

    return make

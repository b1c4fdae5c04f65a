"""The Flickr fixtures (emulator, signed-in home, archived photos with real files, sets approved by
an editor) shared with tests/flickr, plus a sync whose clock the test sets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "_flickr_fixtures", Path(__file__).parents[1] / "flickr" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
globals().update({k: v for k, v in vars(_fixtures).items() if not k.startswith("_")})


@pytest.fixture
def clock():
    """A settable epoch-seconds clock for the sync (never the wall clock's passing)."""
    import time

    class Clock:
        now = time.time()

        def __call__(self) -> float:
            return self.now

        def set_date(self, day) -> None:
            from datetime import datetime
            from datetime import time as dtime

            self.now = datetime.combine(day, dtime(12, 0)).timestamp()

    return Clock()


@pytest.fixture
def people(catalog, home, settings):
    from photoarchive.people.service import PeopleService

    return PeopleService.for_home(catalog, home, settings, actor="kari")

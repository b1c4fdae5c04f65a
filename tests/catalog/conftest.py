"""A fresh catalog on the backend under test (SQLite file, or a database on the test PostgreSQL server)."""

from __future__ import annotations

import pytest


@pytest.fixture
def catalog(home):
    from photoarchive.catalog import Catalog

    cat = Catalog.for_home(home)
    yield cat
    cat.close()

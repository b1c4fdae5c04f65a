"""The commit that lets ingest remove an inbox file is fsynced (synchronous=FULL); every other write
stays at the catalog's NORMAL, and no pooled connection is left at FULL, even after a failed add."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from photoarchive.catalog import Catalog
from photoarchive.catalog.photos import NewPhoto

NORMAL, FULL = 1, 2


def _new(n: int) -> NewPhoto:
    return NewPhoto(
        sha256=f"{n:064x}",
        original_name=f"IMG_{n}.jpg",
        archive_path=f"2026/2026-01-01/IMG_{n}.jpg",
        size_bytes=10,
        format="jpeg",
        width=10,
        height=10,
    )


@pytest.fixture
def catalog(tmp_path):
    catalog = Catalog.open_file(tmp_path / "c.sqlite")
    yield catalog
    catalog.close()


def _watch(catalog):
    """Each statement with the synchronous level its connection had when it ran, plus commits."""
    seen = []

    @event.listens_for(catalog.engine, "before_cursor_execute")
    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, _sync_level(conn)))

    @event.listens_for(catalog.engine, "commit")
    def commit(conn):
        seen.append(("COMMIT", _sync_level(conn)))

    return seen


def _sync_level(conn) -> int:
    return conn.connection.dbapi_connection.execute("PRAGMA synchronous").fetchone()[0]


def _level(catalog) -> set[int]:
    """The synchronous level of every connection the pool holds."""
    with catalog.engine.connect() as conn:
        return {conn.execute(text("PRAGMA synchronous")).scalar()}


def test_the_add_commits_with_full_sync_and_leaves_the_connection_normal(catalog):
    seen = _watch(catalog)
    catalog.photos.add(_new(1), actor="test")
    inserts = [level for what, level in seen if what.startswith("INSERT INTO photos ")]
    commits = [level for what, level in seen if what == "COMMIT"]
    assert inserts == [FULL] and commits[0] == FULL
    assert _level(catalog) == {NORMAL}

    seen.clear()
    catalog.photos.update_fields([1], {"caption": "x"}, actor="test")
    assert [level for what, level in seen if what == "COMMIT"] == [NORMAL]


def test_a_failed_add_writes_nothing_and_leaves_the_connection_normal(catalog):
    catalog.photos.add(_new(1), actor="test")
    with pytest.raises(IntegrityError):
        catalog.photos.add(_new(1), actor="test")  # the same bytes again
    assert catalog.photos.count() == 1
    assert len(catalog.events.for_photo(1)) == 1
    assert _level(catalog) == {NORMAL}

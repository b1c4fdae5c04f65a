"""Catalog photos for set tests, added the way ingest adds them (no files needed unless asked)."""

from __future__ import annotations

import hashlib

import pytest


@pytest.fixture
def catalog(home):
    from photoarchive.catalog import Catalog

    cat = Catalog.for_home(home)
    yield cat
    cat.close()


def _add_photo(catalog, name: str, *, case: bool = False, **fields) -> int:
    from photoarchive.catalog.photos import Category, CategoryState, NewPhoto

    sha = hashlib.sha256(name.encode()).hexdigest()
    photo_id = catalog.photos.add(
        NewPhoto(
            sha256=sha,
            original_name=name,
            archive_path=f"2024/05/{name}",
            size_bytes=100,
            format="JPEG",
            width=640,
            height=480,
            **fields,
        ),
        actor="test",
    )
    if case:
        catalog.photos.set_category([photo_id], Category.CASE, CategoryState.CONFIRMED, actor="test")
    return photo_id


@pytest.fixture
def add_photo(catalog):
    """add_photo(name, case=False, **NewPhoto fields) -> photo id"""
    return lambda name, **kw: _add_photo(catalog, name, **kw)


@pytest.fixture
def photo_ids(catalog) -> list[int]:
    return [_add_photo(catalog, f"IMG_{i:04d}.jpg", headline=f"Bilde {i}") for i in range(1, 5)]

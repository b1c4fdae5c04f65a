"""An archive with photos ingested the real way, for the redaction tests."""

from __future__ import annotations

from pathlib import Path, PurePath

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.ingest.pipeline import Ingestor, SourceFile
from photoarchive.settings import Settings


@pytest.fixture
def catalog(home):
    return Catalog.for_home(home)


@pytest.fixture
def archive(home, catalog, tmp_path):
    """ingest(name, folder="", **make_photo options) -> photo id (a folder like "2026-123456" makes a case photo)."""
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    inbox = tmp_path / "innboks"

    def ingest(name: str, folder: str = "", **options) -> int:
        target = inbox / folder if folder else inbox
        target.mkdir(parents=True, exist_ok=True)
        path = factory.make_photo(target / name, **options)
        relative = PurePath(folder, name) if folder else PurePath(name)
        result = ingestor.ingest(SourceFile(path, relative), remove_source=True)
        assert result.photo_id is not None, result.reason
        return result.photo_id

    return ingest


@pytest.fixture
def original_of(home, catalog):
    def find(photo_id: int) -> Path:
        return home.originals / catalog.photos.get(photo_id).archive_path

    return find

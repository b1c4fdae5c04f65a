"""What the catalog records from the scan at ingest: the GPS badge means a real position, and a serial or
name that only a vendor block holds still sets its flag."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest
from privacy import planted

from photoarchive.catalog import Catalog
from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile
from photoarchive.settings import Settings


@pytest.fixture
def ingest(home, tmp_path: Path):  # type: ignore[no-untyped-def]
    catalog = Catalog.for_home(home)
    ingestor = Ingestor(home, Settings(), catalog, find_faces=False)
    inbox = tmp_path / "innboks"
    inbox.mkdir()

    def run(build) -> object:  # type: ignore[no-untyped-def]
        path = build(inbox)
        result = ingestor.ingest(SourceFile.under(path, inbox), remove_source=False)
        assert result.outcome is Outcome.ARCHIVED, result.reason
        return catalog.photos.get(result.photo_id)

    return run


def test_an_empty_gps_directory_gives_no_gps_badge(ingest) -> None:  # type: ignore[no-untyped-def]
    exif = factory.build_exif({0x010F: (factory.ASCII, "Canon")}, gps={0: (factory.BYTE, [2, 2, 0, 0])})
    record = ingest(lambda inbox: planted.jpeg_with_exif(inbox / "tom gps.jpg", exif))
    assert record.has_gps is False
    assert "gps_fields" in record.privacy_findings and "gps" not in record.privacy_findings


def test_a_position_gives_the_gps_badge(ingest) -> None:  # type: ignore[no-untyped-def]
    record = ingest(
        lambda inbox: planted.jpeg_with_exif(inbox / "gps.jpg", factory.build_exif({}, gps=planted.gps_ifd()))
    )
    assert record.has_gps is True and "gps" in record.privacy_findings


def test_flags_from_vendor_blocks(ingest) -> None:  # type: ignore[no-untyped-def]
    c2pa = ingest(lambda inbox: planted.jpeg_with_c2pa(inbox / "c2pa.jpg"))
    assert c2pa.has_owner and not c2pa.has_serial
    mpf = ingest(lambda inbox: planted.mpf_with_secondary(inbox / "mpf.jpg"))
    assert mpf.has_gps and mpf.has_serial

"""The search box on both catalogs: substrings, æøå in any case, and no wildcards from what is typed."""

from __future__ import annotations

from photoarchive.catalog.photos import NewPhoto, PhotoQuery


def _add(catalog, n: int, name: str, caption: str) -> int:
    return catalog.photos.add(
        NewPhoto(
            sha256=f"{n:064x}",
            original_name=name,
            archive_path=f"2026/{name}",
            size_bytes=1,
            format="jpeg",
            width=10,
            height=10,
            caption=caption,
        ),
        actor="t",
    )


def test_search_matches_substrings_with_norwegian_letters_in_any_case(catalog):
    a = _add(catalog, 1, "IMG_0001.jpg", "Trafikkulykke ved Ørsta sentrum")
    b = _add(catalog, 2, "IMGx0001.jpg", "Pressekonferanse om BJØRNØYA-saken, 100% sikker")
    search = lambda text: catalog.photos.ids(PhotoQuery(search=text, descending=False))  # noqa: E731
    assert search("ørsta") == [a] and search("ØRSTA") == [a] and search("rsta sen") == [a]
    assert search("bjørnøya") == [b] and search("øya-sak") == [b]
    # What is typed is text, not a pattern: _ and % match only themselves.
    assert search("img_0001") == [a]
    assert search("100%") == [b] and search("0%") == [b] and search("%") == [b]
    assert search("img%0001") == []
    assert search("trafikk ørsta") == [a]  # every word must match
    assert catalog.photos.count(PhotoQuery(search="img")) == 2


def test_the_shared_catalog_has_a_trigram_index_for_the_search(pg_url):
    from sqlalchemy import text

    from photoarchive.catalog import Catalog

    catalog = Catalog.open(pg_url)
    try:
        with catalog.engine.connect() as conn:
            names = set(
                conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'photos'")).scalars()
            )
    finally:
        catalog.close()
    assert "ix_photos_search_trgm" in names
    # The grid's default order and the Inbox read narrow indexes in their order (benchmarks/catalog.py).
    assert {"ix_photos_sort_time_id", "ix_photos_reviewed_ingested_at_id"} <= names

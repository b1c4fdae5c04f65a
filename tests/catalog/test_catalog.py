"""The catalog: migrations on open, WAL, and the queries the CLI and GUI rely on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from photoarchive.catalog import Catalog
from photoarchive.catalog.db import MIGRATIONS_DIR, SCHEMA_HEAD, table_names
from photoarchive.catalog.photos import Category, CategoryState, CategorySuggestion, NewPhoto, PhotoQuery


def _new(n: int, **kw) -> NewPhoto:
    values = dict(
        sha256=f"{n:064x}",
        original_name=f"IMG_{n:04}.jpg",
        archive_path=f"2026/2026-01-01/IMG_{n:04}.jpg",
        size_bytes=100,
        format="jpeg",
        width=4000,
        height=3000,
    )
    values.update(kw)
    return NewPhoto(**values)


def test_new_catalog_is_migrated_and_in_wal_mode(tmp_path):
    catalog = Catalog.open_file(tmp_path / "c.sqlite")
    with catalog.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert [version] == ScriptDirectory.from_config(config).get_heads()


def test_old_catalog_is_upgraded_on_open_and_keeps_its_photos(tmp_path):
    from alembic import command
    from alembic.config import Config

    from photoarchive.catalog.db import create_catalog_engine, sqlite_url

    engine = create_catalog_engine(sqlite_url(tmp_path / "old.sqlite"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    old = Catalog(engine)
    photo_id = old.photos.add(
        _new(
            1,
            caption="Brann i Storgata «i natt»",
            keywords=["brann", "Skien"],
            case_number="2026-123456",
            capture_time=datetime(2026, 1, 2, 3, 4, 5),
            has_gps=True,
            privacy_findings=["gps"],
            suggestions=[CategorySuggestion(Category.MEDIA, "size")],
        ),
        actor="fotograf",
    )
    old.photos.set_category([photo_id], Category.CASE, CategoryState.CONFIRMED, actor="rådgiver")
    quarantine_id = old.quarantine.add(
        original_name="notat.pdf",
        source_path="innboks/notat.pdf",
        quarantine_path="2026-01-02/notat.pdf",
        reason="this is a PDF document",
        reason_code="not_a_photo",
        size_bytes=10,
        sha256="",
        actor="fotograf",
    )
    # Read as rows, not records: today's record has columns (the row version) a 0001 catalog lacks.
    with engine.connect() as conn:
        before = dict(
            conn.execute(text("SELECT * FROM photos WHERE id = :i"), {"i": photo_id}).mappings().one()
        )
    history = old.events.for_photo(photo_id)
    engine.dispose()

    reopened = Catalog.open_file(tmp_path / "old.sqlite")
    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        indexes = {r[1] for r in conn.execute(text("PRAGMA index_list('photos')"))}
    # 0003's indexes exist, and the 0001 photo, its categories, history and quarantine entry read back
    # exactly as written.
    assert {"ix_photos_reviewed_sort_time", "ix_photos_sort_time_search_text"} <= indexes
    with reopened.engine.connect() as conn:
        after = dict(
            conn.execute(text("SELECT * FROM photos WHERE id = :i"), {"i": photo_id}).mappings().one()
        )
    assert {k: after[k] for k in before} == before and after["version"] == 1
    assert reopened.photos.get(photo_id).caption == "Brann i Storgata «i natt»"
    assert reopened.events.for_photo(photo_id) == history
    assert [q.id for q in reopened.quarantine.list()] == [quarantine_id]
    assert reopened.photos.ids(PhotoQuery(search="storgata")) == [photo_id]
    assert reopened.photos.ids(PhotoQuery(category=Category.CASE, confirmed_only=True)) == [photo_id]
    # 0002's sync tables are there, and the upgraded catalog takes new photos.
    assert {"flickr_photos", "flickr_albums", "flickr_journal", "flickr_failures"} <= set(
        table_names(reopened.engine)
    )
    assert reopened.photos.add(_new(2), actor="t") == photo_id + 1


def test_search_filter_and_sort(catalog):
    photos = catalog.photos
    a = photos.add(
        _new(
            1,
            caption="Trafikkulykke på E18",
            capture_time=datetime(2026, 1, 2),
            suggestions=[CategorySuggestion(Category.MEDIA, "size")],
        ),
        actor="t",
    )
    b = photos.add(
        _new(
            2,
            keywords=["Åsted", "Kriminalteknikk"],
            case_number="2026-123456",
            capture_time=datetime(2026, 1, 3),
        ),
        actor="t",
    )
    photos.set_category([b], Category.CASE, CategoryState.CONFIRMED, actor="t")
    assert photos.ids(PhotoQuery(search="e18")) == [a]
    assert photos.ids(PhotoQuery(search="åsted")) == [b]  # not ASCII-only case folding
    assert photos.ids(PhotoQuery(search="ÅSTED")) == [b]
    assert photos.ids(PhotoQuery(search="2026-123456")) == [b]
    assert photos.ids(PhotoQuery(search="IMG_0001")) == [a]
    assert photos.ids(PhotoQuery(category=Category.MEDIA)) == [a]
    assert photos.ids(PhotoQuery(category=Category.MEDIA, confirmed_only=True)) == []
    assert photos.ids(PhotoQuery(category=Category.CASE, confirmed_only=True)) == [b]
    assert photos.ids() == [b, a]  # newest capture first
    assert photos.ids(PhotoQuery(descending=False)) == [a, b]
    assert photos.case_numbers() == [("2026-123456", 1)]
    assert photos.ids(PhotoQuery(needs_review=True)) == [a]  # an unconfirmed suggestion


def test_edits_are_recorded_in_the_history(catalog):
    photos = catalog.photos
    pid = photos.add(_new(1), actor="fotograf")
    photos.update_fields(
        [pid], {"caption": "Ny tekst «sitat»", "keywords": ["a", "A", " b "]}, actor="rådgiver"
    )
    record = photos.get(pid)
    assert record.caption == "Ny tekst «sitat»"
    assert record.keywords == ["a", "b"]
    kinds = [(e.kind, e.actor) for e in catalog.events.for_photo(pid)]
    assert kinds == [("ingested", "fotograf"), ("edited", "rådgiver")]
    assert catalog.events.for_photo(pid)[1].detail["before"]["caption"] == ""


def test_category_decisions_replace_suggestions(catalog):
    photos = catalog.photos
    pid = photos.add(_new(1, suggestions=[CategorySuggestion(Category.PORTRAIT, "face")]), actor="t")
    assert photos.get(pid).pending_suggestions == [Category.PORTRAIT]
    photos.set_category([pid], Category.PORTRAIT, CategoryState.REJECTED, actor="anne")
    record = photos.get(pid)
    assert not record.has_category(Category.PORTRAIT)
    assert record.categories[Category.PORTRAIT].decided_by == "anne"
    summary = photos.summaries()[0]
    assert summary.categories == ()


def test_summaries_mark_suggestions(catalog):
    photos = catalog.photos
    pid = photos.add(
        _new(
            1,
            suggestions=[
                CategorySuggestion(Category.MEDIA, "size"),
                CategorySuggestion(Category.CASE, "folder"),
            ],
        ),
        actor="t",
    )
    photos.set_category([pid], Category.CASE, CategoryState.CONFIRMED, actor="t")
    assert photos.summaries()[0].categories == ("case", "media?")


def test_migrations_build_exactly_the_declared_schema(catalog):
    """A schema change without its Alembic revision would make old catalogs differ from new ones."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from photoarchive.catalog.db import include_in_schema_compare
    from photoarchive.catalog.schema import metadata

    with catalog.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_in_schema_compare})
        assert compare_metadata(context, metadata) == []


def test_schema_head_constant_names_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from photoarchive.catalog.db import SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_HEAD]

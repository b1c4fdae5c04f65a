"""The catalog: migrations on open, WAL, and the queries the CLI and GUI rely on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from photoarchive.catalog import Catalog
from photoarchive.catalog.db import MIGRATIONS_DIR
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
    heads = sorted(p.name.split("_")[0] for p in (MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert version.split("_")[0] == heads[-1]  # ids may be "0004_<what>" until re-chained


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
    Catalog(engine).photos.add(_new(1), actor="t")
    engine.dispose()
    reopened = Catalog.open_file(tmp_path / "old.sqlite")
    assert reopened.photos.count() == 1


def test_search_filter_and_sort(tmp_path):
    photos = Catalog.open_file(tmp_path / "c.sqlite").photos
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


def test_edits_are_recorded_in_the_history(tmp_path):
    photos = Catalog.open_file(tmp_path / "c.sqlite").photos
    pid = photos.add(_new(1), actor="fotograf")
    photos.update_fields(
        [pid], {"caption": "Ny tekst «sitat»", "keywords": ["a", "A", " b "]}, actor="rådgiver"
    )
    record = photos.get(pid)
    assert record.caption == "Ny tekst «sitat»"
    assert record.keywords == ["a", "b"]
    kinds = [(e.kind, e.actor) for e in photos.events(pid)]
    assert kinds == [("ingested", "fotograf"), ("edited", "rådgiver")]
    assert photos.events(pid)[1].detail["before"]["caption"] == ""


def test_category_decisions_replace_suggestions(tmp_path):
    photos = Catalog.open_file(tmp_path / "c.sqlite").photos
    pid = photos.add(_new(1, suggestions=[CategorySuggestion(Category.PORTRAIT, "face")]), actor="t")
    assert photos.get(pid).pending_suggestions == [Category.PORTRAIT]
    photos.set_category([pid], Category.PORTRAIT, CategoryState.REJECTED, actor="anne")
    record = photos.get(pid)
    assert not record.has_category(Category.PORTRAIT)
    assert record.categories[Category.PORTRAIT].decided_by == "anne"
    summary = photos.summaries()[0]
    assert summary.categories == ()


def test_summaries_mark_suggestions(tmp_path):
    photos = Catalog.open_file(tmp_path / "c.sqlite").photos
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


def test_migrations_build_exactly_the_declared_schema(tmp_path):
    """A schema change without its Alembic revision would make old catalogs differ from new ones."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from photoarchive.catalog.schema import metadata

    catalog = Catalog.open_file(tmp_path / "c.sqlite")
    with catalog.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_schema_head_constant_names_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from photoarchive.catalog.db import SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_HEAD]

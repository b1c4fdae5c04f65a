"""Opening the catalog: the SQLAlchemy engine (SQLite in WAL mode by default) and migrations on start."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from photoarchive.errors import CatalogError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve().as_posix()}"


def _configure_sqlite(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets the GUI read while the watcher writes; NORMAL is durable across app crashes in WAL mode.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # A 100,000-photo catalog is ~100 MB: map it rather than pread page by page.
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def create_catalog_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


# The newest revision in migrations/versions/ (a test keeps the two in step). Knowing it lets a
# catalog that is already up to date open without importing Alembic (a third of a second at start-up).
SCHEMA_HEAD = "0004_redaction_regions"


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # a new, empty catalog
        return None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it on a new catalog)."""
    if _current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
        if set(current) == set(script.get_heads()):
            return
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        log.info("catalog migrated from %s to %s", current or "empty", script.get_heads())
    except OperationalError as exc:
        raise CatalogError(f"The catalog cannot be opened or upgraded: {exc.orig}") from exc


def open_engine(url: str) -> Engine:
    try:
        engine = create_catalog_engine(url)
        migrate(engine)
    except SQLAlchemyError as exc:
        raise CatalogError(f"The catalog at {url} cannot be opened: {exc}") from exc
    return engine


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()

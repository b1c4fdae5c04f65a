"""Opening the catalog: the SQLAlchemy engine and migrations on start.

SQLite (in WAL mode, in the home) is the catalog of one desk; PostgreSQL (`[catalog] url`) the shared
catalog of the whole office. The same migrations and queries serve both.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

from photoarchive.catalog.location import (  # noqa: F401 — importable from here as before
    DRIVE_REMOTE,
    NETWORK_FILESYSTEMS,
    SQLiteOnNetworkPath,
    check_sqlite_location,
    network_path_reason,
)
from photoarchive.errors import CatalogError

if TYPE_CHECKING:
    from photoarchive.home import Home

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
CATALOG_URL_ENV = "PHOTOARCHIVE_CATALOG_URL"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve().as_posix()}"


def normalize_url(url: str) -> str:
    """postgresql://… and postgres://… use psycopg 3 (the only PostgreSQL driver we ship)."""
    return re.sub(r"^(postgres|postgresql)://", "postgresql+psycopg://", url.strip())


def is_postgresql(url: str) -> bool:
    return normalize_url(url).startswith("postgresql")


def catalog_url(home: Home) -> str:
    """The catalog a home uses: $PHOTOARCHIVE_CATALOG_URL, else [catalog] url, else its own SQLite file."""
    url = os.environ.get(CATALOG_URL_ENV, "")
    if not url:
        from photoarchive.settings import Settings

        url = Settings.load(home).catalog_url()
    if url:
        return normalize_url(url)
    check_sqlite_location(home.catalog_file)
    return sqlite_url(home.catalog_file)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
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
    url = normalize_url(url)
    options: dict[str, Any] = {}
    if url.startswith("postgresql"):
        # A desk's app lives for days beside a server that restarts: test connections before use.
        options = dict(
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=10,
            connect_args={"application_name": "photoarchive", "connect_timeout": 10},
        )
    engine = create_engine(url, future=True, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    else:
        login = engine.url.username or ""

        def _server_refusal(context: Any) -> None:
            # The server's rules (triggers, grants) become one error the edge can put in words.
            refused = refusal_from(context.sqlalchemy_exception, login)
            if refused is not None:
                raise refused from context.original_exception

        event.listen(engine, "handle_error", _server_refusal)
    return engine


# Indexes a migration creates on PostgreSQL only (with features schema.py cannot declare for both
# databases); schema comparisons leave them out.
POSTGRESQL_ONLY_INDEXES = frozenset({"ix_photos_search_trgm", "ix_photos_sort_time_id"})


def include_in_schema_compare(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's include_object hook: everything but the PostgreSQL-only indexes."""
    return not (type_ == "index" and name in POSTGRESQL_ONLY_INDEXES)


# Advisory-lock keys (PostgreSQL), arbitrary but fixed: one per thing only one desk may do at a time.
MIGRATION_LOCK_KEY = 7_301_000_001
SYNC_LOCK_KEY = 7_301_000_002
MOVE_LOCK_KEY = 7_301_000_003

# The newest revision in migrations/versions/ (a test keeps the two in step). Knowing it lets a
# catalog that is already up to date open without importing Alembic (a third of a second at start-up).
SCHEMA_HEAD = "0007_live_window_notify"


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):  # a new, empty catalog
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
            if conn.dialect.name == "postgresql":
                # Two desks starting a new version at once: one migrates, the other waits and finds it done.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                current = MigrationContext.configure(conn).get_current_heads()
                if set(current) == set(script.get_heads()):
                    return
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        log.info("catalog migrated from %s to %s", current or "empty", script.get_heads())
    except OperationalError as exc:
        raise CatalogError(f"The catalog cannot be opened or upgraded: {exc.orig}") from exc


class CatalogUnreachable(CatalogError):
    """The shared catalog's server cannot be reached or refuses the login (the app retries; nothing
    typed is lost)."""

    code = "catalog.unreachable"

    def __init__(self, server: str, reason: str):
        self.params = {"server": server, "reason": reason}
        super().__init__(f"The shared catalog on {server} cannot be reached: {reason}")


def display_url(url: str) -> str:
    """A catalog address fit for messages and logs: never the password."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 — a malformed address is shown as typed, minus anything after '@'
        return url.rsplit("@", 1)[-1]


def unreachable(url: str, exc: SQLAlchemyError) -> CatalogUnreachable:
    """The error a desk shows for a server that cannot be reached or refuses the login."""
    parsed = make_url(normalize_url(url))
    server = (
        f"{parsed.host or 'localhost'}{':' + str(parsed.port) if parsed.port else ''}/{parsed.database or ''}"
    )
    reason = (
        str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        if str(getattr(exc, "orig", exc)).strip()
        else ""
    )
    return CatalogUnreachable(server, reason)


def open_engine(url: str) -> Engine:
    try:
        engine = create_catalog_engine(url)
        migrate(engine)
    except OperationalError as exc:
        if is_postgresql(url):
            raise unreachable(url, exc) from exc
        raise CatalogError(f"The catalog at {display_url(url)} cannot be opened: {exc.orig}") from exc
    except CatalogError as exc:
        if is_postgresql(url) and isinstance(exc.__cause__, OperationalError):
            raise unreachable(url, exc.__cause__) from exc
        raise
    except SQLAlchemyError as exc:
        raise CatalogError(f"The catalog at {display_url(url)} cannot be opened: {exc}") from exc
    return engine


def probe(url: str) -> CatalogIdentity:
    """Connect once and say who the server takes us for, without changing anything (the settings'
    "Test connection")."""
    url = normalize_url(url)
    if not is_postgresql(url):
        raise CatalogError(f"«{display_url(url)}» is not a postgresql:// address.")
    try:
        engine = create_catalog_engine(url)
    except (SQLAlchemyError, ValueError) as exc:
        raise CatalogError(f"«{display_url(url)}» is not a valid catalog address: {exc}") from exc
    try:
        return identity(engine)
    except OperationalError as exc:
        raise unreachable(url, exc) from exc
    finally:
        engine.dispose()


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


class PermissionRefused(CatalogError):
    """The database server refused a change for this login (not an editor, four eyes, audit log)."""

    code = "catalog.permission_refused"

    def __init__(self, login: str, reason: str):
        self.params = {"login": login, "reason": reason}
        super().__init__(f"The shared catalog refused this for {login}: {reason}")


def refusal_from(exc: SQLAlchemyError, login: str = "") -> PermissionRefused | None:
    """The server's refusal inside a database error (SQLSTATE 42501), else None."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    primary = getattr(getattr(orig, "diag", None), "message_primary", None) or str(orig)
    return PermissionRefused(login or "this login", primary.removeprefix("photoarchive: "))


@dataclass(frozen=True)
class CatalogIdentity:
    """Who the catalog takes us for: on PostgreSQL the login the server authenticated, on SQLite the
    operating-system user."""

    login: str
    backend: str  # "sqlite" | "postgresql"
    location: str  # server/database, or the SQLite file
    roles: tuple[str, ...] = ()
    superuser: bool = False
    server_version: str = ""

    @property
    def may_approve(self) -> bool:
        return self.backend == "sqlite" or self.superuser or "editor" in self.roles


def identity(engine: Engine) -> CatalogIdentity:
    url = engine.url
    if engine.dialect.name != "postgresql":
        from photoarchive.users import current_user

        return CatalogIdentity(current_user(), "sqlite", str(url.database or ""))
    with engine.connect() as conn:
        login, superuser, version = conn.execute(
            text(
                "SELECT session_user, coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user),"
                " false), current_setting('server_version')"
            )
        ).one()
        roles = tuple(
            conn.execute(
                text(
                    "SELECT rolname FROM pg_roles WHERE rolname IN ('photographer', 'staff', 'editor')"
                    " AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY rolname"
                )
            ).scalars()
        )
    return CatalogIdentity(
        login, "postgresql", f"{url.host or 'localhost'}/{url.database}", roles, bool(superuser), version
    )


class SyncLock:
    """One Flickr sync at a time for the whole archive. On PostgreSQL a session advisory lock on its own
    connection (released by the server when that connection or its process dies); on SQLite an OS file
    lock beside the catalog file. Use as a context manager or call release()."""

    def __init__(self, engine: Engine):
        self.acquired = False
        self._conn = None
        self._file_lock = None
        if engine.dialect.name == "postgresql":
            conn = engine.connect()
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": SYNC_LOCK_KEY}).scalar()
            conn.commit()
            if got:
                self._conn, self.acquired = conn, True
            else:
                conn.close()
        else:
            from filelock import FileLock, Timeout

            lock = FileLock(f"{engine.url.database}.sync.lock", timeout=0)
            try:
                lock.acquire()
            except Timeout:
                return
            self._file_lock, self.acquired = lock, True

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SYNC_LOCK_KEY})
                self._conn.commit()
            finally:
                self._conn.close()
                self._conn = None
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None
        self.acquired = False

    def __bool__(self) -> bool:
        return self.acquired

    def __enter__(self) -> SyncLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

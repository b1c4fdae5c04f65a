"""Setting up the shared PostgreSQL catalog on the district's server: roles, the database, grants.

The rules that must hold whatever client writes to the tables (actor = the authenticated login,
append-only audit log, only editors approve, four eyes) are triggers installed by the catalog's own
migration (0004); this module adds what only a server administrator can do: cluster roles, the
database and its grants. Everything here is idempotent, so `init-server --apply` can be run again after
an upgrade.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from photoarchive.errors import CatalogError

log = logging.getLogger(__name__)

# Group roles (NOLOGIN); each person gets a login that is a member of one of them.
PHOTOGRAPHER, STAFF, EDITOR = "photographer", "staff", "editor"
ROLES = (PHOTOGRAPHER, STAFF, EDITOR)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _identifier(name: str) -> str:
    if not _NAME.match(name):
        raise CatalogError(f"«{name}» is not a plain database name (letters, digits and _ only).")
    return name


def roles_sql() -> str:
    """Cluster-wide: the three group roles (editors are staff too)."""
    creates = "\n".join(
        f"    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN\n"
        f"        CREATE ROLE {role} NOLOGIN;\n"
        "    END IF;"
        for role in ROLES
    )
    return f"DO $$\nBEGIN\n{creates}\nEND $$;\nGRANT {STAFF} TO {EDITOR};\n"


def database_sql(database: str) -> str:
    """Cluster-wide: the catalog database (run outside a transaction; skip when it exists)."""
    return f"CREATE DATABASE {_identifier(database)} ENCODING 'UTF8' TEMPLATE template0;\n"


def grants_sql(database: str) -> str:
    """Inside the catalog database, after the tables exist: what each role may do with plain SQL."""
    db = _identifier(database)
    return f"""\
REVOKE ALL ON DATABASE {db} FROM PUBLIC;
GRANT CONNECT ON DATABASE {db} TO {PHOTOGRAPHER}, {STAFF}, {EDITOR};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {STAFF};
-- Staff read and write the catalog (the triggers decide who may approve); nobody but the owner
-- changes the schema.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {STAFF};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STAFF};
-- The audit log: read and append only (a trigger refuses UPDATE/DELETE/TRUNCATE for everyone too).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {STAFF};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {STAFF};
-- Sync requests: staff see them and the service (a staff login) runs them; only editors ask for one
-- by hand (a trigger, migration 0007); they are kept as a record and their log is append-only.
REVOKE DELETE, TRUNCATE ON sync_requests FROM {STAFF};
REVOKE UPDATE, DELETE, TRUNCATE ON sync_request_log FROM {STAFF};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {STAFF};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {STAFF};
"""


def login_sql(name: str, role: str, *, password: str | None = None) -> str:
    """A person's login in one of the roles (with SSPI/Kerberos no password: the domain authenticates)."""
    if role not in ROLES:
        raise CatalogError(f"«{role}» is not one of the roles {', '.join(ROLES)}.")
    quoted = '"' + name.replace('"', '""') + '"'
    secret = "" if password is None else " PASSWORD '" + password.replace("'", "''") + "'"
    return f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE{secret} IN ROLE {role};\n"


def init_server_script(database: str = "photoarchive") -> str:
    """The whole set-up as one psql script (what `photoarchive catalog init-server` prints)."""
    return (
        "-- photoarchive: shared catalog set-up. Run as a PostgreSQL superuser, e.g.\n"
        "--   psql -U postgres -f init-server.sql\n"
        "-- or let the app do all of it: photoarchive catalog init-server --apply postgresql://postgres@server/postgres\n"
        + roles_sql()
        + f"SELECT 'CREATE DATABASE {_identifier(database)} ENCODING ''UTF8'' TEMPLATE template0'\n"
        f"    WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{database}')\\gexec\n"
        f"\\connect {database}\n"
        "-- The tables and the triggers that enforce the approval rules come from the app's migrations;\n"
        "-- create them now (and after every upgrade of the app), then come back for the grants:\n"
        "--   photoarchive catalog migrate --url postgresql://postgres@server/" + database + "\n"
        "-- then, in this database:\n" + grants_sql(database) + "\n-- A person's login, for example:\n"
        "-- " + login_sql("kari", STAFF).strip() + "\n"
        "-- " + login_sql("erik", EDITOR).strip() + "\n"
    )


# The search box's trigram index (as migration 0004 creates it where it can). Run again by `apply`: a
# server that got PostgreSQL's contrib package (pg_trgm) only after the catalog was created, or a catalog
# first migrated by a login without the right to create the extension, gets the index then.
SEARCH_INDEX_SQL = r"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS ix_photos_search_trgm ON photos USING gin (search_text gin_trgm_ops);
    ELSE
        RAISE NOTICE 'photoarchive: pg_trgm is not installed (Debian: postgresql-contrib); search works without its index';
    END IF;
END $$;
"""


@dataclass(frozen=True)
class ServerSetup:
    database_url: str
    created_database: bool


def apply(admin_url: str, database: str = "photoarchive") -> ServerSetup:
    """Carry out the set-up with a superuser URL: roles, the database, its schema (migrations), grants."""
    from photoarchive.catalog.db import create_catalog_engine, migrate, normalize_url

    url = make_url(normalize_url(admin_url))
    if not url.drivername.startswith("postgresql"):
        raise CatalogError("init-server needs a postgresql:// address of the server (as a superuser).")
    _identifier(database)
    admin = create_catalog_engine(url.render_as_string(hide_password=False))
    try:
        with admin.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            if not conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")).scalar():
                raise CatalogError("init-server must be run with a superuser login (it creates roles).")
            conn.exec_driver_sql(roles_sql())
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
            ).first()
            if exists is None:
                conn.exec_driver_sql(database_sql(database))
    finally:
        admin.dispose()
    db_url = url.set(database=database).render_as_string(hide_password=False)
    engine: Engine = create_catalog_engine(db_url)
    try:
        migrate(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql(SEARCH_INDEX_SQL)
            conn.exec_driver_sql(grants_sql(database))
    finally:
        engine.dispose()
    log.info("shared catalog set up in database %s", database)
    return ServerSetup(
        database_url=url.set(database=database).render_as_string(), created_database=exists is None
    )

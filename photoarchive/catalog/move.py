"""Moving a desk's SQLite catalog into the shared PostgreSQL catalog: every table, ids kept, verified.

The desk's catalog is opened read-only and never changed. The target records the move in
`catalog_moves` (which desk catalog, what it held — row count and digest per table —, how far the copy
got), one transaction per batch of rows together with the progress, so a move killed at any point carries
on where it stopped and never inserts a row twice. A target that holds anything else is refused.

The move connects as a superuser: the triggers of migrations 0004/0006 stamp the login on every event,
audit entry, decision and approval for every other login, which would rewrite the archive's history as
the mover's; superusers are outside those rules (docs/it-setup.md, "How a desk's archive joins").
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from photoarchive.catalog.clock import utcnow
from photoarchive.catalog.db import (
    MOVE_LOCK_KEY,
    SCHEMA_HEAD,
    create_catalog_engine,
    display_url,
    is_postgresql,
    migrate,
    normalize_url,
    unreachable,
)
from photoarchive.catalog.schema import catalog_moves, metadata
from photoarchive.errors import CatalogError

log = logging.getLogger(__name__)

# Not moved: the move's own record, and unfinished-ingest intents (their files are still in the inbox,
# since an inbox file is removed only after its photo is committed; the shared archive ingests them anew).
NOT_MOVED = frozenset({"catalog_moves", "pending_ingests"})
COPYING, VERIFIED = "copying", "verified"


class MoveRefused(CatalogError):
    """A move that cannot start or carry on; `code` says which case, `params` the details."""

    def __init__(self, code: str, message: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(message)


def moved_tables() -> list[Table]:
    """Every catalog table the move copies, parents before children (foreign keys)."""
    return [t for t in metadata.sorted_tables if t.name not in NOT_MOVED]


# -- the desk's catalog, read-only ----------------------------------------------------------------


def open_source(path: Path) -> Engine:
    """The desk's SQLite catalog opened read-only (no write, no journal-mode change, no migration), so
    its file stays byte-for-byte as it was."""
    if not path.is_file():
        raise MoveRefused(
            "catalog.move_no_source", f"There is no desk catalog at {path} to move.", path=str(path)
        )
    # A catalog closed cleanly has no -wal file: open it immutable, which creates no -shm/-wal beside it.
    # With a -wal (the app is open, or crashed) read-only mode reads the WAL's newer pages too.
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?immutable=1")

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only=ON")
        return conn

    engine = create_engine("sqlite+pysqlite://", creator=connect, future=True)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        engine.dispose()
        raise MoveRefused(
            "catalog.move_source_unreadable",
            f"The desk catalog {path} cannot be read: {exc.orig}",
            path=str(path),
            reason=str(exc.orig),
        ) from exc
    if revision != SCHEMA_HEAD:
        engine.dispose()
        raise MoveRefused(
            "catalog.move_source_outdated",
            f"The desk catalog {path} is at schema {revision}, this version of the app at {SCHEMA_HEAD}: "
            "open the archive once with this version on the desk (it upgrades the catalog), then move it.",
            path=str(path),
            revision=str(revision),
            head=SCHEMA_HEAD,
        )
    return engine


def source_id(path: Path) -> str:
    """Names one desk catalog across runs of the move: the machine and the file's full path."""
    return hashlib.sha256(f"{socket.gethostname()}|{path.resolve()}".encode()).hexdigest()[:32]


# -- digests: what a catalog holds, comparable between SQLite and PostgreSQL ------------------------


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def _row_hash(values: tuple[Any, ...]) -> int:
    line = json.dumps([_canonical(v) for v in values], sort_keys=True, ensure_ascii=False, default=str)
    return int.from_bytes(hashlib.sha256(line.encode()).digest()[:16], "big")


def _pk_order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def table_digest(conn: Connection, table: Table) -> list[Any]:
    """[row count, digest] of a table: the sum of every row's hash (order-free, so the two databases'
    collations do not matter), over the values as the app reads them."""
    count, total = 0, 0
    result = conn.execution_options(stream_results=True, yield_per=5000).execute(select(table))
    for row in result:
        count += 1
        total = (total + _row_hash(tuple(row))) % (1 << 128)
    return [count, f"{total:032x}"]


def digests(engine: Engine, tables: list[Table]) -> dict[str, list[Any]]:
    with engine.connect() as conn:
        return {t.name: table_digest(conn, t) for t in tables}


@dataclass(frozen=True)
class TableCheck:
    """One table after the move: rows in the desk catalog and in the shared one, and whether every
    row's values are the same (digests equal)."""

    table: str
    source_rows: int
    target_rows: int
    same: bool


@dataclass(frozen=True)
class OriginalFile:
    archive_path: str
    sha256: str


class CatalogMove:
    """One move of a desk catalog into a shared catalog. `start()` checks both sides and records (or
    finds) the move; then `copy_rows()`, `verify()`, `finish()`. Hold it open for the whole move: it keeps
    an advisory lock, so a second `move-to` into the same catalog is refused instead of interleaving."""

    def __init__(self, source_file: Path, target_url: str):
        if not is_postgresql(target_url):
            raise MoveRefused(
                "catalog.move_target_not_postgresql",
                f"«{display_url(target_url)}» is not a postgresql:// address; an archive moves into a shared "
                "PostgreSQL catalog.",
                url=display_url(target_url),
            )
        self.source_file = source_file
        self.target_url = normalize_url(target_url)
        self.source = open_source(source_file)
        self.source_id = source_id(source_file)
        self.tables = moved_tables()
        self.target = create_catalog_engine(self.target_url)
        self._lock_conn: Connection | None = None
        self.resumed = False
        # When this desk's archive was moved and verified before (then nothing is done again: the shared
        # archive has moved on since).
        self.already_verified: datetime | None = None
        self.source_digest: dict[str, list[Any]] = {}

    # -- start -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Check the target (a superuser; empty, or holding this desk's interrupted move), migrate it to
        this version's schema, and record the move."""
        try:
            self._start()
        except OperationalError as exc:
            raise unreachable(self.target_url, exc) from exc

    def _start(self) -> None:
        target = display_url(self.target_url)
        with self.target.connect() as conn:
            superuser = conn.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
            ).scalar()
            login = conn.execute(text("SELECT session_user")).scalar()
        if not superuser:
            raise MoveRefused(
                "catalog.move_needs_superuser",
                f"The move must log in to {target} as a superuser (IT's account, e.g. postgres), not as "
                f"{login}: any other login would be recorded as the author of the archive's whole history.",
                url=target,
                login=str(login),
            )
        migrate(self.target)
        conn = self.target.connect()
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": MOVE_LOCK_KEY}).scalar():
            conn.close()
            raise MoveRefused(
                "catalog.move_running",
                f"Another move into {target} is running; wait for it to end and try again.",
                url=target,
            )
        conn.commit()
        self._lock_conn = conn
        self.source_digest = digests(self.source, self.tables)
        with self.target.begin() as tx:
            marks = {row.source_id: row for row in tx.execute(select(catalog_moves))}
            mine = marks.get(self.source_id)
            if mine is None:
                filled = [t.name for t in self.tables if tx.execute(select(t).limit(1)).first() is not None]
                if filled or marks:
                    held = ", ".join(filled) or "an earlier move"
                    raise MoveRefused(
                        "catalog.move_target_not_empty",
                        f"The shared catalog {target} already holds an archive ({held}); a desk's archive "
                        "moves only into an empty catalog, or into the one its own interrupted move began.",
                        url=target,
                        tables=filled,
                    )
                now = utcnow()
                tx.execute(
                    catalog_moves.insert().values(
                        source_id=self.source_id,
                        source=str(self.source_file.resolve()),
                        source_digest=self.source_digest,
                        progress={},
                        state=COPYING,
                        moved_by=str(login),
                        started_at=now,
                        updated_at=now,
                    )
                )
                return
            if mine.source_digest != self.source_digest:
                changed = sorted(
                    name
                    for name in self.source_digest
                    if (mine.source_digest or {}).get(name) != self.source_digest[name]
                )
                raise MoveRefused(
                    "catalog.move_source_changed",
                    f"The desk catalog {self.source_file} changed since its move into {target} began "
                    f"({', '.join(changed)}): the shared catalog holds part of an older state. Close the app "
                    "on the desk during a move; to start again, set up an empty catalog (init-server).",
                    path=str(self.source_file),
                    url=target,
                    tables=changed,
                )
            self.resumed = True
            if mine.state == VERIFIED:
                self.already_verified = mine.finished_at

    # -- what the files side needs ---------------------------------------------------------------

    def originals(self) -> list[OriginalFile]:
        from photoarchive.catalog.schema import photos

        with self.source.connect() as conn:
            rows = conn.execute(select(photos.c.archive_path, photos.c.sha256).order_by(photos.c.id))
            return [OriginalFile(r.archive_path, r.sha256) for r in rows]

    # -- rows --------------------------------------------------------------------------------------

    def _progress(self, conn: Connection) -> dict[str, int]:
        value = conn.execute(
            select(catalog_moves.c.progress).where(catalog_moves.c.source_id == self.source_id)
        ).scalar()
        return dict(value or {})

    def _source_rows(self, table: Table, start: int, batch: int) -> Iterator[list[dict[str, Any]]]:
        with self.source.connect() as conn:
            stmt = select(table).order_by(*_pk_order(table)).offset(start)
            result = conn.execution_options(stream_results=True).execute(stmt)
            while chunk := result.fetchmany(batch):
                yield [dict(row._mapping) for row in chunk]

    def copy_rows(
        self, batch: int = 2000, on_progress: Callable[[str, int, int], None] | None = None
    ) -> None:
        """Copy every table, parents first, `batch` rows per transaction with the progress beside them."""
        with self.target.connect() as conn:
            progress = self._progress(conn)
        for table in self.tables:
            total = int(self.source_digest[table.name][0])
            done = int(progress.get(table.name, 0))
            if done < total:
                for rows in self._source_rows(table, done, batch):
                    done += len(rows)
                    progress[table.name] = done
                    with self.target.begin() as tx:
                        # ON CONFLICT DO NOTHING: a batch committed just before a kill is never doubled.
                        tx.execute(pg_insert(table).on_conflict_do_nothing(), rows)
                        tx.execute(
                            catalog_moves.update()
                            .where(catalog_moves.c.source_id == self.source_id)
                            .values(progress=dict(progress), updated_at=utcnow())
                        )
                    if on_progress is not None:
                        on_progress(table.name, done, total)
            elif on_progress is not None:
                on_progress(table.name, done, total)
        self._advance_sequences()

    def _advance_sequences(self) -> None:
        """The copied ids came from the desk: set each id sequence past the highest, so the next photo,
        event or set made on the shared catalog gets a new id."""
        with self.target.begin() as tx:
            for table in self.tables:
                keys = list(table.primary_key.columns)
                if len(keys) != 1 or keys[0].autoincrement is False or keys[0].type.python_type is not int:
                    continue
                sequence = tx.execute(
                    text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": keys[0].name}
                ).scalar()
                if sequence is None:
                    continue
                highest = tx.execute(select(func.max(keys[0]))).scalar()
                if highest is not None:
                    tx.execute(text("SELECT setval(:s, :v)"), {"s": sequence, "v": int(highest)})

    # -- verification ------------------------------------------------------------------------------

    def verify(self) -> list[TableCheck]:
        """Each table's rows and digest in the shared catalog against the desk's."""
        target = digests(self.target, self.tables)
        return [
            TableCheck(
                name,
                int(self.source_digest[name][0]),
                int(target[name][0]),
                target[name] == self.source_digest[name],
            )
            for name in self.source_digest
        ]

    def finish(self) -> None:
        """Record the move as verified."""
        now = utcnow()
        with self.target.begin() as tx:
            tx.execute(
                catalog_moves.update()
                .where(catalog_moves.c.source_id == self.source_id)
                .values(state=VERIFIED, updated_at=now, finished_at=now)
            )

    def close(self) -> None:
        if self._lock_conn is not None:
            self._lock_conn.close()
            self._lock_conn = None
        self.source.dispose()
        self.target.dispose()

    def __enter__(self) -> CatalogMove:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

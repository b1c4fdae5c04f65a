"""The catalog: every photo, its metadata, categories, history, sets and sync state.

All SQL lives in this package: `schema.py` declares the tables, one query module per area owns the
statements — `photos.py` (with `photo_queries.py`; types in `photo_records.py`), `quarantine.py`,
`pending.py` (unfinished-ingest intents), `events.py` (a photo's history), `sets.py`, `sync_state.py`.
Callers get plain dataclasses back.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from photoarchive.catalog.db import catalog_url, open_engine, sqlite_url

if TYPE_CHECKING:
    from photoarchive.catalog.cases import CaseStore
    from photoarchive.catalog.changes import ChangeFeed
    from photoarchive.catalog.claims import ClaimStore
    from photoarchive.catalog.db import CatalogIdentity, SyncLock
    from photoarchive.catalog.events import EventStore
    from photoarchive.catalog.pending import PendingStore
    from photoarchive.catalog.people import PeopleStore
    from photoarchive.catalog.photos import PhotoStore
    from photoarchive.catalog.quarantine import QuarantineStore
    from photoarchive.catalog.sets import SetStore
    from photoarchive.catalog.sync_state import SyncStateStore
    from photoarchive.home import Home


class Catalog:
    """One open catalog. Thread-safe for use from worker threads (each call takes its own connection)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Catalog:
        return cls(open_engine(url))

    @classmethod
    def open_file(cls, path: Path) -> Catalog:
        return cls.open(sqlite_url(path))

    @classmethod
    def for_home(cls, home: Home) -> Catalog:
        """The home's catalog: the shared PostgreSQL one when `[catalog] url` names it, else its SQLite file."""
        home.root.mkdir(parents=True, exist_ok=True)
        return cls.open(catalog_url(home))

    @cached_property
    def photos(self) -> PhotoStore:
        from photoarchive.catalog.photos import PhotoStore

        return PhotoStore(self.engine)

    @cached_property
    def quarantine(self) -> QuarantineStore:
        from photoarchive.catalog.quarantine import QuarantineStore

        return QuarantineStore(self.engine)

    @cached_property
    def pending(self) -> PendingStore:
        from photoarchive.catalog.pending import PendingStore

        return PendingStore(self.engine)

    @cached_property
    def events(self) -> EventStore:
        from photoarchive.catalog.events import EventStore

        return EventStore(self.engine)

    @cached_property
    def sets(self) -> SetStore:
        from photoarchive.catalog.sets import SetStore

        return SetStore(self.engine)

    @cached_property
    def sync(self) -> SyncStateStore:
        from photoarchive.catalog.sync_state import SyncStateStore

        return SyncStateStore(self.engine)

    @cached_property
    def people(self) -> PeopleStore:
        from photoarchive.catalog.people import PeopleStore

        return PeopleStore(self.engine)

    @cached_property
    def cases(self) -> CaseStore:
        from photoarchive.catalog.cases import CaseStore

        return CaseStore(self.engine)

    @property
    def is_shared(self) -> bool:
        """True on the shared PostgreSQL catalog (several desks), False on a desk's own SQLite file."""
        return self.engine.dialect.name == "postgresql"

    def identity(self) -> CatalogIdentity:
        """Who the catalog records as the actor: the server's authenticated login on PostgreSQL."""
        from photoarchive.catalog.db import identity

        return identity(self.engine)

    def try_sync_lock(self) -> SyncLock:
        """The archive-wide Flickr sync lock, or a falsy SyncLock when another desk's sync holds it."""
        from photoarchive.catalog.db import SyncLock

        return SyncLock(self.engine)

    def change_feed(self) -> ChangeFeed | None:
        """Other desks' changes as they happen (PostgreSQL LISTEN/NOTIFY); None on SQLite."""
        from photoarchive.catalog.changes import open_feed

        return open_feed(self.engine)

    @cached_property
    def claims(self) -> ClaimStore:
        from photoarchive.catalog.claims import ClaimStore

        return ClaimStore(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @cached_property
    def actor(self) -> str:
        """Who this app is working as, the one answer every service, command and window records and
        shows: on PostgreSQL the login the server authenticated (what its triggers stamp anyway), on a
        desk's SQLite catalog the operating-system account."""
        if self.is_shared:
            from sqlalchemy.exc import OperationalError

            from photoarchive.catalog.db import unreachable

            try:
                return self.identity().login
            except OperationalError as exc:  # not cached: asked again once the server is back
                raise unreachable(self.engine.url.render_as_string(), exc) from exc
        from photoarchive.users import current_user

        return current_user()

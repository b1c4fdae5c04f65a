"""The catalog: every photo, its metadata, categories, history, sets and sync state.

All SQL lives in this package: `schema.py` declares the tables, one query module per area
(`photos.py`, `sets.py`, `sync_state.py`) owns the statements. Callers get plain dataclasses back.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from photoarchive.catalog.db import catalog_url, open_engine, sqlite_url

if TYPE_CHECKING:
    from photoarchive.catalog.photos import PhotoStore
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
    def sets(self) -> SetStore:
        from photoarchive.catalog.sets import SetStore

        return SetStore(self.engine)

    @cached_property
    def sync(self) -> SyncStateStore:
        from photoarchive.catalog.sync_state import SyncStateStore

        return SyncStateStore(self.engine)

    def close(self) -> None:
        self.engine.dispose()

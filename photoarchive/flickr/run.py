"""One sync run's shared state: the catalog's store, the per-thread Flickr clients, the report and the
helpers every step uses (journalled idempotent writes, messages with names). The steps live in
`journal_replay`, `observe`, `photo_jobs` and `album_actions`; `sync.Syncer` runs them in order."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from photoarchive.flickr.client import FlickrClient
from photoarchive.flickr.errors import AmbiguousWrite, FlickrApiError, FlickrUnavailable
from photoarchive.flickr.messages import SyncMessage
from photoarchive.flickr.progress import PhotoFailure, SyncControl, SyncReport

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.sync_state import KnownAlbum, KnownPhoto, SyncStateStore
    from photoarchive.flickr.account import AccountLimits
    from photoarchive.sets.publishing import CleanCopies
    from photoarchive.sets.service import SetService

log = logging.getLogger("photoarchive.flickr.sync")

# How often one idempotent write is sent again after its answer was lost.
AMBIGUOUS_ROUNDS = 4


class SyncRun:
    def __init__(
        self,
        *,
        catalog: Catalog,
        copies: CleanCopies,
        sets: SetService,
        control: SyncControl,
        client: FlickrClient | None,
        report: SyncReport,
        clock: Callable[[], float],
        unconfirmed_grace: float,
        limits: AccountLimits | None = None,
        user_nsid: str = "",
    ):
        self.catalog = catalog
        self.store: SyncStateStore = catalog.sync
        self.copies = copies
        self.sets = sets
        self.control = control
        self.main_client = client
        self.report = report
        self.clock = clock
        self.unconfirmed_grace = unconfirmed_grace
        self.limits = limits
        self.user_nsid = user_nsid
        # Replace is a Pro feature; a replace answered with error 1 turns it off for the rest of the run.
        self.can_replace = limits is None or limits.pro
        self.lock = threading.Lock()
        self._local = threading.local()
        self._workers: list[FlickrClient] = []
        self._run_thread = threading.current_thread()

    # -- clients --------------------------------------------------------------------------------

    def client(self) -> FlickrClient:
        """One client (own HTTP session) per thread."""
        assert self.main_client is not None
        client = getattr(self._local, "client", None)
        if client is None:
            if threading.current_thread() is self._run_thread:
                client = self.main_client
            else:
                client = self.main_client.worker()
                with self.lock:
                    self._workers.append(client)
            self._local.client = client
        return client

    def close_workers(self) -> None:
        with self.lock:
            for worker in self._workers:
                worker.close()
            self._workers.clear()

    # -- the report -----------------------------------------------------------------------------

    def say(self, code: str, **params: str | int) -> SyncMessage:
        message = SyncMessage(code, dict(params))
        log.warning("%s", message.text())
        with self.lock:
            self.report.messages.append(message)
        self.control.said(message)
        return message

    def fail(self, photo_id: int, sha256: str, reason: str, message: SyncMessage | None = None) -> None:
        with self.lock:
            self.report.failed.append(PhotoFailure(photo_id, sha256, reason, message))

    def count(self) -> None:
        with self.lock:
            self.report.actions_done += 1

    def name_of(self, sha256: str) -> str:
        """The file name of a photo, for messages (its short hash when the catalog lost it)."""
        photo_id = self.catalog.photos.id_for_sha256(sha256)
        if photo_id is not None:
            records = self.catalog.photos.get_many([photo_id])
            if records:
                return records[0].original_name or PurePosixPath(records[0].archive_path).name
        return sha256[:12]

    # -- what this archive knows ----------------------------------------------------------------

    def known_photo(self, sha256: str) -> KnownPhoto:
        known = self.store.photo(sha256)
        if known is None:
            raise FlickrApiError("sync", 1, "photo not on Flickr")
        return known

    def known_album(self, set_id: int) -> KnownAlbum:
        known = self.store.album(set_id)
        if known is None:
            raise FlickrApiError("sync", 1, "album not on Flickr")
        return known

    # -- writes ---------------------------------------------------------------------------------

    @staticmethod
    def idempotent(send: Callable[[], Any]) -> Any:
        """Run a write that may simply be repeated when its answer is lost."""
        for _round in range(AMBIGUOUS_ROUNDS):
            try:
                return send()
            except AmbiguousWrite:
                continue
        raise FlickrUnavailable("Flickr keeps dropping the connection; try again later.")

    def guarded(self, journal_id: int, send: Callable[[], Any]) -> Any:
        try:
            return self.idempotent(send)
        except BaseException as exc:
            self.store.finish(journal_id, "failed", str(exc))
            raise

    @staticmethod
    def ignore_not_found(send: Callable[[], Any], codes: tuple[int, ...] = (1,)) -> bool:
        """True when Flickr says the thing is already gone (the method's "not found" code)."""
        try:
            send()
        except FlickrApiError as exc:
            if exc.code not in codes:
                raise
            return True
        return False

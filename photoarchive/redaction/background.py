"""The face search for redaction, run in the background on new case photos (never inside ingest)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from photoarchive.redaction.service import RedactionService

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home

log = logging.getLogger(__name__)


class BackgroundSuggester:
    """A thread that looks for case photos not yet searched every ``interval`` seconds (or at once after
    `poke()`) and suggests their face regions, one photo at a time, so `stop()` never waits long.

    ``on_suggested(photo_id, regions_added)`` is called from the thread (a GUI marshals it)."""

    def __init__(
        self,
        catalog: Catalog,
        home: Home,
        *,
        interval: float = 30.0,
        on_suggested: Callable[[int, int], None] | None = None,
    ):
        self.service = RedactionService(catalog, home)
        self.interval = interval
        self.on_suggested = on_suggested or (lambda photo_id, added: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="redaction-search", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Look now (e.g. after an ingest batch with case photos)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                while not self._stop.is_set():
                    done = self.service.suggest_pending(limit=1, cancelled=self._stop.is_set)
                    if not done:
                        break
                    for photo_id, added in done.items():
                        self.on_suggested(photo_id, added)
            except Exception:  # noqa: BLE001 - a background helper must not die on one bad photo
                log.exception("background face search for redaction failed")
            self._wake.wait(self.interval)
            self._wake.clear()

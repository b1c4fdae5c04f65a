"""The shared catalog's change notices, waited for on a thread of its own (Vorta-style: a job off the UI
thread that reports through Qt signals): which tables changed, and whether the server can be reached.
It reconnects when the server went away; `stop()` joins the thread (the window calls it when it closes).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

# How often the listener looks up from waiting to see whether it should stop (bounds closing time).
POLL_SECONDS = 0.5
# A round trip to the server after this long without a notice, so a vanished server is noticed.
PING_SECONDS = 10.0
# Between attempts to reach a server that went away.
RETRY_SECONDS = 2.0


class ChangeListener(QObject):
    """Waits for the catalog's change notices on a thread of its own; reconnects when the server went away.

    `open_feed` runs on that thread (it may wait for the catalog to open); it returns None on SQLite, and
    the thread then ends."""

    changed = Signal(object)  # frozenset[str]: the tables changed
    reachable = Signal(bool)  # False when the server went away, True when it is back
    listening = Signal()  # the feed is open (first time and after each reconnect)

    def __init__(
        self,
        open_feed: Callable[[], Any],
        parent: QObject | None = None,
        *,
        retry_seconds: float = RETRY_SECONDS,
        ping_seconds: float = PING_SECONDS,
    ):
        super().__init__(parent)
        self._open_feed = open_feed
        self._retry = retry_seconds
        self._ping = ping_seconds
        self._stop = threading.Event()
        self._suspect = threading.Event()
        self._thread: threading.Thread | None = None
        self._emit_lock = threading.Lock()
        # True while the feed is open (read by tests and the status of the window).
        self.connected = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="catalog-changes", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop listening and wait for the thread (a connection attempt in progress ends by its timeout)."""
        with self._emit_lock:
            self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the change listener did not stop within %.0f s", timeout)

    def suspect(self) -> None:
        """A query of the window failed for want of the server: check now, and say `reachable(True)`
        once a round trip succeeds (or `reachable(False)` as usual when it does not)."""
        self._suspect.set()

    def _emit(self, signal: Any, *args: Any) -> None:
        # Never after stop(): the window that would receive it is being destroyed.
        with self._emit_lock:
            if not self._stop.is_set():
                signal.emit(*args)

    def _run(self) -> None:
        feed = None
        lost = False
        try:
            while not self._stop.is_set():
                if feed is None:
                    try:
                        feed = self._open_feed()
                    except Exception as exc:  # noqa: BLE001 — the server is away; say so and retry
                        log.info("change feed not available: %s", exc)
                        if not lost:
                            lost = True
                            self._emit(self.reachable, False)
                        self._stop.wait(self._retry)
                        continue
                    if feed is None:
                        return  # SQLite: no other desks
                    self.connected = True
                    self._emit(self.listening)
                    if lost:  # what was sent meanwhile is lost: the window looks at everything again
                        lost = False
                        self._emit(self.reachable, True)
                    quiet_since = time.monotonic()
                try:
                    tables = feed.wait(POLL_SECONDS)
                    if tables:
                        quiet_since = time.monotonic()
                        self._emit(self.changed, frozenset(tables))
                    elif time.monotonic() - quiet_since > self._ping:
                        feed.ping()
                        quiet_since = time.monotonic()
                    if self._suspect.is_set() and not lost:
                        self._suspect.clear()
                        feed.ping()
                        self._emit(self.reachable, True)
                except Exception as exc:  # noqa: BLE001 — the connection broke: reconnect
                    log.info("change feed lost: %s", exc)
                    self.connected = False
                    feed.close()
                    feed = None
                    if not lost:
                        lost = True
                        self._emit(self.reachable, False)
        finally:
            self.connected = False
            if feed is not None:
                feed.close()

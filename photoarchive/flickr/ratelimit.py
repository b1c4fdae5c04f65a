"""Politeness towards Flickr: at most N calls per second and at most 3,600 calls per hour per key."""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from photoarchive.flickr.budget import CallJournal


class SharedBudget(Protocol):
    """The hour's budget of the key kept where every runner on every machine sees it (the shared
    catalog's `flickr_calls`, catalog/call_budget.py): each call takes its slot there."""

    def reserve(self, earliest: float, per_hour: int) -> float: ...

    def calls_in_last_hour(self, now: float) -> int: ...


log = logging.getLogger(__name__)

HOURLY_LIMIT = 3600
# With a journal, the call times are written every this many calls (and by `save`, and at exit).
SAVE_EVERY = 25
# A wait this long is the hourly budget, not pacing: it is logged and reported (`on_long_wait`).
LONG_WAIT_SECONDS = 10.0


class Cancelled(Exception):
    """Raised from `acquire` when the cancel event is set while waiting."""


class RateLimiter:
    """Shared by every worker of a sync. `calls_per_second = 0` switches the per-second pacing off (the
    hourly budget still applies). With a `journal`, the hour's calls made by earlier runs count too;
    with a `shared` budget (a shared catalog), every call takes its slot there instead, so runners on
    several machines together stay within the hour's limit.

    The clock is wall time (not monotonic) because the journal's times must mean the same in the next
    process; a clock set back only delays the next call by as much.
    """

    def __init__(
        self,
        calls_per_second: float = 1.0,
        per_hour: int = HOURLY_LIMIT,
        *,
        clock: Callable[[], float] = time.time,
        wait: Callable[[float], bool] | None = None,
        journal: CallJournal | None = None,
        save_every: int = SAVE_EVERY,
        shared: SharedBudget | None = None,
    ):
        self.interval = 1.0 / calls_per_second if calls_per_second > 0 else 0.0
        self.per_hour = per_hour
        self._clock = clock
        self._wait = wait
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._journal = journal
        self._save_every = save_every
        self._shared = shared
        self._unsaved = 0
        self._recent: deque[float] = deque(journal.load() if journal is not None else ())
        if journal is not None:
            atexit.register(self.save)
        # Told when the hour's budget holds calls back: with the time (clock seconds) calls resume,
        # then with 0.0 once they do. A sync shows it, so a pause of many minutes is not a mystery.
        self.on_long_wait: Callable[[float], None] | None = None

    def delay_for_next(self) -> float:
        """How long the next caller would wait now, and reserve its slot (internal, under the lock)."""
        now = self._clock()
        while self._recent and now - self._recent[0] >= 3600.0:
            self._recent.popleft()
        start = max(now, self._next_slot)
        if self._shared is not None:
            try:
                start = self._shared.reserve(start, self.per_hour)
            except Exception as exc:  # noqa: BLE001 — the catalog unreachable: count locally meanwhile
                log.warning("the shared Flickr call budget cannot be reached (%s); counting locally", exc)
            else:
                self._next_slot = start + self.interval
                self._recent.append(start)
                return start - now
        if self.per_hour and len(self._recent) >= self.per_hour:
            start = max(start, self._recent[len(self._recent) - self.per_hour] + 3600.0)
        self._next_slot = start + self.interval
        self._recent.append(start)
        if self._journal is not None:
            self._unsaved += 1
            if self._unsaved >= self._save_every:
                self._save_locked()
        return start - now

    def calls_in_last_hour(self) -> int:
        """Calls counted against this hour's budget (earlier runs' included when there is a journal)."""
        with self._lock:
            now = self._clock()
            if self._shared is not None:
                try:
                    return self._shared.calls_in_last_hour(now)
                except Exception as exc:  # noqa: BLE001
                    log.warning("the shared Flickr call budget cannot be read: %s", exc)
            return sum(1 for t in self._recent if now - t < 3600.0)

    def save(self) -> None:
        """Write the call times now (a sync does when it ends; they are also written every few calls and
        at exit). Nothing new since the last write: nothing is written."""
        with self._lock:
            self._save_locked()

    def _save_locked(self) -> None:
        if self._journal is not None and self._unsaved:
            self._journal.save(self._recent)
            self._unsaved = 0

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """Wait until a call may be made (returns at once when the budget allows)."""
        with self._lock:
            delay = self.delay_for_next()
            now = self._clock()
        if delay <= 0:
            return
        long_wait = delay >= LONG_WAIT_SECONDS
        if long_wait:
            resume = time.strftime("%H:%M", time.localtime(now + delay))
            log.warning(
                "Flickr's limit of %d calls an hour is reached; waiting until %s", self.per_hour, resume
            )
            if self.on_long_wait is not None:
                self.on_long_wait(now + delay)
        try:
            self._sleep(delay, cancel)
        finally:
            if long_wait and self.on_long_wait is not None:
                self.on_long_wait(0.0)

    def _sleep(self, delay: float, cancel: threading.Event | None) -> None:
        if self._wait is not None:
            self._wait(delay)
            return
        if cancel is not None:
            if cancel.wait(delay):
                raise Cancelled()
        else:
            time.sleep(delay)

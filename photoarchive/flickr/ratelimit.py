"""Politeness towards Flickr: at most N calls per second and at most 3,600 calls per hour per key."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

HOURLY_LIMIT = 3600


class Cancelled(Exception):
    """Raised from `acquire` when the cancel event is set while waiting."""


class RateLimiter:
    """Shared by every worker of a sync. `calls_per_second = 0` switches the per-second pacing off (the
    hourly budget still applies)."""

    def __init__(
        self,
        calls_per_second: float = 1.0,
        per_hour: int = HOURLY_LIMIT,
        *,
        clock: Callable[[], float] = time.monotonic,
        wait: Callable[[float], bool] | None = None,
    ):
        self.interval = 1.0 / calls_per_second if calls_per_second > 0 else 0.0
        self.per_hour = per_hour
        self._clock = clock
        self._wait = wait
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._recent: deque[float] = deque()

    def delay_for_next(self) -> float:
        """How long the next caller would wait now, and reserve its slot (internal, under the lock)."""
        now = self._clock()
        while self._recent and now - self._recent[0] >= 3600.0:
            self._recent.popleft()
        start = max(now, self._next_slot)
        if self.per_hour and len(self._recent) >= self.per_hour:
            start = max(start, self._recent[len(self._recent) - self.per_hour] + 3600.0)
        self._next_slot = start + self.interval
        self._recent.append(start)
        return start - now

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """Wait until a call may be made (returns at once when the budget allows)."""
        with self._lock:
            delay = self.delay_for_next()
        if delay <= 0:
            return
        if self._wait is not None:
            self._wait(delay)
            return
        if cancel is not None:
            if cancel.wait(delay):
                raise Cancelled()
        else:
            time.sleep(delay)

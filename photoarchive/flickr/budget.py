"""Flickr's hourly budget remembered between runs: when this key's calls of the last hour were made.

Flickr allows an API key 3,600 calls an hour and may switch off a key that keeps exceeding it. A sync
started soon after another (the app, then a command line) must count the calls the first one made, so
their times are kept in a small file in the home.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

HOUR = 3600.0


def journal_path(cache_dir: Path, api_key: str) -> Path:
    """One file per API key (the budget is the key's), named by a digest so the key is not on disk."""
    digest = hashlib.sha256(api_key.encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / f"flickr-calls-{digest}.json"


class CallJournal:
    """Times (seconds since the epoch) of the last hour's calls, read at start and written as calls are made.

    Written every `flush_every` calls and when the process ends; a process killed outright loses at most
    that many entries. An unreadable file counts as no calls (the limiter's own pacing still applies).
    """

    def __init__(self, path: Path, *, flush_every: int = 25, clock=time.time):  # type: ignore[no-untyped-def]
        self.path = Path(path)
        self.flush_every = flush_every
        self._clock = clock
        self._lock = threading.Lock()
        self._times = self._read()
        self._unsaved = 0
        self._exit_hook = False

    def recent(self) -> list[float]:
        """The calls made within the last hour, oldest first."""
        cutoff = self._clock() - HOUR
        with self._lock:
            return [t for t in self._times if t > cutoff]

    def record(self, at: float) -> None:
        with self._lock:
            self._times.append(round(at, 3))
            self._unsaved += 1
            due = self._unsaved >= self.flush_every
            if not self._exit_hook:
                atexit.register(self.flush)
                self._exit_hook = True
        if due:
            self.flush()

    def flush(self) -> None:
        """Write the last hour's calls (atomically); a failure is logged, never raised.

        The file's own entries are merged in first: another client in this process or another process
        may have written calls this journal never saw, and none may be lost.
        """
        with self._lock:
            if not self._unsaved:
                return
            cutoff = self._clock() - HOUR
            merged = {round(t, 3) for t in (*self._times, *self._read()) if t > cutoff}
            self._times = sorted(merged)
            payload = json.dumps({"calls": self._times})
            self._unsaved = 0
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(payload, encoding="utf-8")
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("could not record Flickr's call budget in %s: %s", self.path, exc)
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass

    def _read(self) -> list[float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            times = sorted(float(t) for t in data["calls"])
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring an unreadable Flickr call journal %s: %s", self.path, exc)
            return []
        cutoff = self._clock() - HOUR
        return [t for t in times if t > cutoff]

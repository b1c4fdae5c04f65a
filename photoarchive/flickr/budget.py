"""Flickr's hourly budget remembered between runs: when this key's calls of the last hour were made.

Flickr allows an API key 3,600 calls an hour and may switch off a key that keeps exceeding it. A sync
started soon after another (the app, then a command line) must count the calls the first one made, so
their times are kept in a small file in the home (one desk). On a shared catalog every runner of the
key counts in the catalog instead (`catalog/call_budget.py`, see `make_client`). The rate limiter holds the times while it runs; this
module only reads and writes them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

HOUR = 3600.0


def key_digest(api_key: str) -> str:
    """What names the key's budget in a file name or the shared catalog: never the key itself."""
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def journal_path(cache_dir: Path, api_key: str) -> Path:
    """One file per API key (the budget is the key's), named by a digest so the key is not on disk."""
    return Path(cache_dir) / f"flickr-calls-{key_digest(api_key)[:16]}.json"


class CallJournal:
    """Times (seconds since the epoch) of the last hour's calls, in a small JSON file.

    An unreadable file counts as no calls (the limiter's own pacing still applies); a failed write is
    logged, never raised.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self._clock = clock

    def load(self) -> list[float]:
        """The calls made within the last hour, oldest first."""
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

    def save(self, times: Iterable[float]) -> None:
        """Write the last hour's calls atomically, merged with what the file already holds: another
        client of the key, in this process or another, may have written calls these times lack.

        The merge keeps each time as often as the more complete side has it, so a list written again
        is not counted twice, and calls made in the same millisecond are not counted once.
        """
        from filelock import FileLock, Timeout

        cutoff = self._clock() - HOUR
        mine = Counter(round(t, 3) for t in times if t > cutoff)
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Read, merge and write under one OS lock: two savers (the app and a command line, or two
            # clients in one process) would otherwise each merge with the old file and lose calls.
            with FileLock(str(self.path.with_name(self.path.name + ".lock")), timeout=10):
                theirs = Counter(round(t, 3) for t in self.load())
                merged = sorted((mine | theirs).elements())
                temp.write_text(json.dumps({"calls": merged}), encoding="utf-8")
                os.replace(temp, self.path)
        except (OSError, Timeout) as exc:
            log.warning("could not record Flickr's call budget in %s: %s", self.path, exc)
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass

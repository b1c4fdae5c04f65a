"""Runs one sync in its own process (the chaos test kills it at random moments).

Usage: python sync_driver.py HOME WORKERS. Exit 0 when the sync completed with no failed photo, 3 when
it ended with an error (the test simply runs it again).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path


def main() -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.errors import PhotoarchiveError
    from photoarchive.flickr.account import make_client
    from photoarchive.flickr.retry import RetryPolicy
    from photoarchive.flickr.sync import Syncer
    from photoarchive.home import Home
    from photoarchive.sets.publishing import CleanCopies
    from photoarchive.settings import Settings

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    home = Home(Path(sys.argv[1]))
    settings = Settings.load(home)
    catalog = Catalog.for_home(home)
    client = make_client(home, settings)
    # Short pauses: the faults are frequent and the test has little time.
    client.policy = RetryPolicy(max_attempts=10, base_delay=0.01, max_delay=0.05)
    syncer = Syncer(
        catalog,
        CleanCopies(home, settings),
        client,
        workers=int(sys.argv[2]),
        delete_removed=settings.flickr.removed_photos == "delete",
        recheck_seconds=0.01,
    )
    try:
        report = syncer.run()
    except PhotoarchiveError as exc:
        print(f"sync error: {exc}", file=sys.stderr)
        return 3
    return 0 if not report.failed else 3


if __name__ == "__main__":
    sys.exit(main())

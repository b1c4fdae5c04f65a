"""Runs one sync in its own process (the chaos test kills it at random moments).

Usage: python sync_driver.py HOME WORKERS [GRACE]. Exit 0 when the sync completed with no failed or
unconfirmed photo, 3 when it ended with an error or left an upload in doubt (the test runs it again).
GRACE: seconds an upload in doubt stays unconfirmed before it is sent again (short in tests).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path


def main() -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.errors import PhotoarchiveError
    from photoarchive.flickr.retry import RetryPolicy
    from photoarchive.flickr.sync import Syncer
    from photoarchive.home import Home
    from photoarchive.settings import Settings

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    home = Home(Path(sys.argv[1]))
    settings = Settings.load(home)
    catalog = Catalog.for_home(home)
    grace = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    syncer = Syncer.for_home(catalog, home, settings, workers=int(sys.argv[2]), unconfirmed_grace=grace)
    assert syncer.client is not None
    # Short pauses: the faults are frequent and the test has little time.
    syncer.client.policy = RetryPolicy(max_attempts=10, base_delay=0.01, max_delay=0.05)
    try:
        report = syncer.run()
    except PhotoarchiveError as exc:
        print(f"sync error: {exc}", file=sys.stderr)
        return 3
    finally:
        syncer.close()
    return 0 if not report.failed and not report.unconfirmed else 3


if __name__ == "__main__":
    sys.exit(main())

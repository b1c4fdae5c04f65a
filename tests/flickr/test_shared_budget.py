"""Flickr's 3,600 calls an hour per API key, counted in the shared catalog: two runners in two processes
(two machines) pacing their calls through their rate limiters stay within the hour together, and a
client made for a shared catalog counts there, never in the home's file."""

from __future__ import annotations

import subprocess
import sys
import textwrap

RUNNER = textwrap.dedent(
    """
    import sys
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.call_budget import CallBudgetStore
    from photoarchive.flickr.budget import key_digest
    from photoarchive.flickr.ratelimit import RateLimiter

    url, calls = sys.argv[1], int(sys.argv[2])
    waits = []
    limiter = RateLimiter(
        0,
        per_hour=25,
        clock=lambda: 1_800_000_000.0,  # every call asked for at the same moment
        wait=waits.append,  # the wait is recorded, not slept
        shared=CallBudgetStore(Catalog.open(url).engine, key_digest("the district's key")),
    )
    for _ in range(calls):
        limiter.acquire()
    print(" ".join(repr(w) for w in [0.0] * (calls - len(waits)) + waits))
    """
)


def test_two_runners_pacing_through_the_catalog_stay_within_the_hour_together(pg_url):
    procs = [
        subprocess.Popen([sys.executable, "-c", RUNNER, pg_url, "20"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        waits = [float(w) for p in procs for w in p.communicate(timeout=120)[0].split()]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert all(p.returncode == 0 for p in procs)
    assert len(waits) == 40
    # 25 calls go at once, whichever runner makes them; the other 15 wait for the hour to turn.
    assert sum(1 for w in waits if w == 0) == 25
    assert sorted(w for w in waits if w > 0) == [3600.0] * 15


def test_a_client_for_a_shared_catalog_counts_its_calls_there(pg_url, home, settings, monkeypatch):
    from sqlalchemy import func, select

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.schema import flickr_calls
    from photoarchive.flickr.account import make_client

    monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", pg_url)
    catalog = Catalog.for_home(home)
    try:
        assert catalog.is_shared
        client = make_client(home, settings, require_token=False, catalog=catalog)
        for _ in range(3):
            client.limiter.acquire()
        client.limiter.save()
        client.close()
        assert client.limiter.calls_in_last_hour() == 3
        with catalog.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(flickr_calls)).scalar_one() == 3
        assert list(home.cache.glob("flickr-calls-*")) == []
    finally:
        catalog.close()

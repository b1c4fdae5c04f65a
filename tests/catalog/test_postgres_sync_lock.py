"""One Flickr sync at a time for the whole archive: catalog.try_sync_lock() across processes, freed when
the holder dies."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

HOLDER = textwrap.dedent(
    """
    import sys, time
    from photoarchive.catalog import Catalog
    catalog = Catalog.open(sys.argv[1])
    lock = catalog.try_sync_lock()
    print("held" if lock else "busy", flush=True)
    time.sleep(120)
    """
)


def _holder(url: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request, tmp_path):
    from photoarchive.catalog.db import sqlite_url

    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return sqlite_url(tmp_path / "catalog.sqlite")


def test_a_second_sync_is_refused_while_one_runs_and_allowed_when_its_process_dies(catalog_url):
    from photoarchive.catalog import Catalog

    catalog = Catalog.open(catalog_url)
    try:
        holder = _holder(catalog_url)
        try:
            with catalog.try_sync_lock() as lock:
                assert not lock
        finally:
            holder.kill()
            holder.wait()
        with catalog.try_sync_lock() as lock:
            assert lock
        # Released on leaving the block: another process may sync now.
        _holder(catalog_url).kill()
    finally:
        catalog.close()

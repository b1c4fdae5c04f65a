"""Kill an ingest process at random points; a restart must end with every file archived exactly once."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.home import Home

pytestmark = pytest.mark.slow


def _ingest_cmd(home: Home, inbox) -> list[str]:
    return [
        sys.executable,
        "-m",
        "photoarchive",
        "--home",
        str(home.root),
        "ingest",
        str(inbox),
        "--move",
        "--no-faces",
        "--workers",
        "2",
    ]


def test_killed_ingests_end_with_every_file_exactly_once(home, tmp_path):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    digests = set()
    for i in range(24):
        path = factory.make_photo(inbox / f"IMG_{i:04}.jpg", size=(1200, 900), seed=i)
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    rng = random.Random(20261128)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for _round in range(6):
        proc = subprocess.Popen(
            _ingest_cmd(home, inbox), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 2.5))
        proc.kill()
        proc.wait()
    final = subprocess.run(_ingest_cmd(home, inbox), env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr

    catalog = Catalog.for_home(home)
    assert catalog.photos.count() == 24
    assert catalog.pending.all() == []
    assert catalog.quarantine.list() == []
    archived = [p for p in home.originals.rglob("*") if p.is_file() and ".incoming" not in p.parts]
    assert len(archived) == 24
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in archived} == digests
    assert {r.sha256 for r in catalog.photos.search()} == digests
    assert list(inbox.iterdir()) == []

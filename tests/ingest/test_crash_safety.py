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


# Seven ingest processes start up (each imports the app) on a machine that may be busy: more than the
# suite's one-minute default, far less than a hang.
@pytest.mark.timeout(180)
def test_killed_ingests_end_with_every_file_exactly_once(home, tmp_path):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    digests = set()
    for i in range(32):
        path = factory.make_photo(inbox / f"IMG_{i:04}.jpg", size=(1200, 900), seed=i)
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    rng = random.Random(20261128)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    mid_ingest = 0  # kills that hit a process with files archived and files still to go
    half_done = 0  # kills that left a staged copy or an intent behind for recovery
    for _round in range(6):
        waiting = len(list(inbox.iterdir()))
        if waiting == 0:
            break
        proc = subprocess.Popen(
            _ingest_cmd(home, inbox), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            # Kill once this run has archived a random few files (1-3: start-up is over, more is still to
            # go), driven by its progress rather than by time, so the kill lands mid-ingest on a fast
            # machine as on a busy one; then a short random moment later, anywhere inside the next file.
            target = waiting - rng.randint(1, 3)
            deadline = time.monotonic() + 60
            while (
                proc.poll() is None and len(list(inbox.iterdir())) > target and time.monotonic() < deadline
            ):
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.03))
            alive = proc.poll() is None
            proc.kill()
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        left = len(list(inbox.iterdir()))
        if alive and 0 < left < waiting:
            mid_ingest += 1
            staged = list(home.staging.glob("*.part"))
            if staged or Catalog.for_home(home).pending.all():
                half_done += 1
    # The test means something only if the kills landed inside ingests, some with work half done.
    assert mid_ingest >= 3, mid_ingest
    assert half_done >= 1, half_done
    final = subprocess.run(_ingest_cmd(home, inbox), env=env, capture_output=True, text=True, timeout=150)
    assert final.returncode == 0, final.stderr

    catalog = Catalog.for_home(home)
    assert catalog.photos.count() == 32
    assert catalog.pending.all() == []
    assert catalog.quarantine.list() == []
    archived = [p for p in home.originals.rglob("*") if p.is_file() and ".incoming" not in p.parts]
    assert len(archived) == 32
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in archived} == digests
    assert {r.sha256 for r in catalog.photos.search()} == digests
    assert list(inbox.iterdir()) == []

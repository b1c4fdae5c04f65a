"""A power cut right after an ingest: the inbox file is gone, the original is in originals/, and the
catalog's last commit never reached the disk. `photoarchive check` finds the orphan and adopts it.

The cut is simulated the way it hits SQLite in WAL mode: the ingest process dies without closing the
catalog (no checkpoint), and the WAL file it wrote is dropped, as unsynced pages are on a power loss.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import factory

from photoarchive.catalog import Catalog
from photoarchive.cli import main

_INGEST_THEN_DIE = """
import os, sys
from pathlib import Path
from photoarchive.catalog import Catalog
from photoarchive.home import Home
from photoarchive.ingest.pipeline import Ingestor, SourceFile
from photoarchive.settings import Settings

home, inbox, name = Home(Path(sys.argv[1])), Path(sys.argv[2]), sys.argv[3]
ingestor = Ingestor(home, Settings(), Catalog.for_home(home), find_faces=False)
result = ingestor.ingest(SourceFile.under(inbox / name, inbox), remove_source=True)
print(result.outcome.value, result.photo_id, flush=True)
os._exit(0)  # the power goes: no close, no checkpoint, the WAL stays as it was written
"""


def test_check_adopts_the_original_a_power_cut_left_unknown(home, tmp_path, capsys):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    factory.make_photo(inbox / "før.jpg", seed=1)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    # In a process of its own, so that no connection of this one ever sees the WAL that is dropped.
    first = subprocess.run(
        [
            sys.executable,
            "-m",
            "photoarchive",
            "--home",
            str(home.root),
            "ingest",
            str(inbox),
            "--move",
            "--no-faces",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert first.returncode == 0, first.stderr
    wal = home.catalog_file.with_name(home.catalog_file.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the clean exit checkpointed it

    lost = factory.make_photo(inbox / "Strømbrudd æøå.jpg", seed=2, capture_time=factory.DEFAULT_TIME)
    digest = hashlib.sha256(lost.read_bytes()).hexdigest()
    child = subprocess.run(
        [sys.executable, "-c", _INGEST_THEN_DIE, str(home.root), str(inbox), lost.name],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.split()[0] == "archived"
    assert not lost.exists()  # removed from the inbox after the commit
    assert wal.stat().st_size > 0  # the commit sits in the WAL only

    # The power cut: the WAL's pages never reached the disk.
    for suffix in ("-wal", "-shm"):
        home.catalog_file.with_name(home.catalog_file.name + suffix).unlink(missing_ok=True)
    catalog = Catalog.for_home(home)
    assert catalog.photos.count() == 1 and catalog.photos.id_for_sha256(digest) is None
    placed = [p for p in home.originals.rglob("Strømbrudd*")]
    assert len(placed) == 1  # the orphan: in originals/, unknown to the catalog
    capsys.readouterr()

    assert main(["--home", str(home.root), "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["whole"] is True
    (finding,) = report["findings"]
    assert finding["kind"] == "adopted" and finding["path"].endswith("Strømbrudd æøå.jpg")

    photo_id = catalog.photos.id_for_sha256(digest)
    assert photo_id == finding["photo_id"]
    record = catalog.photos.get(photo_id)
    assert home.originals / record.archive_path == placed[0]
    assert record.original_name == "Strømbrudd æøå.jpg" and record.capture_time == factory.DEFAULT_TIME
    assert [e.kind for e in catalog.events.for_photo(photo_id)] == ["adopted"]
    assert catalog.photos.count() == 2

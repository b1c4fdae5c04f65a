"""Several desks on one inbox share: three ingester processes, each with its own home, sharing one
PostgreSQL catalog and one archive folder. Every file is archived exactly once, also when processes are
killed at random points and started again."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import factory
import pytest

# Separate processes started again and again (each imports the app and connects) on a shared 2-core CI
# machine: minutes, not the default minute.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(tmp_path, pg_url, monkeypatch):
    """Three desks (homes) sharing a catalog and an archive folder, and the photographers' inbox."""
    monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    shared = tmp_path / "fil01 fotoarkiv"
    desks = []
    for name in ("desk kari", "desk ola", "watch-tjeneste"):
        desk = tmp_path / name
        desk.mkdir()
        url = pg_url.replace("'", "''")
        (desk / "settings.toml").write_text(
            f"[catalog]\nurl = '{url}'\n[archive]\nroot = '{shared}'\n", encoding="utf-8"
        )
        desks.append(desk)
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    return desks, shared, inbox, pg_url


def _drop(inbox: Path, count: int, start: int) -> dict[str, str]:
    """count distinct photos (in a case sub-folder too); {sha256: name}."""
    made = {}
    for n in range(start, start + count):
        folder = inbox / ("2026-123456" if n % 3 == 0 else "")
        folder.mkdir(exist_ok=True)
        path = factory.make_photo(folder / f"Åsted {n:03}.jpg", size=(320, 240), seed=n)
        made[_sha(path)] = path.name
    return made


def _ingester(desk: Path, inbox: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("PHOTOARCHIVE_CATALOG_URL", "PHOTOARCHIVE_HOME")}
    return subprocess.Popen(
        [sys.executable, "-m", "photoarchive", "--home", str(desk), "ingest", str(inbox), "--move"]
        + ["--no-faces", "--json", "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _catalog(url: str):
    from photoarchive.catalog import Catalog

    return Catalog.open(url)


def _inbox_files(inbox: Path) -> list[Path]:
    return [p for p in inbox.rglob("*") if p.is_file()]


def _assert_archived_exactly_once(made: dict[str, str], shared: Path, url: str) -> None:
    from sqlalchemy import func, select

    from photoarchive.catalog.schema import pending_ingests, photos, quarantine

    catalog = _catalog(url)
    try:
        with catalog.engine.connect() as conn:
            rows = conn.execute(select(photos.c.sha256, photos.c.archive_path)).all()
            assert conn.execute(select(func.count()).select_from(pending_ingests)).scalar() == 0
            assert conn.execute(select(func.count()).select_from(quarantine)).scalar() == 0
    finally:
        catalog.close()
    by_sha: dict[str, list[str]] = {}
    for sha, archive_path in rows:
        by_sha.setdefault(sha, []).append(archive_path)
    assert set(made) <= set(by_sha), "a dropped photo is missing from the catalog"
    assert all(len(paths) == 1 for paths in by_sha.values())
    # The archive folder holds exactly the catalogued files, each with the bytes that were dropped.
    on_disk = {
        p.relative_to(shared / "originals").as_posix()
        for p in (shared / "originals").rglob("*")
        if p.is_file() and ".incoming" not in p.parts
    }
    assert on_disk == {paths[0] for paths in by_sha.values()}
    for sha, paths in by_sha.items():
        assert _sha(shared / "originals" / paths[0]) == sha
    leftovers = [p for p in (shared / "originals" / ".incoming").rglob("*") if p.is_file()]
    assert leftovers == []


def test_three_ingesters_on_one_inbox_archive_each_file_once(office):
    desks, shared, inbox, url = office
    made = _drop(inbox, 24, start=1)
    processes = [_ingester(desk, inbox) for desk in desks]
    outputs = [p.communicate(timeout=240) for p in processes]
    results = [json.loads(line) for out, _err in outputs for line in out.splitlines() if line.strip()]
    archived = [r for r in results if r["outcome"] == "archived"]
    assert len(archived) == len(made), [r["outcome"] + " " + r["reason"] for r in results]
    # Nobody worked on a file another desk had: no duplicates recorded, nothing quarantined.
    assert not [r for r in results if r["outcome"] in ("duplicate", "quarantined", "failed")]
    assert _inbox_files(inbox) == []
    _assert_archived_exactly_once(made, shared, url)
    catalog = _catalog(url)
    try:
        for photo_id in (r["photo_id"] for r in archived):
            assert [e.kind for e in catalog.events.for_photo(photo_id)] == ["ingested"]
    finally:
        catalog.close()


def _kill_after(process: subprocess.Popen, results: int, delay: float, killed: list[int]) -> None:
    """Kill the ingester `delay` seconds after it reported `results` files: somewhere inside its next
    file (copying, placing, committing, removing the source), or while it is still starting."""
    try:
        for _ in range(results):
            if not process.stdout.readline():
                return  # it finished (the inbox ran dry) before reaching that point
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed.append(process.pid)
    finally:
        process.communicate()


def test_ingesters_killed_at_random_points_lose_nothing_and_archive_nothing_twice(office):
    import threading

    desks, shared, inbox, url = office
    made = _drop(inbox, 30, start=100)
    seed = int(os.environ.get("PHOTOARCHIVE_KILL_SEED", "1234"))
    rng = random.Random(seed)
    killed: list[int] = []
    for _round in range(4):
        if not _inbox_files(inbox):
            break
        # Three desks at once, each killed at its own random point.
        watchers = [
            threading.Thread(
                target=_kill_after,
                args=(_ingester(desk, inbox), rng.randint(0, 4), rng.uniform(0, 0.4), killed),
            )
            for desk in desks
        ]
        for watcher in watchers:
            watcher.start()
        for watcher in watchers:
            watcher.join(300)
    assert killed, f"seed {seed}: no ingester was killed mid-run"
    # Each desk starts once more (clearing what its killed runs left) until the inbox is empty.
    for desk in desks:
        _ingester(desk, inbox).communicate(timeout=240)
    assert _inbox_files(inbox) == [], f"seed {seed}"
    _assert_archived_exactly_once(made, shared, url)


def test_a_claim_is_exclusive_while_held_and_free_again_when_released_or_its_desk_is_gone(pg_url):
    first_desk, second_desk = _catalog(pg_url), _catalog(pg_url)
    key = "Åsted 001.jpg|1234|1700000000000000000"
    try:
        held = first_desk.claims.claim(key, claimer="kari")
        assert held and not second_desk.claims.claim(key, claimer="ola")
        held.release()  # skipped for now (still being written): someone may take it later
        again = second_desk.claims.claim(key, claimer="ola")
        assert again
        again.finish("archived")
        # The same file showing up again (dropped twice): granted, and ingest finds it a duplicate.
        dropped_again = first_desk.claims.claim(key, claimer="kari")
        assert dropped_again
        # The desk dies mid-file (its connection drops): the claim is free at once.
        dropped_again._conn.invalidate()
        taken_over = second_desk.claims.claim(key, claimer="ola")
        assert taken_over
        taken_over.release()
    finally:
        first_desk.close()
        second_desk.close()

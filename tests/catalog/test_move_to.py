"""`photoarchive catalog move-to`: a desk's real archive (ingested files, an approved set, edits, a person
with a consent, a redaction, a closed case, a quarantined and a removed file) moved into a shared
PostgreSQL archive — everything the window shows identical afterwards, the history's names kept, the
desk's archive byte-for-byte as it was, a killed move carried on, a foreign target refused."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import factory
import psycopg
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import server as server_setup
from photoarchive.catalog.move import CatalogMove
from photoarchive.catalog.photos import Category, NewPhoto, PhotoQuery
from photoarchive.catalog.redactions import RedactionStore
from photoarchive.cli import main
from photoarchive.home import Home

pytestmark = pytest.mark.timeout(300)


def _digest_tree(folder: Path) -> dict[str, str]:
    """Every file under folder (the SQLite catalog and its WAL included) with its SHA-256. Not the -shm:
    SQLite's shared-memory index of the WAL, which every reader of a catalog with a WAL updates."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Home:
    """A desk's own archive, built the way staff build one: photos ingested from the inbox (a case
    folder, a PDF that goes to quarantine), captions edited, a set submitted by ola and approved by kari,
    a person linked with a consent document, a redaction region, a closed case, a photo removed."""
    monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    monkeypatch.delenv("PHOTOARCHIVE_ARCHIVE_ROOT", raising=False)
    home = Home(tmp_path / "desk æøå").ensure()
    inbox = tmp_path / "innboks"
    (inbox / "2026-123456").mkdir(parents=True)
    for n in range(7):
        folder = inbox / ("2026-123456" if n % 2 else "")
        factory.make_photo(folder / f"Åsted {n}.jpg", size=(320, 240), seed=n)
    factory.make_not_an_image(inbox / "rapport.pdf")
    assert main(["--home", str(home.root), "ingest", str(inbox), "--no-faces", "--move"]) == 1  # the PDF

    from photoarchive.cases.service import CaseService
    from photoarchive.people.service import PeopleService
    from photoarchive.sets.service import SetService
    from photoarchive.settings import Settings

    catalog = Catalog.for_home(home)
    settings = Settings.load(home)
    try:
        ids = catalog.photos.ids()
        catalog.photos.update_fields(
            ids[:2], {"caption": "Brann i Storgata, Hønefoss", "headline": "Brann Ørsta"}, actor="kari"
        )
        catalog.photos.mark_reviewed(ids[:3])
        ola = SetService.for_home(catalog, home, settings, actor="ola")
        kari = SetService.for_home(catalog, home, settings, actor="kari")
        photo_set = ola.create("Brann Storgata æøå")
        ola.add(photo_set.id, ids[:2])
        ola.submit(photo_set.id)
        kari.approve(photo_set.id)
        people = PeopleService.for_home(catalog, home, settings, actor="kari")
        person = people.add("Åse Ødegård", employee_id="A123")
        people.link(person.id, [ids[0]])
        scan = tmp_path / "samtykke Åse.pdf"
        factory.make_not_an_image(scan)
        people.set_consent(person.id, "given", uses=["flickr"], given_on=date(2026, 11, 1), document=scan)
        case_photo = catalog.photos.ids(PhotoQuery(category=Category.CASE))[0]
        number = catalog.photos.get(case_photo).case_number
        CaseService.for_home(catalog, home, settings, actor="kari").close(number)
    finally:
        catalog.close()
    assert main(["--home", str(home.root), "redact", str(ids[1]), "--add", "0.1,0.1,0.2,0.2"]) == 0
    assert main(["--home", str(home.root), "remove", str(ids[-1]), "--reason", "feil fil"]) == 0
    return home


def _blank_database(pg_cluster, name: str) -> str:
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    pg_cluster.execute(f"CREATE DATABASE {name}")
    return pg_cluster.url(name)


def _move(home: Home, url: str, root: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PHOTOARCHIVE_CATALOG_URL"}
    return subprocess.run(
        [sys.executable, "-m", "photoarchive", "--home", str(home.root), "catalog", "move-to", url]
        + ["--archive-root", str(root), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def _window_view(catalog: Catalog) -> dict:
    """What the window and the CLI read: every grid view, the search box, the inspector's records and
    history, the sets with their audit trail, people, consents, regions, cases, quarantine."""
    photos = catalog.photos
    queries = {
        "all": PhotoQuery(),
        "inbox": PhotoQuery(unreviewed_only=True, sort="ingested_at"),
        "by name": PhotoQuery(sort="name", descending=False),
        "cases": PhotoQuery(category=Category.CASE),
        "search æøå": PhotoQuery(search="ØRSTA"),
        "search substring": PhotoQuery(search="nefos"),
        "needs review": PhotoQuery(needs_review=True),
    }
    ids = photos.ids()
    redactions = RedactionStore(catalog.engine)
    return {
        "views": {name: photos.ids(q) for name, q in queries.items()},
        "summaries": photos.summaries(),
        "records": photos.get_many(ids),
        "history": {i: catalog.events.for_photo(i) for i in ids},
        "sets": catalog.sets.list(),
        "audit": catalog.sets.audit_entries(),
        "people": catalog.people.list(),
        "consents": catalog.people.consents(),
        "people in photos": catalog.people.people_in(ids),
        "regions": {i: redactions.regions(i) for i in ids},
        "cases": catalog.cases.list(),
        "quarantine": catalog.quarantine.list(include_resolved=True),
    }


def test_a_moved_archive_is_the_same_archive_and_the_desk_is_left_as_it_was(desk, pg_cluster, tmp_path):
    url = _blank_database(pg_cluster, "move_whole")  # not migrated: the move brings it to this schema
    shared = tmp_path / "fil01 fotoarkiv"
    before = _digest_tree(desk.root)
    try:
        result = _move(desk, url, shared)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Verified" in result.stdout
        assert "6 of 6 match the catalog's hash" in result.stdout
        assert _digest_tree(desk.root) == before  # catalog file, originals, every file: unchanged, none added

        # Run again: nothing copied twice, still verified; the move is recorded as done.
        again = _move(desk, url, shared)
        assert again.returncode == 0, again.stderr
        assert "and verified on" in again.stdout and "nothing to do" in again.stdout

        source, target = Catalog.open_file(desk.catalog_file), Catalog.open(url)
        try:
            assert _window_view(target) == _window_view(source)
            # The history keeps its authors (the move ran as a superuser, outside the actor triggers).
            approved = target.sets.list()[0]
            assert approved.approved_by == "kari"
            assert {e.actor for e in target.sets.audit_entries()} >= {"ola", "kari"}
            # The shared catalog hands out new ids after the desk's (sequences advanced).
            new_id = target.photos.add(
                NewPhoto(
                    sha256="f" * 64,
                    original_name="ny.jpg",
                    archive_path="2026/ny.jpg",
                    size_bytes=1,
                    format="jpeg",
                    width=1,
                    height=1,
                ),
                actor="erik",
            )
            assert new_id > max(source.photos.ids())
            moved_files = {p.relative_to(shared).as_posix() for p in shared.rglob("*") if p.is_file()}
            for photo in source.photos.files():
                assert f"originals/{photo.archive_path}" in moved_files
        finally:
            source.close()
            target.close()
        desk_files = _digest_tree(desk.root)
        for folder in ("originals", "thumbnails", "quarantine", "removed", "consents"):
            wanted = {
                k: v for k, v in desk_files.items() if k.startswith(folder + "/") and "/.incoming" not in k
            }
            assert wanted, folder
            assert {k: v for k, v in _digest_tree(shared).items() if k.startswith(folder + "/")} == wanted
    finally:
        pg_cluster.execute("DROP DATABASE IF EXISTS move_whole WITH (FORCE)")


def _killed_at(home: Home, url: str, root: Path, line_prefix: str) -> str:
    """Start the move and kill -9 it as soon as it reports `line_prefix` (its own progress)."""
    env = {k: v for k, v in os.environ.items() if k != "PHOTOARCHIVE_CATALOG_URL"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "photoarchive", "--home", str(home.root), "catalog", "move-to", url]
        + ["--archive-root", str(root), "--batch", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    seen = ""
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen += line
            if line.startswith(line_prefix):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, seen
    return seen


def _move_state(url: str) -> tuple[str, dict]:
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        row = conn.execute("SELECT state, progress FROM catalog_moves").fetchone()
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("photos", "events")}
    return row[0], {**row[1], "rows": counts}


def test_a_move_killed_midway_carries_on_to_the_same_verified_result(desk, pg_database, tmp_path):
    cluster, name = pg_database
    url = cluster.url(name)
    shared = tmp_path / "delt arkiv"
    before = _digest_tree(desk.root)

    # Killed while copying the originals: no row in the shared catalog yet, some files in place.
    _killed_at(desk, url, shared, "originals 2/")
    state, progress = _move_state(url)
    assert state == "copying" and progress["rows"]["photos"] == 0
    assert 0 < len(list((shared / "originals").rglob("*.jpg")))

    # Killed while copying the rows, one row per transaction: part of the history is there.
    _killed_at(desk, url, shared, "events 2/")
    state, progress = _move_state(url)
    assert state == "copying"
    total_events = _count(desk, "events")
    assert 2 <= progress["rows"]["events"] < total_events

    done = _move(desk, url, shared)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Carried on with the move that was interrupted before." in done.stdout
    assert "Verified" in done.stdout
    state, progress = _move_state(url)
    assert state == "verified"
    assert progress["rows"] == {"photos": _count(desk, "photos"), "events": total_events}
    assert not [p for p in shared.rglob("*") if p.name.endswith(".moving")]  # no partial left behind
    assert _digest_tree(desk.root) == before
    source, target = Catalog.open_file(desk.catalog_file), Catalog.open(url)
    try:
        assert _window_view(target) == _window_view(source)
    finally:
        source.close()
        target.close()


def _count(home: Home, table: str) -> int:
    import sqlite3

    conn = sqlite3.connect(home.catalog_file.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_catalog_holding_another_archive_is_refused(desk, pg_database, tmp_path):
    cluster, name = pg_database
    url = cluster.url(name)
    other = Catalog.open(url)
    try:
        other.photos.add(
            NewPhoto(
                sha256="a" * 64,
                original_name="annen.jpg",
                archive_path="2025/annen.jpg",
                size_bytes=1,
                format="jpeg",
                width=1,
                height=1,
            ),
            actor="erik",
        )
    finally:
        other.close()
    shared = tmp_path / "delt"
    result = _move(desk, url, shared)
    assert result.returncode == 2
    assert "[catalog.move_target_not_empty]" in result.stderr and "photos" in result.stderr
    assert not shared.exists()  # nothing copied
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        assert conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM catalog_moves").fetchone()[0] == 0


def test_a_desk_catalog_changed_since_its_move_began_is_refused(desk, pg_database, tmp_path):
    cluster, name = pg_database
    url = cluster.url(name)
    with CatalogMove(desk.catalog_file, url) as move:
        move.start()  # recorded, then "interrupted" before anything was copied
    catalog = Catalog.for_home(desk)
    try:
        catalog.photos.update_fields(catalog.photos.ids()[:1], {"caption": "endret etterpå"}, actor="kari")
    finally:
        catalog.close()
    result = _move(desk, url, tmp_path / "delt")
    assert result.returncode == 2
    assert "[catalog.move_source_changed]" in result.stderr and "photos" in result.stderr


def test_a_move_needs_a_superuser_so_the_history_keeps_its_names(desk, pg_database, tmp_path):
    cluster, name = pg_database
    cluster.execute(server_setup.roles_sql())
    cluster.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flytter') THEN "
        + server_setup.login_sql("flytter", "staff", password="pw").strip().rstrip(";")
        + "; END IF; END $$"
    )
    cluster.execute("ALTER ROLE flytter PASSWORD 'pw' NOSUPERUSER")  # roles outlive a test (cluster-wide)
    result = _move(desk, cluster.url(name, user="flytter", password="pw"), tmp_path / "delt")
    assert result.returncode == 2
    assert "[catalog.move_needs_superuser]" in result.stderr and "flytter" in result.stderr


def test_an_original_that_no_longer_matches_its_hash_is_named_and_not_verified(desk, pg_database, tmp_path):
    cluster, name = pg_database
    catalog = Catalog.open_file(desk.catalog_file)
    try:
        damaged = catalog.photos.files()[0].archive_path
    finally:
        catalog.close()
    original = desk.originals / damaged
    os.chmod(original, 0o644)
    data = bytearray(original.read_bytes())
    data[-10] ^= 0xFF
    original.write_bytes(bytes(data))
    shared = tmp_path / "delt"
    result = _move(desk, cluster.url(name), shared)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[catalog.move_file_damaged]" in result.stdout and damaged in result.stdout
    assert "[catalog.move_not_verified]" in result.stdout
    assert not (shared / "originals" / damaged).exists()  # a damaged copy is not passed off as the original
    with psycopg.connect(cluster.url(name).replace("postgresql+psycopg://", "postgresql://")) as conn:
        assert conn.execute("SELECT state FROM catalog_moves").fetchone()[0] == "copying"

"""The sync service as the office runs it, against the Flickr emulator, on SQLite and PostgreSQL: a desk
queues a request, `photoarchive watch` on the machine holding the sign-in (a real process, killed in
`finally`) runs it, every connection sees its progress and log; an approval is published without
anybody asking; a service killed in the middle of a sync is restarted and finishes, with no duplicate on
Flickr; the API secret and the token are nowhere in the catalog or the shared folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from photoarchive.catalog import Catalog
from photoarchive.catalog.schema import flickr_calls
from photoarchive.catalog.sync_requests import RequestState
from photoarchive.flickr.desk import ask_for_sync, follow, requests_of
from photoarchive.home import Home

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


@pytest.fixture(params=["sqlite", "postgresql"])
def home(request, tmp_path, monkeypatch):
    """The archive's home, its catalog on SQLite (one desk) or the shared PostgreSQL catalog."""
    if request.param == "postgresql":
        monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", request.getfixturevalue("pg_url"))
    else:
        monkeypatch.delenv("PHOTOARCHIVE_CATALOG_URL", raising=False)
    return Home(tmp_path / "arkiv æøå").ensure()


@pytest.fixture
def service_settings(home, settings):
    settings.flickr.service_poll_seconds = 0.2
    settings.flickr.sync_every_minutes = 0
    settings.save(home)
    return settings


@contextmanager
def watch_service(home_root: Path, inbox: Path, catalog_url: str | None = None):
    """`photoarchive watch` in its own process; killed when the block ends, whatever happened."""
    inbox.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    if catalog_url is not None:
        env["PHOTOARCHIVE_CATALOG_URL"] = catalog_url
    proc = subprocess.Popen(
        [sys.executable, "-m", "photoarchive", "--home", str(home_root), "watch", "--inbox", str(inbox)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) if os.name == "posix" else None,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def wait_for(condition, what: str, proc=None, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the service died while waiting for {what}: {proc.stderr.read().decode()}")
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def flickr_copies(emulator) -> dict[str, list[str]]:
    """sha256 -> the Flickr photo ids carrying its machine tag (more than one is a duplicate)."""
    copies: dict[str, list[str]] = {}
    for photo in emulator.state.photos.values():
        for tag in photo.tags:
            if tag.machine:
                copies.setdefault(tag.raw.split("=", 1)[1], []).append(photo.id)
    return copies


def test_a_desk_queues_a_sync_the_service_runs_it_and_every_desk_sees_it(
    emulator, signed_in, home, service_settings, catalog, make_photos, approve_set, tmp_path
):
    ids = make_photos(3)
    set_id = approve_set("Trafikkulykke E18 æøå", ids, visibility="public")
    request = ask_for_sync(catalog, "erik")
    assert ask_for_sync(catalog, "erik").id == request.id  # still queued: the one request covers it
    with watch_service(home.root, tmp_path / "innboks") as proc:
        second_desk = Catalog.for_home(home)  # another desk's own connection
        try:
            done = wait_for(
                lambda: (r := follow(second_desk, request.id)[0]) and not r.is_open and r, "the sync", proc
            )
            assert done.state is RequestState.DONE, done.outcome
            assert done.outcome["params"]["uploaded"] == 3 and done.outcome["params"]["published"] == 1
            assert done.attempts == 1 and done.runner and done.finished_at
            assert done.progress["phase"] == "done"
            assert done.progress["photos_done"] == done.progress["photos_total"] == 3
            _request, log = follow(second_desk, request.id)
            codes = [e.code for e in log]
            assert codes[0] == "request_started" and codes[-1] == "request_done"
            assert sorted(e.params["file"] for e in log if e.code == "request_sending") == [
                "IMG_0001.jpg",
                "IMG_0002.jpg",
                "IMG_0003.jpg",
            ]
            assert "Sync done: 3 uploaded" in log[-1].text
            (album,) = emulator.state.photosets.values()
            assert album.title == "Trafikkulykke E18 æøå" and len(album.photo_ids) == 3
            assert second_desk.sets.get(set_id).state.value == "published"

            # An editor approves another set: the service publishes it without anybody asking.
            more = make_photos(2)
            approve_set("Beslag", more, visibility="private")
            auto = wait_for(
                lambda: next(
                    (
                        r
                        for r in requests_of(second_desk).recent()
                        if r.reason == "approval" and not r.is_open
                    ),
                    None,
                ),
                "the approval's sync",
                proc,
            )
            assert auto.state is RequestState.DONE and auto.outcome["params"]["uploaded"] == 2
            assert sorted(a.title for a in emulator.state.photosets.values()) == [
                "Beslag",
                "Trafikkulykke E18 æøå",
            ]
            # The calls the service made count against the key's hour: in the shared catalog for every
            # runner on every machine, in the home's file for a desk of its own.
            calls = sum(r.outcome["params"]["calls"] for r in requests_of(second_desk).recent())
            budget_files = list(home.cache.glob("flickr-calls-*.json"))
            if second_desk.is_shared:
                assert budget_files == []
                with second_desk.engine.connect() as conn:
                    counted = conn.execute(select(func.count()).select_from(flickr_calls)).scalar_one()
                assert counted == calls > 0
            else:
                assert len(budget_files) == 1
                assert len(json.loads(budget_files[0].read_text())["calls"]) == calls > 0
        finally:
            second_desk.close()
    assert all(len(c) == 1 for c in flickr_copies(emulator).values())


def test_a_desk_queues_from_the_command_line_and_lists_the_requests(home, service_settings, signed_in):
    run = [sys.executable, "-m", "photoarchive", "--home", str(home.root), "sync"]
    queued = subprocess.run([*run, "--request", "--no-wait"], capture_output=True, text=True, timeout=60)
    assert queued.returncode == 0, queued.stderr
    assert "Sync request 1 queued for the sync service." in queued.stdout
    listed = subprocess.run([*run, "--requests"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    (row,) = listed.stdout.splitlines()
    assert row.split()[0] == "1" and "manual" in row and "queued" in row


def test_a_service_killed_in_the_middle_of_a_sync_finishes_it_after_a_restart(
    emulator, signed_in, home, service_settings, catalog, make_photos, approve_set, tmp_path
):
    from photoarchive.catalog.schema import flickr_journal

    # Paced, so the stop and the kill land in the middle of the uploads.
    service_settings.flickr.calls_per_second = 5
    service_settings.save(home)
    ids = make_photos(8)
    approve_set("Brann Grünerløkka", ids, visibility="public")
    request = ask_for_sync(catalog, "erik")

    def uploads_done() -> int:
        with catalog.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(flickr_journal)
                    .where(flickr_journal.c.kind == "upload", flickr_journal.c.state == "done")
                ).scalar_one()
            )

    # Stopped with Ctrl-C: the request goes back to the queue and says why.
    stopped_once = os.name == "posix"  # (a Windows console's Ctrl-C is not a signal to send)
    if stopped_once:
        with watch_service(home.root, tmp_path / "innboks") as proc:
            wait_for(lambda: uploads_done() >= 2, "two uploads", proc)
            proc.send_signal(signal.SIGINT)
            assert proc.wait(30) == 0
        paused, log = follow(catalog, request.id)
        assert paused.state is RequestState.QUEUED and log[-1].code == "request_paused"
        assert uploads_done() < 8, "the stop came too late"

    # Killed: the request is left running (what every desk saw before the service died) …
    with watch_service(home.root, tmp_path / "innboks") as proc:
        wait_for(lambda: uploads_done() >= 4, "four uploads", proc)
        proc.kill()
        proc.wait()
    cut = follow(catalog, request.id)[0]
    assert cut.state is RequestState.RUNNING and uploads_done() < 8, "the kill came too late"
    assert 0 < cut.progress.get("photos_done", 0) < 8

    # … and the next start resumes it.
    with watch_service(home.root, tmp_path / "innboks") as proc:
        done = wait_for(
            lambda: (r := follow(catalog, request.id)[0]) and not r.is_open and r, "the sync", proc
        )
    assert done.state is RequestState.DONE, done.outcome
    assert done.attempts == (3 if stopped_once else 2)
    assert "request_resumed" in [e.code for e in follow(catalog, request.id)[1]]
    copies = flickr_copies(emulator)
    assert len(copies) == 8 and all(len(c) == 1 for c in copies.values()), copies
    (album,) = emulator.state.photosets.values()
    assert len(album.photo_ids) == 8


@pytest.fixture
def desk_and_service(home, emulator, tmp_path, monkeypatch, request):
    """A desk's home that is also the shared folder (no Flickr settings at all) and the service
    machine's home beside it, holding the key, the secret and the sign-in; one shared catalog."""
    if "PHOTOARCHIVE_CATALOG_URL" not in os.environ:
        pytest.skip("two machines share one archive only through the PostgreSQL catalog")
    from flickrapi.auth import FlickrAccessToken

    from photoarchive.flickr.tokens import TokenStore
    from photoarchive.settings import Settings

    for var in ("PHOTOARCHIVE_FLICKR_KEY", "PHOTOARCHIVE_FLICKR_SECRET", "PHOTOARCHIVE_FLICKR_BASE"):
        monkeypatch.delenv(var, raising=False)
    KEY, SECRET = "service-key-fil01", "service-secret-æøå-4711"
    emulator.register_app(KEY, SECRET)
    service_home = Home(tmp_path / "fil01-tjeneste", archive_root=home.root)
    settings = Settings()
    settings.flickr.api_key, settings.flickr.api_secret = KEY, SECRET
    settings.flickr.base_url = emulator.base_url
    settings.flickr.calls_per_second = 0
    settings.flickr.service_poll_seconds = 0.2
    settings.flickr.sync_every_minutes = 0
    settings.archive.root = str(home.root)
    service_home.root.mkdir(parents=True)
    settings.save(service_home)
    token, token_secret = emulator.grant_token("delete", app_key=KEY)
    user = emulator.default_user
    TokenStore(service_home, KEY).save(
        FlickrAccessToken(token, token_secret, "delete", user.fullname, user.username, user.nsid)
    )
    return service_home, (SECRET, token, token_secret)


@pytest.fixture
def logins(desk_and_service, request):
    """The service's own login (staff) and an editor's, as IT sets them up (grants included)."""
    from photoarchive.catalog import server as server_setup

    cluster, database = request.getfixturevalue("pg_database")
    cluster.execute(server_setup.roles_sql())
    for name, role in (("synk_tjeneste", "staff"), ("synk_redaktor", "editor")):
        cluster.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} LOGIN; END IF; END $$"
        )
        # Roles are the whole session's cluster's: password and role set every time.
        cluster.execute(f"ALTER ROLE {name} PASSWORD 'pw'")
        cluster.execute(f"GRANT {role} TO {name}")
    with cluster.connect(database) as conn:
        conn.execute(server_setup.grants_sql(database))
    return {
        name: cluster.url(database, user=name, password="pw") for name in ("synk_tjeneste", "synk_redaktor")
    }


def test_the_secret_and_the_token_are_nowhere_in_the_catalog_or_the_shared_folder(
    home, desk_and_service, logins, emulator, catalog, make_photos, tmp_path
):
    from sqlalchemy import MetaData, select

    from photoarchive.sets.service import SetService
    from photoarchive.settings import Settings

    service_home, secrets = desk_and_service
    ids = make_photos(2)
    editor = SetService.for_home(catalog, home, Settings(), actor="erik")
    photo_set = editor.create("Etterlysning", visibility="public")
    editor.add(photo_set.id, ids)
    SetService.for_home(catalog, home, Settings(), actor="kari").submit(photo_set.id)
    editor.approve(photo_set.id)
    # The editor's desk asks; the service runs it with its own staff login, under the server's rules.
    desk = Catalog.open(logins["synk_redaktor"])
    staff = Catalog.open(logins["synk_tjeneste"])
    try:
        request = ask_for_sync(desk, "somebody")
        with watch_service(service_home.root, tmp_path / "innboks", logins["synk_tjeneste"]) as proc:
            done = wait_for(
                lambda: (r := follow(desk, request.id)[0]) and not r.is_open and r, "the sync", proc
            )
        assert done.state is RequestState.DONE, done.outcome
        assert done.requested_by == "synk_redaktor"
        assert len(emulator.state.photos) == 2 and desk.sets.get(photo_set.id).state.value == "published"
        # Everything a staff login can read in the catalog …
        tables = MetaData()
        tables.reflect(staff.engine)
        with staff.engine.connect() as conn:
            catalog_text = "\n".join(
                repr(tuple(row)) for table in tables.sorted_tables for row in conn.execute(select(table))
            )
    finally:
        desk.close()
        staff.close()
    assert "request_done" in catalog_text and "Etterlysning" in catalog_text  # the dump did read the rows
    # … and every file in the shared folder.
    shared_files = [p for p in home.root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".jpg" for p in shared_files)
    for secret in secrets:
        assert secret not in catalog_text
        for path in shared_files:
            assert secret.encode() not in path.read_bytes(), path


def test_sync_at_the_machine_with_the_sign_in_is_a_request_every_desk_sees_on_a_shared_catalog(
    emulator, signed_in, home, service_settings, catalog, make_photos, approve_set
):
    approve_set("Trafikkulykke E18", make_photos(2), visibility="public")
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    synced = subprocess.run(
        [sys.executable, "-m", "photoarchive", "--home", str(home.root), "sync"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert synced.returncode == 0, synced.stderr
    assert "Sync done: 2 uploaded" in synced.stdout
    requests = requests_of(catalog).recent()
    if catalog.is_shared:
        (request,) = requests
        assert request.state is RequestState.DONE and request.outcome["params"]["uploaded"] == 2
        assert [e.code for e in follow(catalog, request.id)[1]][-1] == "request_done"
    else:
        assert requests == []  # one desk: synced in the command itself, as always

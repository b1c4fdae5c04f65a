"""Who the app works as on the shared catalog: the login the server authenticated, asked of the catalog —
never the operating-system name — also where no database trigger would correct it (redaction regions,
people linked to photos), and whatever the environment says."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import server as server_setup
from photoarchive.catalog.redactions import NewRegion, RedactionStore
from photoarchive.home import Home
from photoarchive.users import current_user

PASSWORD = "passord-æøå"


@pytest.fixture(scope="module")
def shared(pg_cluster):
    database = "presse_actor"
    server_setup.apply(pg_cluster.url("postgres"), database)
    pg_cluster.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siri') THEN "
        + server_setup.login_sql("siri", "staff", password=PASSWORD).strip().rstrip(";")
        + "; END IF; END $$"
    )
    pg_cluster.execute(f"ALTER ROLE siri PASSWORD '{PASSWORD}'")
    yield pg_cluster.url(database, user="siri", password=PASSWORD)
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_the_app_works_as_the_servers_login_not_the_os_account(shared, tmp_path, monkeypatch):
    assert current_user() != "siri"  # the test would prove nothing otherwise
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("USERNAME", "mallory")
    catalog = Catalog.open(shared)
    try:
        assert catalog.actor == "siri"
        from photoarchive.people.service import PeopleService
        from photoarchive.sets.service import SetService
        from photoarchive.settings import Settings

        home = Home(tmp_path / "desk").ensure()
        services = [
            SetService(catalog, clean_check=lambda _p: None),
            PeopleService.for_home(catalog, home, Settings()),
        ]
        assert [s.actor for s in services] == ["siri", "siri"]
        from photoarchive.ui.context import AppContext

        assert AppContext(home, Settings(), catalog, runner=None).actor == "siri"  # the window's
        photo_id = catalog.photos.add(
            factory.catalog_row("Åsted.jpg", "c" * 64),
            actor=catalog.actor,
        )
        # Tables no trigger stamps: what the app writes is what is recorded.
        RedactionStore(catalog.engine).add(
            photo_id,
            [NewRegion(0.1, 0.1, 0.2, 0.2, kind="face", fill="box", source="user")],
            services[0].actor,
        )
        assert [r.added_by for r in RedactionStore(catalog.engine).regions(photo_id)] == ["siri"]
        person = services[1].add("Åse Ødegård")
        services[1].link(person.id, [photo_id])
        with catalog.engine.connect() as conn:
            from sqlalchemy import text

            added_by = conn.execute(text("SELECT added_by FROM photo_people")).scalar()
        assert added_by == "siri"
    finally:
        catalog.close()


def test_the_cli_edits_and_whoami_as_the_servers_login(shared, tmp_path):
    home = tmp_path / "desk siri"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PHOTOARCHIVE_CATALOG_URL"}
    env.update(PHOTOARCHIVE_CATALOG_URL=shared, USER="mallory", USERNAME="mallory")

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "photoarchive", "--home", str(home), *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    me = run("catalog", "whoami", "--json")
    assert me.returncode == 0, me.stderr
    assert json.loads(me.stdout)["login"] == "siri"
    catalog = Catalog.open(shared)
    try:
        photo_id = catalog.photos.add(
            factory.catalog_row("Brann.jpg", "d" * 64),
            actor="postgres",
        )
    finally:
        catalog.close()
    tagged = run("tag", str(photo_id), "--caption", "Brann i Storgata")
    assert tagged.returncode == 0, tagged.stderr
    region = run("redact", str(photo_id), "--add", "0.1,0.1,0.2,0.2")
    assert region.returncode == 0, region.stderr
    catalog = Catalog.open(shared)
    try:
        edits = [e.actor for e in catalog.events.for_photo(photo_id) if e.kind == "edited"]
        assert edits == ["siri"]
        assert [r.added_by for r in RedactionStore(catalog.engine).regions(photo_id)] == ["siri"]
    finally:
        catalog.close()


def test_an_unreachable_server_is_said_not_guessed(tmp_path):
    import socket

    from photoarchive.catalog.db import CatalogUnreachable, create_catalog_engine
    from photoarchive.settings import Settings
    from photoarchive.ui.context import AppContext

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    catalog = Catalog(create_catalog_engine(f"postgresql://siri:x@127.0.0.1:{port}/presse"))
    try:
        with pytest.raises(CatalogUnreachable) as refused:
            _ = catalog.actor
        assert refused.value.code == "catalog.unreachable"
        # The window keeps a name to show meanwhile (nothing can be written until the server is back).
        home = Home(tmp_path / "desk").ensure()
        assert AppContext(home, Settings(), catalog, runner=None).actor == current_user()
    finally:
        catalog.close()

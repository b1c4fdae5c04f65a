"""On the shared PostgreSQL catalog the server itself holds the editor rule for consent, case closing
and retention decisions, tried with real logins (the app's check and plain SQL)."""

from __future__ import annotations

import psycopg
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import server as server_setup
from photoarchive.catalog.people import Consent, ConsentStatus, Use
from photoarchive.catalog.photos import NewPhoto

LOGINS = {"kari": "staff", "erik": "editor"}
PASSWORD = "hemmelig-æøå"
CASE = "2026-123456"


@pytest.fixture(scope="module")
def shared(pg_cluster):
    database = "presse_consent"
    server_setup.apply(pg_cluster.url("postgres"), database)
    for name, role in LOGINS.items():
        pg_cluster.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            + server_setup.login_sql(name, role, password=PASSWORD).strip().rstrip(";")
            + "; END IF; END $$"
        )
    yield pg_cluster, database
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def as_login(shared, name: str) -> Catalog:
    cluster, database = shared
    return Catalog.open(cluster.url(database, user=name, password=PASSWORD))


def sql_as(shared, name: str):
    cluster, database = shared
    return psycopg.connect(
        host="127.0.0.1", port=cluster.port, dbname=database, user=name, password=PASSWORD, autocommit=True
    )


def test_only_an_editor_login_records_consent(shared):
    from photoarchive.people.editors import NotAnEditor
    from photoarchive.people.service import PeopleService

    staff = as_login(shared, "kari")
    editor = as_login(shared, "erik")
    try:
        person = staff.people.add("Per Ås", actor="kari")
        with pytest.raises(NotAnEditor):
            PeopleService(staff, actor="kari").set_consent(person.id, "given", uses=["flickr"])
        # Around the app, with plain SQL: the server refuses too.
        with sql_as(shared, "kari") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO consents (person_id, status, uses, given_by, document, note, recorded_by, recorded_at)"
                " VALUES (%s, 'given', '[\"flickr\"]', '', '', '', 'erik', now())",
                (person.id,),
            )
        # The editor's record names the login, whatever actor the client sends.
        editor.people.set_consent(
            Consent(person.id, ConsentStatus.GIVEN, frozenset({Use.FLICKR})), actor="someone-else"
        )
        stored = staff.people.consent(person.id)
        assert stored is not None and stored.recorded_by == "erik"
        with sql_as(shared, "kari") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE consents SET status = 'given', uses = '[\"press\"]' WHERE person_id = %s",
                (person.id,),
            )
    finally:
        staff.close()
        editor.close()


def test_only_an_editor_login_closes_a_case(shared):
    from photoarchive.cases.service import CaseService
    from photoarchive.people.editors import NotAnEditor

    staff = as_login(shared, "kari")
    editor = as_login(shared, "erik")
    try:
        staff.photos.add(
            NewPhoto(
                sha256="c" * 64,
                original_name="bil.jpg",
                archive_path="2026/bil.jpg",
                size_bytes=1,
                format="jpeg",
                width=10,
                height=10,
                case_number=CASE,
            ),
            actor="kari",
        )
        assert CaseService(staff, actor="kari").set_title(CASE, "Stjålet bil").title == "Stjålet bil"
        with pytest.raises(NotAnEditor):
            CaseService(staff, actor="kari").close(CASE)
        with sql_as(shared, "kari") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE cases SET state = 'closed', closed_at = now() WHERE case_number = %s", (CASE,)
            )
        closed = CaseService(editor, actor="pretender").close(CASE)
        assert (closed.state, closed.closed_by) == ("closed", "erik")
    finally:
        staff.close()
        editor.close()

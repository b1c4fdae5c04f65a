"""The approval gate held by the database server, tried with real logins: what a staff login can and
cannot do with the app and with plain SQL, four eyes, the append-only audit log, and actors taken from
the authenticated login rather than from what the client sends."""

from __future__ import annotations

import json

import psycopg
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import server as server_setup
from photoarchive.catalog.db import PermissionRefused
from photoarchive.catalog.photos import NewPhoto
from photoarchive.catalog.sets import NewAuditEntry, StateChange
from photoarchive.sets.model import SetState

LOGINS = {"kari": "staff", "ola": "staff", "erik": "editor", "frida": "photographer"}
PASSWORD = "hemmelig-æøå"


@pytest.fixture(scope="module")
def shared(pg_cluster):
    """A catalog database set up the way IT does it: `init-server --apply`, then one login per person."""
    database = "presse_policy"
    setup = server_setup.apply(pg_cluster.url("postgres"), database)
    for name, role in LOGINS.items():
        pg_cluster.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            + server_setup.login_sql(name, role, password=PASSWORD).strip().rstrip(";")
            + "; END IF; END $$"
        )
    yield pg_cluster, database, setup
    pg_cluster.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def as_login(shared, name: str) -> Catalog:
    cluster, database, _ = shared
    return Catalog.open(cluster.url(database, user=name, password=PASSWORD))


def sql_as(shared, name: str):
    cluster, database, _ = shared
    return psycopg.connect(
        host="127.0.0.1", port=cluster.port, dbname=database, user=name, password=PASSWORD, autocommit=True
    )


def submitted_set(shared, submitter: str, title: str) -> int:
    """A set with one photo, created and submitted by `submitter` through the catalog."""
    catalog = as_login(shared, submitter)
    try:
        photo_id = catalog.photos.add(
            NewPhoto(
                sha256=f"{abs(hash(title)):064x}"[:64],
                original_name=f"{title}.jpg",
                archive_path=f"2026/{title}.jpg",
                size_bytes=1,
                format="jpeg",
                width=10,
                height=10,
            ),
            actor=submitter,
        )
        photo_set = catalog.sets.create(title)
        catalog.sets.add_photos(photo_set.id, [photo_id])
        catalog.sets.apply_step(
            photo_set.id,
            StateChange(expected_state=SetState.DRAFT, state=SetState.SUBMITTED),
            [NewAuditEntry(submitter, "submit", "set", photo_set.id)],
        )
        return photo_set.id
    finally:
        catalog.close()


def approve_with_sql(conn, set_id: int, claimed_approver: str = "erik") -> None:
    conn.execute(
        "UPDATE photo_sets SET state = 'approved', approved_by = %s, approved_at = now(),"
        " approved_snapshot = %s WHERE id = %s",
        (claimed_approver, json.dumps({"photo_ids": [1]}), set_id),
    )


def test_init_server_sets_up_roles_database_and_schema(shared):
    cluster, database, setup = shared
    assert setup.database_url.endswith(f"/{database}")
    with cluster.connect() as conn:
        roles = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE NOT rolcanlogin")}
    assert {"photographer", "staff", "editor"} <= roles
    # Running it again (after an upgrade) changes nothing and does not fail.
    server_setup.apply(cluster.url("postgres"), database)


def test_the_catalog_records_the_login_not_the_name_the_client_sends(shared):
    set_id = submitted_set(shared, "kari", "Innbrudd Storgata")
    catalog = as_login(shared, "kari")
    try:
        catalog.sets.record([NewAuditEntry("erik", "edit", "set", set_id)])  # kari claims to be erik
        actors = [
            (e.action, e.actor) for e in catalog.sets.audit_entries(target_kind="set", target_id=set_id)
        ]
        assert actors == [("submit", "kari"), ("edit", "kari")]
        assert catalog.identity().login == "kari" and catalog.identity().roles == ("staff",)
        assert not catalog.identity().may_approve
        photo_id = catalog.sets.get(set_id).photo_ids[0]
        assert {e.actor for e in catalog.events.for_photo(photo_id)} == {"kari"}
    finally:
        catalog.close()


def test_a_staff_login_cannot_approve_with_plain_sql(shared):
    set_id = submitted_set(shared, "kari", "Trafikkulykke E6")
    with sql_as(shared, "ola") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege, match="editor"):
        approve_with_sql(conn, set_id)
    with sql_as(shared, "ola") as conn:
        state = conn.execute(
            "SELECT state, approved_snapshot FROM photo_sets WHERE id = %s", (set_id,)
        ).fetchone()
    assert state == ("submitted", None)


def test_a_staff_login_cannot_approve_through_the_app(shared):
    set_id = submitted_set(shared, "kari", "Pressebilder æøå")
    catalog = as_login(shared, "ola")
    try:
        with pytest.raises(PermissionRefused, match="only an editor") as refused:
            catalog.sets.apply_step(
                set_id,
                StateChange(
                    expected_state=SetState.SUBMITTED,
                    state=SetState.APPROVED,
                    approved_by="ola",
                    approved_content=None,
                ),
                [NewAuditEntry("ola", "approve", "set", set_id)],
            )
        assert refused.value.code == "catalog.permission_refused"
        assert refused.value.params["login"] == "ola"
        assert catalog.sets.get(set_id).state is SetState.SUBMITTED
        # Nothing of the refused step was written, the audit entry neither.
        assert [e.action for e in catalog.sets.audit_entries(target_kind="set", target_id=set_id)] == [
            "submit"
        ]
    finally:
        catalog.close()


def test_an_editor_approves_and_is_recorded_as_the_approver(shared):
    set_id = submitted_set(shared, "kari", "Savnet person")
    with sql_as(shared, "erik") as conn:
        approve_with_sql(conn, set_id, claimed_approver="someone else")
        row = conn.execute(
            "SELECT state, approved_by, submitted_by FROM photo_sets WHERE id = %s", (set_id,)
        ).fetchone()
    assert row == ("approved", "erik", "kari")


def test_the_submitter_cannot_approve_their_own_set(shared):
    set_id = submitted_set(shared, "erik", "Erik sitt eget sett")
    with (
        sql_as(shared, "erik") as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="four eyes"),
    ):
        approve_with_sql(conn, set_id)
    # Nor can the submitter be rewritten to dodge the rule.
    with sql_as(shared, "erik") as conn:
        conn.execute("UPDATE photo_sets SET submitted_by = 'kari' WHERE id = %s", (set_id,))
        assert conn.execute("SELECT submitted_by FROM photo_sets WHERE id = %s", (set_id,)).fetchone() == (
            "erik",
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="four eyes"):
            approve_with_sql(conn, set_id)


def test_staff_cannot_change_or_revoke_an_approval(shared):
    set_id = submitted_set(shared, "kari", "Godkjent sett")
    with sql_as(shared, "erik") as conn:
        approve_with_sql(conn, set_id)
    with sql_as(shared, "kari") as conn:
        for statement in (
            "UPDATE photo_sets SET approved_snapshot = '{\"photo_ids\": [1, 2]}' WHERE id = %s",
            "UPDATE photo_sets SET approved_by = 'kari' WHERE id = %s",
            "UPDATE photo_sets SET state = 'draft', approved_snapshot = NULL WHERE id = %s",
            "DELETE FROM photo_sets WHERE id = %s",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, (set_id,))
        assert conn.execute(
            "SELECT state, approved_by FROM photo_sets WHERE id = %s", (set_id,)
        ).fetchone() == (
            "approved",
            "erik",
        )


def test_the_audit_log_is_append_only_for_everyone(shared):
    cluster, database, _ = shared
    set_id = submitted_set(shared, "kari", "Revisjonslogg")
    for name in ("kari", "erik"):
        with sql_as(shared, name) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE audit_log SET actor = 'noen' WHERE target_id = %s", (set_id,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM audit_log WHERE target_id = %s", (set_id,))
    # Even the owner / superuser cannot edit it through ordinary statements.
    with cluster.connect(database) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE target_id = %s", (set_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("TRUNCATE audit_log")
        assert conn.execute("SELECT actor FROM audit_log WHERE target_id = %s", (set_id,)).fetchone() == (
            "kari",
        )


def test_a_photographer_login_cannot_read_or_write_the_catalog(shared):
    with sql_as(shared, "frida") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT count(*) FROM photos")


def test_the_printed_script_names_roles_grants_and_the_database():
    script = server_setup.init_server_script("presse")
    assert "CREATE ROLE staff NOLOGIN" in script and "GRANT staff TO editor" in script
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM staff" in script
    assert "\\connect presse" in script
    with pytest.raises(Exception, match="plain database name"):
        server_setup.init_server_script("presse; DROP DATABASE x")


def _service(catalog, actor):
    from photoarchive.sets.service import SetService

    return SetService(catalog, clean_check=lambda _photo: None, actor=actor)


def test_through_the_set_service_staff_and_the_submitter_are_refused_and_an_editor_approves(shared):
    set_id = submitted_set(shared, "kari", "Via appen")
    ola = as_login(shared, "ola")
    try:
        # Even when the app is told the user is an editor, the server knows the login is staff.
        with pytest.raises(PermissionRefused, match="only an editor"):
            _service(ola, actor="erik").approve(set_id)
    finally:
        ola.close()
    own_set = submitted_set(shared, "erik", "Eriks via appen")
    erik = as_login(shared, "erik")
    try:
        with pytest.raises(PermissionRefused, match="four eyes"):
            _service(erik, actor="someone-else").approve(own_set)
        approved = _service(erik, actor="erik").approve(set_id)
        assert approved.state is SetState.APPROVED and approved.approved_by == "erik"
        actions = [(e.action, e.actor) for e in erik.sets.audit_entries(target_kind="set", target_id=set_id)]
        assert actions == [("submit", "kari"), ("approve", "erik")]
    finally:
        erik.close()

"""`photoarchive catalog …` as IT and a desk type it: the set-up script, and who the catalog takes you for."""

from __future__ import annotations

import json

from photoarchive.cli import main


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_server_prints_the_setup_script(capsys):
    code, out, _ = _run(capsys, "catalog", "init-server", "--database", "presse")
    assert code == 0
    assert "CREATE ROLE editor NOLOGIN" in out and "\\connect presse" in out


def test_init_server_refuses_a_database_name_that_is_not_plain(capsys):
    code, _, err = _run(capsys, "catalog", "init-server", "--database", "x; DROP TABLE photos")
    assert code == 2 and "plain database name" in err


def test_whoami_names_the_catalog_and_the_identity(home, catalog_backend, capsys):
    code, out, err = _run(capsys, "--home", home.root, "catalog", "whoami", "--json")
    assert code == 0, err
    me = json.loads(out)
    assert me["backend"] == catalog_backend
    if catalog_backend == "postgresql":
        # The test server's superuser: the login the server authenticated, not an OS or typed name.
        assert me["login"] == "postgres" and me["may_approve"] is True
    else:
        assert me["login"] and me["location"].endswith("catalog.sqlite")


def test_init_server_apply_sets_up_a_new_database(pg_cluster, capsys):
    code, out, err = _run(
        capsys, "catalog", "init-server", "--apply", pg_cluster.url("postgres"), "--database", "cli_setup"
    )
    try:
        assert code == 0, err
        assert "Shared catalog ready" in out and "cli_setup" in out
        with pg_cluster.connect("cli_setup") as conn:
            tables = {
                r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            }
        assert {"photos", "photo_sets", "audit_log", "ingest_claims"} <= tables
    finally:
        pg_cluster.execute("DROP DATABASE IF EXISTS cli_setup WITH (FORCE)")


def test_init_server_apply_adds_the_search_index_a_catalog_was_created_without(pg_cluster, capsys):
    # As on a server that got PostgreSQL's contrib package (pg_trgm) only after the catalog was made.
    from photoarchive.catalog import Catalog

    pg_cluster.execute("CREATE DATABASE cli_trgm")
    try:
        Catalog.open(pg_cluster.url("cli_trgm")).close()
        pg_cluster.execute("DROP INDEX ix_photos_search_trgm", database="cli_trgm")
        code, _, err = _run(
            capsys, "catalog", "init-server", "--apply", pg_cluster.url("postgres"), "--database", "cli_trgm"
        )
        assert code == 0, err
        with pg_cluster.connect("cli_trgm") as conn:
            names = {
                r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'photos'")
            }
        assert "ix_photos_search_trgm" in names
    finally:
        pg_cluster.execute("DROP DATABASE IF EXISTS cli_trgm WITH (FORCE)")

"""Sync requests through the catalog (queue, claim, progress, log, a dead runner's request put back) and
the API key's hourly call budget counted in the catalog, on SQLite and PostgreSQL; on PostgreSQL the
rules the server holds for every login (who asked is the login, only editors ask, the log is a record)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import psycopg
import pytest
from sqlalchemy import func, select

from photoarchive.catalog.call_budget import CallBudgetStore
from photoarchive.catalog.db import PermissionRefused
from photoarchive.catalog.schema import flickr_calls
from photoarchive.catalog.sync_requests import LogLine, RequestState, SyncRequestStore


def test_a_request_is_queued_claimed_run_and_finished_with_its_log(catalog):
    store = SyncRequestStore(catalog.engine)
    first = store.add(reason="manual", requested_by="erik", set_ids=[3, 1, 3])
    second = store.add(reason="schedule", requested_by="service")
    assert [r.id for r in store.open_requests()] == [first, second]
    assert store.get(first).set_ids == (1, 3) and store.get(first).state is RequestState.QUEUED

    claimed = store.claim_next("fil01 (process 42)")
    assert claimed.id == first and claimed.state is RequestState.RUNNING
    assert claimed.runner == "fil01 (process 42)" and claimed.attempts == 1 and claimed.started_at
    stop = store.heartbeat(
        first, {"phase": "photos", "photos_done": 1}, [LogLine("a", {"file": "æ.jpg"}, "A")]
    )
    assert stop is False
    assert store.ask_cancel(first)
    assert store.heartbeat(first, None) is True  # the runner learns of the stop on its next heartbeat
    store.finish(first, RequestState.DONE, {"code": "request_done", "params": {"uploaded": 2}},
                 lines=[LogLine("b", {}, "B")])  # fmt: skip
    done = store.get(first)
    assert done.state is RequestState.DONE and done.finished_at and not done.is_open
    assert done.progress == {"phase": "photos", "photos_done": 1}
    assert done.outcome["params"] == {"uploaded": 2}
    log = store.log(first)
    assert [(e.code, e.params, e.text) for e in log] == [("a", {"file": "æ.jpg"}, "A"), ("b", {}, "B")]
    assert store.log(first, after=log[0].id)[0].code == "b"  # a desk polls only what is new
    assert not store.ask_cancel(first)  # finished: nothing to stop
    assert store.claim_next("fil01").id == second
    assert store.claim_next("fil01") is None


def test_a_request_left_running_by_a_dead_runner_goes_back_to_the_queue(catalog):
    store = SyncRequestStore(catalog.engine)
    request_id = store.add(reason="approval", requested_by="service", set_ids=[7])
    store.claim_next("fil01 (process 1)")  # … and that process is killed
    assert store.requeue_running() == [request_id]
    again = store.claim_next("fil01 (process 2)")
    assert again.id == request_id and again.attempts == 2 and again.runner == "fil01 (process 2)"


def test_the_call_budget_holds_the_hourly_limit_across_takers(catalog):
    one = CallBudgetStore(catalog.engine, "a" * 64)
    two = CallBudgetStore(catalog.engine, "a" * 64)
    other_key = CallBudgetStore(catalog.engine, "b" * 64)
    now = 1_800_000_000.0
    assert [one.reserve(now + i, per_hour=3) for i in range(2)] == [now, now + 1]
    assert two.reserve(now + 2, per_hour=3) == now + 2
    # The fourth call of the hour waits until the first one is an hour old, whoever makes it.
    assert two.reserve(now + 3, per_hour=3) == now + 3600
    assert one.calls_in_last_hour(now + 10) == 3
    # Another key has its own budget.
    assert other_key.reserve(now + 3, per_hour=3) == now + 3
    # An hour later the old calls no longer count (and are dropped now and then).
    assert one.reserve(now + 7300, per_hour=3) == now + 7300
    assert one.calls_in_last_hour(now + 7300) == 1
    for i in range(60):
        one.reserve(now + 20_000 + i, per_hour=3600)
    with catalog.engine.connect() as conn:
        oldest = conn.execute(
            select(func.min(flickr_calls.c.at)).where(flickr_calls.c.key_digest == "a" * 64)
        ).scalar()
    assert oldest > now + 7300 - 3600


TAKER = textwrap.dedent(
    """
    import sys, time
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.call_budget import CallBudgetStore
    store = CallBudgetStore(Catalog.open(sys.argv[1]).engine, "c" * 64)
    now = float(sys.argv[2])
    print(" ".join(repr(store.reserve(now, per_hour=int(sys.argv[3]))) for _ in range(int(sys.argv[4]))))
    """
)


def test_two_processes_taking_calls_at_once_never_exceed_the_hour(catalog):
    """Two runners on two machines: 2 x 30 calls asked for at the same moment against 40 an hour."""
    url = catalog.engine.url.render_as_string(hide_password=False)
    now = "1800000000.0"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", TAKER, url, now, "40", "30"], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        times = sorted(float(t) for p in procs for t in p.communicate(timeout=120)[0].split())
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert all(p.returncode == 0 for p in procs)
    assert len(times) == 60
    start = float(now)
    assert sum(1 for t in times if t == start) == 40  # the hour's budget, and not one call more
    assert all(t >= start + 3600 for t in times[40:])
    # No sliding hour holds more than 40 calls.
    assert max(sum(1 for u in times if t <= u < t + 3600) for t in times) <= 40


# -- PostgreSQL: what the server holds for every login ----------------------------------------


@pytest.fixture
def logins(catalog_backend, pg_cluster, pg_database):
    if catalog_backend != "postgresql":
        pytest.skip("the server's rules exist only on the shared PostgreSQL catalog")
    from photoarchive.catalog import server as server_setup

    cluster, database = pg_database
    cluster.execute(server_setup.roles_sql())
    for name, role in (("synk_kari", "staff"), ("synk_erik", "editor")):
        cluster.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            + server_setup.login_sql(name, role, password="pw").strip().rstrip(";")
            + "; END IF; END $$"
        )
        # Roles are the cluster's, shared by the whole session: password and role set every time.
        cluster.execute(f"ALTER ROLE {name} PASSWORD 'pw'")
        cluster.execute(f"GRANT {role} TO {name}")
    with cluster.connect(database) as conn:
        conn.execute(server_setup.grants_sql(database))

    def connect(name: str):
        return psycopg.connect(
            host="127.0.0.1", port=cluster.port, dbname=database, user=name, password="pw", autocommit=True
        )

    def catalog_as(name: str):
        from photoarchive.catalog import Catalog

        return Catalog.open(cluster.url(database, user=name, password="pw"))

    return connect, catalog_as


def test_only_an_editor_asks_for_a_sync_and_the_server_names_who_asked(logins):
    connect, catalog_as = logins
    staff, editor = catalog_as("synk_kari"), catalog_as("synk_erik")
    try:
        with pytest.raises(PermissionRefused, match="only an editor may ask for a sync"):
            SyncRequestStore(staff.engine).add(reason="manual", requested_by="erik")
        # The desk says so before the server has to, as a code its window translates.
        from photoarchive.flickr.desk import ask_for_sync
        from photoarchive.flickr.errors import FlickrProblem

        with pytest.raises(FlickrProblem) as refused:
            ask_for_sync(staff, "synk_kari")
        assert refused.value.message.code == "request_not_editor"
        assert refused.value.message.params == {"login": "synk_kari"}
        request_id = SyncRequestStore(editor.engine).add(reason="manual", requested_by="somebody else")
        # Staff see it; the service (a staff login) runs it and writes its progress.
        store = SyncRequestStore(staff.engine)
        assert store.get(request_id).requested_by == "synk_erik"
        assert store.claim_next("fil01").id == request_id
        store.heartbeat(
            request_id, {"phase": "photos"}, [LogLine("request_sending", {"file": "x"}, "Sending x")]
        )
        with pytest.raises(PermissionRefused, match="only an editor may stop a sync"):
            store.ask_cancel(request_id)
        assert SyncRequestStore(editor.engine).ask_cancel(request_id)
    finally:
        staff.close()
        editor.close()
    with connect("synk_kari") as conn:
        # Who asked and when cannot be rewritten, the request cannot be deleted, the log is a record.
        conn.execute("UPDATE sync_requests SET requested_by = 'kari', reason = 'schedule' WHERE id = %s",
                     (request_id,))  # fmt: skip
        assert conn.execute("SELECT requested_by, reason FROM sync_requests").fetchone() == (
            "synk_erik",
            "manual",
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM sync_requests WHERE id = %s", (request_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE sync_request_log SET text = 'nothing happened'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM sync_request_log")
        # An automatic request (the service's) is anyone's to queue: it only publishes what editors approved.
        conn.execute(
            "INSERT INTO sync_requests (requested_by, requested_at, reason, set_ids, state, runner, attempts,"
            " progress, outcome, cancel_requested) VALUES ('x', now(), 'schedule', '[]', 'queued', '', 0,"
            " '{}', '{}', false)"
        )

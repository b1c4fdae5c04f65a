"""The tests' own PostgreSQL server: a pytest that is killed leaves no server running for long — the
next start stops servers whose creator is gone, and leaves live sessions' servers alone."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from postgres import find_server_binaries

STARTER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from postgres import start_cluster
    cluster = start_cluster()
    print(cluster.root, flush=True)
    time.sleep(300)
    """
)


@pytest.mark.timeout(180)
def test_a_server_left_by_a_killed_session_is_stopped_by_the_next_start(pg_cluster):
    tests_dir = str(Path(__file__).resolve().parent.parent)
    if find_server_binaries() is None:
        pytest.skip("no PostgreSQL server binaries")
    starter = subprocess.Popen([sys.executable, "-c", STARTER, tests_dir], stdout=subprocess.PIPE, text=True)
    orphan_root = Path(starter.stdout.readline().strip())
    assert (orphan_root / "data" / "postmaster.pid").exists()
    starter.send_signal(signal.SIGKILL)  # no teardown: its server keeps running
    starter.wait()
    assert (orphan_root / "data" / "postmaster.pid").exists()

    second = subprocess.Popen([sys.executable, "-c", STARTER, tests_dir], stdout=subprocess.PIPE, text=True)
    try:
        second_root = Path(second.stdout.readline().strip())
        assert not orphan_root.exists()  # the dead session's server was stopped and removed
        assert (second_root / "data" / "postmaster.pid").exists()
        assert (pg_cluster.data_dir / "postmaster.pid").exists()  # this live session's server stays
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait()
    # Clean up what the killed second starter left, as the next session would.
    from postgres import stop_orphans

    stop_orphans(pg_cluster.bindir, pg_cluster.run_as)
    assert not second_root.exists()

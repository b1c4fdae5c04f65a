"""A strip killed with SIGKILL at any point leaves no file that looks like a result: at most a hidden
`.NAME.<hex>.partial`, which the next strip or export into that folder removes (a live writer's is kept)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import factory
import pytest

from photoarchive.privacy import PressFields, PublishPolicy, publish_copy, scan
from photoarchive.privacy.publish import remove_stale_partials

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
REPO = Path(__file__).resolve().parents[2]

# The child strips the same photo into `out` again and again; with a stage given, it kills itself with
# SIGKILL the moment the copy reaches that stage (a real kill -9 at the worst places, no mock in the parent).
CHILD = r"""
import os, signal, sys
from pathlib import Path
from photoarchive.privacy import publish as pub, PublishPolicy, PressFields
src, out, stage = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if stage == "before-rename":
    pub.os.replace = die
elif stage == "mid-write":
    real = pub._write_all
    def half(fd, data):
        real(fd, memoryview(data)[: len(data) // 2]); die()
    pub._write_all = half
elif stage == "fsync":
    pub.os.fsync = die
print("ready", flush=True)
for i in range(10_000):
    pub.publish_copy(src, out / f"copy_{i}.jpg", PublishPolicy(), PressFields(byline="Politiet"))
"""


def _child(src: Path, out: Path, stage: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(src), str(out), stage], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip


def _results(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if not p.name.startswith(".")]


def _partials(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.endswith(".partial")]


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return factory.make_camera_jpeg(tmp_path_factory.mktemp("src") / "IMG_0001.jpg", 1600, 1200, seed=3)


@pytest.mark.parametrize("stage", ["mid-write", "fsync", "before-rename"])
def test_killed_at_a_stage_leaves_only_a_partial_that_the_next_strip_removes(
    tmp_path: Path, photo: Path, stage: str
) -> None:
    child = _child(photo, tmp_path, stage)
    assert child.wait(timeout=60) == -signal.SIGKILL
    assert _results(tmp_path) == []  # nothing that looks like a copy
    assert len(_partials(tmp_path)) == 1
    publish_copy(photo, tmp_path / "next.jpg", PublishPolicy(), PressFields())  # the next strip there
    assert _partials(tmp_path) == []
    assert [p.name for p in _results(tmp_path)] == ["next.jpg"]


def test_killed_at_random_moments_leaves_complete_copies_or_partials(tmp_path: Path, photo: Path) -> None:
    for delay in (0.3, 0.45, 0.6, 0.8, 1.1):
        child = _child(photo, tmp_path, "none")
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    for copy in _results(tmp_path):  # every file with a result's name is a whole, clean, verified copy
        assert scan(copy, expected=PressFields(byline="Politiet")).clean, copy.name
    remove_stale_partials(tmp_path, force=True)
    assert _partials(tmp_path) == []


def test_a_live_writers_partial_is_left_alone(tmp_path: Path) -> None:
    import fcntl

    partial = tmp_path / ".IMG_1.jpg.0123abcd.partial"
    with open(partial, "wb") as fh:
        fh.write(b"being written")
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert remove_stale_partials(tmp_path, force=True) == []
        assert partial.exists()
    assert remove_stale_partials(tmp_path, force=True) == [partial]
    (tmp_path / ".notes.partial").write_text("not ours")  # only the names a copy uses are touched
    (tmp_path / "IMG_2.jpg.0123abcd.partial").write_text("not hidden: not ours")
    assert remove_stale_partials(tmp_path, force=True) == []

"""`photoarchive watch` as a photographer's desk runs it: files dropped in are archived; Ctrl-C stops cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.settings import Settings


@pytest.mark.skipif(
    sys.platform == "win32", reason="sends SIGINT; Windows consoles deliver Ctrl-C differently"
)
def test_watch_archives_dropped_files_and_stops_cleanly_on_ctrl_c(home, tmp_path):
    settings = Settings()
    settings.inbox.settle_seconds = 0.3
    settings.inbox.rescan_seconds = 0.5
    settings.save(home)
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "photoarchive", "--home", str(home.root), "watch", "--inbox", str(inbox)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        # A terminal's Ctrl-C reaches the watch even when this test runs where SIGINT is ignored (a
        # background job, some CI runners), which the child would otherwise inherit and never stop.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    out = err = ""
    try:
        factory.make_photo(inbox / "fra fotografen.jpg")
        deadline = time.monotonic() + 30
        while Catalog.for_home(home).photos.count() == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert Catalog.for_home(home).photos.count() == 1
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:  # never leave a live watch behind, whatever failed above
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "fra fotografen.jpg: archived as photo 1" in out
    assert "Stopping" in err and "Traceback" not in err
    assert not (inbox / "fra fotografen.jpg").exists()

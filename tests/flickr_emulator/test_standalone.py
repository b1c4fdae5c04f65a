"""``python -m flickr_emulator`` as a separate process, used through flickrapi."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import flickrapi
import pytest
import requests
from flickrapi.auth import FlickrAccessToken

TESTS_DIR = Path(__file__).resolve().parent.parent


def test_standalone_process_serves_and_dumps_state(tmp_path: Path) -> None:
    dump = tmp_path / "tilstand æøå.json"
    env = {**os.environ, "PYTHONPATH": str(TESTS_DIR)}
    process = subprocess.Popen(
        [sys.executable, "-m", "flickr_emulator", "--port", "0", "--key", "K", "--secret", "S"]
        + ["--grant", "write", "--dump", str(dump), "--fault", "flickr.test.echo:error106:times=1", "--free"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        base_url = process.stdout.readline().strip()
        grant = json.loads(process.stdout.readline())
        assert base_url.startswith("http://127.0.0.1:")
        token = FlickrAccessToken(grant["token"], grant["token_secret"], "write", "", "", grant["user_nsid"])
        flickr = flickrapi.FlickrAPI("K", "S", token=token, timeout=5)
        flickr.REST_URL = base_url + "/services/rest/"
        flickr.UPLOAD_URL = base_url + "/services/upload/"
        from .conftest import upload

        photo_id = upload(flickr, title="fra prosess")
        assert flickr.people.getUploadStatus().find("user").get("ispro") == "0"  # --free
        with pytest.raises(flickrapi.FlickrError) as injected:
            flickr.test.echo()
        assert injected.value.code == 106
        flickr.test.echo()
        remote = requests.get(base_url + "/emulator/state", timeout=5).json()
        assert [p["id"] for p in remote["photos"]] == [photo_id]
        calls = requests.get(base_url + "/emulator/calls", timeout=5).json()
        assert calls["upload"] == 1 and calls["flickr.test.echo"] == 2
        assert flickr.test.login().find("user").get("id") == grant["user_nsid"]
    finally:
        process.stdin.write("quit\n")
        process.stdin.flush()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    state = json.loads(dump.read_text(encoding="utf-8"))
    assert [(p["id"], p["title"]) for p in state["photos"]] == [(photo_id, "fra prosess")]

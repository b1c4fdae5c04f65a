"""`strip IN... --out-dir` on a batch large enough to run on several processes."""

from __future__ import annotations

import subprocess
import sys

import factory

from photoarchive.privacy import scan


def test_a_batch_is_stripped_in_order_and_one_bad_file_does_not_stop_the_rest(tmp_path):
    sources = [
        factory.make_photo(tmp_path / f"bilde {i:02} æ.jpg", gps=True, serial=True, seed=i) for i in range(11)
    ]
    bad = factory.truncate(factory.make_photo(tmp_path / "ødelagt.jpg", size=(800, 600)), 0.3)
    sources.insert(5, bad)
    out = tmp_path / "ut"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "photoarchive",
            "--home",
            str(tmp_path / "home"),
            "strip",
            *map(str, sources),
            "--out-dir",
            str(out),
            "--keep-names",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 2
    assert "ødelagt.jpg" in done.stderr
    written = [line.split(": ")[0] for line in done.stdout.splitlines()]
    assert written == [str(out / s.name) for s in sources if s is not bad]
    assert not (out / "ødelagt.jpg").exists()
    for source in sources:
        if source is not bad:
            assert not scan(out / source.name).has_gps
            assert factory.BODY_SERIAL.encode() not in (out / source.name).read_bytes()

"""`photoarchive check` as a user types it: exit 0 on a whole archive, 1 with the problem named, the
JSON report's shape, and an unknown original adopted."""

from __future__ import annotations

import json

import factory

from photoarchive.cli import main
from photoarchive.ingest.archive_paths import make_writable


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_adopts_and_exits_by_what_is_left(home, tmp_path, capsys):
    inbox = tmp_path / "innboks"
    inbox.mkdir()
    factory.make_photo(inbox / "åsted.jpg")
    factory.make_photo(inbox / "to.jpg", seed=2)
    assert _run(capsys, "--home", home.root, "ingest", inbox, "--no-faces", "--move")[0] == 0

    code, out, err = _run(capsys, "--home", home.root, "check")
    assert code == 0, err
    assert "2 photos checked (re-hashed)" in err and "the archive is whole" in err

    # A file the catalog does not know, and one it knows whose bytes went missing.
    folder = next(home.originals.glob("*/*"))
    factory.make_photo(folder / "ukjent æøå.jpg", seed=7)
    listed = json.loads(_run(capsys, "--home", home.root, "list", "--json")[1])
    gone = home.originals / listed[0]["archive_path"]
    make_writable(gone)
    gone.unlink()

    code, out, err = _run(capsys, "--home", home.root, "check", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["whole"] is False and report["quick"] is False and report["photos_checked"] == 2
    by_kind = {f["kind"]: f for f in report["findings"]}
    assert set(by_kind) == {"adopted", "missing_original"}
    assert by_kind["missing_original"]["photo_id"] == listed[0]["id"]
    assert by_kind["missing_original"]["repaired"] is False
    assert by_kind["adopted"]["repaired"] is True and by_kind["adopted"]["path"].endswith("/ukjent æøå.jpg")

    code, _, err = _run(capsys, "--home", home.root, "check", "--quick")
    assert code == 1
    assert "MISSING: the catalog names this original but the file is gone" in err
    assert "3 photos checked (sizes and dates)" in err and "1 problem(s) need attention" in err
    names = {p["original_name"] for p in json.loads(_run(capsys, "--home", home.root, "list", "--json")[1])}
    assert "ukjent æøå.jpg" in names

"""The archive commands as a user types them: exit codes, JSON shapes, edits that persist."""

from __future__ import annotations

import json
from pathlib import Path

import factory

from photoarchive.cli import main


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_list_show_tag_round_trip(home, tmp_path, capsys):
    inbox = tmp_path / "innboks" / "2026-123456"
    inbox.mkdir(parents=True)
    factory.make_photo(inbox / "åsted 1.jpg", size=(3200, 2400), gps=True)
    factory.make_photo(inbox / "åsted 2.jpg", seed=2)
    code, out, err = _run(capsys, "--home", home.root, "ingest", inbox.parent, "--no-faces")
    assert code == 0, err
    assert "2 archived" in err

    code, out, _ = _run(capsys, "list", "--home", home.root, "--json", "--category", "case")
    photos = json.loads(out)
    assert {p["original_name"] for p in photos} == {"åsted 1.jpg", "åsted 2.jpg"}
    big = next(p for p in photos if p["original_name"] == "åsted 1.jpg")
    assert big["categories"]["media"]["state"] == "suggested"
    assert big["case_number"] == "2026-123456" and big["has_gps"] is True

    code, _, err = _run(
        capsys,
        "tag",
        "--home",
        home.root,
        big["id"],
        "--confirm",
        "media",
        "--reject",
        "case",
        "--caption",
        "Åsted etter brann «Storgata»",
        "--keywords",
        "brann, Storgata",
    )
    assert code == 0, err
    code, out, _ = _run(capsys, "show", "--home", home.root, big["id"], "--json")
    shown = json.loads(out)
    assert shown["caption"] == "Åsted etter brann «Storgata»"
    assert shown["keywords"] == ["brann", "Storgata"]
    assert shown["categories"]["media"]["state"] == "confirmed"
    assert shown["categories"]["case"]["state"] == "rejected"
    assert [e["kind"] for e in shown["events"]][:1] == ["ingested"]
    assert "edited" in [e["kind"] for e in shown["events"]]

    code, out, _ = _run(capsys, "list", "--home", home.root, "--json", "--search", "storgata")
    assert [p["id"] for p in json.loads(out)] == [big["id"]]


def test_ingest_exit_codes(home, tmp_path, capsys):
    good = factory.make_photo(tmp_path / "a.jpg")
    assert _run(capsys, "--home", home.root, "ingest", good, "--no-faces")[0] == 0
    assert _run(capsys, "--home", home.root, "ingest", good, "--no-faces")[0] == 0  # a duplicate is fine
    pdf = factory.make_not_an_image(tmp_path / "b.pdf")
    code, _, err = _run(capsys, "--home", home.root, "ingest", pdf, "--no-faces")
    assert code == 1 and "PDF" in err
    code, _, err = _run(capsys, "--home", home.root, "ingest", tmp_path / "missing.jpg")
    assert code == 2 and "Not found" in err
    code, out, _ = _run(capsys, "--home", home.root, "quarantine", "--json")
    (entry,) = json.loads(out)
    assert entry["reason_code"] == "not_a_photo"

    # Dealt with: off the list, the file itself stays in the quarantine folder.
    code, _, err = _run(capsys, "--home", home.root, "quarantine", "--resolve", entry["id"])
    assert code == 0 and "1 marked as dealt with" in err
    code, out, _ = _run(capsys, "--home", home.root, "quarantine", "--json")
    assert json.loads(out) == [] and Path(entry["file"]).exists()
    code, _, err = _run(capsys, "--home", home.root, "quarantine", "--resolve", 4242)
    assert code == 1 and "4242: no such quarantined file" in err


def test_bad_settings_give_a_message_not_a_traceback(home, capsys):
    home.settings_file.write_text("[categories]\nmedia_min_long_edge = -5\n", encoding="utf-8")
    code, _, err = _run(capsys, "--home", home.root, "list")
    assert code == 2
    assert "categories.media_min_long_edge" in err and "Traceback" not in err


def test_unknown_photo_is_a_clear_error(home, capsys):
    code, _, err = _run(capsys, "--home", home.root, "show", "999")
    assert code == 2 and "no photo 999" in err
